import { Suspense } from 'react';
import { currentDecision } from '../engine/run';
import type { RunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceScreen } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen } from '../ui/debrief-loader';
import { DecisionScreen } from '../ui/decision-screen';

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
  if (view === 'consequence') return <ConsequenceScreen scenario={scenario} state={state} />;
  const node = currentDecision(scenario, state);
  if (node && view === 'decision')
    return <DecisionScreen scenario={scenario} state={state} node={node} shownAt={active.run.shownAt ?? Date.now()} />;
  return (
    <Suspense fallback={loading}>
      <DebriefScreen scenario={scenario} state={state} outdated={active.outdated} />
    </Suspense>
  );
}
