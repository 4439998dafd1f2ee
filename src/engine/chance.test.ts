import { describe, expect, it } from 'vitest';
import {
  fakeBooleanVar,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeNumberVar,
  fakeScenario,
  loadable,
} from '../../test/fake-scenario';
import type { Effect, Scenario } from '../scenario/schema';
import { effectApplies } from './effects';
import { nextRandom } from './rng';
import { choose, replay, start } from './run';

const persuaded = fakeBooleanVar({ id: 'persuaded', label: '已说服' });
const calm = fakeNumberVar({ id: 'calm', label: '情绪平稳', min: 0, max: 100, initial: 50 });

/** "Persuading a resident can fail": a 60% chance, and the next node tells which way it went. */
const persuasion = loadable(
  fakeScenario({
    variables: [persuaded],
    nodes: [
      fakeDecision({
        choices: [
          fakeChoice({
            id: 'persuade',
            label: '上门劝说居民配合隔离',
            effects: [{ op: 'set', var: 'persuaded', value: true, chance: 0.6 }],
            next: [{ when: { var: 'persuaded', op: '==', value: true }, to: 'agreed' }, { to: 'refused' }],
          }),
        ],
      }),
      fakeEnding({ id: 'agreed', title: '居民同意', tone: 'good' }),
      fakeEnding({ id: 'refused', title: '居民拒绝', tone: 'bad' }),
    ],
  }),
);

/** A drill whose one choice has `effects`, on the variables `calm` and `persuaded`. */
function withEffects(effects: Effect[]): Scenario {
  return loadable(
    fakeScenario({
      variables: [persuaded, { ...calm, visible: true }],
      nodes: [fakeDecision({ choices: [fakeChoice({ effects })] }), fakeEnding()],
    }),
  );
}

const endingFor = (scenario: Scenario, seed: number) => choose(scenario, start(scenario, seed), 'persuade', 0)[0];

describe('effectApplies', () => {
  const context = () => ({ vars: { persuaded: false }, clock: 0, visited: [] });
  const RNG = 4242;

  it('applies an effect with neither, and draws nothing', () => {
    expect(effectApplies({ op: 'add', var: 'calm', value: 1 }, context, RNG)).toEqual([true, RNG]);
  });

  it('skips an effect whose condition fails, and draws nothing even when it has a chance', () => {
    const effect: Effect = {
      op: 'add',
      var: 'calm',
      value: 1,
      chance: 0.5,
      when: { var: 'persuaded', op: '==', value: true },
    };
    expect(effectApplies(effect, context, RNG)).toEqual([false, RNG]);
  });

  it('draws once for a chance, and applies when the draw falls under it', () => {
    const [draw, next] = nextRandom(RNG);
    const under: Effect = { op: 'add', var: 'calm', value: 1, chance: Math.min(1, draw + 0.01) };
    const over: Effect = { op: 'add', var: 'calm', value: 1, chance: draw };
    expect(effectApplies(under, context, RNG)).toEqual([true, next]);
    expect(effectApplies(over, context, RNG)).toEqual([false, next]);
  });

  it('does not build the condition context for an effect without a condition', () => {
    const never = () => {
      throw new Error('context read');
    };
    expect(effectApplies({ op: 'add', var: 'calm', value: 1, chance: 1 }, never, RNG)[0]).toBe(true);
  });
});

describe('conditional effects', () => {
  it('applies an effect whose condition holds, and skips one whose condition does not', () => {
    const scenario = withEffects([
      { op: 'add', var: 'calm', value: 10, when: { var: 'persuaded', op: '==', value: false } },
      { op: 'add', var: 'calm', value: 5, when: { var: 'persuaded', op: '==', value: true } },
    ]);
    expect(choose(scenario, start(scenario, 1), 'c1', 0)[0].vars.calm).toBe(60);
  });

  it('judges each condition after the effects before it', () => {
    const setFirst = withEffects([
      { op: 'set', var: 'persuaded', value: true },
      { op: 'add', var: 'calm', value: 10, when: { var: 'persuaded', op: '==', value: true } },
    ]);
    const setAfter = withEffects([
      { op: 'add', var: 'calm', value: 10, when: { var: 'persuaded', op: '==', value: true } },
      { op: 'set', var: 'persuaded', value: true },
    ]);
    expect(choose(setFirst, start(setFirst, 1), 'c1', 0)[0].vars.calm).toBe(60);
    expect(choose(setAfter, start(setAfter, 1), 'c1', 0)[0].vars.calm).toBe(50);
  });

  it('reports no change for a skipped effect, in the timeline or the events', () => {
    const scenario = withEffects([
      { op: 'add', var: 'calm', value: 10, when: { var: 'persuaded', op: '==', value: true } },
      { op: 'set', var: 'persuaded', value: true },
    ]);
    const [state, events] = choose(scenario, start(scenario, 1), 'c1', 0);
    expect(state.timeline[0]?.changes).toEqual([{ var: 'persuaded', from: false, to: true }]);
    expect(events.filter((e) => e.type === 'changed')).toEqual([
      { type: 'changed', var: 'persuaded', from: false, to: true },
    ]);
  });

  it('holds for injects too: an inject applies only the effects whose condition holds', () => {
    const scenario = loadable(
      fakeScenario({
        variables: [persuaded, { ...calm, visible: true }],
        injects: [
          fakeInject({
            at: '10m',
            effects: [
              { op: 'add', var: 'calm', value: -20, when: { var: 'persuaded', op: '==', value: false } },
              { op: 'add', var: 'calm', value: 20, when: { var: 'persuaded', op: '==', value: true } },
            ],
          }),
        ],
      }),
    );
    expect(choose(scenario, start(scenario, 1), 'c1', 0)[0].vars.calm).toBe(30);
  });
});

