import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeNumberVar,
  fakeScenario,
  fakeScoreRule,
  fakeWindow,
  loadable,
} from '../../test/fake-scenario';
import type { Scenario } from '../scenario/schema';
import { nextInt, nextRandom, seedState } from './rng';
import { choose, currentDecision, offeredChoices, replay, start } from './run';
import { timeWindowEvent } from './scoring';
import { IllegalDecisionError, type RunState, TIMEOUT } from './types';

/** Every fixture here must be a drill an author could ship. */
const valid = loadable;

function ids(scenario: Scenario, state: RunState): string[] {
  return offeredChoices(scenario, state).map((c) => c.id);
}

/** Catches the error so that its fields can be checked. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('start', () => {
  it('initialises every declared variable and the clock, at the start node', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', initial: 12 }), fakeBooleanVar({ id: 'reported', initial: true })],
      }),
    );
    const state = start(scenario, 7);
    expect(state).toEqual({
      scenarioId: 'fake-drill',
      seed: 7,
      rng: nextRandom(seedState(7))[1],
      clock: 0,
      nodeId: 'n1',
      vars: { cases: 12, reported: true },
      visited: ['n1'],
      decisions: [],
      timeline: [],
      regionsBefore: [],
      scoreEvents: [],
      completed: {},
      ending: null,
      // A drill without a world still has an empty one, so conditions and the UI need no special case.
      world: {
        t: 0,
        regions: [],
        travel: [],
        closed: [],
        closedRoads: [],
        pendingBeds: [],
        shipments: [],
        responseLevel: 0,
        policyContact: null,
        ownContact: {},
        policyMarks: { escalated: [], aligned: [], pending: [] },
        notified: [],
        split: null,
        series: { t: [0], cases: [] },
      },
      grants: [],
      violations: 0,
      duties: [],
      injects: [],
      returnTo: null,
      measures: [],
    });
  });

  it('has no variables when none are declared', () => {
    expect(start(valid(fakeScenario()), 1).vars).toEqual({});
  });

  it('keeps the seed as given and derives the generator state from it', () => {
    const scenario = valid(fakeScenario());
    expect(start(scenario, 1).rng).not.toBe(start(scenario, 2).rng);
    expect(start(scenario, 1)).toEqual(start(scenario, 1));
  });
});

describe('choose', () => {
  it('advances the clock by the choice’s takes', () => {
    const scenario = valid(
      fakeScenario({ nodes: [fakeDecision({ choices: [fakeChoice({ takes: '1.5h' })] }), fakeEnding()] }),
    );
    const [next, events] = choose(scenario, start(scenario, 1), 'c1', 1000);
    expect(next.clock).toBe(90);
    expect(events).toContainEqual({ type: 'clock', from: 0, to: 90 });
  });

  it('applies effects in order, clamped, and reports each change', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', min: 0, max: 100, initial: 90 }), fakeBooleanVar({ id: 'reported' })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                effects: [
                  { op: 'add', var: 'cases', value: 30 },
                  { op: 'add', var: 'cases', value: -5 },
                  { op: 'set', var: 'reported', value: true },
                ],
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const [next, events] = choose(scenario, start(scenario, 1), 'c1', 0);
    expect(next.vars).toEqual({ cases: 95, reported: true });
    const changes = [
      { var: 'cases', from: 90, to: 100 },
      { var: 'cases', from: 100, to: 95 },
      { var: 'reported', from: false, to: true },
    ];
    expect(events.filter((e) => e.type === 'changed')).toEqual(changes.map((c) => ({ type: 'changed', ...c })));
    expect(next.timeline[0]?.changes).toEqual(changes);
  });

  it('does not report a change when an effect leaves the value as it was', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', max: 100, initial: 100 })],
        nodes: [
          fakeDecision({ choices: [fakeChoice({ effects: [{ op: 'add', var: 'cases', value: 5 }] })] }),
          fakeEnding(),
        ],
      }),
    );
    const [next, events] = choose(scenario, start(scenario, 1), 'c1', 0);
    expect(events.some((e) => e.type === 'changed')).toBe(false);
    expect(next.timeline[0]?.changes).toEqual([]);
  });

  it('draws a random effect from the run generator and advances it', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', min: 0, max: 1000 })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                effects: [
                  { op: 'random', var: 'cases', min: 1, max: 1000 },
                  { op: 'random', var: 'cases', min: 1, max: 1000 },
                ],
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const before = start(scenario, 99);
    const [first, afterFirst] = nextInt(before.rng, 1, 1000);
    const [second, afterSecond] = nextInt(afterFirst, 1, 1000);
    const [next, events] = choose(scenario, before, 'c1', 0);
    expect(next.rng).toBe(afterSecond);
    expect(next.vars.cases).toBe(second);
    expect(first).not.toBe(second); // seed 99 draws two different numbers, so both effects show
    expect(events.filter((e) => e.type === 'changed')).toEqual([
      { type: 'changed', var: 'cases', from: 10, to: first },
      { type: 'changed', var: 'cases', from: first, to: second },
    ]);
  });

  it('leaves the generator alone when no effect is random', () => {
    const scenario = valid(fakeScenario());
    const before = start(scenario, 5);
    expect(choose(scenario, before, 'c1', 0)[0].rng).toBe(before.rng);
  });

  it('records the decision as given, and a timeline entry for what was taken', () => {
    const scenario = valid(
      fakeScenario({
        nodes: [
          fakeDecision({ id: 'n1', choices: [fakeChoice({ id: 'a', takes: '1h', next: 'n2' })] }),
          fakeDecision({ id: 'n2', choices: [fakeChoice({ id: 'b', takes: '2h', next: 'end' })] }),
          fakeEnding(),
        ],
      }),
    );
    const [s1] = choose(scenario, start(scenario, 1), 'a', 1500);
    const [s2] = choose(scenario, s1, 'b', 2500);
    expect(s2.decisions).toEqual([
      { choiceId: 'a', realMs: 1500 },
      { choiceId: 'b', realMs: 2500 },
    ]);
    expect(s2.timeline).toEqual([
      {
        nodeId: 'n1',
        choiceId: 'a',
        timedOut: false,
        clockAt: 0,
        clockAfter: 60,
        clockNext: 60,
        realMs: 1500,
        changes: [],
        varsAfter: {},
      },
      {
        nodeId: 'n2',
        choiceId: 'b',
        timedOut: false,
        clockAt: 60,
        clockAfter: 180,
        clockNext: 180,
        realMs: 2500,
        changes: [],
        varsAfter: {},
      },
    ]);
    expect(s2.visited).toEqual(['n1', 'n2', 'end']);
  });

  it('emits decided, clock, moved events in that order', () => {
    const scenario = valid(
      fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
          fakeDecision({ id: 'n2', choices: [fakeChoice({ id: 'x' })] }),
          fakeEnding(),
        ],
      }),
    );
    const [next, events] = choose(scenario, start(scenario, 1), 'c1', 10);
    expect(events).toEqual([
      { type: 'decided', decision: 0, nodeId: 'n1', choiceId: 'c1', timedOut: false },
      { type: 'clock', from: 0, to: 30 },
      { type: 'moved', from: 'n1', to: 'n2' },
    ]);
    expect(next.nodeId).toBe('n2');
    expect(next.ending).toBeNull();
  });

  it('lists a node once in visited however often the run comes back', () => {
    const scenario = valid(
      fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ id: 'again', next: 'n1' }), fakeChoice({ id: 'stop', next: 'end' })] }),
          fakeEnding(),
        ],
      }),
    );
    const state = replay(scenario, 1, [
      { choiceId: 'again', realMs: 0 },
      { choiceId: 'again', realMs: 0 },
    ]);
    expect(state.visited).toEqual(['n1']);
    expect(state.clock).toBe(60);
  });

  it('records authored score events with their source and references', () => {
    const scenario = valid(
      fakeScenario({
        references: [
          {
            id: 'law-1',
            kind: 'law',
            law: '《中华人民共和国传染病防治法》',
            version: '2025年修订',
            article: '第一条',
            quote: '为了预防、控制和消除传染病的发生与流行，制定本法。',
          },
        ],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                score: [
                  fakeScoreRule({ dimension: 'legality', delta: 10, reason: '依法报告。', refs: ['law-1'] }),
                  fakeScoreRule({ dimension: 'coordination', delta: -5, reason: '没有通报兄弟部门。' }),
                ],
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const [next, events] = choose(scenario, start(scenario, 1), 'c1', 0);
    const source = { kind: 'choice', decision: 0, nodeId: 'n1', choiceId: 'c1' };
    expect(next.scoreEvents).toEqual([
      { dimension: 'legality', delta: 10, reason: '依法报告。', source, refs: ['law-1'] },
      { dimension: 'coordination', delta: -5, reason: '没有通报兄弟部门。', source, refs: [] },
    ]);
    expect(events.filter((e) => e.type === 'scored').map((e) => e.type === 'scored' && e.event)).toEqual(
      next.scoreEvents,
    );
  });

  it('numbers the decision in the score source by its place in the log', () => {
    const scenario = valid(
      fakeScenario({
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({ id: 'loop', next: 'n1', score: [fakeScoreRule()] }),
              fakeChoice({ id: 'stop', next: 'end' }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const state = replay(scenario, 1, [
      { choiceId: 'loop', realMs: 0 },
      { choiceId: 'loop', realMs: 0 },
    ]);
    expect(state.scoreEvents.map((e) => e.source)).toEqual([
      { kind: 'choice', decision: 0, nodeId: 'n1', choiceId: 'loop' },
      { kind: 'choice', decision: 1, nodeId: 'n1', choiceId: 'loop' },
    ]);
  });

  describe('time windows', () => {
    const scenario = valid(
      fakeScenario({
        timeWindows: [fakeWindow({ id: 'report', ideal: '1h', latest: '3h' })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({ id: 'wait', takes: '1h', next: 'n1' }),
              fakeChoice({ id: 'report', takes: '1h', completes: ['report'], next: 'n1' }),
              fakeChoice({ id: 'finish', takes: '0m', next: 'end' }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );

    it('scores a key action by the clock after the decision that completes it', () => {
      const state = replay(scenario, 1, [
        { choiceId: 'wait', realMs: 0 },
        { choiceId: 'report', realMs: 0 },
      ]);
      expect(state.completed).toEqual({ report: 120 });
      const window = scenario.timeWindows?.[0];
      if (!window) throw new Error('fixture');
      expect(state.scoreEvents).toEqual([timeWindowEvent(window, 120, 1)]);
      expect(state.scoreEvents[0]?.delta).toBe(-5);
    });

    it('scores a key action once, the first time it is completed', () => {
      const state = replay(scenario, 1, [
        { choiceId: 'report', realMs: 0 },
        { choiceId: 'report', realMs: 0 },
      ]);
      expect(state.completed).toEqual({ report: 60 });
      expect(state.scoreEvents.map((e) => e.delta)).toEqual([10]);
    });

    it('at the ending, charges the full penalty for every key action never completed', () => {
      const state = replay(scenario, 1, [{ choiceId: 'finish', realMs: 0 }]);
      expect(state.scoreEvents).toEqual([
        expect.objectContaining({
          dimension: 'timeliness',
          delta: -20,
          source: { kind: 'timeWindow', windowId: 'report', decision: null },
        }),
      ]);
    });

    it('at the ending, does not charge for key actions already completed', () => {
      const state = replay(scenario, 1, [
        { choiceId: 'report', realMs: 0 },
        { choiceId: 'finish', realMs: 0 },
      ]);
      expect(state.scoreEvents.map((e) => e.source.kind)).toEqual(['timeWindow']);
      expect(state.scoreEvents[0]?.delta).toBe(10);
    });
  });

  describe('conditional choices', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeBooleanVar({ id: 'reported' })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({ id: 'report', effects: [{ op: 'set', var: 'reported', value: true }], next: 'n1' }),
              fakeChoice({ id: 'press', when: { var: 'reported', op: '==', value: true }, next: 'end' }),
              fakeChoice({ id: 'early', when: { before: '30m' }, next: 'end' }),
              fakeChoice({ id: 'been-here', when: { visited: 'n1' }, next: 'end' }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );

    it('offers a choice only while its condition holds, in authored order', () => {
      const s0 = start(scenario, 1);
      expect(ids(scenario, s0)).toEqual(['report', 'early', 'been-here']);
      const [s1] = choose(scenario, s0, 'report', 0);
      expect(ids(scenario, s1)).toEqual(['report', 'press', 'been-here']);
    });

    it('refuses a hidden choice', () => {
      const s0 = start(scenario, 1);
      expect(() => choose(scenario, s0, 'press', 0)).toThrow(IllegalDecisionError);
    });
  });

  describe('conditional next', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', min: 0, max: 100, initial: 10 })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                id: 'spread',
                effects: [{ op: 'add', var: 'cases', value: 50 }],
                next: [
                  { when: { var: 'cases', op: '>=', value: 50 }, to: 'outbreak' },
                  { when: { after: '1h' }, to: 'late' },
                  { to: 'calm' },
                ],
              }),
              fakeChoice({
                id: 'slow',
                takes: '2h',
                next: [
                  { when: { var: 'cases', op: '>=', value: 50 }, to: 'outbreak' },
                  { when: { after: '1h' }, to: 'late' },
                  { to: 'calm' },
                ],
              }),
              fakeChoice({
                id: 'quick',
                takes: '10m',
                next: [
                  { when: { var: 'cases', op: '>=', value: 50 }, to: 'outbreak' },
                  { when: { after: '1h' }, to: 'late' },
                  { to: 'calm' },
                ],
              }),
            ],
          }),
          fakeEnding({ id: 'outbreak' }),
          fakeEnding({ id: 'late' }),
          fakeEnding({ id: 'calm' }),
        ],
      }),
    );

    it('takes the first branch whose condition holds after the effects', () => {
      expect(replay(scenario, 1, [{ choiceId: 'spread', realMs: 0 }]).nodeId).toBe('outbreak');
    });

    it('sees the clock after the choice’s own time', () => {
      expect(replay(scenario, 1, [{ choiceId: 'slow', realMs: 0 }]).nodeId).toBe('late');
    });

    it('falls back to the branch without a condition', () => {
      expect(replay(scenario, 1, [{ choiceId: 'quick', realMs: 0 }]).nodeId).toBe('calm');
    });
  });

  describe('timeouts', () => {
    const scenario = valid(
      fakeScenario({
        nodes: [
          fakeDecision({
            timeLimitSec: 60,
            timeoutChoice: 'wait',
            choices: [
              fakeChoice({ id: 'act', label: '立即处置', takes: '30m', score: [fakeScoreRule()] }),
              fakeChoice({
                id: 'wait',
                label: '等待上级指示',
                takes: '2h',
                timeoutOnly: true,
                score: [fakeScoreRule({ dimension: 'coordination', delta: -10, reason: '贻误时机。' })],
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );

    it('does not offer a timeout-only choice', () => {
      expect(ids(scenario, start(scenario, 1))).toEqual(['act']);
    });

    describe('under the instructor’s time limits', () => {
      const timedOut = (state: ReturnType<typeof start>, choiceId: string, realMs: number) =>
        choose(scenario, state, choiceId, realMs)[0].timeline[0]?.timedOut;

      it('×2: a choice past the drill’s limit but within twice it is in time; at twice it, a timeout', () => {
        expect(timedOut(start(scenario, 1, 'x2'), 'act', 90_000)).toBe(false);
        expect(timedOut(start(scenario, 1, 'x2'), 'act', 120_000)).toBe(true);
      });

      it('×2: the timeout’s reason names the time allowed', () => {
        const [next] = choose(scenario, start(scenario, 1, 'x2'), TIMEOUT, 120_000);
        expect(next.scoreEvents[0]?.reason).toContain('限时 120 秒内没有作出决定');
      });

      it('off: no time taken is a timeout, though a timeout passed as such still is one', () => {
        expect(timedOut(start(scenario, 1, 'off'), 'act', 3_600_000)).toBe(false);
        expect(timedOut(start(scenario, 1, 'off'), TIMEOUT, 1000)).toBe(true);
      });

      it('is kept by the state and its replay, and absent under the drill’s own limits', () => {
        expect(start(scenario, 1)).not.toHaveProperty('timeLimits');
        expect(start(scenario, 1, 'x1')).toEqual(start(scenario, 1));
        const log = [{ choiceId: 'act', realMs: 90_000 }];
        expect(replay(scenario, 1, log, undefined, 'x2').timeline[0]?.timedOut).toBe(false);
        expect(replay(scenario, 1, log).timeline[0]?.timedOut).toBe(true);
      });
    });

    it('[regression] refuses a choice the node does not have, even after the limit', () => {
      expect(() => choose(scenario, start(scenario, 1), 'made-up', 90_000)).toThrow(IllegalDecisionError);
    });

    it('refuses a timeout-only choice picked directly in time', () => {
      expect(() => choose(scenario, start(scenario, 1), 'wait', 1000)).toThrow(IllegalDecisionError);
    });

    it.each([
      ['$timeout within the limit', TIMEOUT, 10_000],
      ['a choice at exactly the limit', 'act', 60_000],
      ['a choice after the limit', 'act', 90_000],
      ['$timeout after the limit', TIMEOUT, 60_001],
    ])('takes the timeout choice for %s', (_, choiceId, realMs) => {
      const [next, events] = choose(scenario, start(scenario, 1), choiceId, realMs);
      expect(next.decisions).toEqual([{ choiceId, realMs }]);
      expect(next.timeline).toEqual([
        {
          nodeId: 'n1',
          choiceId: 'wait',
          timedOut: true,
          clockAt: 0,
          clockAfter: 120,
          clockNext: 120,
          realMs,
          changes: [],
          varsAfter: {},
        },
      ]);
      expect(events[0]).toEqual({ type: 'decided', decision: 0, nodeId: 'n1', choiceId: 'wait', timedOut: true });
      expect(next.scoreEvents).toEqual([
        {
          dimension: 'timeliness',
          delta: -5,
          reason: '限时 60 秒内没有作出决定，按“等待上级指示”处理：不作为也是一种决定。',
          source: { kind: 'timeout', decision: 0, nodeId: 'n1' },
          refs: [],
        },
        {
          dimension: 'coordination',
          delta: -10,
          reason: '贻误时机。',
          source: { kind: 'choice', decision: 0, nodeId: 'n1', choiceId: 'wait' },
          refs: [],
        },
      ]);
    });

    it('takes the chosen choice one millisecond before the limit', () => {
      const [next] = choose(scenario, start(scenario, 1), 'act', 59_999);
      expect(next.timeline[0]).toMatchObject({ choiceId: 'act', timedOut: false });
      expect(next.scoreEvents.map((e) => e.source.kind)).toEqual(['choice']);
    });

    it('uses the drill’s timeout penalty when set', () => {
      const strict = valid({ ...scenario, scoring: { timeoutPenalty: 12 } });
      const [next] = choose(strict, start(strict, 1), TIMEOUT, 0);
      expect(next.scoreEvents[0]).toMatchObject({ dimension: 'timeliness', delta: -12 });
    });

    it('can time out to an ordinary choice that is also offered', () => {
      const plain = valid(
        fakeScenario({
          nodes: [
            fakeDecision({
              timeLimitSec: 30,
              timeoutChoice: 'wait',
              choices: [fakeChoice({ id: 'act' }), fakeChoice({ id: 'wait', label: '等待' })],
            }),
            fakeEnding(),
          ],
        }),
      );
      expect(ids(plain, start(plain, 1))).toEqual(['act', 'wait']);
      const [clicked] = choose(plain, start(plain, 1), 'wait', 1000);
      expect(clicked.timeline[0]?.timedOut).toBe(false);
      expect(clicked.scoreEvents).toEqual([]);
      const [late] = choose(plain, start(plain, 1), 'act', 30_000);
      expect(late.timeline[0]).toMatchObject({ choiceId: 'wait', timedOut: true });
    });

    it('refuses $timeout at a node without a time limit', () => {
      const untimed = valid(fakeScenario());
      expect(() => choose(untimed, start(untimed, 1), TIMEOUT, 999_999)).toThrow(IllegalDecisionError);
    });

    it('never times out at a node without a time limit, however long the trainee took', () => {
      const untimed = valid(fakeScenario());
      const [next] = choose(untimed, start(untimed, 1), 'c1', 10 ** 9);
      expect(next.timeline[0]?.timedOut).toBe(false);
    });
  });

  describe('the ending', () => {
    it('sets ending, emits ended, and leaves nothing to choose', () => {
      const scenario = valid(fakeScenario({ nodes: [fakeDecision(), fakeEnding({ id: 'end', tone: 'good' })] }));
      const [next, events] = choose(scenario, start(scenario, 1), 'c1', 0);
      expect(next.ending).toBe('end');
      expect(next.nodeId).toBe('end');
      expect(events.at(-1)).toEqual({ type: 'ended', endingId: 'end' });
      expect(currentDecision(scenario, next)).toBeNull();
      expect(offeredChoices(scenario, next)).toEqual([]);
    });

    it('throws IllegalDecisionError for a decision after the end, numbered by its place in the log', () => {
      const scenario = valid(fakeScenario());
      const [ended] = choose(scenario, start(scenario, 1), 'c1', 0);
      const error = thrown(() => choose(scenario, ended, 'c1', 0));
      expect(error).toBeInstanceOf(IllegalDecisionError);
      expect((error as IllegalDecisionError).decision).toBe(1);
    });
  });

  it('throws IllegalDecisionError for a choice that does not exist', () => {
    const scenario = valid(fakeScenario());
    const error = thrown(() => choose(scenario, start(scenario, 1), 'nope', 0));
    expect(error).toBeInstanceOf(IllegalDecisionError);
    expect(error).toMatchObject({ name: 'IllegalDecisionError', decision: 0 });
    expect((error as Error).message).toContain('nope');
  });

  it('does not change the state it is given', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases', max: 1000 })],
        timeWindows: [fakeWindow()],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                effects: [{ op: 'random', var: 'cases', min: 0, max: 1000 }],
                completes: ['report'],
                score: [fakeScoreRule()],
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const before = start(scenario, 3);
    const snapshot = structuredClone(before);
    const [after] = choose(scenario, before, 'c1', 100);
    expect(before).toEqual(snapshot);
    expect(after).not.toBe(before);
    expect(after).not.toEqual(before);
  });

  it('does not change the scenario', () => {
    const scenario = valid(
      fakeScenario({
        variables: [fakeNumberVar({ id: 'cases' })],
        timeWindows: [fakeWindow({ refs: ['law-1'] })],
        references: [
          {
            id: 'law-1',
            kind: 'lecture',
            title: '党课讲稿',
            quote: '早发现、早报告。',
          },
        ],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                effects: [{ op: 'add', var: 'cases', value: 1 }],
                score: [fakeScoreRule({ refs: ['law-1'] })],
                next: 'end',
              }),
            ],
          }),
          fakeEnding(),
        ],
      }),
    );
    const snapshot = structuredClone(scenario);
    choose(scenario, start(scenario, 1), 'c1', 0);
    expect(scenario).toEqual(snapshot);
  });

  it('[regression] does not freeze arrays that belong to the scenario', () => {
    // The run state is immutable (immer freezes it); the scenario's own arrays must not be frozen
    // with it just because a score event cites them.
    const scenario = valid(
      fakeScenario({
        timeWindows: [fakeWindow({ refs: ['lec'] })],
        references: [{ id: 'lec', kind: 'lecture', title: '党课讲稿', quote: '早发现、早报告。' }],
        nodes: [fakeDecision({ choices: [fakeChoice({ score: [fakeScoreRule({ refs: ['lec'] })] })] }), fakeEnding()],
      }),
    );
    const [next] = choose(scenario, start(scenario, 1), 'c1', 0);
    expect(next.scoreEvents.map((e) => e.refs)).toEqual([['lec'], ['lec']]);
    expect(Object.isFrozen(scenario.timeWindows?.[0]?.refs)).toBe(false);
    const node = scenario.nodes[0];
    expect(node?.kind === 'decision' && Object.isFrozen(node.choices[0]?.score?.[0]?.refs)).toBe(false);
  });
});

describe('replay', () => {
  it('is start for an empty log', () => {
    const scenario = valid(fakeScenario());
    expect(replay(scenario, 4, [])).toEqual(start(scenario, 4));
  });

  it('throws IllegalDecisionError at the first decision that no longer fits', () => {
    const scenario = valid(fakeScenario());
    const error = thrown(() =>
      replay(scenario, 4, [
        { choiceId: 'c1', realMs: 0 },
        { choiceId: 'c1', realMs: 0 },
      ]),
    );
    expect(error).toBeInstanceOf(IllegalDecisionError);
    expect((error as IllegalDecisionError).decision).toBe(1);
  });
});
