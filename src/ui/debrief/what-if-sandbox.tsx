import { useEffect, useMemo, useRef, useState } from 'react';
import { playMove } from '../../engine/best-line';
import { fillText } from '../../engine/fill-text';
import { currentDecision, offeredChoices, replay } from '../../engine/run';
import { formatDuration } from '../../engine/scoring';
import type { Decision, Origin, RunState } from '../../engine/types';
import { compareRuns } from '../../report/compare-runs';
import type { Scenario } from '../../scenario/schema';
import { formatGameTime } from '../format';
import { ScoreEventList } from '../score-event-list';
import { OutcomeTable } from './outcome-table';

interface Props {
  scenario: Scenario;
  /** The real run: its seed, its decisions and (a trial's) origin replay it up to `from`. */
  seed: number;
  decisions: readonly Decision[];
  origin?: Origin;
  realState: RunState;
  /** The decision (0-based) the what-if takes again. */
  from: number;
  onClose: () => void;
}

/**
 * 假设推演: from one decision of the run, another choice and what follows, played in a sandbox
 * that scores nothing — the saved run is never touched — and at its end set beside the real run.
 * No countdown: a sandbox is for thinking. Its moves live in this component only.
 */
export function WhatIfSandbox({ scenario, seed, decisions, origin, realState, from, onClose }: Props) {
  const [moves, setMoves] = useState<string[]>([]);
  const base = useMemo(
    // Under the limits the run was played with, so the steps already taken replay as they were.
    () => replay(scenario, seed, decisions.slice(0, from), origin, realState.timeLimits),
    [scenario, seed, decisions, from, origin, realState.timeLimits],
  );
  const states = useMemo(() => {
    const all = [base];
    for (const move of moves) all.push(playMove(scenario, all[all.length - 1] as RunState, move));
    return all;
  }, [scenario, base, moves]);
  const state = states[states.length - 1] as RunState;
  const node = currentDecision(scenario, state);
  const choices = useMemo(() => offeredChoices(scenario, state), [scenario, state]);
  const index = state.decisions.length;
  const real = realState.timeline[index];
  // The trainee's own choice is marked where the sandbox stands where the run stood.
  const realChoice = real && node && real.nodeId === node.id && !real.timedOut ? real.choiceId : null;
  const heading = useRef<HTMLHeadingElement>(null);
  // Number keys answer, as on the decision screen — but not while typing in a field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const choice = choices[Number(e.key) - 1];
      if (!Number.isInteger(Number(e.key)) || !choice) return;
      e.preventDefault();
      setMoves((m) => [...m, choice.id]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choices]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows each step of the sandbox
  useEffect(() => heading.current?.focus(), [moves.length]);

  const last = moves.length > 0 ? state.timeline[index - 1] : undefined;
  const lastNode = last ? scenario.nodes.find((n) => n.id === last.nodeId) : undefined;
  const lastChoice = lastNode?.kind === 'decision' ? lastNode.choices.find((c) => c.id === last?.choiceId) : undefined;
  const lastEvents = state.scoreEvents.filter(
    (e) => e.source.decision === index - 1 || (state.ending !== null && e.source.decision === null),
  );

  return (
    <section className="what-if panel" aria-labelledby="what-if-heading">
      <p className="what-if-banner" role="note">
        假设推演 · 不计分 — 这里的选择不会改变你的成绩和保存的记录。
      </p>
      <h2 id="what-if-heading">假设推演：从第 {from + 1} 个决定起</h2>

      {last && lastChoice && (
        <section className="what-if-consequence" aria-label="上一步的后果">
          <p className="eyebrow">
            第 {index} 个决定：{lastChoice.label}
          </p>
          <p className="prose">
            {fillText(lastChoice.feedback, scenario, { clock: last.clockAfter, vars: last.varsAfter })}
          </p>
          <p className="muted">
            耗时 {formatDuration(last.clockAfter - last.clockAt)}，推演时间现为{' '}
            {formatGameTime(scenario.clockStart, last.clockNext)}。
          </p>
          <ScoreEventList scenario={scenario} events={lastEvents} label="假设推演中这一步的评分" />
        </section>
      )}

      {node ? (
        <>
          <h3 ref={heading} tabIndex={-1}>
            第 {index + 1} 个决定：{node.title}
          </h3>
          <p className="prose situation">{fillText(node.text, scenario, state)}</p>
          <p className="muted">沙盘里没有倒计时，也不能“超时不决”：想清楚再选。</p>
          <ol className="choices" aria-label="假设推演的选择">
            {choices.map((choice, i) => (
              <li key={choice.id}>
                <button
                  type="button"
                  className="choice"
                  onClick={() => setMoves((m) => [...m, choice.id])}
                  aria-describedby={choice.id === realChoice ? 'what-if-real-choice' : undefined}
                >
                  <kbd>{i + 1}</kbd>
                  <span>{choice.label}</span>
                  {choice.id === realChoice && (
                    <span id="what-if-real-choice" className="badge real-choice">
                      你当时的选择
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <WhatIfOutcome scenario={scenario} realState={realState} state={state} from={from} heading={heading} />
      )}

      <div className="actions start no-print">
        <button
          type="button"
          className="secondary"
          disabled={moves.length === 0}
          onClick={() => setMoves((m) => m.slice(0, -1))}
        >
          撤回一步
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          结束假设推演
        </button>
      </div>
    </section>
  );
}

function WhatIfOutcome({
  scenario,
  realState,
  state,
  from,
  heading,
}: {
  scenario: Scenario;
  realState: RunState;
  state: RunState;
  from: number;
  heading: React.RefObject<HTMLHeadingElement | null>;
}) {
  const comparison = useMemo(() => compareRuns(scenario, realState, state, from), [scenario, realState, state, from]);
  return (
    <>
      <h3 ref={heading} tabIndex={-1}>
        假设推演的结局：{comparison.rows[0]?.other}
      </h3>
      <OutcomeTable
        rows={comparison.rows}
        label="实际推演与假设推演"
        real="实际推演"
        other="假设推演"
        difference="假设比实际"
      />
      <h4 id="what-if-differences-heading">两次推演的不同之处</h4>
      {comparison.decisions.length === 0 ? (
        <p className="muted">两次推演的每个决定都一样。</p>
      ) : (
        <table className="compare" aria-labelledby="what-if-differences-heading">
          <thead>
            <tr>
              <th scope="col">情况</th>
              <th scope="col">实际推演的决定</th>
              <th scope="col">假设推演的决定</th>
            </tr>
          </thead>
          <tbody>
            {comparison.decisions.map((d, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one node may be met twice; the order is fixed
              <tr key={i}>
                <th scope="row">{d.node}</th>
                <td>{d.real ?? <span className="muted">没有遇到</span>}</td>
                <td>{d.other ?? <span className="muted">没有遇到</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
