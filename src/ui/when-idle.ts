/**
 * How long work may wait for an idle moment. Chromium runs idle callbacks only in idle periods, which
 * begin after a frame: on a page where nothing is drawn for a while, one asked for then waits for the
 * next frame, however long (the last consequence's debrief was not drawn ahead in 3 of 6 quick plays
 * to it until something was drawn, 13 s later). A trainee reading does not draw anything. The same
 * holds for every caller (the screens left, taken out; the run's code fetched): past the limit, the
 * work runs as an ordinary task, busy page or not.
 */
const AT_MOST_MS = 250;

/**
 * Runs `work` when the browser is next idle, or after `AT_MOST_MS` if it does not say so by then;
 * where it cannot say (Safari, jsdom), after the current task.
 * Returns what cancels it: an effect's cleanup calls it, so nothing runs for a screen that is gone.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => work(), { timeout: AT_MOST_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 1);
  return () => window.clearTimeout(id);
}
