/**
 * The world through `start` and `choose`: powers and authorisation, proportionality, when measures
 * and injects take effect, injects that open a node, world conditions, and the events at the end.
 */
import { describe, expect, it } from 'vitest';
import {
  fakeActor,
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakeNumberVar,
  fakePower,
  fakeWorldScenario,
  loadable,
} from '../../test/fake-scenario';
import type { Choice, Inject, Measure, Scenario } from '../scenario/schema';
import { unlawfulPowerEvent } from './rules';
import { choose, offeredChoices, replay, snapshot, start } from './run';
import type { DrillEvent, RunState, ScoreEvent } from './types';
import { advanceWorld, applyMeasure, initWorld, metric } from './world';

const DAY = 1440;

/**
 * fakeWorldScenario (the trainee is "city" of "home"; "next" is its neighbour) with the province's
 * power "lockdown" citing law-1, and the given decision choices at n1 (and any other nodes).
 */
function drill(choices: Choice[], overrides: Partial<Scenario> = {}): Scenario {
  return loadable(
    fakeWorldScenario({
      references: [fakeLaw()],
      powers: [fakePower()],
      nodes: [fakeDecision({ choices }), fakeEnding()],
      ...overrides,
    }),
  );
}

function play(scenario: Scenario, ...choiceIds: string[]): RunState {
  return replay(
    scenario,
    1,
    choiceIds.map((choiceId) => ({ choiceId, realMs: 0 })),
  );
}

const rules = (state: RunState) => state.scoreEvents.flatMap((e) => (e.source.kind === 'rule' ? [e.source.rule] : []));

const ask = fakeChoice({
  id: 'ask',
  label: '请求省政府授权',
  takes: '30m',
  requests: { power: 'lockdown', from: 'province', after: '2h' },
  next: 'n1',
});
const wait = fakeChoice({ id: 'wait', label: '等待', takes: '2h', next: 'n1' });
const lock = fakeChoice({
  id: 'lock',
  label: '封锁全市',
  takes: '1h',
  power: 'lockdown',
  world: [{ type: 'contact', region: 'home', factor: 0.3 }],
  next: 'end',
});

describe('powers', () => {
  it('charges a power the role lacks, citing its basis, and counts the violation', () => {
    const scenario = drill([lock]);
    const [next, events] = choose(scenario, start(scenario, 1), 'lock', 0);
    const expected: ScoreEvent = unlawfulPowerEvent(scenario, 'lockdown', 0);
    expect(expected).toMatchObject({ dimension: 'legality', delta: -15, refs: ['law-1'] });
    expect(next.scoreEvents).toContainEqual(expected);
    expect(events).toContainEqual({ type: 'scored', event: expected });
    expect(next.violations).toBe(1);
  });

  it('after a granted request, the same choice is lawful once the grant is due', () => {
    const scenario = drill([ask, wait, lock]);
    // Asked at 0, done at 30m, granted 2h later: at 2h30m.
    const asked = play(scenario, 'ask');
    expect(asked.grants).toEqual([
      { power: 'lockdown', from: 'province', via: [], requestedAt: 30, at: 150, refusedAt: null },
    ]);

    const tooSoon = play(scenario, 'ask', 'lock');
    expect(rules(tooSoon)).toContain('unlawfulPower');
    expect(tooSoon.violations).toBe(1);

    const granted = play(scenario, 'ask', 'wait', 'lock');
    expect(rules(granted)).not.toContain('unlawfulPower');
    expect(granted.violations).toBe(0);
  });

  it('a request refused (its condition false when asked) authorises nothing, and is answered at its time', () => {
    const refused = drill([
      { ...ask, requests: { ...(ask.requests as NonNullable<Choice['requests']>), when: { after: '1d' } } },
      wait,
      lock,
    ]);
    const state = play(refused, 'ask', 'wait', 'lock');
    expect(state.grants).toEqual([
      { power: 'lockdown', from: 'province', via: [], requestedAt: 30, at: null, refusedAt: 150 },
    ]);
    expect(rules(state)).toContain('unlawfulPower');
  });

  describe('approval by the level above, answered by an inject', () => {
    const waitingAsk = fakeChoice({
      id: 'ask',
      takes: '30m',
      requests: { power: 'lockdown', from: 'province', via: ['prefecture'] },
      next: 'n1',
    });
    const offered = fakeChoice({ id: 'check', takes: '1h', when: { requested: 'lockdown' }, next: 'n1' });
    const actors = [
      fakeActor(),
      fakeActor({ id: 'prefecture', name: '临江地区行政公署' }),
      fakeActor({ id: 'province', name: '省人民政府' }),
    ];
    const answer = (granted: boolean, at = '1d') =>
      fakeInject({ id: 'reply', at, when: { requested: 'lockdown' }, decides: { power: 'lockdown', granted } });

    it('waits with no time set, {requested} holding, until the inject grants it at its own minute', () => {
      const scenario = drill([waitingAsk, offered, wait, lock], { actors, injects: [answer(true)] });
      const asked = play(scenario, 'ask');
      expect(asked.grants).toEqual([
        { power: 'lockdown', from: 'province', via: ['prefecture'], requestedAt: 30, at: null, refusedAt: null },
      ]);
      expect(offeredChoices(scenario, asked).map((c) => c.id)).toContain('check');
      expect(rules(play(scenario, 'ask', 'lock'))).toContain('unlawfulPower');

      const later = play(scenario, 'ask', ...Array(12).fill('wait'));
      expect(later.clock).toBeGreaterThanOrEqual(DAY);
      expect(later.grants).toEqual([
        { power: 'lockdown', from: 'province', via: ['prefecture'], requestedAt: 30, at: DAY, refusedAt: null },
      ]);
      expect(offeredChoices(scenario, later).map((c) => c.id)).not.toContain('check');
      expect(rules(play(scenario, 'ask', ...Array(12).fill('wait'), 'lock'))).not.toContain('unlawfulPower');
    });

    it('is refused by an inject: no longer waiting, and acting is still unlawful', () => {
      const scenario = drill([waitingAsk, offered, wait, lock], { actors, injects: [answer(false)] });
      const later = play(scenario, 'ask', ...Array(12).fill('wait'));
      expect(later.grants).toEqual([
        { power: 'lockdown', from: 'province', via: ['prefecture'], requestedAt: 30, at: null, refusedAt: DAY },
      ]);
      expect(offeredChoices(scenario, later).map((c) => c.id)).not.toContain('check');
      expect(rules(play(scenario, 'ask', ...Array(12).fill('wait'), 'lock'))).toContain('unlawfulPower');
    });

    it('never comes when nothing answers: the request waits to the end', () => {
      const scenario = drill([waitingAsk, offered, wait, lock], { actors });
      const later = play(scenario, 'ask', ...Array(12).fill('wait'));
      expect(later.grants[0]).toMatchObject({ at: null, refusedAt: null });
      expect(offeredChoices(scenario, later).map((c) => c.id)).toContain('check');
    });

    it('comes sooner than the time the request set, when an inject answers first', () => {
      const slow = fakeChoice({ ...waitingAsk, requests: { power: 'lockdown', from: 'province', after: '5d' } });
      const scenario = drill([slow, wait, lock], { injects: [answer(true, '12h')] });
      const later = play(scenario, 'ask', ...Array(6).fill('wait'));
      expect(later.grants[0]).toMatchObject({ at: 720, refusedAt: null });
    });
  });

  it('a holder may act at once: lawful, and counted as no violation', () => {
    const scenario = drill([lock], { powers: [fakePower({ holders: ['province', 'city'] })] });
    const state = play(scenario, 'lock');
    expect(rules(state)).not.toContain('unlawfulPower');
    expect(state.violations).toBe(0);
  });
});

