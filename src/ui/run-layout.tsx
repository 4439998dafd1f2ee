import { lazy, memo, type ReactNode, Suspense } from 'react';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { useAfterNextPaint } from './after-first-paint';
import { RunHeader } from './run-header';
import { StatusBoard } from './status-board';
import { StatusPanel } from './status-panel';
import { useApp } from './store-context';

// The chart's drawing code comes after the first screen (the library fetches it when idle): it is
// the largest part of a run's screens, and the status board above it says the same in numbers.
const RunCasesChart = memo(lazy(() => import('./cases-chart')));
// Only a drill with requests to the level above shows this board, and only once one is made.
const RequestsBoard = memo(lazy(() => import('./requests-board')));
// The side is kept from decision to consequence: each board redraws only when what it shows changed
// (from a consequence to the next decision, nothing has).
const Panel = memo(StatusPanel);
const Board = memo(StatusBoard);

interface Props {
  scenario: Scenario;
  state: RunState;
  step: string;
  /** Shown in the header beside the clock (the countdown). */
  header?: ReactNode;
  children: ReactNode;
}

/** A screen of a run: the header, the main column, and the status side (variables, regions, chart). */
export function RunLayout({ scenario, state, step, header, children }: Props) {
  const leaveRun = useApp((s) => s.leaveRun);
  return (
    <div className="screen run">
      <RunHeader
        scenario={scenario}
        clock={state.clock}
        step={step}
        onLeave={leaveRun}
        trial={state.trialBase !== undefined}
      >
        {header}
      </RunHeader>
      <div className="decision-layout">
        <main className="decision-main">{children}</main>
        <Side scenario={scenario} state={state} />
      </div>
    </div>
  );
}

/**
 * The status side. It follows the main column by a frame: the click shows the new situation first,
 * and the boards and the chart, which its text does not wait on, redraw in the frame after (that
 * redraw is the side's alone, not the screen's).
 */
const Side = memo(function RunSide({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const side = useAfterNextPaint(state);
  return (
    <aside className="decision-side" aria-label="态势">
      <Panel scenario={scenario} vars={side.vars} />
      {side.grants.length > 0 && (
        <Suspense fallback={null}>
          <RequestsBoard scenario={scenario} grants={side.grants} clock={side.clock} />
        </Suspense>
      )}
      <Board scenario={scenario} world={side.world} />
      <Suspense fallback={null}>
        <RunCasesChart scenario={scenario} world={side.world} timeline={side.timeline} injects={side.injects} />
      </Suspense>
    </aside>
  );
});
