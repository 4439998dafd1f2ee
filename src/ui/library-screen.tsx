import { useEffect, useMemo, useRef } from 'react';
import { importedId } from '../store/library-slice';
import { useAfterFirstPaint } from './after-first-paint';
import { useFocusSoon } from './focus-soon';
import { ImportPanel } from './import-panel';
import { casesChart, requestsBoard } from './run-side-parts';
import { useApp } from './store-context';
import { TimeLimitSetting } from './time-limit-setting';
import { useOpenDraft } from './use-open-draft';
import { whenIdle } from './when-idle';

export function LibraryScreen({ onRetryLoad }: { onRetryLoad?: () => void }) {
  const library = useApp((s) => s.library);
  const startRun = useApp((s) => s.startRun);
  const textSize = useApp((s) => s.settings.textSize);
  const setTextSize = useApp((s) => s.setTextSize);
  const removeImported = useApp((s) => s.removeImported);
  const fetchDrill = useApp((s) => s.fetchDrill);
  const prefetchDrill = useApp((s) => s.prefetchDrill);
  const openPage = useApp((s) => s.openPage);
  const openDraft = useOpenDraft();
  const imports = useApp((s) => s.imports);
  // The library holds only drills a trainee can start: the draft and a run's old version live apart.
  const entries = useMemo(() => Object.values(library.entries), [library.entries]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Coming back from a drill, focus starts at the top of the library, not on the page body.
  useFocusSoon(heading);
  // The cards first, in the first frame; the import panel, for instructors, a frame later.
  const rest = useAfterFirstPaint();
  // The run's chart and requests board are fetched while the trainee reads the library, so they
  // are there when a drill starts.
  useEffect(
    () =>
      whenIdle(() => {
        // Not fetched now (offline): the run fetches them again when it draws them.
        casesChart.preload().catch(() => undefined);
        requestsBoard.preload().catch(() => undefined);
      }),
    [],
  );
  // Each shipped drill's chunk is fetched while the trainee reads the cards, so 开始演练 starts at once.
  const ids = library.status === 'ready' ? Object.keys(library.entries).join('\n') : '';
  useEffect(() => {
    if (!ids) return;
    return whenIdle(() => {
      for (const id of ids.split('\n')) prefetchDrill(id);
    });
  }, [ids, prefetchDrill]);
  // An imported drill opens as it was written; a shipped one as its data, fetched first if need be.
  const edit = async (id: string) => {
    const text = imports.find((f) => importedId(f, id))?.text;
    if (text !== undefined) return openDraft({ file: `${id}.json`, text });
    const drill = await fetchDrill(id);
    if (drill) openDraft({ file: `${id}.json`, text: `${JSON.stringify(drill.scenario, null, 2)}\n` });
  };

  return (
    <main className="screen library">
      <header className="page-header library-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            桌面推演
          </h1>
          <p className="tagline">
            预案要进行预演，预演要“真刀真枪”。选择一个演练，在时限压力下作出决策，结束后查看复盘。
          </p>
        </div>
        <div className="library-tools">
          <button type="button" className="secondary" onClick={() => openPage('authoring')}>
            编写与试玩
          </button>
          <button type="button" className="secondary" onClick={() => openPage('class')}>
            班级复盘
          </button>
          <button type="button" className="link-button" onClick={() => openPage('help')}>
            编写指南
          </button>
        </div>
        <label className="text-size">
          <input
            type="checkbox"
            checked={textSize === 'large'}
            onChange={(e) => setTextSize(e.target.checked ? 'large' : 'normal')}
          />
          大字号（投影时用）
        </label>
        <TimeLimitSetting />
      </header>
      {library.status === 'loading' && <p aria-busy="true">正在载入演练……</p>}
      {library.status === 'failed' && (
        <div role="alert" className="load-failed">
          <p>演练没有载入成功（{library.failure}）。请检查网络或文件是否完整，然后重试。</p>
          {onRetryLoad && (
            <button type="button" className="secondary" onClick={onRetryLoad}>
              重试
            </button>
          )}
        </div>
      )}
      {library.status === 'ready' && entries.length === 0 && <p>演练库中还没有演练。</p>}
      <ul className="drill-list" aria-label="演练库">
        {entries.map(({ card, source, fetching, failure }) => (
          <li key={card.id}>
            <article
              className="drill-card"
              aria-labelledby={`drill-${card.id}`}
              aria-busy={fetching || undefined}
              onPointerEnter={() => prefetchDrill(card.id)}
              onFocus={() => prefetchDrill(card.id)}
            >
              <h2 id={`drill-${card.id}`} {...{ elementtiming: 'drill-card' }}>
                {source === 'imported' && <span className="badge imported">导入</span>}
                {card.title}
              </h2>
              <p className="summary">{card.summary}</p>
              <dl className="facts">
                <div>
                  <dt>扮演角色</dt>
                  <dd>{card.role}</dd>
                </div>
                <div>
                  <dt>预计用时</dt>
                  <dd>{card.estimatedMinutes} 分钟</dd>
                </div>
                <div>
                  <dt>适用法律</dt>
                  <dd>{card.legalFramework} 年的法律文本</dd>
                </div>
              </dl>
              {failure !== null && (
                <p role="alert" className="load-failed">
                  演练内容没有载入成功（{failure}）。请检查网络，然后再点一次“开始演练”或“编写”。
                </p>
              )}
              <div className="card-actions">
                <button type="button" className="primary" onClick={() => startRun(card.id)}>
                  {fetching ? '正在载入……' : '开始演练'}
                  <span className="visually-hidden">：{card.title}</span>
                </button>
                <button type="button" className="secondary" onClick={() => void edit(card.id)}>
                  编写<span className="visually-hidden">：{card.title}</span>
                </button>
                {source === 'imported' && (
                  <button type="button" className="secondary" onClick={() => removeImported(card.id)}>
                    移除<span className="visually-hidden">：{card.title}</span>
                  </button>
                )}
              </div>
            </article>
          </li>
        ))}
      </ul>
      {rest && library.status === 'ready' && <ImportPanel />}
      {library.rejected.length > 0 && (
        <section className="rejected" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">未能载入的情景文件</h2>
          {library.rejected.map((r) => (
            <div key={r.file}>
              <h3>{r.file}</h3>
              <ul>
                {r.problems.map((p) => (
                  <li key={`${p.pointer}:${p.message}`}>
                    <code>{p.pointer || '/'}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