describe('the duty to report that comes with a power (传染病防治法 2025 第六十三条)', () => {
  /** The city holds "lockdown" and must report it to the province within `within`. */
  const holding = (within: string, choices: Choice[]) =>
    drill(choices, {
      powers: [fakePower({ holders: ['province', 'city'], report: { to: 'province', within } })],
    });
  const lockHere = { ...lock, next: 'n1' };
  const report = fakeChoice({ id: 'report', label: '报告省政府', takes: '2h', reports: ['lockdown'], next: 'n1' });
  const lockAndReport = { ...lock, id: 'both', reports: ['lockdown'], next: 'n1' };
  const finish = fakeChoice({ id: 'finish', label: '结束', takes: '1h', next: 'end' });
  const unreported = (state: RunState) =>
    state.scoreEvents.filter((e) => e.source.kind === 'rule' && e.source.rule === 'unreported');

  it('is met by a report in the same decision when the law says "at the same time"', () => {
    const state = play(holding('0m', [lockAndReport, finish]), 'both', 'finish');
    expect(unreported(state)).toEqual([]);
    expect(state.duties).toEqual([{ power: 'lockdown', decision: 0, at: 60, due: 60, reportedAt: 60, missed: false }]);
  });

  it('acting and reporting are two acts: acting alone costs legality points at once, citing the basis', () => {
    const scenario = holding('0m', [lockHere, report, finish]);
    const [state, events] = choose(scenario, start(scenario, 1), 'lock', 0);
    const [event] = unreported(state);
    expect(event).toMatchObject({ dimension: 'legality', delta: -10, refs: ['law-1'] });
    expect(event?.reason).toContain('依法应当同时向省人民政府报告');
    expect(event?.reason).toContain('第 1 个决定采取“实施区域封锁”后');
    expect(event?.reason).toContain('期限已过，仍未报告');
    expect(events).toContainEqual({ type: 'scored', event });
    // Not a violation of the power: it was held.
    expect(state.violations).toBe(0);
    // A report afterwards closes the duty without scoring it again.
    const later = play(scenario, 'lock', 'report', 'finish');
    expect(unreported(later)).toHaveLength(1);
    expect(later.duties[0]).toMatchObject({ reportedAt: 180, missed: true });
  });

  it('is met by a later report within the window, and missed by one after it, said with the delay', () => {
    const scenario = holding('3h', [lockHere, report, { ...report, id: 'slow', takes: '5h' }, finish]);
    expect(unreported(play(scenario, 'lock', 'report', 'finish'))).toEqual([]);
    const late = unreported(play(scenario, 'lock', 'slow', 'finish'));
    expect(late).toHaveLength(1);
    expect(late[0]?.reason).toContain('直到 5 小时后才报告');
    // Shown with the decision during which the window closed, the one that reported late.
    expect(late[0]?.source).toEqual({ kind: 'rule', rule: 'unreported', decision: 1 });
  });

  it('is scored once at the end when never reported and the window had not yet closed', () => {
    const state = play(holding('2d', [lockHere, finish]), 'lock', 'finish');
    expect(unreported(state)).toHaveLength(1);
    expect(unreported(state)[0]?.source).toEqual({ kind: 'rule', rule: 'unreported', decision: null });
    expect(unreported(state)[0]?.reason).toContain('到推演结束仍未报告');
    expect(state.duties[0]?.missed).toBe(true);
    expect(unreported(state)[0]?.reason).toContain('应当在 2 天之内向省人民政府报告');
  });

  it('a report made before the exercise does not cover it', () => {
    const state = play(holding('0m', [lockHere, report, finish]), 'report', 'lock', 'finish');
    expect(unreported(state)).toHaveLength(1);
  });

  it('cites the duty’s own references when it has them, and takes the drill’s weight for the rule', () => {
    const scenario = drill([lockHere, finish], {
      references: [fakeLaw(), fakeLaw({ id: 'law-2' })],
      powers: [fakePower({ holders: ['city'], report: { to: 'province', within: '0m', refs: ['law-2'] } })],
      scoring: { rules: { unreported: { delta: -7 } } },
    });
    expect(unreported(play(scenario, 'lock', 'finish'))).toMatchObject([{ delta: -7, refs: ['law-2'] }]);
  });

  it('binds only a holder: an authorised or unlawful exercise opens no duty', () => {
    const scenario = drill([ask, wait, lockHere, finish], {
      powers: [fakePower({ report: { to: 'province', within: '0m' } })],
    });
    expect(play(scenario, 'lock', 'finish').duties).toEqual([]);
    expect(play(scenario, 'ask', 'wait', 'lock', 'finish').duties).toEqual([]);
  });
});

