import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeScenario,
} from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { nodesOnEveryRoute, type PlayedRoute, playtest, playtestFails } from './playtest';

/** n1 only leads back to itself until day 100, which no run lives to see. */
const endlessLoop = fakeScenario({
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
    const r = playtest(endlessLoop, 4);
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

  describe('routes', () => {
    const step = (id: string, ...next: string[]) =>
      fakeDecision({ id, choices: next.map((to, c) => fakeChoice({ id: `c${c}`, next: to })) });

    it('finds the one route of a straight line, taken by every run', () => {
      const line = fakeScenario({ nodes: [step('n1', 'n2', 'n2'), step('n2', 'n3'), step('n3', 'end'), fakeEnding()] });
      const r = playtest(line, 12, 5);
      expect(r.routes).toEqual({ found: 1, taken: [{ nodes: ['n1', 'n2', 'n3'], runs: 12, endings: { end: 12 } }] });
    });

    it('finds both routes of a diamond, how often each was taken, the same for the same seed', () => {
      const diamond = fakeScenario({
        nodes: [step('n1', 'b', 'c'), step('b', 'd'), step('c', 'd'), step('d', 'end'), fakeEnding()],
      });
      const r = playtest(diamond, 40, 2);
      expect(r.routes.found).toBe(2);
      expect(r.routes.taken.map((t) => t.nodes).sort()).toEqual([
        ['n1', 'b', 'd'],
        ['n1', 'c', 'd'],
      ]);
      const [most, least] = r.routes.taken as [PlayedRoute, PlayedRoute];
      expect(most.runs + least.runs).toBe(40);
      expect(most.runs).toBeGreaterThanOrEqual(least.runs);
      expect(least.runs).toBeGreaterThan(0);
      expect(playtest(diamond, 40, 2).routes).toEqual(r.routes);
      expect([...nodesOnEveryRoute(r.routes.taken)].sort()).toEqual(['d', 'n1']);
    });

    it('tells apart the routes a branch on the world’s state makes', () => {
      const drill = fakeScenario({
        variables: [fakeBooleanVar()],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({ id: 'report', effects: [{ op: 'set', var: 'reported', value: true }], next: 'n2' }),
              fakeChoice({ id: 'wait', next: 'n2' }),
            ],
          }),
          fakeDecision({
            id: 'n2',
            choices: [
              fakeChoice({ next: [{ when: { var: 'reported', op: '==', value: true }, to: 'told' }, { to: 'late' }] }),
            ],
          }),
          step('told', 'end'),
          step('late', 'end'),
          fakeEnding(),
        ],
      });
      const r = playtest(drill, 30, 4);
      expect(r.routes.taken.map((t) => t.nodes.join(' ')).sort()).toEqual(['n1 n2 late', 'n1 n2 told']);
    });

    it('leaves out a node an inject opened, as lint’s count of routes does', () => {
      const drill = fakeScenario({
        nodes: [step('n1', 'n2'), step('n2', 'end'), step('side', '$return'), fakeEnding()],
        injects: [fakeInject({ at: '15m', opens: 'side' })],
      });
      const r = playtest(drill, 6, 1);
      expect(r.nodes.never).toEqual([]);
      expect(r.routes.taken).toEqual([{ nodes: ['n1', 'n2'], runs: 6, endings: { end: 6 } }]);
    });

    it('counts only runs that ended: a loop without a way out has no route', () => {
      expect(playtest(endlessLoop, 3).routes).toEqual({ found: 0, taken: [] });
    });
  });
});
