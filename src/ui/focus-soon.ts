import { type RefObject, useEffect } from 'react';

/**
 * Moves focus to `target` in the next frame, before the browser lays it out, instead of in the effect
 * right after React's commit. `focus()` needs the page's style (and, unless told not to scroll, its
 * layout) to be current, so in the effect it makes the browser do the new screen's style and layout
 * there and then, in the input's task — about 42 ms on the 916-element debrief — and the frame does
 * them again if anything changes after. In the frame's animation callback that work is the frame's own,
 * done once. `preventScroll`: each screen starts at its top (the shell scrolls there).
 *
 * A key pressed before that frame (a fast typist, a test) must still reach the new screen's control:
 * the first keydown moves focus first. Its `keypress`, which activates a focused button on Enter, then
 * goes to that control. Focus the trainee moved meanwhile (a Tab, a press) is left where it is, and so
 * is focus already in the target's own screen: a screen the input showed itself (`showDrawnAhead`) had
 * focus moved there then, and its effects run only with the run's change, a frame or more later, when
 * the trainee may have tabbed on to a choice; moved back to the heading, their Enter would land there.
 */
export function focusSoon(target: RefObject<HTMLElement | null>): () => void {
  const from = document.activeElement;
  const screen = target.current?.closest('[data-column], [data-screen]');
  if (screen && from && from !== document.body && screen.contains(from)) return () => {};
  let done = false;
  const focus = () => {
    if (done) return;
    done = true;
    window.removeEventListener('keydown', focus, true);
    const now = document.activeElement;
    if (now !== from && now !== null && now !== document.body) return;
    target.current?.focus({ preventScroll: true });
  };
  window.addEventListener('keydown', focus, true);
  const frame = window.requestAnimationFrame ? window.requestAnimationFrame(focus) : window.setTimeout(focus, 0);
  return () => {
    done = true;
    window.removeEventListener('keydown', focus, true);
    if (window.cancelAnimationFrame) window.cancelAnimationFrame(frame);
    else window.clearTimeout(frame);
  };
}

/** `focusSoon` as an effect: focus moves to `target` each time one of `deps` changes (and on mount). */
export function useFocusSoon(target: RefObject<HTMLElement | null>, deps: readonly unknown[] = []): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller says when focus moves
  useEffect(() => focusSoon(target), deps);
}
