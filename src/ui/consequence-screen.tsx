import { useId, useMemo, useRef } from 'react';
import { fillText } from '../engine/fill-text';
import { describeRequestNews, requestNews } from '../engine/requests';
import { snapshot } from '../engine/run';
import { findChoice, findNode, scenarioIndex } from '../engine/scenario-index';
import { eventDecision } from '../engine/score-events';
import { formatDuration } from '../engine/scoring';
import type { RunState, VarChange } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { describeMeasure } from './describe-measure';
import { useFocusSoon } from './focus-soon';
import { formatGameTime, formatValue } from './format';
import { RunLayout } from './run-layout';
import { ScoreEventList } from './score-event-list';
import { SCREEN_PAINTED } from './screen-painted';
import { DEBRIEF_SCREEN, decisionColumn, moveOn } from './show-drawn-ahead';
import { RegionChanges } from './status-board';
import { useApp, useAppStore } from './store-context';

/** One line per variable: its value before the decision and after all of the decision's effects. */
function netChanges(changes: readonly VarChange[]): VarChange[] {
  const byVar = new Map<string, VarChange>();
  for (const c of changes) {
    const seen = byVar.get(c.var);
    byVar.set(c.var, seen ? { ...seen, to: c.to } : c);
  }
  return [...byVar.values()].filter((c) => c.from !== c.to);
}

interface Props {
  scenario: Scenario;
  state: RunState;
}

/** What the last decision did, in the run's frame. */
export function ConsequenceScreen({ scenario, state }: Props) {
  return (
    <RunLayout scenario={scenario} state={state} step={consequenceStep(state)}>
      <ConsequenceMain scenario={scenario} state={state} />
    </RunLayout>
  );
}

export const consequenceStep = (state: RunState) => `第 ${state.timeline.length} 个决定的后果`;

/** What the last decision did: its feedback, what changed in the world and why, its score events. */
export function ConsequenceMain({ scenario, state }: Props) {
  const proceed = useApp((s) => s.proceed);
  const store = useAppStore();
  const button = useRef<HTMLButtonElement>(null);
  // Each drawn its own: the consequences of a decision's choices are drawn ahead side by side, hidden.
  const id = useId();
  // Focus without scrolling: the trainee should read the feedback from its top.
  useFocusSoon(button);
  const decision = state.timeline.length - 1;
  const entry = state.timeline[decision];
  // The regions as the decision was taken, and as the next situation is met.
  const after = useMemo(() => snapshot(state.world), [state.world]);
  if (!entry) return null;
  const node = findNode(scenario, entry.nodeId);
  const choice = node?.kind === 'decision' ? findChoice(node, entry.choiceId) : undefined;
  const events = state.scoreEvents.filter(
    (e) => eventDecision(e) === decision || (state.ending !== null && eventDecision(e) === null),
  );
  const variables = scenarioIndex(scenario).variable;
  const changes = netChanges(entry.changes).flatMap((c) => {
    const variable = variables.get(c.var);
    return variable?.visible ? [{ ...c, label: variable.label }] : [];
  });
  const injects = state.injects.filter((x) => x.decision === decision);
  const news = requestNews(state.grants, entry.clockAt, entry.clockNext);
  const measures = choice?.world ?? [];
  const hasWorld = (scenario.regions ?? []).length > 0;

  // The next decision drawn ahead is shown by the click; the debrief has its own (drawn ahead, an Activity).
  const next = () =>
    moveOn(
      store,
      'consequence',
      (at) => proceed(at),
      () =>
        state.ending === null
          ? { from: button.current, key: decisionColumn(state.decisions.length), focus: 'h1' }
          : // The debrief drawn ahead beside the run's screen (run-screens.tsx), when it has been.
            { from: button.current, key: DEBRIEF_SCREEN, focus: 'h1', level: 'screen' },
    );

  return (
    <>
      <p className="eyebrow">{node?.title}</p>
      <h1 {...SCREEN_PAINTED}>
        {entry.timedOut && <span className="badge timeout">超时</span>}
        {choice?.label}
      </h1>
      {entry.timedOut && (
        <p className="timeout-note" role="note">
          限时内没有作出决定，按默认处置记录。
        </p>
      )}
      <p className="prose feedback">
        {fillText(choice?.feedback ?? '', scenario, { clock: entry.clockAfter, vars: entry.varsAfter })}
      </p>
      <p className="clock-advance">
        耗时 {formatDuration(entry.clockAfter - entry.clockAt)}
        {entry.clockNext > entry.clockAfter &&
          `；又过了 ${formatDuration(entry.clockNext - entry.clockAfter)}，局面有了变化`}
        ，推演时间现为 <time>{formatGameTime(scenario.clockStart, entry.clockNext)}</time>。
      </p>
      {(changes.length > 0 || hasWorld || injects.length > 0 || news.length > 0) && (
        <section aria-labelledby={`${id}-changes`}>
          <h2 id={`${id}-changes`}>态势变化</h2>
          {measures.length > 0 && (
            <>
              <h3>采取的措施</h3>
              <ul className="measure-list">
                {measures.map((m, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a choice's measures keep their order
                  <li key={i}>{describeMeasure(scenario, m)}</li>
                ))}
              </ul>
            </>
          )}
          {injects.length > 0 && (
            <>
              <h3>其间发生的事件</h3>
              <ul className="inject-list">
                {injects.map((x) => {
                  const inject = scenario.injects?.find((i) => i.id === x.id);
                  return (
                    <li key={x.id}>
                      <strong>{inject?.title}</strong>（<time>{formatGameTime(scenario.clockStart, x.clock)}</time>）
                      <p className="prose">{fillText(inject?.text ?? '', scenario, x)}</p>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {news.length > 0 && (
            <>
              <h3>请示与批复</h3>
              <ul className="request-news">
                {news.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: news keeps the order of its minutes
                  <li key={i}>
                    <time>{formatGameTime(scenario.clockStart, n.clock)}</time> {describeRequestNews(scenario, n)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {hasWorld && <RegionChanges scenario={scenario} before={state.regionsBefore} after={after} />}
          {changes.length > 0 && (
            <ul className="changes">
              {changes.map((c) => (
                <li key={c.var}>
                  {c.label}：{formatValue(c.from)} → {formatValue(c.to)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby={`${id}-events`}>
        <h2 id={`${id}-events`}>评分</h2>
        <ScoreEventList scenario={scenario} events={events} label="本次决定的评分" />
      </section>
      <div className="actions">
        <button type="button" className="primary" ref={button} onClick={next}>
          {state.ending ? '查看复盘' : '继续'}
        </button>
      </div>
    </>
  );
}
