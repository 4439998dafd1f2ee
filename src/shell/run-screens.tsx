import { Activity, Suspense, useEffect, useState } from 'react';
import { currentDecision } from '../engine/run';
import type { RunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceMain, consequenceStep } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen, preloadDebrief } from '../ui/debrief-loader';
import { DecisionHeader, DecisionMain, decisionStep } from '../ui/decision-screen';
import { layOutUnseen } from '../ui/lay-out-unseen';
import { RunLayout } from '../ui/run-layout';

const loading = (
  <main className="screen" aria-busy="true">
    正在打开……
  </main>
);

type Active = Extract<RunAvailability, { kind: 'playing' }>;

/**
 * The run's screens, a chunk of their own with the engine they call: the library, the first
 * screen, is shown without them, and they are fetched beside it (the library asks when idle) or
 * when a saved run is shown.
 */
export default function RunScreens({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  const ahead = useDebriefAhead(view === 'consequence' && state.ending !== null);
  // Its text laid out once, unseen, when the page is next idle: the glyphs are then ready for its first frame.
  useEffect(() => {
    if (!ahead) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 1));
    idle(() => {
      const hidden = document.querySelector<HTMLElement>('main.debrief');
      if (hidden && !hidden.checkVisibility()) layOutUnseen(hidden);
    });
  }, [ahead]);
  return (
    <>
      <RunScreen active={active} />
      {/* The debrief is drawn while the last consequence is read, hidden, and shown by 查看复盘 as it is:
          the click then only swaps the screens. Its first frame only: the rest waits to be shown. */}
      {(view === 'debrief' || ahead) && (
        <Activity mode={view === 'debrief' ? 'visible' : 'hidden'}>
          <Suspense fallback={loading}>
            <DebriefScreen scenario={scenario} state={state} outdated={active.outdated} />
          </Suspense>
        </Activity>
      )}
    </>
  );
}

/** The screen of a run before its debrief. */
function RunScreen({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  if (view === 'briefing') return <BriefingScreen scenario={scenario} />;
  const node = currentDecision(scenario, state);
  const key = `${view}:${state.decisions.length}`;
  // Decision and consequence share one frame, kept from screen to screen: only the main column is
  // new, and the side's boards redraw only what changed (a remount of the whole page cost a frame).
  if (view === 'consequence')
    return (
      <RunLayout scenario={scenario} state={state} step={consequenceStep(state)}>
        <ConsequenceMain key={key} scenario={scenario} state={state} />
      </RunLayout>
    );
  if (node && view === 'decision') {
    const props = { scenario, state, node, shownAt: active.run.shownAt ?? Date.now() };
    return (
      <RunLayout scenario={scenario} state={state} step={decisionStep(state)} header={<DecisionHeader {...props} />}>
        <DecisionMain key={key} {...props} />
      </RunLayout>
    );
  }
  return null;
}

/**
 * On the last consequence, once the page is idle (its own frame drawn), the debrief's code is
 * fetched and then the debrief drawn ahead, hidden: true from then on.
 */
function useDebriefAhead(lastConsequence: boolean): boolean {
  const [ahead, setAhead] = useState(false);
  useEffect(() => {
    if (!lastConsequence) return;
    let current = true;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 1));
    idle(() =>
      preloadDebrief().then(
        () => current && setAhead(true),
        // Not drawn ahead: 查看复盘 fetches it again, and says so if it cannot.
        () => undefined,
      ),
    );
    return () => {
      current = false;
    };
  }, [lastConsequence]);
  return ahead;
}
