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

  it('runs nothing once cancelled: a screen that is gone schedules nothing after it', async () => {
    const cancelled = vi.fn();
    const after = vi.fn();
    whenIdle(cancelled)();
    whenIdle(after);
    await vi.waitFor(() => expect(after).toHaveBeenCalledOnce());
    expect(cancelled).not.toHaveBeenCalled();
  });
});
