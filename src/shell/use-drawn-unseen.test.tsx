// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDrawnUnseen } from './use-drawn-unseen';

function Reader({ drawn }: { drawn: unknown }) {
  useDrawnUnseen(drawn, 'main.later');
  return null;
}

/** A screen drawn hidden, as an Activity leaves it, `after` ms from now. */
function hiddenScreenAfter(after: number): void {
  setTimeout(() => {
    const main = document.createElement('main');
    main.className = 'later';
    main.style.setProperty('display', 'none', 'important');
    main.innerHTML = '<h1>是否发布信息</h1>';
    document.body.append(main);
  }, after);
}

/** The unseen copies on the page: drawUnseen's holders, beside the hidden screen. */
const copies = () => [...document.querySelectorAll('body > div > main.later')];

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('useDrawnUnseen', () => {
  it('waits for a hidden screen drawn after the first idle moment, and draws it unseen once it is there', () => {
    // jsdom has no requestIdleCallback: "idle" is the next task, as in Safari.
    vi.useFakeTimers();
    hiddenScreenAfter(2);
    render(<Reader drawn />);
    vi.advanceTimersByTime(1);
    expect(copies()).toHaveLength(0);
    vi.advanceTimersByTime(5);
    expect(document.querySelector('body > main.later')).not.toBeNull();
    expect(copies()).toHaveLength(1);
    // The copy is taken away after its two frames.
    vi.advanceTimersByTime(100);
    expect(copies()).toHaveLength(0);
  });

  it('gives up after a few idle moments when no screen comes', () => {
    vi.useFakeTimers();
    render(<Reader drawn />);
    vi.advanceTimersByTime(50);
    expect(vi.getTimerCount()).toBe(0);
    hiddenScreenAfter(0);
    vi.advanceTimersByTime(50);
    expect(copies()).toHaveLength(0);
  });

  it('looks no more once the screen that asked is gone', () => {
    vi.useFakeTimers();
    hiddenScreenAfter(3);
    const { unmount } = render(<Reader drawn />);
    // The first look found nothing; the next is waiting.
    vi.advanceTimersByTime(1);
    unmount();
    // Past the moment a further look would find the screen, and before a copy's two frames are over.
    vi.advanceTimersByTime(5);
    expect(document.querySelector('body > main.later')).not.toBeNull();
    expect(copies()).toHaveLength(0);
  });

  it('draws nothing while nothing is drawn ahead', () => {
    vi.useFakeTimers();
    hiddenScreenAfter(0);
    render(<Reader drawn={null} />);
    vi.advanceTimersByTime(50);
    expect(copies()).toHaveLength(0);
  });
});
