import {
  Activity,
  cloneElement,
  memo,
  type ReactElement,
  Suspense,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { choose, currentDecision, offeredChoices } from '../engine/run';
import type { RunState } from '../engine/types';
import type { DecisionNode, Scenario } from '../scenario/schema';
import type { RunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceMain, consequenceStep } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen, preloadDebrief } from '../ui/debrief-loader';
import { DecisionHeader, DecisionMain, decisionStep } from '../ui/decision-screen';
import { useInFlowWhenShown } from '../ui/lay-out-ahead';
import { RunLayout } from '../ui/run-layout';
import { consequenceColumn, decisionColumn } from '../ui/show-drawn-ahead';
import { whenIdle } from '../ui/when-idle';
import { AheadBoundary } from './ahead-boundary';
import { useDrawnUnseen } from './use-drawn-unseen';

const loading = (
  <main className="screen" aria-busy="true">
    正在打开……
  </main>
);

type Active = Extract<RunAvailability, { kind: 'playing' }>;

type Mode = 'visible' | 'hidden';

type ColumnProps = { mode: Mode; id: string; scenario: Scenario; state: RunState } & (
  | { kind: 'decision'; node: DecisionNode }
  | { kind: 'consequence' }
);

/**
 * A column of the main screen, shown or drawn ahead (hidden), keyed so that the click shows the very
 * element drawn ahead (`data-column`: found by that key when the input shows it, `showDrawnAhead`).
 * `data-ahead` marks one made hidden, for the copy drawn unseen: the screen leaving is hidden too,
 * until idle, but it was made shown, and a copy of it would be work for nothing.
 *
 * Memoised on what it shows: a redraw of the screen around it passes it by. That is more than speed:
 * React hides a hidden Activity again when its content is drawn again, and a column the input has
 * shown ahead of the run's change would go blank until that change came.
 */
const Column = memo(function Column(props: ColumnProps) {
  const { mode, id, scenario, state } = props;
  const element = useRef<HTMLDivElement>(null);
  useInFlowWhenShown(element, mode === 'visible');
  return (
    <Activity mode={mode}>
      <AheadBoundary mode={mode}>
        <div
          ref={element}
          className={`${props.kind}-column`}
          data-column={id}
          data-ahead={mode === 'hidden' ? '' : undefined}
        >
          {props.kind === 'decision' ? (
            <DecisionMain scenario={scenario} state={state} node={props.node} />
          ) : (
            <ConsequenceMain scenario={scenario} state={state} />
          )}
        </div>
      </AheadBoundary>
    </Activity>
  );
});

/**
 * The run's screens, a chunk of their own with the engine they call: the library, the first
 * screen, is shown without them, and they are fetched beside it (the library asks when idle) or
 * when a saved run is shown.
 */
