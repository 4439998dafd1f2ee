import { lazy, Suspense, useEffect, useMemo } from 'react';
import { currentDecision } from '../engine/run';
import type { Page } from '../store/app-state';
import { type RunAvailability, selectRunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceScreen } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen } from '../ui/debrief-loader';
import { DecisionScreen } from '../ui/decision-screen';
import { datedName, downloadText } from '../ui/download';
import { progressFile } from '../ui/export-progress';
import { LibraryScreen } from '../ui/library-screen';
import { SaveNotice } from '../ui/save-notice';
import { ScreenBoundary } from '../ui/screen-boundary';
import { useApp, useAppStore } from '../ui/store-context';

// Instructors' screens: fetched only when opened, so a trainee never downloads them.
const AuthoringView = lazy(() => import('../authoring/authoring-view'));
const HelpScreen = lazy(() => import('../ui/help-screen'));
const ClassPage = lazy(() => import('../ui/class/class-page'));

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
  const runNotice = useApp((s) => s.runNotice);
  const dismissRunNotice = useApp((s) => s.dismissRunNotice);
  const page = useApp((s) => s.page);
  const openPage = useApp((s) => s.openPage);
  const store = useAppStore();
  const dismissSaveProblem = () => store.health.setState({ problem: null });
  const active = useMemo(
    () => selectRunAvailability({ run, library, draftDrill, playedDrill }, store.derivedRuns),
    [run, library, draftDrill, playedDrill, store],
  );
  const screenKey = `${run?.view ?? page}:${run?.decisions.length ?? 0}`;

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
            {active.restart && (
              <button type="button" className="primary" onClick={() => startRun(active.run.scenarioId)}>
                按新版本重新开始
              </button>
            )}
            <button type="button" className={active.restart ? 'secondary' : 'primary'} onClick={leaveRun}>
              {active.run.origin ? '返回编写' : '返回演练库'}
            </button>
          </div>
        </main>
      );
      break;
    case 'playing': {
      const { scenario, state } = active;
      const node = currentDecision(scenario, state);
      const view = active.run.view;
      if (view === 'briefing') screen = <BriefingScreen scenario={scenario} />;
      else if (view === 'consequence') screen = <ConsequenceScreen scenario={scenario} state={state} />;
      else if (node && view === 'decision')
        screen = (
          <DecisionScreen scenario={scenario} state={state} node={node} shownAt={active.run.shownAt ?? Date.now()} />
        );
      else
        screen = (
          <Suspense fallback={loading}>
            <DebriefScreen scenario={scenario} state={state} outdated={active.outdated} />
          </Suspense>
        );
      break;
    }
  }
  const title = pageTitle(active, page);
  useEffect(() => {
    document.title = title;
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
        key={screenKey}
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
