import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { type AnalysisMessage, analyseInBackground } from './run-analysis';

/** A worker whose script never runs: the browser reports an error event and nothing else. */
class UnstartableWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  terminated = false;
  constructor() {
    setTimeout(() => this.onerror?.(new Event('error')), 0);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

const request = { scenario: uiDrill, seed: 7, decisions: [{ choiceId: 'report', realMs: 1000 }] };

describe('the best-line search in the background', () => {
  it('runs on the page when the worker’s script never runs, and still answers', async () => {
    vi.stubGlobal('Worker', UnstartableWorker);
    const messages: AnalysisMessage[] = [];
    await new Promise<void>((resolve) => {
      analyseInBackground(request, (m) => {
        messages.push(m);
        if (m.kind !== 'progress') resolve();
      });
    });
    expect(messages.at(-1)?.kind).toBe('done');
  });

  it('on the page, searches one decision at a time, drawing in between', async () => {
    const messages: AnalysisMessage[] = [];
    const twoDecisions = { ...request, decisions: [...request.decisions, { choiceId: 'publish', realMs: 1000 }] };
    analyseInBackground(twoDecisions, (m) => messages.push(m));
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(messages).toEqual([{ kind: 'progress', done: 1, total: 3 }]);
    for (let i = 0; i < 10 && messages.at(-1)?.kind !== 'done'; i++) await tick();
    expect(messages.map((m) => m.kind)).toEqual(['progress', 'progress', 'progress', 'done']);
  });

  it('says nothing more once stopped, even when the page takes over', async () => {
    vi.stubGlobal('Worker', UnstartableWorker);
    const onMessage = vi.fn();
    const stop = analyseInBackground(request, onMessage);
    stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(onMessage).not.toHaveBeenCalled();
  });
});
