// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layOutAhead } from './lay-out-ahead';
import { commitShown, showDrawnAhead } from './show-drawn-ahead';

/** A main column as React's Activity leaves it: one column shown, the others `display: none !important`. */
function columns(...keys: string[]) {
  const main = document.createElement('main');
  for (const [i, key] of keys.entries()) {
    const column = document.createElement('div');
    column.dataset.column = key;
    column.innerHTML = `<h1 tabindex="-1">${key}</h1><button type="button">继续</button>`;
    if (i > 0) column.style.setProperty('display', 'none', 'important');
    main.append(column);
  }
  document.body.append(main);
  const at = (key: string) => main.querySelector(`[data-column="${key}"]`) as HTMLElement;
  return { main, at };
}

const shown = (e: HTMLElement) => e.style.display !== 'none';

describe('showDrawnAhead', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    commitShown();
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('shows the column drawn ahead in the input, and commits the run after the frame', () => {
    const { at } = columns('decision:0', 'consequence:1:a', 'consequence:1:b');
    const commit = vi.fn(() => true);
    expect(showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:b', 'button', commit)).toBe(true);
    expect(shown(at('consequence:1:b'))).toBe(true);
    expect(shown(at('decision:0'))).toBe(false);
    expect(shown(at('consequence:1:a'))).toBe(false);
    // Hidden as React hides it, so React's own reveal and hiding find it as they left it.
    expect(at('decision:0').style.getPropertyPriority('display')).toBe('important');
    expect(commit).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(commit).toHaveBeenCalledTimes(1);
    // Focus moved in the frame, to the control asked for.
    expect(document.activeElement).toBe(at('consequence:1:b').querySelector('button'));
  });

  it('swaps the screens at the screen level: the run hidden, the debrief beside it shown, a column inside it not taken', () => {
    // The run's screen holding its columns, and the debrief drawn ahead beside it.
    const app = document.createElement('div');
    const run = document.createElement('div');
    run.dataset.screen = 'run';
    const debrief = document.createElement('main');
    debrief.dataset.screen = 'debrief';
    debrief.innerHTML = '<h1 tabindex="-1">结局</h1>';
    debrief.style.setProperty('display', 'none', 'important');
    app.append(run, debrief);
    document.body.append(app);
    const { main, at } = columns('consequence:3:a');
    run.append(main);
    const commit = vi.fn(() => true);
    // A column keyed as the screen is not what the screen level looks for, and the reverse.
    expect(showDrawnAhead(at('consequence:3:a').querySelector('button'), 'debrief', 'h1', commit)).toBe(false);
    expect(showDrawnAhead(at('consequence:3:a').querySelector('button'), 'debrief', 'h1', commit, 'screen')).toBe(true);
    expect(shown(debrief)).toBe(true);
    expect(shown(run)).toBe(false);
    expect(shown(at('consequence:3:a'))).toBe(true);
    vi.runAllTimers();
    expect(commit).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(debrief.querySelector('h1'));
  });

  it('shows the new screen at its top, not where the page was scrolled to; a refused change puts the page back', () => {
    let top = 600;
    Object.defineProperty(document.documentElement, 'scrollTop', {
      configurable: true,
      get: () => top,
      set: (value: number) => {
        top = value;
      },
    });
    try {
      const { at } = columns('consequence:1:a', 'decision:1', 'decision:2');
      showDrawnAhead(at('consequence:1:a').querySelector('button'), 'decision:1', 'h1', () => true);
      expect(top).toBe(0);
      vi.runAllTimers();
      expect(top).toBe(0);
      // A change refused: the screen the trainee was on comes back where it was.
      top = 600;
      showDrawnAhead(at('decision:1').querySelector('button'), 'decision:2', 'h1', () => false);
      expect(top).toBe(0);
      commitShown();
      expect(top).toBe(600);
    } finally {
      Reflect.deleteProperty(document.documentElement, 'scrollTop');
    }
  });

  it('commits at once when a key or a press comes before the frame, before anything else sees it', () => {
    const { at } = columns('decision:0', 'consequence:1:a');
    const order: string[] = [];
    const commit = vi.fn(() => {
      order.push('commit');
      return true;
    });
    const key = () => order.push('key');
    window.addEventListener('keydown', key);
    try {
      showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', commit);
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      vi.runAllTimers();
      expect(order).toEqual(['commit', 'key']);
      expect(commit).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', key);
    }
  });

  it('commits at once on a press, or on another tab’s save, each alone', () => {
    for (const event of [new Event('pointerdown', { bubbles: true }), new StorageEvent('storage')]) {
      const { at } = columns('decision:0', 'consequence:1:a');
      const commit = vi.fn(() => true);
      showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', commit);
      (event.type === 'storage' ? window : document.body).dispatchEvent(event);
      expect(commit).toHaveBeenCalledTimes(1);
      document.body.replaceChildren();
    }
  });

  it('commits before the page hidden or left is saved: no frame may come', () => {
    const { at } = columns('decision:0', 'consequence:1:a');
    const order: string[] = [];
    const save = () => order.push('save');
    // The page's own listeners, there from the start (main.tsx).
    document.addEventListener('visibilitychange', save);
    window.addEventListener('pagehide', save);
    try {
      showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', () => {
        order.push('commit');
        return true;
      });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      window.dispatchEvent(new Event('pagehide'));
      expect(order).toEqual(['commit', 'save', 'save']);
    } finally {
      document.removeEventListener('visibilitychange', save);
      window.removeEventListener('pagehide', save);
    }
  });

  it('puts the screen back when the run refuses the change', () => {
    const { at } = columns('decision:0', 'consequence:1:a');
    showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', () => false);
    commitShown();
    expect(shown(at('decision:0'))).toBe(true);
    expect(shown(at('consequence:1:a'))).toBe(false);
    vi.runAllTimers();
    expect(document.activeElement).toBe(document.body);
  });

  describe('a column laid out ahead (content-visibility, where the browser keeps its layout)', () => {
    beforeEach(() => {
      vi.stubGlobal('CSS', { supports: () => true });
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('is shown in the flow, and focus moves in the input itself, once the screen is shown', async () => {
      const { at } = columns('decision:0', 'consequence:1:a');
      const next = at('consequence:1:a');
      layOutAhead(next);
      expect(next.style.getPropertyValue('content-visibility')).toBe('hidden');
      showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', () => true);
      expect(next.getAttribute('style')).toBe('');
      // Not in the frame: before the input's task is over.
      await Promise.resolve();
      expect(document.activeElement).toBe(next.querySelector('button'));
    });

    it('hidden again by React since, is shown as one never laid out: focus waits for the frame', () => {
      const { at } = columns('decision:0', 'consequence:1:a');
      const next = at('consequence:1:a');
      layOutAhead(next);
      next.style.setProperty('display', 'none', 'important');
      showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', () => true);
      expect(next.getAttribute('style')).toBe('');
      expect(document.activeElement).toBe(document.body);
      vi.runAllTimers();
      expect(document.activeElement).toBe(next.querySelector('button'));
    });

    it('refused, puts the screen back and the focus where it was', async () => {
      const { at } = columns('decision:0', 'consequence:1:a');
      const from = at('decision:0').querySelector('h1') as HTMLElement;
      from.focus();
      layOutAhead(at('consequence:1:a'));
      showDrawnAhead(from, 'consequence:1:a', 'button', () => false);
      await Promise.resolve();
      expect(document.activeElement).toBe(at('consequence:1:a').querySelector('button'));
      commitShown();
      expect(shown(at('decision:0'))).toBe(true);
      expect(shown(at('consequence:1:a'))).toBe(false);
      expect(document.activeElement).toBe(from);
    });
  });

  it('changes nothing, and says so, when the column is not drawn (yet)', () => {
    const { main, at } = columns('decision:0', 'consequence:1:a');
    const before = main.innerHTML;
    const commit = vi.fn(() => true);
    expect(showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:x"]', 'button', commit)).toBe(false);
    expect(showDrawnAhead(null, 'consequence:1:a', 'button', commit)).toBe(false);
    // The column holding the input is not one to show again.
    expect(showDrawnAhead(at('decision:0').querySelector('h1'), 'decision:0', 'button', commit)).toBe(false);
    vi.runAllTimers();
    expect(main.innerHTML).toBe(before);
    expect(commit).not.toHaveBeenCalled();
  });

  it('commits the last screen shown before it shows the next', () => {
    const { at } = columns('decision:0', 'consequence:1:a', 'decision:1');
    const first = vi.fn(() => true);
    showDrawnAhead(at('decision:0').querySelector('h1'), 'consequence:1:a', 'button', first);
    const second = vi.fn(() => true);
    expect(showDrawnAhead(at('consequence:1:a').querySelector('button'), 'decision:1', 'h1', second)).toBe(true);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    expect([at('decision:0'), at('consequence:1:a'), at('decision:1')].map(shown)).toEqual([false, false, true]);
    vi.runAllTimers();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
