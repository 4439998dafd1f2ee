// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type Preloadable, preloadable, useLoaded } from './preloadable';

const module = { default: ({ text }: { text: string }) => <p>{text}</p> };

function Side({ of }: { of: Preloadable<typeof module> }) {
  return useLoaded(of) ? <of.Component text="态势图" /> : <p>图未到</p>;
}

const fallbacks = { drawn: 0 };
function Fallback() {
  fallbacks.drawn++;
  return <p>载入中</p>;
}

function Probe({ of }: { of: Preloadable<typeof module> }) {
  return <p>{useLoaded(of) ? '已到' : '未到'}</p>;
}

describe('preloadable', () => {
  it('draws a preloaded component in the same render, with no fallback', async () => {
    const part = preloadable(() => Promise.resolve(module));
    await part.preload();
    render(
      <Suspense fallback={<p>载入中</p>}>
        <part.Component text="态势图" />
      </Suspense>,
    );
    // Synchronously: a lazy given a promise would show the fallback here, and the chart only later.
    expect(screen.getByText('态势图')).toBeInTheDocument();
    expect(screen.queryByText('载入中')).toBeNull();
  });

  it('fetches once however often it is asked, and on first render when nobody preloaded it', async () => {
    const load = vi.fn(() => Promise.resolve(module));
    const part = preloadable(load);
    render(
      <Suspense fallback={<p>载入中</p>}>
        <part.Component text="态势图" />
      </Suspense>,
    );
    expect(screen.getByText('载入中')).toBeInTheDocument();
    expect(await screen.findByText('态势图')).toBeInTheDocument();
    await part.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed fetch', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(module);
    const part = preloadable(load);
    await expect(part.preload()).rejects.toThrow('offline');
    await act(() => part.preload());
    expect(load).toHaveBeenCalledTimes(2);
    render(<part.Component text="态势图" />);
    expect(screen.getByText('态势图')).toBeInTheDocument();
  });

  it('says when the code is here, fetching it, so the part is drawn without ever suspending', async () => {
    const load = vi.fn(() => Promise.resolve(module));
    const part = preloadable(load);
    fallbacks.drawn = 0;
    render(
      <Suspense fallback={<Fallback />}>
        <Side of={part} />
      </Suspense>,
    );
    expect(screen.getByText('图未到')).toBeInTheDocument();
    expect(await screen.findByText('态势图')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
    // Never suspended: the fallback, and React's hold on reveals after it, never came.
    expect(fallbacks.drawn).toBe(0);
  });

  it('is true from the first render when the code came before', async () => {
    const part = preloadable(() => Promise.resolve(module));
    await part.preload();
    render(<Probe of={part} />);
    expect(screen.getByText('已到')).toBeInTheDocument();
  });

  it('leaves the part out when its code does not come, and fetches it again once back online', async () => {
    const load = vi
      .fn<() => Promise<typeof module>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(module);
    const part = preloadable(load);
    render(<Probe of={part} />);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await act(() => Promise.resolve());
    expect(screen.getByText('未到')).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('已到')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
