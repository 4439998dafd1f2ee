// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isShown } from './is-shown';

describe('isShown', () => {
  it('tells a heading on screen from one in a screen hidden beside it', () => {
    document.body.innerHTML =
      '<div style="display: none"><main><h1>留下的推演</h1></main></div><div><main><h1>复盘</h1></main></div>';
    const [left, shown] = [...document.querySelectorAll<HTMLElement>('main h1')];
    expect(left && isShown(left)).toBe(false);
    expect(shown && isShown(shown)).toBe(true);
    expect([...document.querySelectorAll<HTMLElement>('main h1')].find(isShown)?.textContent).toBe('复盘');
  });
});
