/**
 * Whether `element` is on screen: not in a screen drawn ahead, nor in one left hidden until the page
 * is idle (an Activity's display: none on an ancestor). jsdom cannot say (no checkVisibility): there,
 * hidden is an Activity's style on the element or an ancestor.
 */
export function isShown(element: HTMLElement): boolean {
  if (element.checkVisibility) return element.checkVisibility();
  for (let e: HTMLElement | null = element; e; e = e.parentElement) if (e.style.display === 'none') return false;
  return true;
}
