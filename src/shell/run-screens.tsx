import { Activity, Suspense, useEffect, useState } from 'react';
import { choose, currentDecision, offeredChoices } from '../engine/run';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import type { RunAvailability } from '../store/selectors';
import { BriefingScreen } from '../ui/briefing-screen';
import { ConsequenceMain, consequenceStep } from '../ui/consequence-screen';
// The debrief and its extras (the best line, what-if, the report's exports): fetched as a run ends.
import { DebriefScreen, preloadDebrief } from '../ui/debrief-loader';
import { DecisionHeader, DecisionMain, decisionStep } from '../ui/decision-screen';
import { drawUnseen } from '../ui/draw-unseen';
import { RunLayout } from '../ui/run-layout';
import { whenIdle } from '../ui/when-idle';

const loading = (
  <main className="screen" aria-busy="true">
    正在打开……
  </main>
);

type Active = Extract<RunAvailability, { kind: 'playing' }>;
type RunView = Active['run']['view'];

/**
 * The run's screens, a chunk of their own with the engine they call: the library, the first
 * screen, is shown without them, and they are fetched beside it (the library asks when idle) or
 * when a saved run is shown.
 */
export default function RunScreens({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  const ahead = useDebriefAhead(view === 'consequence' && state.ending !== null);
  const rehearsal = useFirstConsequenceRehearsal(scenario, state, view);
  // Its text drawn once, unseen, when the page is next idle: the glyphs are then ready for its first frame.
  useEffect(() => {
    if (!ahead) return;
    let undraw = () => {};
    const cancel = whenIdle(() => {
      const hidden = document.querySelector<HTMLElement>('main.debrief');
      if (hidden && !hidden.checkVisibility()) undraw = drawUnseen(hidden);
    });
    return () => {
      cancel();
      undraw();
    };
  }, [ahead]);
  return (
    <>
      <RunScreen active={active} />
      {rehearsal && (
        <Activity mode="hidden">
          <div className="consequence-rehearsal">
            <ConsequenceMain scenario={scenario} state={rehearsal} />
          </div>
        </Activity>
      )}
      {/* The debrief is drawn while the last consequence is read, hidden, and shown by 查看复盘 as it is:
          the click then only swaps the screens. Its first frame only: the rest waits to be shown. */}
      {(view === 'debrief' || ahead) && (
        <Activity mode={view === 'debrief' ? 'visible' : 'hidden'}>
          <Suspense fallback={loading}>
            <DebriefScreen scenario={scenario} state={state} outdated={active.outdated} />
          </Suspense>
        </Activity>
      )}
    </>
  );
}

/** The screen of a run before its debrief. */
function RunScreen({ active }: { active: Active }) {
  const { scenario, state } = active;
  const view = active.run.view;
  if (view === 'briefing') return <BriefingScreen scenario={scenario} />;
  const node = currentDecision(scenario, state);
  const key = `${view}:${state.decisions.length}`;
  // Decision and consequence share one frame, kept from screen to screen: only the main column is
  // new, and the side's boards redraw only what changed (a remount of the whole page cost a frame).
  if (view === 'consequence')
    return (
      <RunLayout scenario={scenario} state={state} step={consequenceStep(state)}>
        <ConsequenceMain key={key} scenario={scenario} state={state} />
      </RunLayout>
    );
  if (node && view === 'decision') {
    const props = { scenario, state, node, shownAt: active.run.shownAt ?? Date.now() };
    return (
      <RunLayout scenario={scenario} state={state} step={decisionStep(state)} header={<DecisionHeader {...props} />}>
        <DecisionMain key={key} {...props} />
      </RunLayout>
    );
  }
  return null;
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

/** Whether this page has shown a consequence: its code has run, and its glyphs are loaded. */
let consequenceShown = false;

/**
 * A page's first decision → consequence was three to four times the later ones (37 ms in Chromium's
 * trace, against 5–9): React's and the engine's code for a consequence had never run, its glyphs
 * never been laid out. So while the briefing and the first decision are read, once the page is idle,
 * the consequence of the first choice is worked out and its main column drawn once, hidden, a copy
 * drawn unseen (its glyphs shaped and rasterised), and then dropped: a rehearsal, which nothing reads and which changes nothing.
 * Returns the state it is drawn from, while it is drawn.
 */
function useFirstConsequenceRehearsal(scenario: Scenario, state: RunState, view: RunView): RunState | null {
  const [rehearsal, setRehearsal] = useState<RunState | null>(null);
  // From the briefing on: it is read before the first decision, and the first decision's state is the start's.
  const before = view === 'briefing' || view === 'decision';
  useEffect(() => {
    if (view === 'consequence') consequenceShown = true;
  }, [view]);
  useEffect(() => {
    if (!before || consequenceShown) return;
    let current = true;
    let undraw = () => {};
    let cancel = whenIdle(() => {
      const choice = offeredChoices(scenario, state)[0];
      if (!current || !choice || consequenceShown) return;
      let next: RunState;
      try {
        [next] = choose(scenario, state, choice.id, 1000);
      } catch {
        return; // a choice the engine refuses here (the store says why when it is taken): nothing to rehearse
      }
      setRehearsal(next);
      // Once drawn (React draws hidden work last, after anything else it has to do), drawn unseen and dropped.
      const giveUp = performance.now() + 2000;
      const drawn = () => {
        const hidden = document.querySelector<HTMLElement>('.consequence-rehearsal');
        if (!hidden && performance.now() < giveUp) {
          cancel = whenIdle(drawn);
          return;
        }
        if (hidden) undraw = drawUnseen(hidden);
        setRehearsal(null);
      };
      cancel = whenIdle(drawn);
    });
    return () => {
      current = false;
      cancel();
      undraw();
      setRehearsal(null);
    };
  }, [scenario, state, before]);
  return before ? rehearsal : null;
}
