import type { ReactNode } from 'react';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { CasesChart, runMarkers } from './cases-chart';
import { RequestsBoard } from './requests-board';
import { RunHeader } from './run-header';
import { StatusBoard } from './status-board';
import { StatusPanel } from './status-panel';
import { useApp } from './store-context';

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
        <aside className="decision-side" aria-label="态势">
          <StatusPanel scenario={scenario} vars={state.vars} />
          <RequestsBoard scenario={scenario} grants={state.grants} clock={state.clock} />
          <StatusBoard scenario={scenario} world={state.world} />
          <CasesChart
            scenario={scenario}
            world={state.world}
            markers={runMarkers(scenario, state.timeline, state.injects)}
          />
        </aside>
      </div>
    </div>
  );
}
