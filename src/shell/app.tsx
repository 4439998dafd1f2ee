import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { afterNextPaint } from '../store/after-next-paint';
import type { Page } from '../store/app-state';
import { type RunAvailability, selectRunAvailability } from '../store/selectors';
import { datedName, downloadText } from '../ui/download';
import { progressFile } from '../ui/export-progress';
import { LibraryScreen } from '../ui/library-screen';
import { SaveNotice } from '../ui/save-notice';
import { ScreenBoundary } from '../ui/screen-boundary';
import { useApp, useAppStore } from '../ui/store-context';
import { whenIdle } from '../ui/when-idle';
import { loadedRunScreens, loadRunCode, onRunCodeLoaded } from './run-code';

// Instructors' screens: fetched only when opened, so a trainee never downloads them.
const AuthoringView = lazy(() => import('../authoring/authoring-view'));
const HelpScreen = lazy(() => import('../ui/help-screen'));
const ClassPage = lazy(() => import('../ui/class/class-page'));
/** The page drawn at build time has no run (shell/prerender.tsx): hydrated the same way. */
const noRunScreens = () => null;
const loading = (
  <main className="screen" aria-busy="true">
    正在打开……
  </main>
);

/**
 * The shell: picks the screen from the store (no router: the run's saved view says where the
 * trainee is) and lazy-loads the instructors' screens. It lives apart from the trainee's screens
 * and the authoring view so that neither imports the other. `onRetryLoad` fetches the shipped
 * drills again after a failure.
 */
