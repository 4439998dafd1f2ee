/**
 * Lays out a copy of `element` once, unseen, in place of the hidden original (display: none is
 * never laid out). The first layout of a screen's text loads and shapes its glyphs, which on a
 * screen of new Chinese text is most of that layout's time; done while the page is idle, the
 * screen's own first frame finds them ready. The copy is gone in the same task: nothing else sees it.
 */
export function layOutUnseen(element: HTMLElement): void {
  const parent = element.parentElement;
  if (!parent) return;
  const copy = element.cloneNode(true) as HTMLElement;
  // The hidden original's display: none, and anything a reader or a click could meet.
  copy.removeAttribute('style');
  copy.removeAttribute('id');
  copy.inert = true;
  copy.setAttribute('aria-hidden', 'true');
  const holder = document.createElement('div');
  holder.style.cssText =
    'position:absolute;inset:0 0 auto 0;visibility:hidden;contain:layout paint;pointer-events:none';
  holder.append(copy);
  // Beside the original, so the same style rules (text size, the screen's width) apply to it.
  parent.append(holder);
  holder.getBoundingClientRect();
  holder.remove();
}
