import { startTransition, useEffect, useState } from 'react';

/**
 * False for a screen's first render, true once that render's frame has been painted: what the
 * trainee needs first is drawn and shown in one frame, and what can wait (below the fold, or for an
 * instructor) follows a frame later, at a priority a key or click goes before.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    // The animation callback runs before the frame is drawn; a timer set from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return painted;
}
