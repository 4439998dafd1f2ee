/** Trial runs from any node, as the authoring view's 从此处试玩 starts them. */
import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeWorldScenario,
  loadable,
} from '../../test/fake-scenario';
import type { Scenario } from '../scenario/schema';
import { outcomeEvent } from './outcome';
import { choose, replay, start, startAt } from './run';
import { IllegalDecisionError, type Origin } from './types';

const DAY = 1440;

/** n1 → n2 → end; n2 isolates in "home". An inject at 1d opens n1b; one at 2d raises alert. */
function drill(): Scenario {
  return loadable(
    fakeWorldScenario({
      variables: [fakeNumberVar({ id: 'alert', min: 0, max: 5, initial: 0 }), fakeBooleanVar({ id: 'told' })],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
        fakeDecision({
          id: 'n2',
          title: '第二步',
          choices: [
            fakeChoice({ id: 'isolate', takes: '1d', world: [{ type: 'isolation', region: 'home', share: 0.6 }] }),
            fakeChoice({ id: 'wait', takes: '1d' }),
          ],
        }),
        fakeDecision({ id: 'n1b', title: '插入', choices: [fakeChoice({ next: '$return' })] }),
        fakeEnding(),
      ],
      injects: [
        fakeInject({ id: 'opens', at: '1d', opens: 'n1b' }),
        fakeInject({ id: 'raise', at: '2d', effects: [{ var: 'alert', op: 'add', value: 2 }] }),
      ],
    }),
  );
}

const origin = (o: Partial<Origin> = {}): Origin => ({ node: 'n2', clock: 3 * DAY, vars: {}, regions: {}, ...o });

describe('startAt', () => {
  it('starts at the chosen node and moment, with the world run up to it', () => {
    const s = drill();
    const state = startAt(s, 7, origin());
    expect(state.nodeId).toBe('n2');
    expect(state.clock).toBe(3 * DAY);
    expect(state.visited).toEqual(['n2']);
    expect(state.world.t).toBe(3 * DAY);
    expect(state.world.regions[0]?.cum).toBeGreaterThan(start(s, 7).world.regions[0]?.cum ?? 0);
  });

  it('fires the timed injects due by then, but does not open the nodes they would have opened', () => {
    const state = startAt(drill(), 7, origin());
    expect(state.injects.map((i) => [i.id, i.clock])).toEqual([
      ['opens', DAY],
      ['raise', 2 * DAY],
    ]);
    expect(state.vars.alert).toBe(2);
    expect(state.nodeId).toBe('n2');
  });

  it('sets variables as the inspector asks, within their declared range and type', () => {
    const state = startAt(drill(), 7, origin({ vars: { alert: 99, told: true, unknown: 3 } }));
    expect(state.vars).toEqual({ alert: 5, told: true });
    const wrongType = startAt(drill(), 7, origin({ vars: { alert: true, told: 1 } }));
    expect(wrongType.vars).toEqual({ alert: 2, told: false });
  });

  it('sets regions, keeping the number of people', () => {
    const plain = startAt(drill(), 7, origin());
    const set = startAt(drill(), 7, origin({ regions: { next: { infectious: 500, beds: 80, trust: 30 } } }));
    const before = plain.world.regions[1];
    const after = set.world.regions[1];
    if (!before || !after) throw new Error('no region');
    expect(after.I).toBe(500);
    expect(after.beds).toBe(80);
    expect(after.trust).toBe(30);
    const people = (r: typeof after) => r.S + r.E + r.I + r.H + r.R + r.D;
    expect(people(after)).toBeCloseTo(people(before), 6);
    expect(after.cum - before.cum).toBeCloseTo(500 - before.I, 6);
  });

  it('is deterministic, and a replay from the origin gives the same state as playing on', () => {
    const s = drill();
    const o = origin({ vars: { alert: 4 }, regions: { home: { infectious: 1000 } } });
    const [played] = choose(s, startAt(s, 11, o), 'isolate', 1000);
    expect(replay(s, 11, [{ choiceId: 'isolate', realMs: 1000 }], o)).toEqual(played);
    expect(startAt(s, 11, o)).toEqual(startAt(s, 11, o));
  });

  it('scores the outcome against acting at once from the origin, not from the drill start', () => {
    const s = drill();
    const o = origin({ regions: { home: { infectious: 2000 } } });
    const end = replay(s, 3, [{ choiceId: 'isolate', realMs: 0 }], o);
    const fromOrigin = end.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'outcome');
    // Isolating at the trial's first decision is acting at once but for the day the decision takes.
    expect(fromOrigin?.delta).toBeGreaterThanOrEqual(-8);
    // Measured from the drill start, the inspector's 2 000 infectious would count as the delay's cost.
    expect(outcomeEvent(s, end.measures, end.world)?.delta).toBeLessThan((fromOrigin?.delta ?? 0) - 10);
  });

  it('refuses to start anywhere but a decision node', () => {
    expect(() => startAt(drill(), 1, origin({ node: 'end' }))).toThrow(IllegalDecisionError);
    expect(() => startAt(drill(), 1, origin({ node: 'nowhere' }))).toThrow(IllegalDecisionError);
  });
});
