import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { fillText } from '../engine/fill-text';
import { offeredChoices } from '../engine/run';
import { type RunState, TIMEOUT } from '../engine/types';
import type { DecisionNode, Scenario } from '../scenario/schema';
import { allowedSec } from '../store/time-limits';
import { Countdown, NoCountdown } from './countdown';
import { useFocusSoon } from './focus-soon';
import { RunLayout } from './run-layout';
import { SCREEN_PAINTED } from './screen-painted';
import { commitShown, consequenceColumn, moveOn } from './show-drawn-ahead';
import { useApp, useAppStore } from './store-context';

interface Props {
  scenario: Scenario;
  state: RunState;
  node: DecisionNode;
  shownAt: number;
}

/** A decision: the header's countdown, the situation and the choices, in the run's frame. */
export function DecisionScreen(props: Props) {
  const { scenario, state } = props;
  return (
    <RunLayout scenario={scenario} state={state} step={decisionStep(state)} header={<DecisionHeader {...props} />}>
      <DecisionMain {...props} />
    </RunLayout>
  );
}

export const decisionStep = (state: RunState) => `第 ${state.decisions.length + 1} 个决定`;

/** The instructor's setting, as the run started with it: ×2 doubles the drill's limit, off has none. */
function useLimit(node: DecisionNode) {
  const timeLimits = useApp((s) => s.run?.timeLimits ?? 'x1');
  const drillTimed = node.timeLimitSec !== undefined && node.timeoutChoice !== undefined;
  const limitSec = drillTimed ? allowedSec(node.timeLimitSec as number, timeLimits) : null;
  return { timeLimits, drillTimed, limitSec, timed: limitSec !== null };
}

/** The countdown beside the clock, or the note that the instructor lifted it. */
export function DecisionHeader({ node, state, shownAt }: Props) {
  const decide = useApp((s) => s.decide);
  const { timeLimits, drillTimed, limitSec } = useLimit(node);
  if (limitSec !== null)
    return (
      <Countdown
        key={`${node.id}-${state.decisions.length}`}
        limitSec={limitSec}
        setting={timeLimits}
        shownAt={shownAt}
        onExpire={() => {
          // A choice answered in time, whose screen is shown and its change not yet in, goes first.
          commitShown();
          decide(TIMEOUT);
        }}
      />
    );
  return drillTimed ? <NoCountdown limitSec={node.timeLimitSec as number} /> : null;
}

/** The decision's own column: its title, the situation and the choices, answered by click or digit key. */
export function DecisionMain({ scenario, state, node }: Omit<Props, 'shownAt'>) {
  const decide = useApp((s) => s.decide);
  const store = useAppStore();
  const choices = useMemo(() => offeredChoices(scenario, state), [scenario, state]);
  const heading = useRef<HTMLHeadingElement>(null);
  const { limitSec, timed } = useLimit(node);
  // Its own: the next decision is drawn ahead, hidden, beside the one leaving.
  const id = useId();

  const count = state.decisions.length;
  const take = useCallback(
    (choiceId: string) =>
      moveOn(
        store,
        'decision',
        (at) => decide(choiceId, at),
        (at, run) =>
          // The consequence drawn ahead is the store's own unless the answer came after the limit (a timeout).
          limitSec === null || at - (run.shownAt ?? at) < limitSec * 1000
            ? { from: heading.current, key: consequenceColumn(count + 1, choiceId), focus: '.actions button.primary' }
            : null,
      ),
    [store, decide, limitSec, count],
  );

  // A new decision: move focus to its title so a screen reader starts there.
  useFocusSoon(heading, [node.id, state.decisions.length]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key held down from the last screen must not answer this one unread.
      if (e.repeat || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1) return;
      const choice = choices[n - 1];
      if (!choice) return;
      e.preventDefault();
      take(choice.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choices, take]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} aria-describedby={timed ? `${id}-limit` : undefined} {...SCREEN_PAINTED}>
        {node.title}
      </h1>
      {timed && (
        <p id={`${id}-limit`} className="visually-hidden">
          须在 {limitSec} 秒内作出决定，否则按默认处置。
        </p>
      )}
      <p className="prose situation">{fillText(node.text, scenario, state)}</p>
      <h2 className="choices-heading" id={`${id}-choices`}>
        你的决定<span className="muted">（点击，或按数字键）</span>
      </h2>
      {choices.length === 0 && <p role="alert">此刻没有可选的决定。这是演练内容的问题，请告知教员。</p>}
      <ol className="choices" aria-labelledby={`${id}-choices`}>
        {choices.map((choice, i) => (
          <li key={choice.id}>
            <button
              type="button"
              className="choice"
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
              onClick={() => take(choice.id)}
            >
              <kbd>{i + 1}</kbd>
              <span>{choice.label}</span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