describe('powers and conditions', () => {
  it('offers a choice on {authorised} only while the power may be exercised', () => {
    const scenario = drill([ask, wait, { ...lock, when: { authorised: 'lockdown' } }]);
    const ids = (s: RunState) => offeredChoices(scenario, s).map((c) => c.id);
    expect(ids(start(scenario, 1))).toEqual(['ask', 'wait']);
    expect(ids(play(scenario, 'ask'))).toEqual(['ask', 'wait']);
    expect(ids(play(scenario, 'ask', 'wait'))).toEqual(['ask', 'wait', 'lock']);
  });

  it('sees violations as a metric', () => {
    const scenario = drill([
      { ...lock, next: [{ when: { metric: 'violations', op: '>=', value: 1 }, to: 'n1' }, { to: 'end' }] },
      fakeChoice({ id: 'stop', when: { metric: 'violations', op: '==', value: 1 }, next: 'end' }),
    ]);
    const once = play(scenario, 'lock');
    expect(once.nodeId).toBe('n1');
    expect(offeredChoices(scenario, once).map((c) => c.id)).toEqual(['lock', 'stop']);
  });
});

describe('proportionality', () => {
  const measure = (needed: number) =>
    drill([
      {
        ...lock,
        power: undefined,
        takes: '2d',
        needs: { when: { metric: 'cases', region: 'home', op: '>=', value: needed }, refs: ['law-1'] },
      },
    ]);

  it('charges a measure taken while the situation does not call for it', () => {
    const state = play(measure(1000), 'lock');
    expect(state.scoreEvents).toContainEqual({
      dimension: 'legality',
      delta: -10,
      // The reason gives the situation as it was and what the measure needed.
      reason: expect.stringMatching(
        /^“封锁全市”超出了当时事态的需要：\S+累计感染为 100（要求 ≥ 1000）。措施应当与突发事件可能造成的危害的性质、程度和范围相适应。$/,
      ),
      source: { kind: 'rule', rule: 'disproportionate', decision: 0 },
      refs: ['law-1'],
    });
  });

  it('judges the situation when the trainee decides, not when the measure is done', () => {
    // 100 cases at the start; more by the time the two-day decision is done.
    const state = play(measure(101), 'lock');
    expect(metric(measure(101), state.world, 'cases', 'home')).toBeGreaterThan(101);
    expect(rules(state)).toContain('disproportionate');
    expect(rules(play(measure(100), 'lock'))).not.toContain('disproportionate');
  });
});

