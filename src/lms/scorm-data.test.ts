import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choose, currentDecision, offeredChoices, start } from '../engine/run';
import { dimensionScores } from '../engine/scoring';
import { type Decision, type RunState, TIMEOUT } from '../engine/types';
import { load } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { SavedRun } from '../store/saved-state';
import {
  clockTime,
  decodeSuspend,
  encodeSuspend,
  interactionValues,
  meanScore,
  SUSPEND_LIMIT,
  scoreValues,
  timespan,
} from './scorm-data';

const shipped = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'template.json')
  .map((f) => {
    const result = load(readFileSync(`scenarios/${f}`, 'utf8'));
    if (!result.ok) throw new Error(`${f} does not load`);
    return { scenario: result.scenario, hash: result.hash };
  });

/** A run that always takes the last choice on offer (a timeout where there is a countdown, every third time), to its end. */
function playOut(scenario: Scenario, seed = 7): { state: RunState; decisions: Decision[] } {
  let state = start(scenario, seed);
  const decisions: Decision[] = [];
  for (let i = 0; i < 200 && currentDecision(scenario, state); i++) {
    const node = currentDecision(scenario, state);
    const offered = offeredChoices(scenario, state);
    const timeout = node?.timeLimitSec !== undefined && i % 3 === 0;
    const choiceId = timeout ? TIMEOUT : (offered.at(-1)?.id as string);
    // Ten minutes and some, a long while to think, in every decision.
    const realMs = timeout ? (node?.timeLimitSec ?? 0) * 1000 : 612_345 + i;
    [state] = choose(scenario, state, choiceId, realMs);
    decisions.push({ choiceId, realMs });
  }
  return { state, decisions };
}

const savedRun = (over: Partial<SavedRun> = {}): SavedRun => ({
  scenarioId: 'early-warning',
  hash: '1a2b3c4d5e6f7',
  seed: 4_294_967_295,
  decisions: [
    { choiceId: 'report-now', realMs: 12_345 },
    { choiceId: TIMEOUT, realMs: 90_000 },
  ],
  view: 'decision',
  shownAt: 1_780_000_000_123,
  startedAt: 1_780_000_000_000,
  ...over,
});

describe('the compact suspend form', () => {
  it('gives back the run it was made from: drill, hash, seed, decisions, screen and times', () => {
    for (const run of [
      savedRun(),
      savedRun({ decisions: [], view: 'briefing', shownAt: null }),
      savedRun({ view: 'debrief', shownAt: null, endedAt: 1_780_000_900_000 }),
      savedRun({ timeLimits: 'x2' }),
      savedRun({ timeLimits: 'off' }),
    ]) {
      expect(decodeSuspend(encodeSuspend(run), 0)).toEqual(run);
    }
  });

  it('keeps neither the drill’s text, nor the trainee’s name', () => {
    const text = encodeSuspend(savedRun({ played: '{"id":"early-warning"}', trainee: '张三' }));
    expect(text).not.toContain('张三');
    expect(text).not.toContain('{"id"');
    expect(decodeSuspend(text, 0)).toEqual(savedRun());
  });

  it('refuses what is not a form it knows', () => {
    const good = JSON.parse(encodeSuspend(savedRun())) as Record<string, unknown>;
    for (const text of [
      '',
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, c: 'report-now' }),
      JSON.stringify({ ...good, c: 'report-now.-1' }),
      JSON.stringify({ ...good, w: 9 }),
      JSON.stringify({ ...good, s: 'seed' }),
      JSON.stringify({ ...good, d: 3 }),
    ]) {
      expect(decodeSuspend(text, 0), text).toBeNull();
    }
  });

  it('gives a decision on screen that lost its moment the moment it is read', () => {
    const { t: _t, ...form } = JSON.parse(encodeSuspend(savedRun())) as Record<string, unknown>;
    expect(decodeSuspend(JSON.stringify(form), 42)?.shownAt).toBe(42);
  });

  it('fits SCORM 1.2’s 4096 characters for a long run of every shipped drill, with room to spare', () => {
    for (const { scenario, hash } of shipped) {
      const { state, decisions } = playOut(scenario);
      expect(state.ending, scenario.id).not.toBeNull();
      const text = encodeSuspend(savedRun({ scenarioId: scenario.id, hash, decisions, view: 'debrief', endedAt: 1 }));
      expect(text.length, scenario.id).toBeLessThan(SUSPEND_LIMIT / 2);
    }
  });

  it('fits 100 decisions of the longest choice id any shipped drill has, each of ten minutes', () => {
    const ids = shipped.flatMap(({ scenario }) =>
      scenario.nodes.flatMap((n) => (n.kind === 'decision' ? n.choices.map((c) => c.id) : [])),
    );
    const longest = ids.reduce((a, b) => (b.length > a.length ? b : a));
    const decisions = Array.from({ length: 100 }, (_, i) => ({ choiceId: longest, realMs: 600_000 + i }));
    const text = encodeSuspend(savedRun({ scenarioId: 'grassroots-enforcement', decisions, endedAt: 1 }));
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(decodeSuspend(text, 0)?.decisions).toEqual(decisions);
  });
});

