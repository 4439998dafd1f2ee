import lessons from 'virtual:lessons';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { decisionsCsv, traineesCsv } from '../../report/class-csv';
import { type ClassRun, replayResults } from '../../report/class-intake';
import { takeInBackground } from '../../report/class-intake-run';
import { byDrill, classOverview } from '../../report/class-overview';
import { browserStorage } from '../../store/save-storage';
import { datedName, downloadText } from '../download';
import { useApp } from '../store-context';
import { ClassIntakePanel } from './class-intake-panel';
import { ClassOverviewView } from './class-overview-view';
import { ClassSaveNotice } from './class-save-notice';
import { type ClassStore, createClassStore } from './class-store';
import './class.css';

const DebriefScreen = lazy(() => import('../debrief/debrief-screen'));

/*
 * The class outlives this screen (an instructor goes to the library and back), so its store is
 * made once, when the overview is first opened, and kept with this lazily loaded module.
 */
let shared: ClassStore | null = null;
function classStore(): ClassStore {
  shared ??= createClassStore(browserStorage());
  return shared;
}

/**
 * 班级复盘: the instructor loads a class's results files (read and checked on this machine, in a
 * worker), sees each drill's overview, exports it as CSV or prints it, and opens a trainee's own
 * debrief on the library's version of the drill.
 */
