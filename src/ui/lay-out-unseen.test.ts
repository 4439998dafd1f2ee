// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { layOutUnseen } from './lay-out-unseen';

describe('layOutUnseen', () => {
  it('lays out a copy beside the hidden original and leaves the page as it was', () => {
    const parent = document.createElement('div');
    parent.innerHTML = '<main class="screen debrief" style="display: none !important"><h1 id="x">失守</h1></main>';
    document.body.replaceChildren(parent);
    const before = parent.innerHTML;
    const laidOut: HTMLElement[] = [];
    const inPage: boolean[] = [];
    const measure = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      laidOut.push(this);
      inPage.push(this.isConnected);
      return measure.call(this);
    };
    try {
      layOutUnseen(parent.querySelector('main') as HTMLElement);
    } finally {
      HTMLElement.prototype.getBoundingClientRect = measure;
    }
    // Laid out while it stood in the page, shown to no one: not hidden by display, unseen, inert.
    const [holder] = laidOut;
    expect(inPage).toEqual([true]);
    expect(holder?.style.visibility).toBe('hidden');
    const copy = holder?.firstElementChild as HTMLElement;
    expect(copy.getAttribute('style')).toBeNull();
    expect(copy.inert).toBe(true);
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    expect(holder?.isConnected).toBe(false);
    expect(parent.innerHTML).toBe(before);
  });
});
