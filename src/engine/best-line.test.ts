import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding, fakeScenario } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import type { Scenario } from '../scenario/schema';
import {
  ANALYSIS_STEPS,
  analyseRun,
  compareOutcomes,
  type LineOutcome,
  movesAt,
  outcomeOf,
  playMove,
  searchBestLine,
} from './best-line';
import { start } from './run';
import type { RunState } from './types';

/** Every line through a small drill, played out: the best by the same measure, found the slow way. */
function bruteForce(scenario: Scenario, state: RunState): { steps: string[]; outcome: LineOutcome } {
  if (state.ending !== null) return { steps: [], outcome: outcomeOf(scenario, state) };
  let best: { steps: string[]; outcome: LineOutcome } | null = null;
  for (const move of movesAt(scenario, state)) {
    const rest = bruteForce(scenario, playMove(scenario, state, move));
    if (!best || compareOutcomes(rest.outcome, best.outcome) < 0)
      best = { steps: [move, ...rest.steps], outcome: rest.outcome };
  }
  if (!best) throw new Error('a line with no way on');
  return best;
}

const score = (dimension: 'timeliness' | 'legality' | 'coordination', delta: number) => [
  { dimension, delta, reason: '测试。' },
];

/** The first choice pays at once and costs more later: a search that only looks one step ahead takes it. */
const trap = fakeScenario({
  id: 'trap',
  nodes: [
    fakeDecision({
      id: 'n1',
      choices: [
        fakeChoice({ id: 'grab', label: '先拿分', score: score('legality', 10), next: 'n2' }),
        fakeChoice({ id: 'patient', label: '稳一点', next: 'n3' }),
      ],
    }),
    fakeDecision({
      id: 'n2',
      choices: [
        fakeChoice({ id: 'bad1', label: '甲', score: score('coordination', -30), next: 'end' }),
        fakeChoice({ id: 'bad2', label: '乙', score: score('timeliness', -25), next: 'end' }),
      ],
    }),
    fakeDecision({
      id: 'n3',
      choices: [
        fakeChoice({ id: 'good', label: '丙', score: score('coordination', 20), next: 'end' }),
        fakeChoice({ id: 'meh', label: '丁', next: 'end' }),
      ],
    }),
    fakeEnding(),
  ],
});

describe('searchBestLine', () => {
  it('finds the known best line of a small drill, and says the search was whole', () => {
    const found = searchBestLine(uiDrill, start(uiDrill, 1));
    expect(found.steps).toEqual(['report', 'publish']);
    expect(found.outcome.ending).toBe('good');
    expect(found.exhaustive).toBe(true);
    expect(found.outcome).toEqual(bruteForce(uiDrill, start(uiDrill, 1)).outcome);
  });

  it('looks past a choice that pays at once and costs more later', () => {
    const found = searchBestLine(trap, start(trap, 1));
    expect(found.steps).toEqual(['patient', 'good']);
    expect(found.outcome.points).toEqual({ timeliness: 0, legality: 0, coordination: 20 });
  });

  it('agrees with playing every line out, on a drill with a world (deaths break ties)', () => {
    const found = searchBestLine(worldDrill, start(worldDrill, 7));
    expect(found.exhaustive).toBe(true);
    const slow = bruteForce(worldDrill, start(worldDrill, 7));
    expect(found.outcome).toEqual(slow.outcome);
    expect(found.steps).toEqual(slow.steps);
  });

  it('searches a state two lines reach in the same way only once', () => {
    const twins = fakeScenario({
      id: 'twins',
      nodes: [
        fakeDecision({
          id: 'n1',
          choices: [
            fakeChoice({ id: 'a', label: '甲', takes: '1h', next: 'n2' }),
            fakeChoice({ id: 'b', label: '乙', takes: '1h', next: 'n2' }),
          ],
        }),
        fakeDecision({
          id: 'n2',
          choices: [
            fakeChoice({ id: 'x', label: '丙', next: 'end' }),
            fakeChoice({ id: 'y', label: '丁', next: 'end' }),
          ],
        }),
        fakeEnding(),
      ],
    });
    // Two moves from the start, then two from the one state both lead to: 4 calls, not 6.
    expect(searchBestLine(twins, start(twins, 1)).explored).toBe(4);
  });

  it('says when the drill was too large to search whole, and still returns the best it found', () => {
    const found = searchBestLine(trap, start(trap, 1), { width: 1, maxSteps: 1000 });
    expect(found.exhaustive).toBe(false);
    // Kept by promise, the one state kept is the greedy one.
    expect(found.steps[0]).toBe('grab');
    const capped = searchBestLine(uiDrill, start(uiDrill, 1), { width: 100, maxSteps: 2 });
    expect(capped.exhaustive).toBe(false);
    expect(capped.outcome.ending).not.toBeNull();
  });

  it('is not whole when its steps ran out with lines still open, even at the end of a depth', () => {
    // Two moves from the start use the budget exactly; the open lines are only rolled out.
    const found = searchBestLine(trap, start(trap, 1), { width: 100, maxSteps: 2 });
    expect(found.exhaustive).toBe(false);
  });

  it('counts a timeout as a move where the countdown can run out', () => {
    expect(movesAt(uiDrill, start(uiDrill, 1))).toEqual(['report', 'verify', '$timeout']);
  });
});

