import { type RefObject, useLayoutEffect } from 'react';

/**
 * A column drawn ahead, laid out while it waits, so that the input that shows it has no layout of it
 * to do. React's Activity hides it with `display: none`, and the browser keeps no boxes for that:
 * showing it lays out every line of its text again (2–8 ms of a transition on a 2-core machine).
 * `content-visibility: hidden` hides its contents too (not painted, focused, hit or read out:
 * `checkVisibility()` is false inside), but keeps the layout they had when hidden. So the column is
 * laid out once, out of the flow and at the width it will have, and hidden that way at once, in one
 * task: no frame sees it. The element's own box stays (its padding: the debrief's is 52 px tall over
 * the top of the page), so it is clipped to nothing, and hidden from assistive technology (an empty
 * second `main`), by properties none of its contents inherit: showing it restyles none of them.
 */
const LAID_OUT: readonly (readonly [string, string])[] = [
  ['position', 'absolute'],
  ['top', '0'],
  ['left', '0'],
  ['right', '0'],
  ['clip-path', 'inset(50%)'],
];

/** Whether the browser keeps the layout of content hidden by `content-visibility` (not jsdom, nor an older browser). */
const canKeepLayout = (): boolean =>
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('content-visibility', 'hidden');

/**
 * Lays out `column`, hidden by an Activity (an inline `display: none`) inside a positioned parent,
 * and keeps it hidden with its layout. Does nothing where the browser would not keep it, or to a
 * column not hidden that way. If React hides it again (its content drawn again), `display: none`
 * is back and the layout gone: it is then shown as before, laid out by the input.
 */
export function layOutAhead(column: HTMLElement): void {
  if (column.style.getPropertyValue('display') !== 'none' || !canKeepLayout()) return;
  for (const [name, value] of LAID_OUT) column.style.setProperty(name, value);
  column.setAttribute('aria-hidden', 'true');
  column.style.removeProperty('display');
  column.getBoundingClientRect();
  column.style.setProperty('content-visibility', 'hidden');
}

/**
 * Puts `column` back in the flow, shown: what `layOutAhead` set, taken away. True if it was laid out
 * ahead and still is (not hidden again by React since), so that showing it lays out nothing new.
 */
export function inFlow(column: HTMLElement): boolean {
  if (!column.style.getPropertyValue('content-visibility')) return false;
  const kept = column.style.getPropertyValue('display') !== 'none';
  for (const [name] of LAID_OUT) column.style.removeProperty(name);
  // Its own: no column or debrief carries aria-hidden from React.
  column.removeAttribute('aria-hidden');
  column.style.removeProperty('content-visibility');
  return kept;
}

/**
 * Puts the element `ref` holds back in the flow when `shown` (by React, not by an input), in a layout
 * effect: before the frame paints it. Where the element sits inside an Activity, its effects run as
 * it is shown, and `shown` may stay true.
 */
export function useInFlowWhenShown(ref: RefObject<HTMLElement | null>, shown = true): void {
  useLayoutEffect(() => {
    if (shown && ref.current) inFlow(ref.current);
  }, [ref, shown]);
}
