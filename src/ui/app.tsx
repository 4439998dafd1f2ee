import { useEffect, useMemo } from 'react';
import { currentDecision } from '../engine/run';
import { selectActiveRun } from '../store/selectors';
import { BriefingScreen } from './briefing-screen';
import { ConsequenceScreen } from './consequence-screen';
import { DebriefScreen } from './debrief-screen';
import { DecisionScreen } from './decision-screen';
import { LibraryScreen } from './library-screen';
import { useApp } from './store-context';

/** Picks the screen from the store: no router, the run's saved view says where the trainee is. */
export function App() {
  const run = useApp((s) => s.run);
  const library = useApp((s) => s.library);
  const textSize = useApp((s) => s.settings.textSize);
  const leaveRun = useApp((s) => s.leaveRun);
  const active = useMemo(() => selectActiveRun({ run, library }), [run, library]);
  const screenKey = `${run?.view ?? 'library'}:${run?.decisions.length ?? 0}`;

  // Each new screen starts at its top, as a new page would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    document.documentElement.scrollTop = 0;
  }, [screenKey]);

  let screen: React.ReactNode;
  switch (active.kind) {
    case 'none':
      screen = <LibraryScreen />;
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
          <h1>无法继续上次的演练</h1>
          <p>{active.reason}</p>
          <button type="button" className="primary" onClick={leaveRun}>
            返回演练库
          </button>
        </main>
      );
      break;
    case 'playing': {
      const { scenario } = active.entry;
      const { state } = active.derived;
      const node = currentDecision(scenario, state);
      const view = active.run.view;
      if (view === 'briefing') screen = <BriefingScreen scenario={scenario} />;
      else if (view === 'consequence') screen = <ConsequenceScreen scenario={scenario} state={state} />;
      else if (node && view === 'decision')
        screen = (
          <DecisionScreen scenario={scenario} state={state} node={node} shownAt={active.run.shownAt ?? Date.now()} />
        );
      else screen = <DebriefScreen scenario={scenario} state={state} />;
      break;
    }
  }
  return <div className={`app text-${textSize}`}>{screen}</div>;
}
