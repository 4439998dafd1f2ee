/**
 * The run weighed against the best line (engine/best-line.ts), off the page's thread: searching
 * a shipped drill takes a second or two, and the debrief must stay responsive meanwhile. In a
 * browser the search runs in a Web Worker; where there is none (a test's DOM), on the page after
 * it has drawn, so the result arrives the same way.
 */
import { analyseRun, analyseRunSteps, DEFAULT_LIMITS, type RunAnalysis, type SearchLimits } from '../engine/best-line';
import { choose, start, startAt } from '../engine/run';
import { type Decision, type Origin, type RunState, TIMEOUT, type TimeLimits } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export interface AnalysisRequest {
  scenario: Scenario;
  seed: number;
  decisions: readonly Decision[];
  /** A trial run's starting point. */
  origin?: Origin;
  /** The instructor's time limits the run was played under (absent: the drill's own). */
  timeLimits?: TimeLimits;
  limits?: SearchLimits;
}

export type AnalysisMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; analysis: RunAnalysis }
  | { kind: 'failed'; message: string };

/** The run replayed: the state before each decision and after the last, and the trainee's moves. */
function replayed(request: AnalysisRequest): { states: RunState[]; moves: string[] } {
  const { scenario, seed, decisions, origin, timeLimits } = request;
  const states: RunState[] = [origin ? startAt(scenario, seed, origin, timeLimits) : start(scenario, seed, timeLimits)];
  const moves: string[] = [];
  for (const decision of decisions) {
    const [next] = choose(scenario, states[states.length - 1] as RunState, decision.choiceId, decision.realMs);
    states.push(next);
    moves.push(next.timeline[next.timeline.length - 1]?.timedOut ? TIMEOUT : decision.choiceId);
  }
  return { states, moves };
}

/** The run weighed against the best line, whole. */
export function analyse(request: AnalysisRequest, onProgress?: (done: number, total: number) => void): RunAnalysis {
  const { states, moves } = replayed(request);
  return analyseRun(request.scenario, states, moves, request.limits ?? DEFAULT_LIMITS, onProgress);
}

/** The same analysis one search at a time (see analyseRunSteps). */
function analyseSteps(request: AnalysisRequest): Generator<{ done: number; total: number }, RunAnalysis, void> {
  const { states, moves } = replayed(request);
  return analyseRunSteps(request.scenario, states, moves, request.limits ?? DEFAULT_LIMITS);
}

/** Starts the analysis; every message goes to `onMessage`. Returns a function that stops it. */
export function analyseInBackground(
  request: AnalysisRequest,
  onMessage: (message: AnalysisMessage) => void,
): () => void {
  let worker: Worker | null = null;
  try {
    if (typeof Worker !== 'undefined') {
      worker = new Worker(new URL('./run-analysis.worker.ts', import.meta.url), { type: 'module' });
    }
  } catch {
    // A page opened from file:// may not start a worker: the search then runs on the page.
    worker = null;
  }
  if (!worker) return analyseOnPage(request, onMessage);
  const running = worker;
  let stopped = false;
  let stopOnPage: (() => void) | null = null;
  running.onmessage = (e: MessageEvent<AnalysisMessage>) => {
    // A message already on its way when the debrief closed is for a screen that is gone.
    if (stopped) return;
    onMessage(e.data);
    if (e.data.kind !== 'progress') running.terminate();
  };
  // The worker's own failures arrive as messages; an error here means its script never ran (a page
  // served where workers are blocked, or opened from disk in some browsers): the page does the work.
  running.onerror = (e) => {
    e.preventDefault();
    running.terminate();
    if (!stopped) stopOnPage = analyseOnPage(request, onMessage);
  };
  running.postMessage(request);
  return () => {
    stopped = true;
    running.terminate();
    stopOnPage?.();
  };
}

/**
 * The same analysis on the page, where there is no worker (a test's DOM, a page opened from disk):
 * one decision's search at a time, the page drawing and answering in between.
 */
function analyseOnPage(request: AnalysisRequest, onMessage: (message: AnalysisMessage) => void): () => void {
  let stopped = false;
  let steps: ReturnType<typeof analyseSteps> | null = null;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    if (stopped) return;
    try {
      steps ??= analyseSteps(request);
      const next = steps.next();
      if (next.done) {
        onMessage({ kind: 'done', analysis: next.value });
        return;
      }
      onMessage({ kind: 'progress', ...next.value });
      timer = setTimeout(tick, 0);
    } catch {
      onMessage({ kind: 'failed', message: FAILED });
    }
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** What the trainee reads when the search fails: the engine's own message is for the author. */
export const FAILED = '这个演练的走法没能推演到结局，请告知教员。';
