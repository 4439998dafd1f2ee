// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inFlow, layOutAhead } from './lay-out-ahead';

/** A column shown and one drawn ahead beside it, hidden as React's Activity hides it. */
function columns(): { shown: HTMLElement; ahead: HTMLElement } {
  document.body.innerHTML =
    '<main class="decision-main"><div data-column="a"><h1>研判</h1></div>' +
    '<div data-column="b" style="display: none !important"><h1>后果</h1></div></main>';
  const [shown, ahead] = document.querySelectorAll<HTMLElement>('[data-column]');
  return { shown: shown as HTMLElement, ahead: ahead as HTMLElement };
}

/** What the browser would say: jsdom has no CSS.supports, and lays nothing out. */
function browserKeepsLayout(keeps: boolean): void {
  vi.stubGlobal('CSS', {
    supports: (property: string, value: string) => keeps && `${property}:${value}` === 'content-visibility:hidden',
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('layOutAhead', () => {
  it('lays the hidden column out, out of the flow, before it hides it by content-visibility', () => {
    browserKeepsLayout(true);
    const { ahead } = columns();
    const seen: string[] = [];
    const measure = vi.spyOn(ahead, 'getBoundingClientRect').mockImplementation(() => {
      seen.push(ahead.getAttribute('style') ?? '');
      return new DOMRect();
    });
    layOutAhead(ahead);
    // Laid out shown, not yet locked, and out of the flow at the column's width.
    expect(measure).toHaveBeenCalledTimes(1);
    expect(seen[0]).not.toMatch(/display|content-visibility/);
    expect(seen[0]).toMatch(/position: absolute/);
    expect(seen[0]).toMatch(/left: 0px/);
    expect(seen[0]).toMatch(/right: 0px/);
    // Its own box (its padding) neither hit nor read out while it waits.
    expect(seen[0]).toMatch(/clip-path: inset\(50%\)/);
    expect(ahead.getAttribute('aria-hidden')).toBe('true');
    // Then hidden with its layout kept.
    expect(ahead.style.getPropertyValue('content-visibility')).toBe('hidden');
    expect(ahead.style.getPropertyValue('display')).toBe('');
  });

  it('leaves alone a column shown, and any column where the browser would not keep the layout', () => {
    browserKeepsLayout(true);
    const { shown } = columns();
    layOutAhead(shown);
    expect(shown.getAttribute('style')).toBeNull();
    browserKeepsLayout(false);
    const { ahead } = columns();
    const before = ahead.getAttribute('style');
    layOutAhead(ahead);
    expect(ahead.getAttribute('style')).toBe(before);
    vi.unstubAllGlobals();
    // jsdom itself: no CSS at all.
    layOutAhead(ahead);
    expect(ahead.getAttribute('style')).toBe(before);
  });

  it('inFlow puts a column laid out ahead back in the flow, and leaves any other as it is', () => {
    browserKeepsLayout(true);
    const { shown, ahead } = columns();
    layOutAhead(ahead);
    inFlow(ahead);
    expect(ahead.getAttribute('style')).toBe('');
    expect(ahead.hasAttribute('aria-hidden')).toBe(false);
    // A column React hid again after it was laid out keeps its display: none.
    layOutAhead(ahead);
    ahead.style.setProperty('display', 'none', 'important');
    inFlow(ahead);
    expect(ahead.style.getPropertyValue('display')).toBe('none');
    expect(ahead.style.getPropertyValue('position')).toBe('');
    shown.style.setProperty('color', 'red');
    inFlow(shown);
    expect(shown.getAttribute('style')).toBe('color: red;');
  });
});
