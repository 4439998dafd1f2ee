import { Suspense } from 'react';
import { currentDecision } from '../engine/run';
import type { RunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceMain, consequenceStep } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen } from '../ui/debrief-loader';
import { DecisionHeader, DecisionMain, decisionStep } from '../ui/decision-screen';
import { RunLayout } from '../ui/run-layout';

const loading = (
  <main className="screen" aria-busy="true">
    正在打开……
  </main>
);

/**
 * The run's screens, a chunk of their own with the engine they call: the library, the first
 * screen, is shown without them, and they are fetched beside it (the library asks when idle) or
 * when a saved run is shown.
 */
export default function RunScreens({ active }: { active: Extract<RunAvailability, { kind: 'playing' }> }) {
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
  return (
    <Suspense fallback={loading}>
      <DebriefScreen scenario={scenario} state={state} outdated={active.outdated} />
    </Suspense>
  );
}
