import { memo, type ReactNode, Suspense } from 'react';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { useAfterFirstPaint, useAfterNextPaint } from './after-first-paint';
import { useLoaded } from './preloadable';
import { RunHeader } from './run-header';
import { casesChart, requestsBoard } from './run-side-parts';
import { RUN_SCREEN } from './show-drawn-ahead';
import { StatusBoard } from './status-board';
import { StatusPanel } from './status-panel';
import { useApp } from './store-context';

const RunCasesChart = memo(casesChart.Component);
const RequestsBoard = memo(requestsBoard.Component);
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
    <div className="screen run" data-screen={RUN_SCREEN}>
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
  // The chart, the side's largest part, a frame after the run's first screen: the click that opens
  // the run draws the situation first. Each part only once its code is here: one that suspended would
  // show its fallback, and React then holds back every reveal in the run (the screens drawn ahead) for
  // up to 300 ms.
  const painted = useAfterFirstPaint();
  const chart = useLoaded(casesChart) && painted;
  const requests = useLoaded(requestsBoard);
  return (
    <aside className="decision-side" aria-label="态势">
      <Panel scenario={scenario} vars={side.vars} />
      {requests && side.grants.length > 0 && (
        <Suspense fallback={null}>
          <RequestsBoard scenario={scenario} grants={side.grants} clock={side.clock} />
        </Suspense>
      )}
      <Board scenario={scenario} world={side.world} />
      {chart && (
        <Suspense fallback={null}>
          <RunCasesChart scenario={scenario} world={side.world} timeline={side.timeline} injects={side.injects} />
        </Suspense>
      )}
    </aside>
  );
});
