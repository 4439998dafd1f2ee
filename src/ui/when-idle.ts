/**
 * Runs `work` when the browser is next idle; where it cannot say (Safari, jsdom), after the current task.
 * Returns what cancels it: an effect's cleanup calls it, so nothing runs for a screen that is gone.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => work());
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 1);
  return () => window.clearTimeout(id);
}
