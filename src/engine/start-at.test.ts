/** Trial runs from any node, as the authoring view's 从此处试玩 starts them. */
import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeWindow,
  fakeWorldScenario,
  loadable,
} from '../../test/fake-scenario';
import type { Scenario } from '../scenario/schema';
import { outcomeEvent } from './outcome';
import { cannotStartAt, choose, MAX_TRIAL_CLOCK, offeredChoices, replay, start, startAt } from './run';
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

  it('keeps the spacing of a tightening and a later easing in the outcome comparison', () => {
    // From 3d: isolate at 4d (the decision takes a day), ease at 5d. Acting at once from the trial's
    // start is isolating at 3d and easing at 4d: one day earlier each, never both at once.
    const s = loadable(
      fakeWorldScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
          fakeDecision({
            id: 'n2',
            choices: [
              fakeChoice({ takes: '1d', world: [{ type: 'isolation', region: 'home', share: 0.8 }], next: 'n3' }),
            ],
          }),
          fakeDecision({
            id: 'n3',
            choices: [fakeChoice({ takes: '1d', world: [{ type: 'isolation', region: 'home', share: 0 }] })],
          }),
          fakeEnding(),
        ],
      }),
    );
    const o = origin({ regions: { home: { infectious: 2000 } } });
    const end = replay(
      s,
      1,
      [
        { choiceId: 'c1', realMs: 0 },
        { choiceId: 'c1', realMs: 0 },
      ],
      o,
    );
    const event = end.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'outcome');
    // Acting a day earlier costs less than the real run: a penalty, never a claim of no delay.
    expect(event?.delta).toBeLessThan(0);
    expect(event?.reason).toContain('提前到试玩开始时');
  });

  it('fires injects that wait on a condition alone, when it holds by the start, without opening their node', () => {
    const s = drill();
    const conditional = loadable({
      ...s,
      injects: [
        fakeInject({
          id: 'late',
          at: undefined,
          when: { after: '1d' },
          opens: 'n1b',
          effects: [{ var: 'told', op: 'set', value: true }],
        }),
      ],
    });
    const state = startAt(conditional, 7, origin());
    expect(state.injects.map((i) => i.id)).toEqual(['late']);
    expect(state.vars.told).toBe(true);
    expect(state.nodeId).toBe('n2');
  });

  it('refuses a node that returns to where an inject interrupted: a trial has nowhere to return to', () => {
    expect(cannotStartAt(drill(), 'n1b')).toMatch(/插入事件/);
    expect(() => startAt(drill(), 1, origin({ node: 'n1b' }))).toThrow(IllegalDecisionError);
    expect(cannotStartAt(drill(), 'n2')).toBeNull();
  });

  it('counts key actions and notices the author marks as done before: neither scored as done nor as missed', () => {
    const s = loadable({
      ...drill(),
      timeWindows: [fakeWindow({ id: 'report', ideal: '2h', latest: '6h' })],
    });
    const done = replay(
      s,
      1,
      [{ choiceId: 'wait', realMs: 0 }],
      origin({ completed: ['report', 'nope'], notified: ['next'] }),
    );
    expect(done.scoreEvents.filter((e) => e.source.kind === 'timeWindow')).toEqual([]);
    expect(done.world.notified).toContain('next');
    const missed = replay(s, 1, [{ choiceId: 'wait', realMs: 0 }], origin());
    expect(missed.scoreEvents.filter((e) => e.source.kind === 'timeWindow')).toHaveLength(1);
  });

  it('starts no later than MAX_TRIAL_CLOCK, however far the inspector says', () => {
    expect(startAt(drill(), 1, origin({ clock: 1e12 })).clock).toBe(MAX_TRIAL_CLOCK);
  });
});

describe('the state a decision makes', () => {
  // choose writes the next state out field by field (run.ts): a state is saved and compared as
  // JSON, so its fields must stay those, and in the order, that start and startAt give it.
  it('keeps the fields of the state it was made from, in their order, the trial base and time limits included', () => {
    const s = drill();
    for (const first of [start(s, 7), start(s, 7, 'x2'), startAt(s, 7, origin()), startAt(s, 7, origin(), 'off')]) {
      const taken = { choiceId: offeredChoices(s, first)[0]?.id ?? '', realMs: 1000 };
      const [next] = choose(s, first, taken.choiceId, taken.realMs);
      expect(Object.keys(next)).toEqual(Object.keys(first));
      expect(next.trialBase).toBe(first.trialBase);
      expect(next.timeLimits).toBe(first.timeLimits);
      expect(Object.keys(next.world)).toEqual(Object.keys(first.world));
      const replayed = replay(s, 7, [taken], first.trialBase && origin(), first.timeLimits);
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(next));
    }
  });
});
