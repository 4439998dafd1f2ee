import { useEffect, useRef } from 'react';
import { eventDecision } from '../engine/debrief';
import { findChoice, findNode, indexOf } from '../engine/scenario-index';
import { formatDuration } from '../engine/scoring';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { formatGameTime, formatValue } from './format';
import { RunHeader } from './run-header';
import { ScoreEventList } from './score-event-list';
import { StatusPanel } from './status-panel';
import { useApp } from './store-context';

/** What the last decision did: its feedback, its score events, what changed; then continue. */
export function ConsequenceScreen({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const proceed = useApp((s) => s.proceed);
  const leaveRun = useApp((s) => s.leaveRun);
  const button = useRef<HTMLButtonElement>(null);
  // Focus without scrolling: the trainee should read the feedback from its top.
  useEffect(() => button.current?.focus({ preventScroll: true }), []);

  const decision = state.timeline.length - 1;
  const entry = state.timeline[decision];
  if (!entry) return null;
  const node = findNode(scenario, entry.nodeId);
  const choice = node?.kind === 'decision' ? findChoice(node, entry.choiceId) : undefined;
  const events = state.scoreEvents.filter(
    (e) => eventDecision(e) === decision || (state.ending && eventDecision(e) === null),
  );
  const variables = indexOf(scenario).variable;
  const changes = entry.changes.flatMap((c) => {
    const variable = variables.get(c.var);
    return variable?.visible ? [{ ...c, label: variable.label }] : [];
  });

  return (
    <div className="screen consequence">
      <RunHeader scenario={scenario} clock={state.clock} step={`第 ${decision + 1} 个决定的后果`} onLeave={leaveRun} />
      <div className="decision-layout">
        <main className="decision-main">
          <p className="eyebrow">{node?.title}</p>
          <h1>
            {entry.timedOut && <span className="badge timeout">超时</span>}
            {choice?.label}
          </h1>
          {entry.timedOut && (
            <p className="timeout-note" role="note">
              限时内没有作出决定，按默认处置记录。
            </p>
          )}
          <p className="prose feedback">{choice?.feedback}</p>
          <p className="clock-advance">
            耗时 {formatDuration(entry.clockAfter - entry.clockAt)}，推演时间到了{' '}
            <time>{formatGameTime(scenario.clockStart, entry.clockAfter)}</time>。
          </p>
          {changes.length > 0 && (
            <section aria-labelledby="changes-heading">
              <h2 id="changes-heading">态势变化</h2>
              <ul className="changes">
                {changes.map((c) => (
                  <li key={c.var}>
                    {c.label}：{formatValue(c.from)} → {formatValue(c.to)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="events-heading">
            <h2 id="events-heading">评分</h2>
            <ScoreEventList scenario={scenario} events={events} label="本次决定的评分" />
          </section>
          <div className="actions">
            <button type="button" className="primary" ref={button} onClick={proceed}>
              {state.ending ? '查看复盘' : '继续'}
            </button>
          </div>
        </main>
        <aside className="decision-side">
          <StatusPanel scenario={scenario} vars={state.vars} />
        </aside>
      </div>
    </div>
  );
}
