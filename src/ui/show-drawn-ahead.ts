import { flushSync } from 'react-dom';
import { afterNextPaint } from '../store/after-next-paint';
import type { AppStore } from '../store/app-store';
import type { SavedRun } from '../store/saved-state';
import { focusSoon } from './focus-soon';
import { inFlow } from './lay-out-ahead';

/** The key of a column of the run's main screen: the same where it is drawn ahead and where it is shown. */
export const decisionColumn = (decisions: number) => `decision:${decisions}`;
export const consequenceColumn = (decisions: number, choiceId: string) => `consequence:${decisions}:${choiceId}`;
/** The keys of the screens: the run's, and its debrief's drawn ahead beside it. */
export const RUN_SCREEN = 'run';
export const DEBRIEF_SCREEN = 'debrief';

interface Pending {
  commit: () => boolean;
  undo: () => void;
}

let pending: Pending | null = null;

/**
 * What commits a waiting change at once, each captured at the window so that it goes before the page's
 * own listeners: a key or a press (they meet the screen's handlers, not the one left), the page hidden
 * or left (no frame may come; main.tsx then saves), and another tab's save (other-tabs.ts then finds
 * this tab's own save pending, not a run to take up).
 */
const BEFORE = ['keydown', 'pointerdown', 'pagehide', 'visibilitychange', 'storage'] as const;

/**
 * Commits the run's change behind a screen shown by `showDrawnAhead`, now, if one is waiting. Called
 * as well by what changes the run otherwise: the countdown running out (decision-screen.tsx).
 */
export function commitShown(): void {
  const shown = pending;
  if (!shown) return;
  pending = null;
  for (const type of BEFORE) window.removeEventListener(type, commitShown, true);
  let committed = false;
  try {
    // React's render of it in the same task: a key that comes next meets the screen's own handlers.
    flushSync(() => {
      committed = shown.commit();
    });
  } finally {
    // Refused (or failed): the screen it leads to goes, and the one the trainee was on comes back.
    if (!committed) shown.undo();
  }
}

/**
 * What the input swaps: a column of the run's main screen (`data-column`), or the run's whole screen
 * for the debrief drawn ahead beside it (`data-screen`).
 */
export type Level = 'column' | 'screen';

/**
 * Shows the column keyed `key`, drawn ahead beside the one holding `from` and hidden by React's
 * Activity (its inline `display: none`), in the input itself, and commits the run's change (`commit`)
 * once that frame is drawn. With `level` 'screen', the same for the screens: the debrief shown and
 * the run's screen hidden. The trainee's input then waits for nothing but the browser's showing of
 * a screen laid out ahead: the store's change, React's render of it and the header and side that
 * follow come after, and React's reveal lifts the same inline style. Until then React must not draw
 * the columns again: a hidden Activity whose content is drawn again is hidden again (the columns and
 * the debrief drawn ahead are memoised, run-screens.tsx). Focus moves to `focus` in the new column:
 * in the input when it was laid out ahead (lay-out-ahead.ts), otherwise in the next frame.
 *
 * False, with nothing changed, when there is no such column (not drawn yet, or failed drawing):
 * the caller then commits as it always did, and React draws the screen in the input.
 */
export function showDrawnAhead(
  from: Element | null,
  key: string,
  focus: string,
  commit: () => boolean,
  level: Level = 'column',
): boolean {
  // One at a time: a screen shown before the last one's change is in follows that change.
  commitShown();
  const column = from?.closest<HTMLElement>(`[data-${level}]`);
  const next = column?.parentElement
    ? [...column.parentElement.children].find(
        (c): c is HTMLElement => c instanceof HTMLElement && c.dataset[level] === key,
      )
    : undefined;
  if (!column || !next || next === column) return false;
  const focused = document.activeElement;
  // Each screen starts at its top. The shell scrolls there once the run has changed (app.tsx), a frame
  // or more after this one: the trainee scrolled down to the button would first see the new screen
  // where the page was, and then see it jump. Here, before the swap, the page's layout is still the
  // one drawn, and the scroll asks for none.
  const scrolled = document.documentElement.scrollTop;
  if (scrolled !== 0) document.documentElement.scrollTop = 0;
  // Laid out ahead, the column asks the focus for no layout but its own small one: focus moves in the
  // input, and the frame is left to paint. Otherwise the focus would lay out the column there and then.
  const laidOut = inFlow(next);
  column.style.setProperty('display', 'none', 'important');
  next.style.removeProperty('display');
  const target = next.querySelector<HTMLElement>(focus);
  const cancelFocus = laidOut ? focusNext(target) : focusSoon({ current: target });
  const mine: Pending = {
    commit,
    undo: () => {
      cancelFocus();
      next.style.setProperty('display', 'none', 'important');
      if (scrolled !== 0) document.documentElement.scrollTop = scrolled;
      column.style.removeProperty('display');
      // Focus moved into the screen taken away goes back where it was.
      const now = document.activeElement;
      if (focused instanceof HTMLElement && (now === null || now === document.body || next.contains(now)))
        focused.focus({ preventScroll: true });
    },
  };
  pending = mine;
  for (const type of BEFORE) window.addEventListener(type, commitShown, true);
  // This change's own: one committed early and followed by another does not commit that one before its frame.
  const commitMine = () => {
    if (pending === mine) commitShown();
  };
  // After the frame: an idle callback asked for from the frame's animation callback runs once that
  // frame is committed, not in an idle moment before it.
  if (typeof window.requestAnimationFrame === 'function') requestAnimationFrame(() => afterNextPaint(commitMine, 100));
  else afterNextPaint(commitMine, 100);
  return true;
}

/** Focus to `target` as soon as the input's own work is done: the screen first, then the focus, in the one task. */
function focusNext(target: HTMLElement | null): () => void {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) target?.focus({ preventScroll: true });
  });
  return () => {
    cancelled = true;
  };
}

/** The screen drawn ahead an input leads to: a control in the column shown, the column's key, and where focus goes in it. */
export interface DrawnAhead {
  from: Element | null;
  key: string;
  focus: string;
  /** A column (the default), or the screen: the debrief. */
  level?: Level;
}

/**
 * An input that moves the run on from `view` (a choice, 继续), answered now by the store's clock:
 * `change` makes the store's change at that moment. Where `ahead` names the screen drawn ahead for it
 * (given the moment and the run; null when the input must not show one), the input shows that
 * screen and the change follows the frame, made only if the run is still where the input found it;
 * otherwise the change is made at once, and React draws the screen in the input.
 */
export function moveOn(
  store: AppStore,
  view: SavedRun['view'],
  change: (at: number) => boolean,
  ahead: (at: number, run: SavedRun) => DrawnAhead | null,
): void {
  commitShown();
  const at = store.now();
  const run = store.getState().run;
  if (run?.view !== view) return;
  const count = run.decisions.length;
  const commit = () => store.getState().run?.decisions.length === count && change(at);
  const shown = ahead(at, run);
  if (!(shown && showDrawnAhead(shown.from, shown.key, shown.focus, commit, shown.level))) change(at);
}