describe('timing', () => {
  const lockdown: Measure = { type: 'contact', region: 'home', factor: 0 };

  it('puts a decision’s measures in force when it is done (clockAfter)', () => {
    const scenario = drill([fakeChoice({ id: 'slow', takes: '2d', world: [lockdown] })]);
    const state = play(scenario, 'slow');
    const expected = initWorld(scenario);
    advanceWorld(scenario, expected, 2 * DAY);
    applyMeasure(scenario, expected, lockdown, 2 * DAY, 'home');
    expect(state.world).toEqual(expected);
    expect(state.measures).toEqual([{ t: 2 * DAY, measure: lockdown, from: 'choice' }]);
    expect(state.timeline[0]).toMatchObject({ clockAt: 0, clockAfter: 2 * DAY });
  });

  it('fires a timed inject during a decision at its own time, changing the world from then', () => {
    const scenario = drill([fakeChoice({ id: 'slow', takes: '3d' })], {
      injects: [fakeInject({ id: 'order', at: '1d', world: [lockdown] })],
    });
    const [state, events] = choose(scenario, start(scenario, 1), 'slow', 0);
    const expected = initWorld(scenario);
    advanceWorld(scenario, expected, DAY);
    applyMeasure(scenario, expected, lockdown, DAY, undefined);
    advanceWorld(scenario, expected, 3 * DAY);
    expect(state.world).toEqual(expected);
    expect(state.injects).toMatchObject([{ id: 'order', clock: DAY, decision: 0 }]);
    expect(state.measures).toEqual([{ t: DAY, measure: lockdown, from: 'inject' }]);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['decided', 'inject', 'clock']);
    expect(events).toContainEqual({ type: 'inject', id: 'order', clock: DAY });
  });

  it('changes variables and the world together, when the decision is done: an inject on the way sees neither', () => {
    const slow = fakeChoice({
      id: 'slow',
      takes: '1d',
      effects: [{ op: 'set', var: 'acted', value: true }],
      world: [lockdown],
      next: 'n2',
    });
    const scenario = drill([slow], {
      nodes: [fakeDecision({ choices: [slow] }), fakeDecision({ id: 'n2' }), fakeEnding()],
      variables: [fakeBooleanVar({ id: 'acted', initial: false })],
      // Due half-way through the decision, it waits until the decision has been done.
      injects: [fakeInject({ id: 'echo', at: '12h', when: { var: 'acted', op: '==', value: true } })],
    });
    const state = play(scenario, 'slow');
    expect(state.injects).toMatchObject([{ id: 'echo', clock: DAY, decision: 0 }]);
    expect(state.measures).toEqual([{ t: DAY, measure: lockdown, from: 'choice' }]);
  });

  it('leaves a timed inject for a later decision when its time has not come', () => {
    const scenario = drill([fakeChoice({ id: 'quick', takes: '12h', next: 'n1' }), fakeChoice({ id: 'done' })], {
      injects: [fakeInject({ id: 'order', at: '1d', world: [lockdown] })],
    });
    expect(play(scenario, 'quick').injects).toEqual([]);
    expect(play(scenario, 'quick', 'quick').injects).toMatchObject([{ id: 'order', clock: DAY, decision: 1 }]);
  });

  it('fires an inject set at minute 0 in start, before the first decision', () => {
    const scenario = drill([lock], {
      injects: [
        fakeInject({ id: 'policy', at: '0m', world: [{ type: 'policy', contact: 0.5 }] }),
        fakeInject({ id: 'later', at: '0m', when: { after: '1h' } }),
      ],
    });
    const state = start(scenario, 1);
    expect(state.world.policyContact).toBe(0.5);
    expect(state.injects).toMatchObject([{ id: 'policy', clock: 0, decision: null }]);
    // The policy is what the trainee's contact measure is judged against.
    expect(rules(play(scenario, 'lock'))).toContain('escalate');
  });
});

describe('层层加码 judged against a policy that changes', () => {
  const tighten = fakeChoice({
    id: 'tighten',
    takes: '1h',
    world: [{ type: 'contact', region: 'home', factor: 0.5 }],
    next: 'n1',
  });
  const follow = fakeChoice({ id: 'follow', takes: '1h', world: [{ type: 'contact', region: 'home', factor: 0.9 }] });
  const hold = fakeChoice({ id: 'hold', takes: '2d', next: 'n1' });
  const scenario = drill([tighten, hold, follow, fakeChoice({ id: 'done' })], {
    injects: [
      fakeInject({ id: 'strict', at: '0m', world: [{ type: 'policy', contact: 0.5 }] }),
      fakeInject({ id: 'eased', at: '1d', world: [{ type: 'policy', contact: 0.9 }] }),
    ],
  });
  const judged = (state: RunState) =>
    state.scoreEvents.flatMap((e) =>
      e.source.kind === 'rule' && (e.source.rule === 'escalate' || e.source.rule === 'align')
        ? [[e.source.rule, e.source.decision]]
        : [],
    );

  it('charges the decision after an eased policy that left the trainee’s stricter limit in place', () => {
    const state = play(scenario, 'tighten', 'hold', 'done');
    expect(judged(state)).toEqual([
      ['align', 0],
      ['escalate', 2],
    ]);
    expect(state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'escalate')?.reason).toMatch(
      /上级已把接触要求调整为 0.9/,
    );
  });

  it('charges nothing when the trainee follows the eased policy at that decision', () => {
    expect(judged(play(scenario, 'tighten', 'hold', 'follow'))).toEqual([
      ['align', 0],
      ['align', 2],
    ]);
  });
});

describe('conditional injects', () => {
  const variables = [fakeNumberVar({ id: 'alarms', min: 0, max: 10, initial: 0 })];
  const world = fakeWorldScenario();
  const casesAfter = (minutes: number) => {
    const w = initWorld(world);
    advanceWorld(world, w, minutes);
    return metric(world, w, 'cases', 'home');
  };
  // A threshold crossed between the end of the first day and the end of the second.
  const threshold = casesAfter(DAY) + 1;
  const scenario = drill(
    [fakeChoice({ id: 'wait', takes: '1d', next: 'n1' }), fakeChoice({ id: 'stop', takes: '1d' })],
    {
      variables,
      injects: [
        fakeInject({
          id: 'surge',
          at: undefined,
          when: { metric: 'cases', region: 'home', op: '>=', value: threshold },
          effects: [{ op: 'add', var: 'alarms', value: 1 }],
        }),
      ],
    },
  );

  it('fires after the decision at whose end its condition holds', () => {
    expect(casesAfter(2 * DAY)).toBeGreaterThanOrEqual(threshold);
    expect(play(scenario, 'wait').injects).toEqual([]);
    const [state, events] = choose(scenario, play(scenario, 'wait'), 'wait', 0);
    expect(state.injects).toMatchObject([{ id: 'surge', clock: 2 * DAY, decision: 1 }]);
    expect(state.vars.alarms).toBe(1);
    expect(events).toContainEqual({ type: 'inject', id: 'surge', clock: 2 * DAY });
  });

  it('fires once only, though its condition keeps holding', () => {
    const state = play(scenario, 'wait', 'wait', 'wait', 'wait');
    expect(state.injects.map((x) => x.id)).toEqual(['surge']);
    expect(state.vars.alarms).toBe(1);
  });

  it('does not fire on the way to an ending', () => {
    // The condition holds at the end of day 2 (see above), but the run is over by then.
    const state = play(scenario, 'wait', 'stop');
    expect(metric(scenario, state.world, 'cases', 'home')).toBeGreaterThanOrEqual(threshold);
    expect(state.ending).toBe('end');
    expect(state.injects).toEqual([]);
    expect(state.vars.alarms).toBe(0);
  });
});

