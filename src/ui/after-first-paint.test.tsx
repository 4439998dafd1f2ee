// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterNextPaint } from './after-first-paint';

function Side({ value }: { value: string }) {
  return <p>{useAfterNextPaint(value)}</p>;
}

describe('useAfterNextPaint', () => {
  it('gives the value at once on the first render, and a changed value only after the next frame', async () => {
    const frames: FrameRequestCallback[] = [];
    const { rerender } = render(<Side value="第 1 天" />);
    expect(screen.getByText('第 1 天')).toBeInTheDocument();

    const real = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => frames.push(callback);
    try {
      rerender(<Side value="第 2 天" />);
      // The frame that shows the change elsewhere has not been drawn: the old value stands.
      await new Promise((done) => setTimeout(done, 20));
      expect(screen.getByText('第 1 天')).toBeInTheDocument();
      expect(frames).toHaveLength(1);
      frames[0]?.(performance.now());
      await waitFor(() => expect(screen.getByText('第 2 天')).toBeInTheDocument());
    } finally {
      window.requestAnimationFrame = real;
    }
  });
});
