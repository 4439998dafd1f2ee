import { useEffect, useRef } from 'react';
import { offeredChoices } from '../engine/run';
import { type RunState, TIMEOUT } from '../engine/types';
import type { DecisionNode, Scenario } from '../scenario/schema';
import { Countdown } from './countdown';
import { RunHeader } from './run-header';
import { StatusPanel } from './status-panel';
import { useApp } from './store-context';

interface Props {
  scenario: Scenario;
  state: RunState;
  node: DecisionNode;
  shownAt: number;
}

export function DecisionScreen({ scenario, state, node, shownAt }: Props) {
  const decide = useApp((s) => s.decide);
  const leaveRun = useApp((s) => s.leaveRun);
  const choices = offeredChoices(scenario, state);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new decision: move focus to its title so a screen reader starts there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the node changes
  useEffect(() => heading.current?.focus(), [node.id, state.decisions.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1) return;
      const choice = choices[n - 1];
      if (!choice) return;
      e.preventDefault();
      decide(choice.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choices, decide]);

  return (
    <div className="screen decision">
      <RunHeader
        scenario={scenario}
        clock={state.clock}
        step={`第 ${state.decisions.length + 1} 个决定`}
        onLeave={leaveRun}
      >
        {node.timeLimitSec !== undefined && node.timeoutChoice !== undefined && (
          <Countdown
            key={`${node.id}-${state.decisions.length}`}
            limitSec={node.timeLimitSec}
            shownAt={shownAt}
            onExpire={() => decide(TIMEOUT)}
          />
        )}
      </RunHeader>
      <div className="decision-layout">
        <main className="decision-main">
          <h1 ref={heading} tabIndex={-1}>
            {node.title}
          </h1>
          <p className="prose situation">{node.text}</p>
          <h2 className="choices-heading" id="choices-heading">
            你的决定 <span className="muted">（点击，或按数字键）</span>
          </h2>
          <ol className="choices" aria-labelledby="choices-heading">
            {choices.map((choice, i) => (
              <li key={choice.id}>
                <button type="button" className="choice" onClick={() => decide(choice.id)}>
                  <kbd>{i + 1}</kbd>
                  <span>{choice.label}</span>
                </button>
              </li>
            ))}
          </ol>
        </main>
        <aside className="decision-side">
          <StatusPanel scenario={scenario} vars={state.vars} />
        </aside>
      </div>
    </div>
  );
}