export function App({ onRetryLoad }: { onRetryLoad?: () => void }) {
  const run = useApp((s) => s.run);
  const library = useApp((s) => s.library);
  const draftDrill = useApp((s) => s.draftDrill);
  const playedDrill = useApp((s) => s.playedDrill);
  const textSize = useApp((s) => s.settings.textSize);
  const leaveRun = useApp((s) => s.leaveRun);
  const startRun = useApp((s) => s.startRun);
  const fetchDrill = useApp((s) => s.fetchDrill);
  const runNotice = useApp((s) => s.runNotice);
  const dismissRunNotice = useApp((s) => s.dismissRunNotice);
  const page = useApp((s) => s.page);
  const openPage = useApp((s) => s.openPage);
  const store = useAppStore();
  const dismissSaveProblem = () => store.health.setState({ problem: null });
  // A run is checked (replayed) by the engine and shown by the run's screens, fetched for it; until they come the run waits.
  const RunScreens = useSyncExternalStore(onRunCodeLoaded, loadedRunScreens, noRunScreens);
  const engineLoaded = RunScreens !== null;
  const [engineFailure, setEngineFailure] = useState<string | null>(null);
  const needsEngine = run !== null && !engineLoaded && engineFailure === null;
  useEffect(() => {
    if (!needsEngine) return;
    loadRunCode().then(
      // The run was left unchecked against a changed drill while the engine was away.
      () => store.getState().reconcileRun(),
      (e: unknown) => setEngineFailure(e instanceof Error ? e.message : String(e)),
    );
  }, [needsEngine, store]);
  const active = useMemo(
    (): RunAvailability =>
      run && !engineLoaded
        ? engineFailure === null
          ? { kind: 'waiting' }
          : {
              kind: 'unavailable',
              run,
              reason: `演练程序没有载入成功（${engineFailure}）。进度已经保存：请检查网络后重试。`,
              retry: true,
            }
        : selectRunAvailability({ run, library, draftDrill, playedDrill }, store.derivedRuns),
    [run, library, draftDrill, playedDrill, store, engineLoaded, engineFailure],
  );
  const retry = (id: string) => {
    setEngineFailure(null);
    void fetchDrill(id);
  };
  // A run on a shipped drill not fetched yet (a run another tab started, say) fetches it; fetches are shared.
  const awaited = active.kind === 'waiting' && library.status === 'ready' && run && !run.origin ? run.scenarioId : null;
  useEffect(() => {
    if (awaited) void fetchDrill(awaited);
  }, [awaited, fetchDrill]);
  // The run's screens and engine are fetched while the trainee reads the library, so a drill opens at once.
  useEffect(() => whenIdle(() => void loadRunCode().catch(() => undefined)), []);
  const screenKey = `${run?.view ?? page}:${run?.decisions.length ?? 0}`;
  // A run's screens keep one boundary: decision and consequence share the run's frame (its header and
  // status side), which a new key would throw away at every step, and a screen draws the next one ahead
  // (run-screens.tsx). The boundary starts again only on another kind of screen.
  const boundaryKey = run ? 'run' : screenKey;

  // Each new screen starts at its top, as a new page would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    // In the next frame, before it is laid out: set here, in the input's task, it would make the
    // browser lay out the whole new screen at once, and the frame again.
    const frame = requestAnimationFrame(() => {
      document.documentElement.scrollTop = 0;
    });
    return () => cancelAnimationFrame(frame);
  }, [screenKey]);

  let screen: React.ReactNode;
  switch (active.kind) {
    case 'none':
      screen =
        page === 'library' ? (
          <LibraryScreen onRetryLoad={onRetryLoad} />
        ) : (
          <Suspense fallback={loading}>
            {page === 'authoring' ? <AuthoringView /> : page === 'class' ? <ClassPage /> : <HelpScreen />}
          </Suspense>
        );
      break;
    case 'waiting':
      screen = (
        <main className="screen" aria-busy="true">
          正在恢复上次的演练……
        </main>
      );
      break;
    case 'unavailable':
      screen = (
        <main className="screen notice">
          <h1>{active.run.origin ? '无法继续上次的试玩' : '无法继续上次的演练'}</h1>
          <p>{active.reason}</p>
          <div className="actions start">
            {active.retry && (
              <button type="button" className="primary" onClick={() => retry(active.run.scenarioId)}>
                重试
              </button>
            )}
            {active.restart && (
              <button type="button" className="primary" onClick={() => startRun(active.run.scenarioId)}>
                按新版本重新开始
              </button>
            )}
            <button
              type="button"
              className={active.restart || active.retry ? 'secondary' : 'primary'}
              onClick={leaveRun}
            >
              {active.run.origin ? '返回编写' : '返回演练库'}
            </button>
          </div>
        </main>
      );
      break;
    case 'playing':
      screen = RunScreens ? <RunScreens active={active} /> : loading;
      break;
  }
  const title = pageTitle(active, page);
  // After the new screen is painted: the title is not what the trainee waits for, and setting it costs the frame.
  useEffect(() => {
    let current = true;
    afterNextPaint(() => {
      if (current) document.title = title;
    });
    return () => {
      current = false;
    };
  }, [title]);
  // Read when clicked: subscribing to the draft would redraw the app at every key in the editor.
  const exportNow = () => downloadText(datedName('桌面推演-进度', new Date()), progressFile(store.getState()));
  const leave = () => {
    leaveRun();
    openPage('library');
  };
  return (
    <div className={`app text-${textSize}`}>
      <SaveNotice
        onExport={exportNow}
        onExportRaw={(raw) => downloadText(datedName('桌面推演-原来保存的内容', new Date()), raw)}
        onReload={() => window.location.reload()}
        onDismiss={dismissSaveProblem}
      />
      {runNotice && (
        <div className="run-notice" role="status">
          <p>{runNotice}</p>
          <button type="button" className="link-button" aria-label="关闭这条演练更新的提示" onClick={dismissRunNotice}>
            知道了
          </button>
        </div>
      )}
      <ScreenBoundary
        key={boundaryKey}
        onLeave={leave}
        leaveLabel="返回演练库"
        onExport={exportNow}
        onReload={() => window.location.reload()}
      >
        {screen}
      </ScreenBoundary>
    </div>
  );
}

const PAGE_TITLE: Record<Exclude<Page, 'library'>, string> = {
  authoring: '编写与试玩',
  help: '编写指南',
  class: '班级复盘',
};

/** The browser tab says where the trainee is, for screen readers and for a class of open tabs. */
function pageTitle(active: RunAvailability, page: Page): string {
  if (active.kind === 'none' && page !== 'library') return `${PAGE_TITLE[page]} · 桌面推演`;
  if (active.kind !== 'playing') return '桌面推演';
  const { run, scenario, state } = active;
  const drill = scenario.title;
  const where =
    run.view === 'briefing'
      ? '情况通报'
      : run.view === 'debrief'
        ? '复盘'
        : run.view === 'consequence'
          ? `第 ${run.decisions.length} 个决定的后果`
          : `第 ${state.decisions.length + 1} 个决定`;
  return `${run.origin ? '试玩 · ' : ''}${where} · ${drill} · 桌面推演`;
}