describe('an inject that opens a node', () => {
  const nodes = [
    fakeDecision({ id: 'n1', choices: [fakeChoice({ id: 'go', takes: '2h', next: 'n2' })] }),
    fakeDecision({ id: 'n2', choices: [fakeChoice({ id: 'fin', next: 'end' })] }),
    fakeDecision({
      id: 'crisis',
      title: '突发',
      choices: [fakeChoice({ id: 'back', takes: '30m', next: '$return' })],
    }),
    fakeEnding(),
  ];

  it('interrupts where the run was going, and "$return" goes back there', () => {
    const scenario = loadable(
      fakeWorldScenario({ nodes, injects: [fakeInject({ id: 'call', at: '1h', opens: 'crisis' })] }),
    );
    const [interrupted, events] = choose(scenario, start(scenario, 1), 'go', 0);
    expect(interrupted.nodeId).toBe('crisis');
    expect(interrupted.returnTo).toBe('n2');
    expect(events).toContainEqual({ type: 'inject', id: 'call', clock: 60 });
    expect(events).toContainEqual({ type: 'moved', from: 'n1', to: 'crisis' });

    const [back, backEvents] = choose(scenario, interrupted, 'back', 0);
    expect(back.nodeId).toBe('n2');
    expect(back.returnTo).toBeNull();
    expect(backEvents).toContainEqual({ type: 'moved', from: 'crisis', to: 'n2' });
    expect(back.visited).toEqual(['n1', 'crisis', 'n2']);
    expect(back.timeline.map((t) => t.nodeId)).toEqual(['n1', 'crisis']);
  });

  it('opens on a condition too, after the decision', () => {
    const scenario = loadable(
      fakeWorldScenario({
        nodes,
        injects: [fakeInject({ id: 'call', at: undefined, when: { after: '2h' }, opens: 'crisis' })],
      }),
    );
    const state = play(scenario, 'go');
    expect(state).toMatchObject({ nodeId: 'crisis', returnTo: 'n2' });
    expect(state.injects).toMatchObject([{ id: 'call', clock: 120, decision: 0 }]);
    expect(play(scenario, 'go', 'back', 'fin').ending).toBe('end');
  });

  it('opens one node at a time; the other waits for the next decision', () => {
    const scenario = loadable(
      fakeWorldScenario({
        nodes,
        injects: [
          fakeInject({ id: 'first', at: '30m', opens: 'crisis' }),
          fakeInject({ id: 'second', at: '1h', opens: 'crisis' }),
        ],
      }),
    );
    const once = play(scenario, 'go');
    expect(once.injects.map((x) => x.id)).toEqual(['first']);
    const twice = play(scenario, 'go', 'back');
    expect(twice.injects.map((x) => x.id)).toEqual(['first', 'second']);
    expect(twice).toMatchObject({ nodeId: 'crisis', returnTo: 'n2' });
    expect(play(scenario, 'go', 'back', 'back').nodeId).toBe('n2');
  });

  describe('two due at the same moment (the order the guide states under 插入事件)', () => {
    const two = [
      ...nodes,
      fakeDecision({
        id: 'crisis2',
        title: '又一突发',
        choices: [fakeChoice({ id: 'back2', takes: '30m', next: '$return' })],
      }),
    ];
    const drill = (injects: Inject[]) => loadable(fakeWorldScenario({ nodes: two, injects }));

    it('timed at one time: the first in the file opens; the other opens after the decision there', () => {
      const scenario = drill([
        fakeInject({ id: 'a', at: '1h', opens: 'crisis' }),
        fakeInject({ id: 'b', at: '1h', opens: 'crisis2' }),
      ]);
      expect(play(scenario, 'go')).toMatchObject({ nodeId: 'crisis', returnTo: 'n2' });
      const after = play(scenario, 'go', 'back');
      expect(after).toMatchObject({ nodeId: 'crisis2', returnTo: 'n2' });
      // Overdue, it fires as the next decision begins.
      expect(after.injects).toMatchObject([
        { id: 'a', clock: 60, decision: 0 },
        { id: 'b', clock: 120, decision: 1 },
      ]);
      expect(play(scenario, 'go', 'back', 'back2').nodeId).toBe('n2');
    });

    it('a timed one goes before one on a condition alone, wherever they stand in the file', () => {
      const scenario = drill([
        fakeInject({ id: 'cond', at: undefined, when: { after: '1h' }, opens: 'crisis2' }),
        fakeInject({ id: 'timed', at: '2h', opens: 'crisis' }),
      ]);
      expect(play(scenario, 'go').nodeId).toBe('crisis');
      expect(play(scenario, 'go', 'back').nodeId).toBe('crisis2');
    });

    it('on conditions alone: the first in the file', () => {
      const scenario = drill([
        fakeInject({ id: 'b', at: undefined, when: { after: '1h' }, opens: 'crisis2' }),
        fakeInject({ id: 'a', at: undefined, when: { after: '1h' }, opens: 'crisis' }),
      ]);
      expect(play(scenario, 'go').nodeId).toBe('crisis2');
      expect(play(scenario, 'go', 'back2').nodeId).toBe('crisis');
    });

    it('the one that waits never opens if its condition has stopped holding by then', () => {
      const scenario = drill([
        fakeInject({ id: 'timed', at: '2h', opens: 'crisis' }),
        fakeInject({ id: 'brief', at: undefined, when: { before: '150m' }, opens: 'crisis2' }),
      ]);
      const state = play(scenario, 'go', 'back');
      expect(state.nodeId).toBe('n2');
      expect(state.injects.map((x) => x.id)).toEqual(['timed']);
    });

    it('the one that waits fires but opens nothing when the drill ends first', () => {
      const ends = loadable(
        fakeWorldScenario({
          nodes: two.map((n) =>
            n.id === 'crisis' ? { ...n, choices: [fakeChoice({ id: 'back', takes: '30m', next: 'end' })] } : n,
          ),
          injects: [
            fakeInject({ id: 'a', at: '1h', opens: 'crisis' }),
            fakeInject({ id: 'b', at: '1h', opens: 'crisis2' }),
          ],
        }),
      );
      const state = play(ends, 'go', 'back');
      expect(state.ending).toBe('end');
      // Overdue during the last decision, it fires there (its effects and measures apply), but the run has ended.
      expect(state.injects.map((x) => x.id)).toEqual(['a', 'b']);
      expect(state.visited).not.toContain('crisis2');
    });
  });
});

