/**
 * The fuzz property (test/fuzz-properties.ts) on a seeded sample, so `npm test` runs the same few
 * hundred cases every time; `npm run fuzz -- --runs 10000 [--seed S]` runs the full count. And
 * the engine's part of "chains of nodes that move on without a choice are bounded": nothing in a
 * drill moves the run on by itself, shown here on the one thing that moves it without the trainee
 * picking the node — an inject that opens one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choose, start } from '../src/engine/run';
import type { DrillEvent, RunState } from '../src/engine/types';
import { load } from '../src/scenario/load';
import type { Scenario } from '../src/scenario/schema';
import { fakeChoice, fakeDecision, fakeEnding, fakeInject, fakeScenario, loadable } from './fake-scenario';
import { checkFile, fuzzCase, generatedDrill, mutatedDrill, realDrills } from './fuzz-properties';

/** Fixed, so a failure in `npm test` is the same failure on every machine. */
const SEED = 20260108;
const RUNS = 400;

describe('fuzzing load and the engine', () => {
  it(`accepts or refuses each of ${RUNS} generated, mutated and random files with a pointer and a Chinese message, and plays what it accepts`, {
    timeout: 60_000,
  }, () => {
    const seen = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fuzzCase, (c) => {
        seen[checkFile(c.text, c.seed).accepted ? 'accepted' : 'rejected']++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both ways are exercised: the sample is neither all refused at the first check nor all accepted.
    expect(seen.accepted).toBeGreaterThan(RUNS / 10);
    expect(seen.rejected).toBeGreaterThan(RUNS / 10);
  });

  it('starts from drills that load: the real ones as they are, and most generated ones', () => {
    for (const drill of Object.values(realDrills)) expect(load(JSON.stringify(drill)).ok).toBe(true);
    const generated = fc.sample(generatedDrill, { seed: SEED, numRuns: 100 });
    expect(generated.filter((d) => load(JSON.stringify(d)).ok).length).toBeGreaterThan(40);
  });

  it('mutates: no mutated drill is the drill it came from', () => {
    const originals = new Set(Object.values(realDrills).map((d) => JSON.stringify(d)));
    for (const text of fc.sample(mutatedDrill, { seed: SEED, numRuns: 50 })) {
      expect(originals.has(text)).toBe(false);
    }
  });
});

describe('no chain of nodes without a choice', () => {
  /**
   * n1 → n2, but two injects fall due during the choice, each opening a node. The engine opens
   * one per decision: the first interrupts, the second waits for the next decision, and "$return"
   * goes back to where the run was heading — a node where the trainee decides again.
   */
  const scenario: Scenario = loadable(
    fakeScenario({
      injects: [
        fakeInject({ id: 'first', at: '1h', opens: 'xa' }),
        fakeInject({ id: 'second', at: '1h', opens: 'xb' }),
      ],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ takes: '2h', next: 'n2' })] }),
        fakeDecision({ id: 'n2', choices: [fakeChoice({ next: 'end' })] }),
        fakeDecision({ id: 'xa', choices: [fakeChoice({ id: 'back', next: '$return' })] }),
        fakeDecision({ id: 'xb', choices: [fakeChoice({ id: 'back', next: '$return' })] }),
        fakeEnding(),
      ],
    }),
  );

  function step(state: RunState, choiceId: string): [RunState, DrillEvent[]] {
    const [next, events] = choose(scenario, state, choiceId, 1000);
    // One move per decision, from where the trainee decided; at most one node opened.
    expect(events.filter((e) => e.type === 'moved')).toEqual([{ type: 'moved', from: state.nodeId, to: next.nodeId }]);
    expect(
      events.filter((e) => e.type === 'inject' && (e.id === 'first' || e.id === 'second')).length,
    ).toBeLessThanOrEqual(1);
    expect(next.visited.length - state.visited.length).toBeLessThanOrEqual(1);
    return [next, events];
  }

  it('moves one node per decision: to where the choice leads, or to the one node an inject opened instead', () => {
    let state = start(scenario, 1);
    const path = [state.nodeId];
    for (const choiceId of ['c1', 'back', 'back', 'c1']) {
      [state] = step(state, choiceId);
      path.push(state.nodeId);
    }
    // Every node on the way is one where a decision was taken, until the ending.
    expect(path).toEqual(['n1', 'xa', 'xb', 'n2', 'end']);
    expect(state.decisions).toHaveLength(4);
    expect(state.ending).toBe('end');
  });

  it('has no node that moves on by itself: a decision needs a choice, an ending ends', () => {
    // A decision with no choices is refused when loaded; "$return" outside an opened node too.
    expect(load(JSON.stringify(fakeScenario({ nodes: [fakeDecision({ choices: [] }), fakeEnding()] }))).ok).toBe(false);
    const returning = fakeScenario({
      nodes: [fakeDecision({ choices: [fakeChoice({ next: '$return' })] }), fakeEnding()],
    });
    expect(load(JSON.stringify(returning)).ok).toBe(false);
  });
});
