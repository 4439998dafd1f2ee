import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeLaw,
  fakeScenario,
  fakeScoreRule,
  fakeWindow,
  loadable,
} from '../../test/fake-scenario';
import { debrief, eventDecision, referencesOf } from './debrief';
import { replay, start } from './run';
import { TIMEOUT } from './types';

// n1 (timed, 60 s) → n2 → ending. One key action that the run may or may not complete.
const scenario = loadable(
  fakeScenario({
    scoring: { base: 70 },
    references: [
      fakeLaw({ id: 'law-1' }),
      { id: 'lec-1', kind: 'lecture', title: '党课讲稿', quote: '早发现、早报告。' },
    ],
    timeWindows: [fakeWindow({ id: 'report', ideal: '1h', latest: '3h', refs: ['law-1'] })],
    nodes: [
      fakeDecision({
        id: 'n1',
        title: '接到报告',
        timeLimitSec: 60,
        timeoutChoice: 'wait',
        choices: [
          fakeChoice({
            id: 'report',
            label: '立即上报',
            feedback: '及时上报。',
            takes: '1h',
            completes: ['report'],
            score: [
              fakeScoreRule({ dimension: 'legality', delta: 10, reason: '依法报告。', refs: ['law-1', 'lec-1'] }),
            ],
            next: 'n2',
          }),
          fakeChoice({
            id: 'wait',
            label: '等待上级指示',
            feedback: '错过了时机。',
            takes: '2h',
            timeoutOnly: true,
            next: 'n2',
          }),
        ],
      }),
      fakeDecision({
        id: 'n2',
        title: '发布信息',
        choices: [
          fakeChoice({
            id: 'publish',
            label: '发布通告',
            feedback: '公众知情。',
            takes: '30m',
            score: [fakeScoreRule({ dimension: 'coordination', delta: -5, reason: '没有通报兄弟部门。' })],
            next: 'end',
          }),
        ],
      }),
      fakeEnding({ id: 'end', title: '疫情受控', tone: 'good' }),
    ],
  }),
);

describe('debrief', () => {
  it('reports the ending node once the run has ended', () => {
    const state = replay(scenario, 1, [
      { choiceId: 'report', realMs: 5000 },
      { choiceId: 'publish', realMs: 7000 },
    ]);
    expect(debrief(scenario, state).ending).toEqual(scenario.nodes[2]);
  });

  it('reports no ending for an unfinished run', () => {
    expect(debrief(scenario, start(scenario, 1)).ending).toBeNull();
    expect(debrief(scenario, replay(scenario, 1, [{ choiceId: 'report', realMs: 0 }])).ending).toBeNull();
  });

  it('gives each dimension its score, the base and its events, in a fixed order', () => {
    const state = replay(scenario, 1, [
      { choiceId: 'report', realMs: 5000 },
      { choiceId: 'publish', realMs: 7000 },
    ]);
    const report = debrief(scenario, state);
    expect(report.dimensions.map((d) => [d.dimension, d.score, d.base])).toEqual([
      ['timeliness', 80, 70],
      ['legality', 80, 70],
      ['coordination', 65, 70],
    ]);
    expect(report.dimensions[0]?.events.map((e) => e.source.kind)).toEqual(['timeWindow']);
    expect(report.dimensions[1]?.events.map((e) => e.reason)).toEqual(['依法报告。']);
    expect(report.dimensions[2]?.events.map((e) => e.reason)).toEqual(['没有通报兄弟部门。']);
  });

  it('uses the default base when the drill sets none', () => {
    const plain = fakeScenario();
    expect(debrief(plain, start(plain, 1)).dimensions.map((d) => [d.score, d.base])).toEqual([
      [60, 60],
      [60, 60],
      [60, 60],
    ]);
  });

  it('builds one timeline row per decision with titles, labels, feedback and that decision’s events', () => {
    const state = replay(scenario, 1, [
      { choiceId: 'report', realMs: 5000 },
      { choiceId: 'publish', realMs: 7000 },
    ]);
    const { timeline } = debrief(scenario, state);
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toMatchObject({
      decision: 0,
      nodeId: 'n1',
      nodeTitle: '接到报告',
      choiceId: 'report',
      choiceLabel: '立即上报',
      feedback: '及时上报。',
      timedOut: false,
      clockAt: 0,
      clockAfter: 60,
      realMs: 5000,
    });
    expect(timeline[0]?.events.map((e) => e.source.kind)).toEqual(['choice', 'timeWindow']);
    expect(timeline[1]).toMatchObject({
      decision: 1,
      nodeTitle: '发布信息',
      choiceLabel: '发布通告',
      feedback: '公众知情。',
    });
    expect(timeline[1]?.events.map((e) => e.reason)).toEqual(['没有通报兄弟部门。']);
  });

  it('shows the timeout choice in the row and the timeout penalty among its events', () => {
    const state = replay(scenario, 1, [
      { choiceId: TIMEOUT, realMs: 60_000 },
      { choiceId: 'publish', realMs: 1000 },
    ]);
    const report = debrief(scenario, state);
    expect(report.timeline[0]).toMatchObject({ choiceId: 'wait', choiceLabel: '等待上级指示', timedOut: true });
    expect(report.timeline[0]?.events.map((e) => [e.source.kind, e.delta])).toEqual([['timeout', -5]]);
    expect(report.totals.timeouts).toBe(1);
  });

  it('puts the end-of-drill penalties for key actions never taken among the closing events', () => {
    const state = replay(scenario, 1, [
      { choiceId: TIMEOUT, realMs: 60_000 },
      { choiceId: 'publish', realMs: 1000 },
    ]);
    const report = debrief(scenario, state);
    expect(report.closingEvents).toEqual([
      expect.objectContaining({ delta: -20, source: { kind: 'timeWindow', windowId: 'report', decision: null } }),
    ]);
    expect(report.timeline.flatMap((row) => row.events)).not.toContainEqual(report.closingEvents[0]);
    // Every event appears exactly once: in a row or among the closing events.
    expect(report.timeline.flatMap((row) => row.events).length + report.closingEvents.length).toBe(
      state.scoreEvents.length,
    );
  });

  it('totals decisions, timeouts, real time and game time', () => {
    const state = replay(scenario, 1, [
      { choiceId: 'report', realMs: 5000 },
      { choiceId: 'publish', realMs: 7000 },
    ]);
    expect(debrief(scenario, state).totals).toEqual({ decisions: 2, timeouts: 0, realMs: 12_000, gameMinutes: 90 });
  });

  it('is empty but well-formed before the first decision', () => {
    const report = debrief(scenario, start(scenario, 1));
    expect(report.timeline).toEqual([]);
    expect(report.closingEvents).toEqual([]);
    expect(report.totals).toEqual({ decisions: 0, timeouts: 0, realMs: 0, gameMinutes: 0 });
  });
});

