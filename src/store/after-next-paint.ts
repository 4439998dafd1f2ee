/**
 * Runs `work` in the first idle moment after the next frame, so that the frame the trainee waits
 * for carries none of it (the save's write, the tab's title); a busy page still runs it within
 * `timeout` ms. Where the browser has no idle callbacks, a short timer stands in.
 */
export function afterNextPaint(work: () => void, timeout = 250): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout });
  else window.setTimeout(work, 50);
}
