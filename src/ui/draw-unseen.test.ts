// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawUnseen } from './draw-unseen';

function page(): HTMLElement {
  const parent = document.createElement('div');
  parent.innerHTML =
    '<main class="screen debrief" style="display: none !important"><h1 id="x" elementtiming="screen">失守</h1><p id="y">复盘</p></main>';
  document.body.replaceChildren(parent);
  return parent;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('drawUnseen', () => {
  it('draws a copy over the page, unseen and out of reach, for two frames, and leaves the page as it was', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const parent = page();
    const before = parent.innerHTML;
    const laidOut: HTMLElement[] = [];
    const measure = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (this.isConnected) laidOut.push(this);
      return measure.call(this);
    };
    try {
      drawUnseen(parent.querySelector('main') as HTMLElement);
    } finally {
      HTMLElement.prototype.getBoundingClientRect = measure;
    }
    const [holder] = laidOut;
    // Painted (not hidden, not transparent), yet seen by no one and reachable by nothing.
    expect(holder?.style.visibility).toBe('');
    expect(Number(holder?.style.opacity)).toBeGreaterThan(0);
    expect(Number(holder?.style.opacity)).toBeLessThanOrEqual(0.01);
    expect(holder?.style.pointerEvents).toBe('none');
    expect(holder?.inert).toBe(true);
    const copy = holder?.firstElementChild as HTMLElement;
    expect(copy.getAttribute('style')).toBeNull();
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    // No id twice in the page while the copy stands, and no paint of it taken for the screen's.
    expect(document.querySelectorAll('#x, #y')).toHaveLength(2);
    expect(document.querySelectorAll('[elementtiming]')).toHaveLength(1);
    expect(holder?.isConnected).toBe(true);
    vi.advanceTimersToNextFrame();
    expect(holder?.isConnected).toBe(true);
    vi.advanceTimersToNextFrame();
    expect(holder?.isConnected).toBe(false);
    expect(parent.innerHTML).toBe(before);
  });

  it('takes the copy away at once when cancelled', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const parent = page();
    const before = parent.innerHTML;
    const cancel = drawUnseen(parent.querySelector('main') as HTMLElement);
    expect(parent.innerHTML).not.toBe(before);
    cancel();
    expect(parent.innerHTML).toBe(before);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersToNextFrame();
    expect(parent.innerHTML).toBe(before);
  });
});
