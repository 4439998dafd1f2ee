// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle';

describe('whenIdle', () => {
  it('runs the work after the current task', async () => {
    const work = vi.fn();
    whenIdle(work);
    expect(work).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(work).toHaveBeenCalledOnce());
  });

  it('asks the browser for its next idle moment, and at most a quarter of a second: idle periods follow frames, and a page read draws none', () => {
    const ask = vi.fn((_work: IdleRequestCallback, _options?: IdleRequestOptions) => 7);
    const cancel = vi.fn();
    vi.stubGlobal('requestIdleCallback', ask);
    vi.stubGlobal('cancelIdleCallback', cancel);
    try {
      const work = vi.fn();
      const stop = whenIdle(work);
      expect(ask).toHaveBeenCalledOnce();
      expect(ask.mock.calls[0]?.[1]).toEqual({ timeout: 250 });
      ask.mock.calls[0]?.[0]({ didTimeout: true, timeRemaining: () => 0 });
      expect(work).toHaveBeenCalledOnce();
      stop();
      expect(cancel).toHaveBeenCalledWith(7);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('runs nothing once cancelled: a screen that is gone schedules nothing after it', async () => {
    const cancelled = vi.fn();
    const after = vi.fn();
    whenIdle(cancelled)();
    whenIdle(after);
    await vi.waitFor(() => expect(after).toHaveBeenCalledOnce());
    expect(cancelled).not.toHaveBeenCalled();
  });
});
