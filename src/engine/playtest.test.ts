import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeNumberVar,
  fakeScenario,
} from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { playtest, playtestFails } from './playtest';

describe('playtest', () => {
  it('reaches every node and ending of a small drill, with timeouts among the moves', () => {
    const r = playtest(uiDrill, 60, 3);
    expect(r.nodes).toEqual({ reached: 4, total: 4, never: [] });
    expect(r.endings.never).toEqual([]);
    expect(r.endings.counts.good ?? 0).toBeGreaterThan(0);
    expect(r.endings.counts.bad ?? 0).toBeGreaterThan(0);
    expect(r.decisions).toEqual({ min: 2, max: 2 });
    expect(r.scores.timeliness.min).toBeLessThan(r.scores.timeliness.max);
    expect(playtestFails(r)).toBe(false);
  });

  it('gives the infections and deaths each ending was reached with, as ranges', () => {
    const r = playtest(uiDrill, 60, 3);
    expect(Object.keys(r.outcomes).sort()).toEqual(['bad', 'good']);
    for (const o of Object.values(r.outcomes)) {
      expect(o.cases.min).toBeLessThanOrEqual(o.cases.max);
      expect(o.deaths.min).toBeLessThanOrEqual(o.deaths.max);
    }
    expect(r.hours.min).toBeLessThanOrEqual(r.hours.max);
  });

  it('is the same for the same seed', () => {
    expect(playtest(uiDrill, 30, 9)).toEqual(playtest(uiDrill, 30, 9));
  });

  it('names an ending no play can reach, and fails', () => {
    // "won" needs a score the variable can never have.
    const drill = fakeScenario({
      variables: [fakeNumberVar({ id: 'x', min: 0, max: 10, initial: 0 })],
      nodes: [
        fakeDecision({
          choices: [fakeChoice({ next: [{ when: { var: 'x', op: '>', value: 50 }, to: 'won' }, { to: 'end' }] })],
        }),
        fakeEnding(),
        fakeEnding({ id: 'won', title: '胜' }),
      ],
    });
    const r = playtest(drill, 20);
    expect(r.endings.never).toEqual(['won']);
    expect(r.nodes.never).toEqual(['won']);
    expect(playtestFails(r)).toBe(true);
  });

  it('names the endings a line reaches for some seeds only, sampling each about as often as its chance', () => {
    const drill = fakeScenario({
      variables: [fakeBooleanVar({ id: 'persuaded' })],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({
              id: 'persuade',
              effects: [{ op: 'set', var: 'persuaded', value: true, chance: 0.25 }],
              next: [{ when: { var: 'persuaded', op: '==', value: true }, to: 'agreed' }, { to: 'refused' }],
            }),
            fakeChoice({ id: 'order', next: 'ordered' }),
          ],
        }),
        fakeEnding({ id: 'agreed', title: '同意' }),
        fakeEnding({ id: 'refused', title: '拒绝' }),
        fakeEnding({ id: 'ordered', title: '强制' }),
      ],
    });
    const r = playtest(drill, 400);
    expect(r.endings.never).toEqual([]);
    expect(r.endings.byChance).toEqual(['agreed', 'refused']);
    const persuaded = (r.endings.counts.agreed ?? 0) + (r.endings.counts.refused ?? 0);
    expect((r.endings.counts.agreed ?? 0) / persuaded).toBeGreaterThan(0.15);
    expect((r.endings.counts.agreed ?? 0) / persuaded).toBeLessThan(0.35);
  });

  it('names no ending as chance’s in a drill that draws nothing', () => {
    expect(playtest(uiDrill, 20, 3).endings.byChance).toEqual([]);
  });

  it('reports a loop with no way out as runs that never end', () => {
    const drill = fakeScenario({
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({ id: 'again', next: 'n1' }),
            fakeChoice({ id: 'out', when: { after: '100d' }, next: 'end' }),
          ],
        }),
        fakeEnding(),
      ],
    });
    const r = playtest(drill, 4);
    expect(r.endless).toBe(4);
    expect(playtestFails(r)).toBe(true);
  });

  it('reports a decision that offers nothing as stuck', () => {
    const drill = fakeScenario({
      nodes: [fakeDecision({ choices: [fakeChoice({ when: { after: '1d' } })] }), fakeEnding()],
    });
    const r = playtest(drill, 2);
    expect(r.stuck[0]).toMatchObject({ node: 'n1' });
    expect(playtestFails(r)).toBe(true);
  });
});