describe('eventDecision', () => {
  it('is the decision index, or null for an event scored at the end', () => {
    const state = replay(scenario, 1, [
      { choiceId: TIMEOUT, realMs: 60_000 },
      { choiceId: 'publish', realMs: 1000 },
    ]);
    expect(state.scoreEvents.map(eventDecision)).toEqual([0, 1, null]);
  });
});

describe('referencesOf', () => {
  it('resolves the event’s reference ids in order', () => {
    const state = replay(scenario, 1, [{ choiceId: 'report', realMs: 0 }]);
    const legality = state.scoreEvents.find((e) => e.dimension === 'legality');
    if (!legality) throw new Error('fixture');
    expect(referencesOf(scenario, legality).map((r) => r.id)).toEqual(['law-1', 'lec-1']);
  });

  it('skips ids the drill does not declare', () => {
    const event = {
      dimension: 'legality' as const,
      delta: 1,
      reason: '理由',
      source: { kind: 'timeWindow' as const, windowId: 'report', decision: null },
      refs: ['missing', 'lec-1'],
    };
    expect(referencesOf(scenario, event).map((r) => r.id)).toEqual(['lec-1']);
  });
});

describe('an ending’s details', () => {
  const told = loadable(
    fakeScenario({
      variables: [{ id: 'held', type: 'boolean', label: '压下了报告', initial: false }],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({ id: 'hold', effects: [{ op: 'set', var: 'held', value: true }], next: 'end' }),
            fakeChoice({ id: 'tell', next: 'end' }),
          ],
        }),
        fakeEnding({
          details: [
            { when: { var: 'held', op: '==', value: true }, text: '你压下了报告。' },
            { when: { visited: 'n1' }, text: '你接了那个电话。' },
            { when: { var: 'held', op: '==', value: false }, text: '你让报告走了出去。' },
          ],
        }),
      ],
    }),
  );

  it('are the paragraphs whose conditions hold at the end, in order', () => {
    expect(debrief(told, replay(told, 1, [{ choiceId: 'hold', realMs: 0 }])).endingDetails).toEqual([
      '你压下了报告。',
      '你接了那个电话。',
    ]);
    expect(debrief(told, replay(told, 1, [{ choiceId: 'tell', realMs: 0 }])).endingDetails).toEqual([
      '你接了那个电话。',
      '你让报告走了出去。',
    ]);
  });

  it('are none before the drill has ended', () => {
    expect(debrief(told, start(told, 1)).endingDetails).toEqual([]);
  });
});