describe('a situation set for a later time (a node’s "at")', () => {
  const lockdown: Measure = { type: 'contact', region: 'home', factor: 0.5 };
  const nodes = [
    fakeDecision({ id: 'n1', choices: [fakeChoice({ id: 'act', takes: '2h', world: [lockdown], next: 'later' })] }),
    fakeDecision({ id: 'later', at: '3d', choices: [fakeChoice({ id: 'fin', takes: '1h', next: 'end' })] }),
    fakeDecision({ id: 'crisis', title: '突发', choices: [fakeChoice({ id: 'back', takes: '1h', next: '$return' })] }),
    fakeEnding(),
  ];
  // The interrupting node only where an inject can open it.
  const plain = nodes.filter((n) => n.id !== 'crisis');

  it('runs the world on to it, the decision’s measures in force on the way', () => {
    const scenario = loadable(fakeWorldScenario({ nodes: plain }));
    const [state, events] = choose(scenario, start(scenario, 1), 'act', 0);
    expect(state).toMatchObject({ nodeId: 'later', clock: 3 * DAY });
    expect(state.timeline[0]).toMatchObject({ clockAt: 0, clockAfter: 120, clockNext: 3 * DAY });
    const expected = initWorld(scenario);
    advanceWorld(scenario, expected, 120);
    applyMeasure(scenario, expected, lockdown, 120, 'home');
    advanceWorld(scenario, expected, 3 * DAY);
    expect(state.world).toEqual(expected);
    expect(events).toContainEqual({ type: 'clock', from: 120, to: 3 * DAY });
    // The consequence shows the world as the next situation finds it.
    expect(snapshot(state.world)[0]?.cases).toBe(Math.round(expected.regions[0]?.cum ?? 0));
  });

  it('is met at once by a run that arrives later than its time', () => {
    const scenario = loadable(
      fakeWorldScenario({ nodes: plain.map((n) => (n.id === 'later' ? { ...n, at: '1h' } : n)) }),
    );
    const state = play(scenario, 'act');
    expect(state).toMatchObject({ nodeId: 'later', clock: 120 });
    expect(state.timeline[0]?.clockNext).toBe(120);
  });

  it('fires the timed injects due on the way, at their own times', () => {
    const scenario = loadable(
      fakeWorldScenario({ nodes: plain, injects: [fakeInject({ id: 'report', at: '2d', effects: [] })] }),
    );
    expect(play(scenario, 'act').injects).toMatchObject([{ id: 'report', clock: 2 * DAY, decision: 0 }]);
  });

  it('is interrupted by an inject on the way that opens a node, and waited for again after the return', () => {
    const scenario = loadable(
      fakeWorldScenario({ nodes, injects: [fakeInject({ id: 'call', at: '1d', opens: 'crisis' })] }),
    );
    const interrupted = play(scenario, 'act');
    expect(interrupted).toMatchObject({ nodeId: 'crisis', returnTo: 'later', clock: DAY });
    const back = play(scenario, 'act', 'back');
    expect(back).toMatchObject({ nodeId: 'later', clock: 3 * DAY });
    expect(back.timeline[1]).toMatchObject({ clockAfter: DAY + 60, clockNext: 3 * DAY });
  });

  it('checks injects on a condition along the wait, at the step their condition comes to hold', () => {
    const scenario = loadable(
      fakeWorldScenario({
        nodes,
        injects: [fakeInject({ id: 'call', at: undefined, when: { after: '1d' }, opens: 'crisis' })],
      }),
    );
    expect(play(scenario, 'act')).toMatchObject({ nodeId: 'crisis', returnTo: 'later', clock: DAY });
    expect(play(scenario, 'act').injects).toMatchObject([{ id: 'call', clock: DAY, decision: 0 }]);
    expect(play(scenario, 'act', 'back')).toMatchObject({ nodeId: 'later', clock: 3 * DAY });
  });

  it('lets a duty to report fall due during the wait', () => {
    const scenario = loadable(
      fakeWorldScenario({
        references: [fakeLaw()],
        powers: [fakePower({ holders: ['city'], report: { to: 'province', within: '12h' } })],
        nodes: plain.map((n) =>
          n.id === 'n1'
            ? { ...n, choices: [fakeChoice({ id: 'act', takes: '2h', power: 'lockdown', next: 'later' })] }
            : n,
        ),
      }),
    );
    // Not yet scored when the next situation is met; scored at the next decision, past the window.
    expect(rules(play(scenario, 'act'))).not.toContain('unreported');
    expect(rules(play(scenario, 'act', 'fin'))).toContain('unreported');
  });
});

