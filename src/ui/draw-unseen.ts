/**
 * Draws a copy of `element` once, unseen, in place of the hidden original (display: none is never
 * laid out or painted), while the page is idle. The first frame of a screen of new Chinese text
 * spends most of its time on the glyphs: shaping them for the layout, and rasterising each one the
 * first time it is painted. Where the browser rasterises in software (no GPU, as on many classroom
 * machines), the second costs more: a debrief's heading was presented 80 ms after 查看复盘 with its
 * glyphs only laid out ahead, against a 26 ms frame. So the copy is painted, at an opacity no one can see,
 * over the page for two frames: the glyphs are then in the browser's cache when the screen is shown.
 *
 * Returns a function that takes the copy away at once (the screen is leaving).
 */
export function drawUnseen(element: HTMLElement): () => void {
  const parent = element.parentElement;
  if (!parent) return () => {};
  const copy = element.cloneNode(true) as HTMLElement;
  // The hidden original's display: none, and anything a reader, a click or a checker could meet:
  // inert takes it out of the accessibility tree and out of reach (axe counts inert as hidden).
  copy.removeAttribute('style');
  copy.removeAttribute('id');
  for (const named of copy.querySelectorAll('[id]')) named.removeAttribute('id');
  // Nor is its paint the screen's: the bench reads Element Timing's entries as the screen shown.
  for (const timed of copy.querySelectorAll('[elementtiming]')) timed.removeAttribute('elementtiming');
  copy.inert = true;
  copy.setAttribute('aria-hidden', 'true');
  const holder = document.createElement('div');
  // Not 0: a transparent layer is not painted at all. 1 % is below what an eye tells from the page.
  holder.style.cssText = 'position:fixed;inset:0;overflow:hidden;opacity:0.01;pointer-events:none;contain:strict';
  holder.inert = true;
  holder.append(copy);
  // Beside the original, so the same style rules (text size, weight) apply to it.
  parent.append(holder);
  holder.getBoundingClientRect();
  let frame = 0;
  // Two frames: the second is not committed until the first is rasterised, so the glyphs are in by then.
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => holder.remove());
  });
  return () => {
    cancelAnimationFrame(frame);
    holder.remove();
  };
}
