/** Runs `work` when the browser is next idle; where it cannot say (Safari, jsdom), after the current task. */
export function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => work());
  else window.setTimeout(work, 1);
}