/** The states of a run before each of its moves and after the last. */
function statesOf(scenario: Scenario, moves: string[], seed = 1): RunState[] {
  const states = [start(scenario, seed)];
  for (const move of moves) states.push(playMove(scenario, states[states.length - 1] as RunState, move));
  return states;
}

describe('analyseRun', () => {
  it('costs nothing on the best line', () => {
    const analysis = analyseRun(trap, statesOf(trap, ['patient', 'good']), ['patient', 'good']);
    expect(analysis.costs.map((c) => c.lost.total)).toEqual([0, 0]);
    expect(analysis.costs.map((c) => c.best)).toEqual(['patient', 'good']);
    expect(analysis.best.steps).toEqual(['patient', 'good']);
  });

  it('weighs each decision against the best still possible, and the costs add up to the gap', () => {
    const moves = ['grab', 'bad1'];
    const analysis = analyseRun(trap, statesOf(trap, moves), moves);
    const [first, second] = analysis.costs;
    // Best from the start: +20; best after grab: +10 − 25 = −15; the run: +10 − 30 = −20.
    expect(first?.best).toBe('patient');
    expect(first?.lost.total).toBe(35);
    expect(first?.lost.points).toEqual({ timeliness: 25, legality: -10, coordination: 20 });
    expect(second?.best).toBe('bad2');
    expect(second?.lost.total).toBe(5);
    const run = outcomeOf(trap, statesOf(trap, moves).at(-1) as RunState);
    expect(analysis.costs.reduce((sum, c) => sum + c.lost.total, 0)).toBe(analysis.best.outcome.total - run.total);
    expect(analysis.exhaustive).toBe(true);
  });

  it('names a timeout as the trainee’s move and counts its cost in cases and deaths too', () => {
    const moves = ['$timeout', 'silence'];
    const analysis = analyseRun(uiDrill, statesOf(uiDrill, moves), moves);
    expect(analysis.costs[0]?.taken).toBe('$timeout');
    expect(analysis.costs[0]?.best).toBe('report');
    expect(analysis.costs[0]?.lost.total).toBeGreaterThan(0);
    const world = analyseRun(worldDrill, statesOf(worldDrill, ['warn-alone', 'wait'], 7), ['warn-alone', 'wait']);
    const best = bruteForce(worldDrill, start(worldDrill, 7));
    const lost = world.costs.reduce((sum, c) => sum + c.lost.deaths, 0);
    const run = outcomeOf(worldDrill, statesOf(worldDrill, ['warn-alone', 'wait'], 7).at(-1) as RunState);
    expect(lost).toBe(run.deaths - best.outcome.deaths);
  });

  it('shares one budget among the searches of a long run', () => {
    // A drill of 200 decisions in a row, two moves each: 201 searches, each held to a share of the budget.
    const long = fakeScenario({
      id: 'long',
      nodes: [
        ...Array.from({ length: 200 }, (_, i) =>
          fakeDecision({
            id: `n${i}`,
            choices: [
              fakeChoice({ id: 'a', label: '甲', next: i === 199 ? 'end' : `n${i + 1}` }),
              fakeChoice({ id: 'b', label: '乙', score: score('legality', 1), next: i === 199 ? 'end' : `n${i + 1}` }),
            ],
          }),
        ),
        fakeEnding(),
      ],
      start: 'n0',
    });
    const moves = Array(200).fill('a');
    const analysis = analyseRun(long, statesOf(long, moves), moves);
    expect(analysis.explored).toBeLessThanOrEqual(ANALYSIS_STEPS + 201 * 2);
    expect(analysis.costs.every((c) => c.best === 'b' && c.lost.total === 1)).toBe(true);
  });

  it('reports its progress, one search at a time', () => {
    const seen: number[] = [];
    analyseRun(trap, statesOf(trap, ['grab', 'bad1']), ['grab', 'bad1'], undefined, (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('the search with chance in the drill', () => {
  /** Persuading can win more than ordering, or lose; the seed decides, as it did for the trainee. */
  const gamble = fakeScenario({
    id: 'gamble',
    variables: [{ id: 'persuaded', type: 'boolean', label: '已说服', initial: false }],
    nodes: [
      fakeDecision({
        id: 'n1',
        choices: [
          fakeChoice({
            id: 'persuade',
            label: '劝说',
            effects: [{ op: 'set', var: 'persuaded', value: true, chance: 0.5 }],
            next: [{ when: { var: 'persuaded', op: '==', value: true }, to: 'agreed' }, { to: 'refused' }],
          }),
          fakeChoice({ id: 'order', label: '强制', score: score('legality', 5), next: 'ordered' }),
        ],
      }),
      fakeDecision({
        id: 'agreed',
        choices: [fakeChoice({ id: 'thank', label: '致谢', score: score('coordination', 20), next: 'end' })],
      }),
      fakeDecision({
        id: 'refused',
        choices: [fakeChoice({ id: 'retreat', label: '撤回', score: score('coordination', -10), next: 'end' })],
      }),
      fakeDecision({ id: 'ordered', choices: [fakeChoice({ id: 'done', label: '完成', next: 'end' })] }),
      fakeEnding(),
    ],
  });
  const lucky = (seed: number) => playMove(gamble, start(gamble, seed), 'persuade').nodeId === 'agreed';
  const seeds = Array.from({ length: 40 }, (_, i) => i);
  const luckySeed = seeds.find(lucky) as number;
  const unluckySeed = seeds.find((s) => !lucky(s)) as number;

  it('draws what the trainee drew with the run’s seed: its best line is the one the seed rewards', () => {
    expect(luckySeed).toBeDefined();
    expect(unluckySeed).toBeDefined();
    expect(searchBestLine(gamble, start(gamble, luckySeed)).steps).toEqual(['persuade', 'thank']);
    expect(searchBestLine(gamble, start(gamble, unluckySeed)).steps).toEqual(['order', 'done']);
  });

  it('weighs the trainee’s own luck: after the move, the outcome is the one the run had', () => {
    const moves = ['persuade', 'retreat'];
    const states = statesOf(gamble, moves, unluckySeed);
    const analysis = analyseRun(gamble, states, moves);
    const run = outcomeOf(gamble, states.at(-1) as RunState);
    expect(analysis.costs[0]?.afterTaken).toEqual(run);
    expect(analysis.costs[0]?.best).toBe('order');
    expect(analysis.costs[0]?.lost.total).toBe(15);
    // The same analysis twice: the search is as deterministic as the run.
    expect(analyseRun(gamble, states, moves)).toEqual(analysis);
  });
});
