/**
 * What the app tells a SCORM 1.2 LMS, as data (pure: no API, no DOM, no clock): the compact form
 * of a run kept in `cmi.suspend_data`, and the `cmi` values a run's state gives — the score, one
 * objective per dimension, one interaction per decision — in SCORM 1.2's formats.
 */
import { dimensionScores } from '../engine/scoring';
import type { RunState, TimelineEntry } from '../engine/types';
import type { Dimension, Scenario } from '../scenario/schema';
import { type RunView, readSaved, type SavedRun } from '../store/saved-state';

/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096: at most 4096 characters. */
export const SUSPEND_LIMIT = 4096;

/** The compact form's version, its first field: a reader refuses a form it does not know. */
const SUSPEND_VERSION = 1;

/** The three dimensions, as the objectives' ids, in the order of `cmi.objectives.0`–`2`. */
export const OBJECTIVES: readonly Dimension[] = ['timeliness', 'legality', 'coordination'];

const VIEWS: readonly RunView[] = ['briefing', 'decision', 'consequence', 'debrief'];

const b36 = (n: number) => Math.round(n).toString(36);
const fromB36 = (text: unknown): number | undefined => {
  if (typeof text !== 'string' || !/^[0-9a-z]{1,12}$/.test(text)) return undefined;
  return Number.parseInt(text, 36);
};

/**
 * A trainee's run in the fewest characters that resume it: drill id, content hash, seed, the
 * screen, when the decision on screen was shown and when the run started and ended (base 36), and
 * the decisions as `choiceId.realMs` (base 36) joined by commas — choice ids are letters, digits,
 * `-` and `_` (or `$timeout`), so neither separator can occur in one. Not the drill's text, the
 * trainee's name, the settings or imported drills: what the full save keeps beside the run.
 */
export function encodeSuspend(run: SavedRun): string {
  const form: Record<string, string | number> = {
    v: SUSPEND_VERSION,
    d: run.scenarioId,
    h: run.hash,
    s: run.seed,
    w: VIEWS.indexOf(run.view),
    c: run.decisions.map((d) => `${d.choiceId}.${b36(d.realMs)}`).join(','),
  };
  if (run.shownAt !== null) form.t = b36(run.shownAt);
  if (run.startedAt !== undefined) form.a = b36(run.startedAt);
  if (run.endedAt !== undefined) form.e = b36(run.endedAt);
  // The limits a resumed run goes on under; ×1, the most common, takes no room.
  if (run.timeLimits !== undefined && run.timeLimits !== 'x1') form.l = run.timeLimits;
  return JSON.stringify(form);
}

/**
 * The run a compact form holds, checked as the browser's save is (readSaved), or null when the
 * text is empty, not ours, or malformed. `now` is the moment a decision on screen counts from if
 * the form lost it.
 */
export function decodeSuspend(text: string, now: number): SavedRun | null {
  let form: unknown;
  try {
    form = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof form !== 'object' || form === null) return null;
  const f = form as Record<string, unknown>;
  if (f.v !== SUSPEND_VERSION || typeof f.c !== 'string' || typeof f.w !== 'number') return null;
  const decisions = f.c === '' ? [] : f.c.split(',').map((d) => d.split('.'));
  if (decisions.some((d) => d.length !== 2 || fromB36(d[1]) === undefined)) return null;
  const candidate = {
    scenarioId: f.d,
    hash: f.h,
    seed: f.s,
    view: VIEWS[f.w],
    decisions: decisions.map(([choiceId, ms]) => ({ choiceId, realMs: fromB36(ms) })),
    shownAt: f.t === undefined ? null : (fromB36(f.t) ?? null),
    startedAt: fromB36(f.a),
    endedAt: fromB36(f.e),
    timeLimits: f.l,
  };
  return readSaved({ run: candidate }, now).run;
}

/** SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS`. */
export function timespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(cs / 360_000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const rest = hours === 9999 ? 359_999 : cs % 360_000;
  return `${pad(hours, 4)}:${pad(Math.floor(rest / 6000))}:${pad(Math.floor((rest % 6000) / 100))}.${pad(rest % 100)}`;
}

/** SCORM 1.2's CMITime, the time of day `HH:MM:SS`, on the trainee's clock. */
export function clockTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** One `cmi` element and its value, in the order they are to be set. */
export type CmiValue = readonly [element: string, value: string];

/** The mean of the three dimensions, 0–100, to two decimals: `cmi.core.score.raw`. */
export function meanScore(scenario: Scenario, state: RunState): number {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const sum = OBJECTIVES.reduce((n, d) => n + scores[d], 0);
  return Math.round((sum / OBJECTIVES.length) * 100) / 100;
}

/**
 * Each dimension as `cmi.objectives.n` (id, score 0–100, status), and, once the run has reached
 * its ending, the mean as `cmi.core.score` and the lesson `completed`.
 */
export function scoreValues(scenario: Scenario, state: RunState): CmiValue[] {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const ended = state.ending !== null;
  const values: CmiValue[] = OBJECTIVES.flatMap((d, n): CmiValue[] => [
    [`cmi.objectives.${n}.id`, d],
    [`cmi.objectives.${n}.score.min`, '0'],
    [`cmi.objectives.${n}.score.max`, '100'],
    [`cmi.objectives.${n}.score.raw`, String(scores[d])],
    [`cmi.objectives.${n}.status`, ended ? 'completed' : 'incomplete'],
  ]);
  if (!ended) return values;
  return [
    ...values,
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', String(meanScore(scenario, state))],
    ['cmi.core.lesson_status', 'completed'],
  ];
}

/**
 * A decision's result for the LMS: `correct` when its score events gained more than they lost,
 * `wrong` when they lost more, `neutral` when they were even or there were none.
 */
export function decisionResult(state: RunState, index: number): 'correct' | 'wrong' | 'neutral' {
  const sum = state.scoreEvents.filter((e) => e.source.decision === index).reduce((n, e) => n + e.delta, 0);
  return sum > 0 ? 'correct' : sum < 0 ? 'wrong' : 'neutral';
}

/** Decision `index` of the run as `cmi.interactions.n`; `at` is when it was taken. */
export function interactionValues(state: RunState, index: number, n: number, at: Date): CmiValue[] {
  const entry = state.timeline[index] as TimelineEntry;
  const at_ = `cmi.interactions.${n}`;
  return [
    [`${at_}.id`, `d${index + 1}-${entry.nodeId}`],
    [`${at_}.type`, 'choice'],
    [`${at_}.student_response`, entry.choiceId],
    [`${at_}.result`, decisionResult(state, index)],
    [`${at_}.latency`, timespan(entry.realMs)],
    [`${at_}.time`, clockTime(at)],
  ];
}
