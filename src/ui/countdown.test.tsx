// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/accessibility';
import { Countdown } from './countdown';

function renderComponent(props: Partial<Parameters<typeof Countdown>[0]> = {}) {
  const onExpire = vi.fn();
  const view = render(<Countdown limitSec={90} shownAt={Date.now()} onExpire={onExpire} {...props} />);
  const spoken = () => view.container.querySelector('[aria-live]')?.textContent ?? '';
  return { ...view, onExpire, spoken };
}

describe('<Countdown>', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T09:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second on screen, but speaks only at a minute left and at ten seconds left', () => {
    const { spoken } = renderComponent({ limitSec: 90 });
    const timer = screen.getByRole('timer', { name: '剩余时间' });
    const heard: string[] = [];
    const shown = new Set<string>();
    for (let s = 0; s < 90; s++) {
      act(() => vi.advanceTimersByTime(1_000));
      shown.add(timer.querySelector('.countdown-value')?.textContent ?? '');
      const now = spoken();
      if (now !== '' && now !== heard.at(-1)) heard.push(now);
    }
    // Every second is shown …
    expect(shown.size).toBe(90);
    // … and the live region changes twice: at a minute and at ten seconds.
    expect(heard).toEqual(['还剩 1 分钟', '只剩 10 秒，到时将按默认处置']);
  });

  it('changes only when a whole second has passed, and wakes only then', () => {
    renderComponent({ limitSec: 30 });
    const timer = screen.getByRole('timer');
    const drawn = () =>
      `${timer.querySelector('.countdown-value')?.textContent} ${timer.querySelector('progress')?.value}`;
    const atStart = drawn();
    // Every change of the timer's DOM, the bar's included: each one is a frame the browser draws.
    const observer = new MutationObserver(() => {});
    observer.observe(timer, { subtree: true, childList: true, characterData: true, attributes: true });
    act(() => vi.advanceTimersByTime(999));
    expect(drawn()).toBe(atStart);
    expect(observer.takeRecords()).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(timer).toHaveTextContent('29 秒');
    expect(observer.takeRecords()).not.toEqual([]);
    // A wake 300 ms late (the clock ran on while the page was busy) is not carried over: the one after
    // it comes at the next whole second all the same, 700 ms on.
    vi.setSystemTime(Date.now() + 300);
    act(() => vi.advanceTimersByTime(1_000));
    expect(timer).toHaveTextContent('28 秒');
    act(() => vi.advanceTimersByTime(699));
    expect(timer).toHaveTextContent('28 秒');
    act(() => vi.advanceTimersByTime(1));
    expect(timer).toHaveTextContent('27 秒');
    observer.disconnect();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('picks up a clock started before a reload at its next whole second, and leaves no timer behind', () => {
    // Shown 10.4 s ago: 19.6 s left, 20 on screen, 19 in 0.6 s.
    const { unmount } = renderComponent({ limitSec: 30, shownAt: Date.now() - 10_400 });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('20 秒');
    act(() => vi.advanceTimersByTime(599));
    expect(timer).toHaveTextContent('20 秒');
    act(() => vi.advanceTimersByTime(1));
    expect(timer).toHaveTextContent('19 秒');
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('expires at once, and only once, when the time was already up', () => {
    const { onExpire } = renderComponent({ limitSec: 30, shownAt: Date.now() - 45_000 });
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('timer')).toHaveTextContent('0 秒');
    expect(vi.getTimerCount()).toBe(0);
    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('says nothing at a minute when there was no more than a minute to start with', () => {
    const { spoken } = renderComponent({ limitSec: 60 });
    act(() => vi.advanceTimersByTime(5_000));
    expect(spoken()).toBe('');
    act(() => vi.advanceTimersByTime(45_500));
    expect(spoken()).toBe('只剩 10 秒，到时将按默认处置');
  });

  it('calls onExpire once when the time is up', () => {
    const { onExpire } = renderComponent({ limitSec: 30 });
    act(() => vi.advanceTimersByTime(31_000));
    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('says when the limit was doubled by the instructor', () => {
    renderComponent({ limitSec: 60, setting: 'x2' });
    expect(screen.getByRole('timer')).toHaveTextContent('限时（放宽一倍）');
    expect(screen.getByRole('timer')).toHaveTextContent('60 秒');
  });

  it('is accessible', async () => {
    vi.useRealTimers();
    const { container } = renderComponent();
    await expectAccessible(container);
  });
});