export default function RunScreens({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  const ahead = useDebriefAhead(view === 'consequence' && state.ending !== null);
  // Its text drawn once, unseen, when the page is next idle: the glyphs are then ready for its first frame.
  useDrawnUnseen(ahead, 'main.debrief');
  const run = useRunLeftForDebrief(active, view === 'debrief');
  return (
    <>
      {run && (
        <Activity mode={view === 'debrief' ? 'hidden' : 'visible'}>
          <RunScreen active={run} />
        </Activity>
      )}
      {/* The debrief is drawn while the last consequence is read, hidden, and shown by 查看复盘 as it is:
          the click only swaps the screens, and the run ends after the frame (consequence-screen.tsx).
          Its first frame only: the rest waits to be shown. */}
      {(view === 'debrief' || ahead) && (
        <Activity mode={view === 'debrief' ? 'visible' : 'hidden'}>
          <Suspense fallback={loading}>
            <Debrief scenario={scenario} state={state} outdated={active.outdated} />
          </Suspense>
        </Activity>
      )}
    </>
  );
}

/**
 * The run's screen to draw: the run as it stands, or, once its debrief is shown, the last consequence
 * as it was, hidden, until the page is idle. Taking the whole screen out (the focused button in it,
 * the boards and the chart, the screens drawn ahead) was a third of 查看复盘's click.
 */
function useRunLeftForDebrief(active: Active, debrief: boolean): Active | null {
  // Read in render on purpose, as in useLeaving: the run as last committed before the debrief.
  const last = useRef(active);
  useLayoutEffect(() => {
    if (!debrief) last.current = active;
  });
  // A run opened at its debrief has no screen of its own to keep.
  const kept = useKeptUntilIdle(!debrief);
  if (!debrief) return active;
  return kept ? last.current : null;
}

/**
 * True while `shown`, and once it is not, until the page is next idle: a screen left is hidden, not
 * taken out, in the click that leaves it (the focused button in it is work the click need not wait for).
 */
function useKeptUntilIdle(shown: boolean): boolean {
  const [kept, setKept] = useState(shown);
  if (shown && !kept) setKept(true);
  useEffect(() => {
    if (!shown) return whenIdle(() => setKept(false));
  }, [shown]);
  return shown || kept;
}

/**
 * The debrief drawn ahead; memoised like the columns: 查看复盘 shows it before the store's change
 * (`showDrawnAhead`), and a hidden Activity drawn again in between would be hidden again.
 */
const Debrief = memo(DebriefScreen);

/** The screen of a run before its debrief; memoised, so the screen left hidden is not drawn again. */
const RunScreen = memo(function RunScreen({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  const briefing = view === 'briefing';
  // On the briefing, the first decision: drawn ahead while the briefing is read.
  const node = currentDecision(scenario, state);
  const count = state.decisions.length;
  // The next decision's state is the consequence's (the briefing's, the first's): nothing changes
  // between them but the screen.
  const decisionAhead = useDecisionAhead((view === 'consequence' || briefing) && node !== null, count, !briefing);
  const consequencesAhead = useConsequencesAhead(
    scenario,
    state,
    (view === 'decision' || (briefing && decisionAhead)) && node !== null,
    view === 'decision',
  );
  const keptBriefing = useKeptUntilIdle(briefing);
  const props = node && { scenario, state, node, shownAt: active.run.shownAt ?? Date.now() };
  // Each screen of the main column is drawn ahead, hidden, while the one before it is read, and
  // shown by the click as it is: the same element in the same place, so the click only swaps which
  // one is shown and redraws what the real state changed.
  const decision = (mode: Mode) => {
    if (!props) return null;
    const id = decisionColumn(count);
    return <Column key={id} id={id} mode={mode} kind="decision" scenario={scenario} state={state} node={props.node} />;
  };
  const consequence = (mode: Mode, of: RunState, choiceId: string) => {
    const id = consequenceColumn(of.decisions.length, choiceId);
    return <Column key={id} id={id} mode={mode} kind="consequence" scenario={scenario} state={of} />;
  };
  const chosen = state.timeline.at(-1)?.choiceId ?? '';
  const shown =
    view === 'consequence' ? consequence('visible', state, chosen) : view === 'decision' ? decision('visible') : null;
  const leaving = useLeaving(shown);
  // The run's frame is one element from the briefing on: drawn ahead, hidden, while the briefing is
  // read, and shown by 开始推演 as it is; the briefing is hidden then, and taken out when idle.
  const screen = (run: ReactElement | null) => (
    <>
      {keptBriefing && (
        <Activity mode={briefing ? 'visible' : 'hidden'}>
          <BriefingScreen scenario={scenario} />
        </Activity>
      )}
      {run && <Activity mode={briefing ? 'hidden' : 'visible'}>{run}</Activity>}
    </>
  );
  // A decision's frame: its column (and the one leaving), then its choices' consequences drawn ahead;
  // only this decision's, as those of the last one may still be there when 继续 came before an idle moment.
  const decisionScreen = (columns: ReactElement[]) =>
    props && (
      <RunLayout scenario={scenario} state={state} step={decisionStep(state)} header={<DecisionHeader {...props} />}>
        {[
          ...columns,
          ...consequencesAhead
            .filter((c) => c.state.decisions.length === count + 1)
            .map((c) => consequence('hidden', c.state, c.choiceId)),
        ]}
      </RunLayout>
    );
  if (briefing) {
    const first = decisionAhead && decision('hidden');
    return screen((first && decisionScreen([first])) || null);
  }
  // Decision and consequence share one frame, kept from screen to screen: only the main column is
  // new, and the side's boards redraw only what changed (a remount of the whole page cost a frame).
  if (view === 'consequence') {
    // The consequences of the choices not taken stay, hidden, until the page is idle: taking them
    // out is work the click need not wait for.
    // One flat list, in the order they were drawn in: a keyed element is kept only among its siblings.
    const drawn = consequencesAhead.filter((c) => c.state.decisions.length === count);
    const screens: (ReactElement | null)[] = drawn.map((c) =>
      c.choiceId === chosen ? shown : consequence('hidden', c.state, c.choiceId),
    );
    if (!drawn.some((c) => c.choiceId === chosen)) screens.push(shown);
    const next = decisionAhead && decision('hidden');
    if (next) screens.push(next);
    if (leaving) screens.unshift(leaving);
    return screen(
      <RunLayout scenario={scenario} state={state} step={consequenceStep(state)}>
        {screens}
      </RunLayout>,
    );
  }
  if (shown && view === 'decision') return screen(decisionScreen(leaving ? [leaving, shown] : [shown]) || null);
  return null;
});

/**
 * The screen last shown in the main column, hidden rather than taken out when the next is shown,
 * until the page is idle: taking a screen out (the focused button in it) is work the click need not
 * wait for. Its element as last drawn, so nothing in it is drawn again.
 */
function useLeaving(shown: ReactElement<{ mode: Mode }> | null): ReactElement | null {
  const latest = useRef(shown);
  const [was, setWas] = useState<{ key: string | null; leaving: ReactElement | null }>({
    key: shown?.key ?? null,
    leaving: null,
  });
  const key = shown?.key ?? null;
  if (key !== was.key) {
    // Read in render, against React's advice, on purpose: the ref holds the element last committed (a
    // render React throws away throws this update away with it), and taking it from an effect instead
    // would take the screen out and draw it again, the very work this saves the click.
    const last = latest.current;
    setWas({ key, leaving: last && cloneElement(last, { mode: 'hidden' }) });
  }
  useLayoutEffect(() => {
    latest.current = shown;
  });
  useEffect(() => {
    if (!was.leaving) return;
    return whenIdle(() => setWas((w) => ({ ...w, leaving: null })));
  }, [was.leaving]);
  return key !== was.key ? null : was.leaving;
}

/**
 * While a consequence (or the briefing) is read, once the page is idle (its own frame drawn), the next
 * decision is drawn ahead, hidden, and its text drawn unseen when `seen`: true from then on, for this
 * consequence.
 */
function useDecisionAhead(before: boolean, count: number, seen: boolean): boolean {
  const [ahead, setAhead] = useState<number | null>(null);
  useEffect(() => {
    if (!before) return;
    const cancel = whenIdle(() => setAhead(count));
    return cancel;
  }, [before, count]);
  const shown = before && ahead === count;
  // Not behind the briefing: the whole run's frame is hidden there, and a copy in it is never painted.
  useDrawnUnseen(seen && shown, 'main.decision-main .decision-column[data-ahead]');
  return shown;
}

interface Ahead {
  choiceId: string;
  state: RunState;
}

/**
 * While a decision is read, once the page is idle, the consequence of each choice on offer is
 * worked out as if it were taken now, and drawn ahead, hidden. The one taken is then shown by the
 * click, and drawn again from the real state: the same but for the real time taken, which shows only
 * as a timeout (so an answer after the limit is not shown from here, `take` in decision-screen.tsx); the rest
 * are dropped when the page is next idle. The first of a page's clicks gains most: its code has run
 * and its glyphs are laid out (it was three to four times the later ones, 37 ms against 5–9).
 */
function useConsequencesAhead(scenario: Scenario, state: RunState, deciding: boolean, seen: boolean): readonly Ahead[] {
  const [ahead, setAhead] = useState<readonly Ahead[]>([]);
  useEffect(() => {
    if (!deciding) {
      // Kept through the click that chose among them, then dropped (nothing to redraw when there are none).
      return whenIdle(() => setAhead((drawn) => (drawn.length > 0 ? [] : drawn)));
    }
    return whenIdle(() => {
      const list: Ahead[] = [];
      for (const choice of offeredChoices(scenario, state)) {
        try {
          list.push({ choiceId: choice.id, state: choose(scenario, state, choice.id, 1000)[0] });
        } catch {
          // A choice the engine refuses here: the store says why if it is taken; nothing to draw.
        }
      }
      setAhead(list);
    });
  }, [scenario, state, deciding]);
  // Drawn unseen once this decision's are drawn, not those of the last one still held; and only once
  // the decision is shown (behind the briefing, the run's frame is hidden, and a copy never painted).
  const drawn =
    deciding && seen ? (ahead.find((c) => c.state.decisions.length === state.decisions.length + 1) ?? null) : null;
  useDrawnUnseen(drawn, 'main.decision-main .consequence-column[data-ahead]');
  return ahead;
}

/**
 * On the last consequence, once the page is idle (its own frame drawn), the debrief's code is
 * fetched and then the debrief drawn ahead, hidden: true from then on.
 */
function useDebriefAhead(lastConsequence: boolean): boolean {
  const [ahead, setAhead] = useState(false);
  useEffect(() => {
    if (!lastConsequence) return setAhead(false);
    let current = true;
    const cancel = whenIdle(() =>
      preloadDebrief().then(
        () => current && setAhead(true),
        // Not drawn ahead: 查看复盘 fetches it again, and says so if it cannot.
        () => undefined,
      ),
    );
    return () => {
      current = false;
      cancel();
    };
  }, [lastConsequence]);
  return lastConsequence && ahead;
}
