/**
 * `replay` appends to its passing states' logs in place (run.ts): what it returns must still be a
 * value of its own — the state `choose` reaches step by step, sharing no log with another replay's
 * result, and unchanged when a run goes on from it.
 */
import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeWorldScenario, loadable } from '../../test/fake-scenario';
import { choose, replay, start } from './run';
import type { Decision, RunState } from './types';

const scenario = loadable(
  fakeWorldScenario({
    start: 'a',
    nodes: [
      fakeDecision({
        id: 'a',
        choices: [
          fakeChoice({
            id: 'act',
            takes: '18h',
            world: [{ type: 'contact', region: 'home', factor: 0.8 }],
            next: 'b',
          }),
          fakeChoice({ id: 'loop', takes: '6h', next: 'a' }),
        ],
      }),
      fakeDecision({
        id: 'b',
        choices: [
          fakeChoice({ id: 'back', takes: '12h', next: 'a' }),
          fakeChoice({ id: 'end', takes: '1h', next: 'e' }),
        ],
      }),
      fakeEnding({ id: 'e' }),
    ],
  }),
);

const log: Decision[] = ['act', 'back', 'loop', 'act', 'back', 'act', 'back', 'act'].map((choiceId, i) => ({
  choiceId,
  realMs: 1000 + i,
}));

/** The logs of a state, copied: what must not change under it. */
const logs = (s: RunState) =>
  structuredClone({
    decisions: s.decisions,
    timeline: s.timeline,
    scoreEvents: s.scoreEvents,
    measures: s.measures,
    visited: s.visited,
    injects: s.injects,
    grants: s.grants,
  });

describe('replay', () => {
  it('gives the state choose reaches step by step', () => {
    let state = start(scenario, 3);
    for (const d of log) [state] = choose(scenario, state, d.choiceId, d.realMs);
    expect(replay(scenario, 3, log)).toEqual(state);
  });

  it('shares no log with another replay, and its result is not changed by going on from it', () => {
    const short = replay(scenario, 3, log.slice(0, 4));
    const before = logs(short);
    const long = replay(scenario, 3, log);
    choose(scenario, short, 'back', 1000);
    choose(scenario, long, 'end', 1000);
    expect(logs(short)).toEqual(before);
    expect(short.decisions).not.toBe(long.decisions);
    expect(short.timeline).not.toBe(long.timeline);
    expect(short.measures).not.toBe(long.measures);
  });
});