describe('world conditions', () => {
  it('branch on a metric of a region', () => {
    // Infection reaches next within ten days, unless the roads were closed from the start.
    const toNext: Choice['next'] = [
      { when: { metric: 'cases', region: 'next', op: '>', value: 0 }, to: 'spread' },
      { to: 'end' },
    ];
    const choices = [
      fakeChoice({ id: 'wait', takes: '10d', next: toNext }),
      fakeChoice({ id: 'close-now', takes: '0m', world: [{ type: 'roads', region: 'next', open: false }], next: 'n1' }),
    ];
    const scenario = loadable(
      fakeWorldScenario({
        nodes: [fakeDecision({ choices }), fakeEnding(), fakeEnding({ id: 'spread', tone: 'bad' })],
      }),
    );
    expect(play(scenario, 'wait').ending).toBe('spread');
    expect(play(scenario, 'close-now', 'wait').ending).toBe('end');
  });

  it('end the drill once the world says so', () => {
    const scenario = loadable(
      fakeWorldScenario({
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                id: 'wait',
                takes: '2d',
                next: [{ when: { metric: 'cases', op: '>=', value: 2000 }, to: 'bad' }, { to: 'n1' }],
              }),
            ],
          }),
          fakeEnding({ id: 'bad', tone: 'bad' }),
        ],
      }),
    );
    let state = start(scenario, 1);
    const seen: number[] = [];
    while (state.ending === null && state.decisions.length < 100) {
      [state] = choose(scenario, state, 'wait', 0);
      seen.push(metric(scenario, state.world, 'cases'));
    }
    expect(state.ending).toBe('bad');
    expect(seen.at(-1)).toBeGreaterThanOrEqual(2000);
    expect(seen.slice(0, -1).every((c) => c < 2000)).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
  });
});

describe('at the end', () => {
  const late = fakeChoice({ id: 'late', takes: '5d', world: [{ type: 'contact', region: 'home', factor: 0.2 }] });
  const atOnce = fakeChoice({
    id: 'at-once',
    takes: '0m',
    world: [
      { type: 'contact', region: 'home', factor: 0.2 },
      { type: 'notify', regions: ['next'] },
    ],
    next: 'n1',
  });
  const finish = fakeChoice({ id: 'finish', takes: '5d', next: 'end' });

  it('charges each neighbour never informed, and the infections the delay added', () => {
    const state = play(drill([late]), 'late');
    expect(state.ending).toBe('end');
    const withhold = state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'withhold');
    expect(withhold).toMatchObject({ delta: -6, reason: expect.stringContaining('临江市') });
    const outcome = state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'outcome');
    expect(outcome?.delta).toBeLessThan(0);
    expect(outcome?.reason).toMatch(/迟滞多出约 \d+ 人感染/);
    expect(rules(state)).toEqual(['withhold', 'outcome']);
  });

  it('credits informing a neighbour and charges nothing for measures taken at once', () => {
    const state = play(drill([atOnce, finish]), 'at-once', 'finish');
    expect(rules(state)).toEqual(['notify', 'outcome']);
    expect(state.scoreEvents.at(-1)?.delta).toBe(0);
  });

  it('[regression] charges no delay for a road closure that an inject (a neighbour) made', () => {
    // The comparison world closes the same road at the same time: only the trainee's timing differs.
    const scenario = drill([atOnce, finish], {
      injects: [
        fakeInject({ id: 'close', at: '1h', world: [{ type: 'roads', region: 'home', from: 'next', open: false }] }),
      ],
    });
    const state = play(scenario, 'at-once', 'finish');
    expect(state.world.closed).toEqual([0]);
    const outcome = state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'outcome');
    expect(outcome?.delta).toBe(0);
  });

  it('emits the ending’s rule events after ended, as scored events', () => {
    const [, events] = choose(drill([late]), start(drill([late]), 1), 'late', 0);
    const types = events.map((e) => e.type);
    expect(types.indexOf('ended')).toBeLessThan(types.lastIndexOf('scored'));
    const scored = events.filter((e): e is Extract<DrillEvent, { type: 'scored' }> => e.type === 'scored');
    expect(scored.map((e) => e.event.source.kind === 'rule' && e.event.source.rule)).toEqual(['withhold', 'outcome']);
  });
});