export function ClassPage({ store = classStore() }: { store?: ClassStore }) {
  const openPage = useApp((s) => s.openPage);
  const library = useApp((s) => s.library.entries);
  const fetchDrill = useApp((s) => s.fetchDrill);
  const runs = useStore(store, (s) => s.runs);
  const refused = useStore(store, (s) => s.refused);
  const lastAdmitted = useStore(store, (s) => s.lastAdmitted);
  const hideRanking = useStore(store, (s) => s.hideRanking);
  const [busy, setBusy] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [drillId, setDrillId] = useState<string | null>(null);
  const [viewing, setViewing] = useState<ClassRun | null>(null);
  const stop = useRef<(() => void) | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => () => stop.current?.(), []);
  // Focus starts at the heading on opening, and returns there when a trainee's debrief closes.
  useEffect(() => heading.current?.focus({ preventScroll: viewing === null }), [viewing]);

  const groups = useMemo(() => byDrill(runs), [runs]);
  const group = groups.find((g) => g[0]?.results.drill.id === drillId) ?? groups[0];
  const drill = group?.[0]?.results.drill;
  const entry = drill ? library[drill.id] : undefined;
  // The library's drill names the options nobody took and the references, when it is the version played.
  const scenario = entry && entry.hash === drill?.hash ? entry.scenario : null;
  // A shipped drill is fetched when its class is shown; the overview names its options once it is here.
  const toFetch = entry && entry.hash === drill?.hash && !entry.scenario ? entry.card.id : null;
  useEffect(() => {
    if (toFetch) void fetchDrill(toFetch);
  }, [toFetch, fetchDrill]);
  const overview = useMemo(() => (group ? classOverview(group, scenario, lessons) : null), [group, scenario]);

  const viewedState = useMemo(
    () => (viewing && scenario ? replayResults(scenario, viewing) : null),
    [viewing, scenario],
  );

  const takeIn = async (files: File[]) => {
    if (files.length === 0) return;
    if (busy !== null) {
      setFailed(`正在读取上一批 ${busy} 个文件：读完后再载入这 ${files.length} 个。`);
      return;
    }
    setBusy(files.length);
    setFailed(null);
    // Each run is replayed on the library's version of its drill: every drill is fetched first.
    const fetched = await Promise.all(Object.keys(library).map((id) => fetchDrill(id)));
    if (fetched.includes(null)) {
      setBusy(null);
      setFailed('演练内容没有载入成功，这批文件没有载入：请检查网络，然后重新选择这些文件。');
      return;
    }
    const drills = Object.fromEntries(
      fetched.flatMap((d) => (d ? [[d.scenario.id, { hash: d.hash, scenario: d.scenario }]] : [])),
    );
    stop.current = takeInBackground({ existing: store.getState().runs, files, library: drills }, (message) => {
      setBusy(null);
      if (message.kind === 'done') store.getState().add(message.intake);
      else setFailed(message.message);
    });
  };

  if (viewing && scenario && viewedState) {
    const state = viewedState;
    return (
      <Suspense fallback={<main className="screen">正在打开……</main>}>
        <DebriefScreen
          scenario={scenario}
          state={state}
          viewing={{ trainee: viewing.results.trainee ?? viewing.file, onClose: () => setViewing(null) }}
        />
      </Suspense>
    );
  }

  const name = drill ? `${drill.title}-班级` : '班级';
  return (
    <main className="screen class-page">
      <header className="page-header class-header">
        <h1 ref={heading} tabIndex={-1}>
          班级复盘{drill ? ` · ${drill.title}` : ''}
        </h1>
        <div className="actions no-print">
          <button type="button" className="secondary" onClick={() => openPage('library')}>
            返回演练库
          </button>
        </div>
      </header>
      <p className="prose no-print">
        载入学员在复盘页导出的结果文件（JSON），可以一次选几百个，也可以拖到下面。文件只在这台电脑上读取，不上传到任何地方；载入的班级保存在这个浏览器里，刷新后还在。
      </p>
      <ClassSaveNotice store={store} />

      {viewing && !viewedState && (
        <p role="alert" className="problem">
          「{viewing.results.trainee ?? viewing.file}
          」的决定不能在演练库的这个版本上重放（文件可能被改动过），所以打不开这份复盘；班级统计仍按文件里的记录计算。
        </p>
      )}
      <ClassIntakePanel busy={busy} onFiles={takeIn} />
      {failed && (
        <p role="alert" className="problem">
          {failed}
        </p>
      )}
      {lastAdmitted !== null && busy === null && (
        <section aria-labelledby="intake-heading" className="intake-result no-print" role="status">
          <h2 id="intake-heading">
            这次载入 {lastAdmitted} 份{refused.length > 0 ? `，另有 ${refused.length} 份没有载入` : ''}
          </h2>
          {refused.length > 0 && (
            <ul aria-label="没有载入的文件" className="refused">
              {refused.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be picked twice
                <li key={i}>
                  <strong>{r.file}</strong>
                  <span className="refused-reason">{r.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {groups.length > 1 && (
        <nav aria-label="演练" className="drill-tabs no-print">
          {groups.map((g) => {
            const d = g[0]?.results.drill;
            if (!d) return null;
            return (
              <button
                key={d.id}
                type="button"
                className="secondary"
                aria-pressed={d.id === drill?.id}
                onClick={() => setDrillId(d.id)}
              >
                {d.title}（{g.length} 人）
              </button>
            );
          })}
        </nav>
      )}

      {overview && drill && group ? (
        <>
          {!scenario && (
            <p className="muted" role="note">
              演练库里没有这个版本的「{drill.title}
              」，所以没人选的选项、依据的原文和学员的复盘无法显示：导入这个版本的演练文件后就有。
            </p>
          )}
          {scenario?.instructorNotes && (
            <details className="panel instructor-notes">
              <summary>给教员的说明：各条路线教什么</summary>
              <p className="prose">{scenario.instructorNotes}</p>
            </details>
          )}
          <ClassOverviewView
            overview={overview}
            scenario={scenario}
            hideRanking={hideRanking}
            onHideRanking={store.getState().setHideRanking}
            onOpenRun={scenario ? (id) => setViewing(group.find((r) => r.id === id) ?? null) : undefined}
          />
          <div className="actions no-print">
            <button
              type="button"
              className="secondary"
              onClick={() => downloadText(datedName(`${name}-每名学员`, new Date(), 'csv'), traineesCsv(group))}
            >
              导出每名学员（CSV）
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => downloadText(datedName(`${name}-每个决定`, new Date(), 'csv'), decisionsCsv(group))}
            >
              导出每个决定（CSV）
            </button>
            <button type="button" className="secondary" onClick={() => window.print()}>
              打印班级复盘
            </button>
            <button
              type="button"
              className="link-button"
              disabled={busy !== null}
              onClick={() => {
                if (window.confirm(`清空这个班级载入的全部 ${runs.length} 份结果？原来的结果文件不受影响。`))
                  store.getState().clear();
              }}
            >
              清空班级
            </button>
          </div>
        </>
      ) : (
        <p className="muted">还没有载入结果文件。</p>
      )}
    </main>
  );
}

export default ClassPage;