describe('SCORM 1.2 times', () => {
  it('writes a CMITimespan HHHH:MM:SS.SS', () => {
    expect(timespan(0)).toBe('0000:00:00.00');
    expect(timespan(3_723_456)).toBe('0001:02:03.46');
    expect(timespan(59_999)).toBe('0000:01:00.00');
    expect(timespan(-5)).toBe('0000:00:00.00');
    expect(timespan(1e13)).toBe('9999:59:59.99');
    expect(timespan(123_456)).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d\d$/);
  });

  it('writes a CMITime HH:MM:SS', () => {
    expect(clockTime(new Date(2026, 0, 8, 9, 5, 7))).toBe('09:05:07');
  });
});

describe('the cmi values of a run', () => {
  const { scenario } = shipped.find((d) => d.scenario.id === 'early-warning') ?? (shipped[0] as (typeof shipped)[0]);
  const { state } = playOut(scenario, 3);
  const value = (values: readonly (readonly [string, string])[], element: string) =>
    values.find(([e]) => e === element)?.[1];

  it('gives each dimension as an objective, and at the end the mean as the score and the lesson completed', () => {
    const scores = dimensionScores(scenario, state.scoreEvents);
    const values = scoreValues(scenario, state);
    expect(['timeliness', 'legality', 'coordination'].map((_, n) => value(values, `cmi.objectives.${n}.id`))).toEqual([
      'timeliness',
      'legality',
      'coordination',
    ]);
    expect(value(values, 'cmi.objectives.1.score.raw')).toBe(String(scores.legality));
    expect(value(values, 'cmi.objectives.2.status')).toBe('completed');
    const mean = (scores.timeliness + scores.legality + scores.coordination) / 3;
    expect(Number(value(values, 'cmi.core.score.raw'))).toBeCloseTo(mean, 2);
    expect(meanScore(scenario, state)).toBeCloseTo(mean, 2);
    expect(value(values, 'cmi.core.score.min')).toBe('0');
    expect(value(values, 'cmi.core.score.max')).toBe('100');
    expect(value(values, 'cmi.core.lesson_status')).toBe('completed');
  });

  it('gives no score and no completion before the ending', () => {
    const first = choose(
      scenario,
      start(scenario, 3),
      offeredChoices(scenario, start(scenario, 3))[0]?.id ?? '',
      1000,
    )[0];
    const values = scoreValues(scenario, first);
    expect(value(values, 'cmi.objectives.0.status')).toBe('incomplete');
    expect(values.some(([e]) => e.startsWith('cmi.core.'))).toBe(false);
  });

  it('gives a decision as a choice interaction: id, response, result by its score, latency and time', () => {
    const values = interactionValues(state, 0, 5, new Date(2026, 0, 8, 14, 30, 0));
    const entry = state.timeline[0];
    const sum = state.scoreEvents.filter((e) => e.source.decision === 0).reduce((n, e) => n + e.delta, 0);
    expect(Object.fromEntries(values)).toEqual({
      'cmi.interactions.5.id': `d1-${entry?.nodeId}`,
      'cmi.interactions.5.type': 'choice',
      'cmi.interactions.5.student_response': entry?.choiceId,
      'cmi.interactions.5.result': sum > 0 ? 'correct' : sum < 0 ? 'wrong' : 'neutral',
      'cmi.interactions.5.latency': timespan(entry?.realMs ?? 0),
      'cmi.interactions.5.time': '14:30:00',
    });
  });
});