describe('chance', () => {
  it('gives the same outcome for the same seed, every time', () => {
    for (const seed of [1, 2, 3, 99, 12345]) {
      expect(endingFor(persuasion, seed)).toEqual(endingFor(persuasion, seed));
    }
  });

  it('succeeds for some seeds and fails for others, at about the stated rate', () => {
    const SEEDS = 2000;
    let agreed = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const ending = endingFor(persuasion, seed).ending;
      expect(['agreed', 'refused']).toContain(ending);
      if (ending === 'agreed') agreed++;
    }
    // 0.6 of 2000, within five standard deviations (~11 each).
    expect(Math.abs(agreed - 0.6 * SEEDS)).toBeLessThan(55);
  });

  it('a failed draw changes nothing and reports no change', () => {
    const seed = [...Array(50).keys()].find((s) => endingFor(persuasion, s).ending === 'refused') as number;
    const [state, events] = choose(persuasion, start(persuasion, seed), 'persuade', 0);
    expect(state.vars.persuaded).toBe(false);
    expect(state.timeline[0]?.changes).toEqual([]);
    expect(events.some((e) => e.type === 'changed')).toBe(false);
  });

  it('draws once for each effect with a chance whose condition holds, and never otherwise', () => {
    const rngAfter = (effects: Effect[]) => {
      const scenario = withEffects(effects);
      const before = start(scenario, 7);
      return [before.rng, choose(scenario, before, 'c1', 0)[0].rng];
    };
    const [a, afterNone] = rngAfter([{ op: 'add', var: 'calm', value: 1 }]);
    expect(afterNone).toBe(a);
    const [b, afterSkipped] = rngAfter([
      { op: 'add', var: 'calm', value: 1, chance: 0.5, when: { var: 'persuaded', op: '==', value: true } },
    ]);
    expect(afterSkipped).toBe(b);
    const [c, afterTwo] = rngAfter([
      { op: 'add', var: 'calm', value: 1, chance: 0.5 },
      { op: 'set', var: 'persuaded', value: true, chance: 0.99 },
    ]);
    expect(afterTwo).toBe(nextRandom(nextRandom(c as number)[1])[1]);
  });

  it('draws the chance before a random value, both from the run generator', () => {
    const scenario = withEffects([{ op: 'random', var: 'calm', min: 0, max: 100, chance: 0.999999 }]);
    const before = start(scenario, 5);
    const after = choose(scenario, before, 'c1', 0)[0];
    const [, afterChance] = nextRandom(before.rng);
    expect(after.rng).toBe(nextRandom(afterChance)[1]);
  });

  it('replays to the identical state from the same seed and decisions', () => {
    const scenario = loadable(
      fakeScenario({
        variables: [persuaded, { ...calm, visible: true }],
        injects: [
          fakeInject({
            at: '10m',
            effects: [{ op: 'add', var: 'calm', value: 30, chance: 0.5 }],
          }),
        ],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                id: 'persuade',
                effects: [
                  { op: 'set', var: 'persuaded', value: true, chance: 0.6 },
                  {
                    op: 'add',
                    var: 'calm',
                    value: -10,
                    chance: 0.3,
                    when: { var: 'persuaded', op: '==', value: false },
                  },
                ],
                next: [{ when: { var: 'persuaded', op: '==', value: true }, to: 'agreed' }, { to: 'refused' }],
              }),
            ],
          }),
          fakeEnding({ id: 'agreed', title: '居民同意' }),
          fakeEnding({ id: 'refused', title: '居民拒绝' }),
        ],
      }),
    );
    const seen = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const played = choose(scenario, start(scenario, seed), 'persuade', 1234)[0];
      expect(replay(scenario, seed, played.decisions)).toEqual(played);
      seen.add(`${played.ending} ${played.vars.calm}`);
    }
    // The draws differ between seeds: more than one of the four outcomes turns up.
    expect(seen.size).toBeGreaterThan(2);
  });
});
