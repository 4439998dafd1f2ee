/**
 * The run weighed against the best line (engine/best-line.ts), off the page's thread: searching
 * a shipped drill takes a second or two, and the debrief must stay responsive meanwhile. In a
 * browser the search runs in a Web Worker; where there is none (a test's DOM), on the page after
 * it has drawn, so the result arrives the same way.
 */
import { analyseRun, DEFAULT_LIMITS, type RunAnalysis, type SearchLimits } from '../engine/best-line';
import { choose, start, startAt } from '../engine/run';
import { type Decision, type Origin, type RunState, TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export interface AnalysisRequest {
  scenario: Scenario;
  seed: number;
  decisions: readonly Decision[];
  /** A trial run's starting point. */
  origin?: Origin;
  limits?: SearchLimits;
}

export type AnalysisMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; analysis: RunAnalysis }
  | { kind: 'failed'; message: string };

/** The run replayed, with the state before each decision and after the last, and the trainee's moves. */
export function analyse(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): RunAnalysis {
  const { scenario, seed, decisions, origin } = request;
  const states: RunState[] = [origin ? startAt(scenario, seed, origin) : start(scenario, seed)];
  const moves: string[] = [];
  for (const decision of decisions) {
    const [next] = choose(scenario, states[states.length - 1] as RunState, decision.choiceId, decision.realMs);
    states.push(next);
    moves.push(next.timeline[next.timeline.length - 1]?.timedOut ? TIMEOUT : decision.choiceId);
  }
  return analyseRun(scenario, states, moves, request.limits ?? DEFAULT_LIMITS, onProgress);
}

/** Starts the analysis; every message goes to `onMessage`. Returns a function that stops it. */
export function analyseInBackground(
  request: AnalysisRequest,
  onMessage: (message: AnalysisMessage) => void,
): () => void {
  if (typeof Worker === 'undefined') {
    let stopped = false;
    const timer = setTimeout(() => {
      try {
        const analysis = analyse(request, (done, total) => !stopped && onMessage({ kind: 'progress', done, total }));
        if (!stopped) onMessage({ kind: 'done', analysis });
      } catch (e) {
        if (!stopped) onMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    }, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
  const worker = new Worker(new URL('./run-analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<AnalysisMessage>) => {
    onMessage(e.data);
    if (e.data.kind !== 'progress') worker.terminate();
  };
  worker.onerror = (e) => {
    onMessage({ kind: 'failed', message: e.message || '后台计算没有启动' });
    worker.terminate();
  };
  worker.postMessage(request);
  return () => worker.terminate();
}
