import { describe, expect, it } from 'vitest';
import { fakeScenario, fakeWindow } from '../../test/fake-scenario';
import {
  DEFAULT_BASE,
  DEFAULT_WINDOW_CREDIT,
  DEFAULT_WINDOW_PENALTY,
  dimensionScores,
  formatDuration,
  timeWindowEvent,
} from './scoring';
import type { ScoreEvent } from './types';

// ideal 1h, latest 3h, +10 at best, -20 at worst: the line falls 30 points over 120 minutes.
const window = fakeWindow({
  id: 'report',
  label: '向疾控机构报告',
  ideal: '1h',
  latest: '3h',
  credit: 10,
  penalty: 20,
});

describe('timeWindowEvent', () => {
  it('gives full credit when done at the ideal limit', () => {
    expect(timeWindowEvent(window, 60, 0).delta).toBe(10);
  });

  it('gives full credit when done before the ideal limit', () => {
    expect(timeWindowEvent(window, 0, 0).delta).toBe(10);
  });

  it('interpolates on a straight line between ideal and latest', () => {
    expect(timeWindowEvent(window, 120, 0).delta).toBe(-5); // midway: 10 − 30 × ½
    expect(timeWindowEvent(window, 84, 0).delta).toBe(4); // 10 − 30 × 0.2
    expect(timeWindowEvent(window, 156, 0).delta).toBe(-14); // 10 − 30 × 0.8
  });

  it('rounds an interpolated value to a whole point', () => {
    expect(timeWindowEvent(window, 90, 0).delta).toBe(3); // 10 − 30 × ¼ = 2.5
    expect(timeWindowEvent(window, 61, 0).delta).toBe(10); // 10 − 0.25
  });

  it('takes the full penalty exactly at the latest limit', () => {
    expect(timeWindowEvent(window, 180, 0).delta).toBe(-20);
  });

  it('takes the full penalty after the latest limit', () => {
    expect(timeWindowEvent(window, 181, 0).delta).toBe(-20);
    expect(timeWindowEvent(window, 10_000, 0).delta).toBe(-20);
  });

  it('takes the full penalty when never done', () => {
    const event = timeWindowEvent(window, null, null);
    expect(event.delta).toBe(-20);
    expect(event.reason).toContain('始终未完成“向疾控机构报告”');
    expect(event.source).toEqual({ kind: 'timeWindow', windowId: 'report', decision: null });
  });

  it('never rises as the action is done later', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let t = 0; t <= 240; t++) {
      const delta = timeWindowEvent(window, t, 0).delta;
      expect(delta).toBeLessThanOrEqual(previous);
      previous = delta;
    }
  });

  it('defaults to +10 credit and −20 penalty', () => {
    const plain = fakeWindow({ ideal: '1h', latest: '2h' });
    expect(plain.credit).toBeUndefined();
    expect(timeWindowEvent(plain, 30, 0).delta).toBe(DEFAULT_WINDOW_CREDIT);
    expect(timeWindowEvent(plain, 200, 0).delta).toBe(-DEFAULT_WINDOW_PENALTY);
    expect(timeWindowEvent(plain, null, null).delta).toBe(-DEFAULT_WINDOW_PENALTY);
    expect([DEFAULT_WINDOW_CREDIT, DEFAULT_WINDOW_PENALTY]).toEqual([10, 20]);
  });

  it('does not divide by zero when ideal and latest are the same', () => {
    const sharp = fakeWindow({ ideal: '1h', latest: '1h' });
    expect(timeWindowEvent(sharp, 60, 0).delta).toBe(10);
    expect(timeWindowEvent(sharp, 61, 0).delta).toBe(-20);
  });

  it('is a timeliness event that cites the window, its decision and its references', () => {
    const cited = fakeWindow({ id: 'w', ideal: '1h', latest: '3h', refs: ['law-1'] });
    expect(timeWindowEvent(cited, 30, 4)).toEqual({
      dimension: 'timeliness',
      delta: 10,
      reason: expect.stringContaining('在理想时限之内'),
      source: { kind: 'timeWindow', windowId: 'w', decision: 4 },
      refs: ['law-1'],
    });
    expect(timeWindowEvent(window, 30, 0).refs).toEqual([]);
  });

  it('says in Chinese when it was done and what the limits were', () => {
    expect(timeWindowEvent(window, 150, 2).reason).toBe(
      '“向疾控机构报告”在开局后 2 小时 30 分钟 才完成，晚于理想时限，越晚得分越低（理想时限为开局后 1 小时，最迟 3 小时）。',
    );
    expect(timeWindowEvent(window, 200, 2).reason).toContain('已超过最迟时限');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 分钟'],
    [45, '45 分钟'],
    [120, '2 小时'],
    [1440, '1 天'],
    [1440 + 3 * 60 + 20, '1 天 3 小时 20 分钟'],
    [1440 + 5, '1 天 5 分钟'],
  ])('formats %i minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

function event(dimension: ScoreEvent['dimension'], delta: number): ScoreEvent {
  return { dimension, delta, reason: '理由', source: { kind: 'timeWindow', windowId: 'w', decision: null }, refs: [] };
}

describe('dimensionScores', () => {
  it('starts every dimension at 60 by default', () => {
    expect(DEFAULT_BASE).toBe(60);
    expect(dimensionScores(fakeScenario(), [])).toEqual({ timeliness: 60, legality: 60, coordination: 60 });
  });

  it('starts at the drill base when set', () => {
    const scenario = fakeScenario({ scoring: { base: 50 } });
    expect(dimensionScores(scenario, [])).toEqual({ timeliness: 50, legality: 50, coordination: 50 });
  });

  it('adds each event to its own dimension', () => {
    const scores = dimensionScores(fakeScenario(), [
      event('timeliness', 10),
      event('timeliness', -25),
      event('legality', 7),
    ]);
    expect(scores).toEqual({ timeliness: 45, legality: 67, coordination: 60 });
  });

  it('clamps each dimension to 0–100 after summing', () => {
    const scores = dimensionScores(fakeScenario(), [
      event('timeliness', 100),
      event('legality', -100),
      event('coordination', 50),
      event('coordination', -20),
    ]);
    expect(scores).toEqual({ timeliness: 100, legality: 0, coordination: 90 });
  });

  it('clamps the sum, not each step: +50 then −30 from 60 is 80', () => {
    expect(dimensionScores(fakeScenario(), [event('legality', 50), event('legality', -30)]).legality).toBe(80);
  });
});
