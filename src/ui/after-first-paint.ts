import { startTransition, useEffect, useState } from 'react';

/**
 * Runs `update` as a transition once the next frame has been drawn. The animation callback runs
 * before the frame is drawn; a timer set from it runs after. Returns what cancels it.
 */
function transitionAfterNextFrame(update: () => void): () => void {
  let timer = 0;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(() => startTransition(update), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

/**
 * False for a screen's first render, true once that render's frame has been painted: what the
 * trainee needs first is drawn and shown in one frame, and what can wait (below the fold, or for an
 * instructor) follows a frame later, at a priority a key or click goes before.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => transitionAfterNextFrame(() => setPainted(true)), []);
  return painted;
}

/**
 * `value` as it was, until the frame that shows its change elsewhere has been drawn; then `value`.
 * A part of the screen that can follow a frame later (the run's side, beside a new situation) leaves
 * that frame to what the trainee reads first, and its redraw runs at a priority a key or click goes
 * before. (React's `useDeferredValue` would redraw it before that frame is drawn, when it can.)
 */
export function useAfterNextPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return transitionAfterNextFrame(() => setShown(value));
  }, [value, shown]);
  return shown;
}