describe('shipments on a route, and named roads', () => {
  const convoy = (via?: string[]): Measure => ({
    type: 'ship',
    id: 's1',
    supply: 'masks',
    amount: 30,
    from: 'capital',
    to: 'next',
    ...(via ? { via } : {}),
    takes: '2d',
  });
  const leaves = (via?: string[]) => fakeInject({ id: 'convoy', at: '0m', world: [convoy(via)] });
  const grab = fakeChoice({ id: 'grab', takes: '1h', world: [{ type: 'intercept', shipment: 's1' }], next: 'n1' });
  const pass = fakeChoice({ id: 'pass', takes: '1h', world: [{ type: 'release', shipment: 's1' }], next: 'n1' });
  const finish = fakeChoice({ id: 'finish', takes: '3d', next: 'end' });
  const masks = (state: RunState, region: string) => metric(drill([finish]), state.world, 'supply', region, 'masks');

  it('a trainee on the route intercepts: scored, and the goods stay in the trainee’s region', () => {
    const state = play(drill([grab, finish], { injects: [leaves(['home'])] }), 'grab', 'finish');
    expect(rules(state)).toContain('intercept');
    expect(masks(state, 'home')).toBe(130);
    expect(masks(state, 'next')).toBe(10);
  });

  it('a trainee off the route (a direct shipment) can neither hold it nor be scored for letting it through', () => {
    // Lint refuses this drill; the engine, given it anyway, lets the convoy pass untouched.
    const scenario = fakeWorldScenario({
      nodes: [fakeDecision({ choices: [grab, pass, finish] }), fakeEnding()],
      injects: [leaves()],
    });
    for (const choice of ['grab', 'pass']) {
      const state = play(scenario, choice, 'finish');
      expect(rules(state)).not.toContain('intercept');
      expect(rules(state)).not.toContain('letThrough');
      expect(masks(state, 'home')).toBe(100);
      expect(masks(state, 'next')).toBe(40);
    }
  });

  it('an inject intercepts for the region named in by, and it is no score of the trainee’s', () => {
    const scenario = drill([finish], {
      injects: [
        leaves(['home']),
        fakeInject({ id: 'held', at: '1h', world: [{ type: 'intercept', shipment: 's1', by: 'home' }] }),
      ],
    });
    const state = play(scenario, 'finish');
    expect(rules(state)).not.toContain('intercept');
    expect(masks(state, 'home')).toBe(130);
  });

  it('closing a village road costs its share of a road closure, names it, and cuts its share of travel', () => {
    const village = fakeChoice({
      id: 'village',
      takes: '0m',
      world: [{ type: 'road', name: '乡道X203（石桥村段）', between: ['home', 'next'], share: 0.2, open: false }],
      next: 'n1',
    });
    const state = play(drill([village, finish]), 'village', 'finish');
    const closure = state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'closeRoad');
    expect(closure).toMatchObject({ delta: -2, reason: expect.stringContaining('乡道X203（石桥村段）') });
    expect(state.world.closedRoads).toEqual([{ name: '乡道X203（石桥村段）', link: 0, share: 0.2 }]);
    // Taken at once, it costs no timeliness: the comparison world closes the same road at the same time.
    const outcome = state.scoreEvents.find((e) => e.source.kind === 'rule' && e.source.rule === 'outcome');
    expect(outcome?.delta).toBe(0);
  });
});

describe('the regions before and after a decision', () => {
  it('keeps a rounded snapshot of the regions as the last decision was taken, for the consequence to compare', () => {
    const scenario = drill([
      fakeChoice({ id: 'wait', takes: '3d', next: 'n1' }),
      fakeChoice({ id: 'beds', takes: '1d', world: [{ type: 'beds', region: 'next', add: 30, after: '0m' }] }),
    ]);
    const first = play(scenario, 'wait');
    const state = play(scenario, 'wait', 'beds');
    const [home, next] = first.world.regions;
    // The first decision was taken on the world as the run began.
    expect(first.regionsBefore).toEqual(snapshot(start(scenario, 1).world));
    expect(snapshot(first.world)).toEqual([
      {
        cases: Math.round(home?.cum ?? 0),
        deaths: Math.round(home?.D ?? 0),
        hospitalised: Math.round(home?.H ?? 0),
        beds: 50,
        trust: 60,
      },
      {
        cases: Math.round(next?.cum ?? 0),
        deaths: Math.round(next?.D ?? 0),
        hospitalised: Math.round(next?.H ?? 0),
        beds: 20,
        trust: 70,
      },
    ]);
    // The second was taken on the world the first left.
    expect(state.regionsBefore).toEqual(snapshot(first.world));
    for (const r of state.regionsBefore) {
      for (const value of Object.values(r)) expect(Number.isInteger(value)).toBe(true);
    }
    const after = snapshot(state.world);
    expect(after[1]?.beds).toBe(50);
    expect(after[0]?.cases).toBeGreaterThan(state.regionsBefore[0]?.cases ?? 0);
  });
});

describe('choose with a world', () => {
  it('does not change the state it is given', () => {
    const scenario = drill([ask, wait, lock], {
      injects: [fakeInject({ id: 'order', at: '1h', world: [{ type: 'trust', region: 'home', add: -5 }] })],
    });
    const before = play(scenario, 'ask');
    const snapshot = structuredClone(before);
    choose(scenario, before, 'wait', 0);
    choose(scenario, before, 'lock', 0);
    expect(before).toEqual(snapshot);
  });
});
