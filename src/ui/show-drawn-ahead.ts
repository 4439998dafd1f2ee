import { flushSync } from 'react-dom';
import { afterNextPaint } from '../store/after-next-paint';
import { focusSoon } from './focus-soon';

/** The key of a column of the run's main screen: the same where it is drawn ahead and where it is shown. */
export const decisionColumn = (decisions: number) => `decision:${decisions}`;
export const consequenceColumn = (decisions: number, choiceId: string) => `consequence:${decisions}:${choiceId}`;

interface Pending {
  commit: () => boolean;
  undo: () => void;
}

let pending: Pending | null = null;

/**
 * Commits the run's change behind a screen shown by `showDrawnAhead`, now, if one is waiting: before
 * the next key or press, before the page is hidden or left (no frame may come), and before anything
 * else that changes the run (the countdown running out).
 */
export function commitShown(): void {
  const shown = pending;
  if (!shown) return;
  pending = null;
  window.removeEventListener('keydown', commitShown, true);
  window.removeEventListener('pointerdown', commitShown, true);
  window.removeEventListener('pagehide', commitShown, true);
  window.removeEventListener('visibilitychange', commitShown, true);
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
 * Shows the column keyed `key`, drawn ahead beside the one holding `from` and hidden by React's
 * Activity (its inline `display: none`), in the input itself, and commits the run's change (`commit`)
 * once that frame is drawn. The trainee's input then waits for nothing but the browser's showing of
 * a screen laid out ahead: the store's change, React's render of it and the header and side that
 * follow come after, and React's commit finds the columns as it would have left them (its reveal
 * lifts the same inline style). Focus moves to `focus` in the new column in the next frame.
 *
 * False, with nothing changed, when there is no such column (not drawn yet, or failed drawing):
 * the caller then commits as it always did, and React draws the screen in the input.
 */
export function showDrawnAhead(from: Element | null, key: string, focus: string, commit: () => boolean): boolean {
  // One at a time: a screen shown before the last one's change is in follows that change.
  commitShown();
  const column = from?.closest<HTMLElement>('[data-column]');
  const next = column?.parentElement
    ? [...column.parentElement.children].find(
        (c): c is HTMLElement => c instanceof HTMLElement && c.dataset.column === key,
      )
    : undefined;
  if (!column || !next || next === column) return false;
  column.style.setProperty('display', 'none', 'important');
  next.style.removeProperty('display');
  const cancelFocus = focusSoon({ current: next.querySelector<HTMLElement>(focus) });
  pending = {
    commit,
    undo: () => {
      cancelFocus();
      next.style.setProperty('display', 'none', 'important');
      column.style.removeProperty('display');
    },
  };
  window.addEventListener('keydown', commitShown, true);
  window.addEventListener('pointerdown', commitShown, true);
  // Captured at the window: before the page's own save as it is hidden or left (main.tsx), which then writes it.
  window.addEventListener('pagehide', commitShown, true);
  window.addEventListener('visibilitychange', commitShown, true);
  // After the frame: an idle callback asked for from the frame's animation callback runs once that
  // frame is committed, not in an idle moment before it.
  if (typeof window.requestAnimationFrame === 'function') requestAnimationFrame(() => afterNextPaint(commitShown, 100));
  else afterNextPaint(commitShown, 100);
  return true;
}
