/**
 * Lint: score dimensions whose reachable range cannot span the 0–100 scale. Each problem is checked
 * through `load`, at its JSON pointer, with its Chinese message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakePower,
  fakeScenario,
  fakeWindow,
  fakeWorldScenario,
  loadable,
} from '../../../test/fake-scenario';
import { choose, currentDecision, offeredChoices, start } from '../../engine/run';
import { DIMENSIONS } from '../../engine/scoring';
import { TIMEOUT } from '../../engine/types';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Choice, Dimension, Scenario, ScoreRule } from '../schema';
import { SCALE_MARGIN, scoreSpan } from './scale';

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const scores = (delta: number, ...dimensions: Dimension[]): ScoreRule[] =>
  dimensions.map((dimension) => ({ dimension, delta, reason: delta > 0 ? '做得对。' : '做错了。' }));

/** A drill of one decision whose choices score as given, then the ending. */
function scored(...choices: ScoreRule[][]): Scenario {
  return fakeScenario({
    nodes: [fakeDecision({ choices: choices.map((score, i) => fakeChoice({ id: `c${i + 1}`, score })) }), fakeEnding()],
  });
}

/** Choices that take every dimension from 60 to 100 and to 0. */
const FULL = [scores(40, ...DIMENSIONS), scores(-60, ...DIMENSIONS)];

const scaleWarnings = (scenario: Scenario) => problemsOf(scenario).filter((p) => p.pointer === '/scoring');

describe('lint: score dimensions that cannot span 0–100', () => {
  it('says nothing when every dimension can reach both ends', () => {
    expect(problemsOf(scored(...FULL))).toEqual([]);
  });

  it('says nothing about a drill whose author scores nothing yet', () => {
    expect(problemsOf(fakeScenario())).toEqual([]);
  });

  it('warns of a dimension no rule can move, with the score every trainee gets', () => {
    const found = scaleWarnings(scored(scores(40, 'timeliness', 'legality'), scores(-60, 'timeliness', 'legality')));
    expect(found).toEqual([
      {
        severity: 'warning',
        pointer: '/scoring',
        message:
          '「协同」维度没有任何规则能改变分数，所有学员都是 60 分：给体现协同好坏的选项加上 dimension 为 coordination 的 score（附依据）。',
      },
    ]);
  });

  it('gives the score every trainee gets from the drill’s own base', () => {
    const drill = { ...scored(scores(40, 'timeliness', 'legality'), scores(-60, 'timeliness', 'legality')) };
    drill.scoring = { base: 50 };
    expect(scaleWarnings(drill)[0]?.message).toMatch(/所有学员都是 50 分/);
  });

  it('warns of a best score below the top margin, with the numbers and the fix', () => {
    const found = scaleWarnings(
      scored(scores(40, ...DIMENSIONS), [...scores(-60, ...DIMENSIONS)], scores(-60, 'legality')),
    );
    expect(found).toEqual([]);
    const low = scaleWarnings(
      scored([...scores(40, 'timeliness', 'coordination'), ...scores(25, 'legality')], scores(-60, ...DIMENSIONS)),
    );
    expect(low).toEqual([
      {
        severity: 'warning',
        pointer: '/scoring',
        message: `「依法」维度最高只能得 85 分（起评 60 分，一局的加减分合计至多 +25），表现最好的学员也到不了 ${100 - SCALE_MARGIN} 分：给做得对的决定加上更多 dimension 为 legality 的加分（选项的 score，附依据）。`,
      },
    ]);
  });

  it('names scores as the debrief shows them, within 0–100', () => {
    // A key action no choice completes costs its full penalty in every run.
    const drill = { ...scored(...FULL), timeWindows: [fakeWindow({ id: 'never', penalty: 100 })] };
    expect(scaleWarnings(drill).map((p) => p.message)).toEqual([
      expect.stringMatching(/^「时效」维度最高只能得 0 分（起评 60 分，一局的加减分合计至多 −60）/),
    ]);
  });

  it('warns of a worst score above the bottom margin', () => {
    const found = scaleWarnings(
      scored(scores(40, ...DIMENSIONS), [...scores(-60, 'timeliness', 'legality'), ...scores(-30, 'coordination')]),
    );
    expect(found).toEqual([
      {
        severity: 'warning',
        pointer: '/scoring',
        message: `「协同」维度最低也有 30 分（起评 60 分，一局的加减分合计至少 −30），表现最差的学员也在 ${SCALE_MARGIN} 分以上：给做错的决定加上更重的 dimension 为 coordination 的扣分（选项的 score，附依据）。`,
      },
    ]);
  });

  it('accepts a scale that comes within the margin of either end', () => {
    expect(scaleWarnings(scored(scores(30, ...DIMENSIONS), scores(-50, ...DIMENSIONS)))).toEqual([]);
    expect(scaleWarnings(scored(scores(29, ...DIMENSIONS), scores(-50, ...DIMENSIONS)))).toHaveLength(3);
    expect(scaleWarnings(scored(scores(30, ...DIMENSIONS), scores(-49, ...DIMENSIONS)))).toHaveLength(3);
  });

  it('adds up the best path through the drill, not the best choice of each node', () => {
    // n1 (+20) → a (+5) or b (+5) → end: one of the two, never both, so at most +25, not +30.
    const drill = fakeScenario({
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({
              id: 'toA',
              next: 'a',
              score: [...scores(20, 'legality'), ...scores(40, 'timeliness', 'coordination')],
            }),
            fakeChoice({ id: 'toB', next: 'b', score: scores(-60, ...DIMENSIONS) }),
          ],
        }),
        fakeDecision({ id: 'a', choices: [fakeChoice({ score: scores(5, 'legality') })] }),
        fakeDecision({ id: 'b', choices: [fakeChoice({ score: scores(5, 'legality') })] }),
        fakeEnding(),
      ],
    });
    expect(scoreSpan(drill).legality).toEqual({ lo: -60, hi: 25 });
    expect(scaleWarnings(drill).map((p) => p.message)).toEqual([expect.stringMatching(/「依法」维度最高只能得 85 分/)]);
  });

  it('takes a cycle that can score as unbounded', () => {
    const drill = fakeScenario({
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({ id: 'again', next: 'n1', score: scores(5, 'legality') }),
            fakeChoice({
              id: 'out',
              score: [...scores(40, 'timeliness', 'coordination'), ...scores(-60, ...DIMENSIONS)],
            }),
          ],
        }),
        fakeEnding(),
      ],
    });
    expect(scoreSpan(drill).legality.hi).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts the timeout penalty, time windows and their penalty when never done', () => {
    const drill = fakeScenario({
      timeWindows: [fakeWindow({ credit: 10, penalty: 20 }), fakeWindow({ id: 'never', penalty: 7 })],
      nodes: [
        fakeDecision({
          timeLimitSec: 30,
          timeoutChoice: 'c2',
          choices: [fakeChoice({ completes: ['report'] }), fakeChoice({ id: 'c2', score: scores(-3, 'timeliness') })],
        }),
        fakeEnding(),
      ],
    });
    // Best: the window on time (+10), the other never done (−7); worst: −5 −3 on timeout, −20, −7.
    expect(scoreSpan(drill).timeliness).toEqual({ lo: -35, hi: 3 });
  });

  it('counts the automatic rules only where the drill has what triggers them', () => {
    const world = loadable(
      fakeWorldScenario({
        references: [fakeLaw()],
        powers: [fakePower(), fakePower({ id: 'own', holders: ['city'] })],
      }),
    );
    const withChoices = (...choices: Choice[]) => ({ ...world, nodes: [fakeDecision({ choices }), fakeEnding()] });
    // The world's epidemic: the outcome costs up to 30; the neighbour never informed, 6.
    expect(scoreSpan(withChoices(fakeChoice()))).toEqual({
      timeliness: { lo: -30, hi: 0 },
      legality: { lo: 0, hi: 0 },
      coordination: { lo: -6, hi: 0 },
    });
    const span = scoreSpan(
      withChoices(
        fakeChoice({ id: 'unlawful', power: 'lockdown' }),
        fakeChoice({ id: 'lawful', power: 'own' }),
        fakeChoice({ id: 'early', needs: { when: { after: '1d' } } }),
        fakeChoice({ id: 'tell', world: [{ type: 'notify', regions: ['next', 'home'] }] }),
        fakeChoice({ id: 'contact', world: [{ type: 'contact', region: 'home', factor: 0.5 }] }),
      ),
    );
    expect(span.legality).toEqual({ lo: -15, hi: 0 });
    // Two regions informed at most (+3 each); no policy, so contact limits are never judged against one.
    expect(span.coordination).toEqual({ lo: -6, hi: 6 });
    const policy = { type: 'policy', contact: 0.8 } as const;
    const judged = scoreSpan({
      ...withChoices(fakeChoice({ world: [{ type: 'contact', region: 'home', factor: 0.5 }] })),
      injects: [fakeInject({ world: [policy] })],
    });
    // The measure is judged (−8 or +2), and the inject's policy may find it stricter (−8) later.
    expect(judged.coordination).toEqual({ lo: -22, hi: 2 });
  });

  it('counts a node an inject opens once more for each inject that opens it', () => {
    const drill = fakeScenario({
      injects: [fakeInject({ opens: 'extra' }), fakeInject({ id: 'i2', opens: 'extra' })],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ score: scores(10, 'legality') })] }),
        fakeDecision({ id: 'extra', choices: [fakeChoice({ next: '$return', score: scores(5, 'legality') })] }),
        fakeEnding(),
      ],
    });
    expect(scoreSpan(drill).legality).toEqual({ lo: 0, hi: 20 });
  });

  it('is not judged on a drill with errors', () => {
    const broken = scored(scores(10, 'legality'));
    broken.nodes = [
      fakeDecision({ choices: [fakeChoice({ next: 'nowhere', score: scores(10, 'legality') })] }),
      fakeEnding(),
    ];
    expect(scaleWarnings(broken)).toEqual([]);
  });

  it('bounds every score a random play of the shipped drill gets', () => {
    const result = load(readFileSync('scenarios/early-warning.json', 'utf8'));
    if (!result.ok) throw new Error('the shipped drill does not load');
    const { scenario } = result;
    const span = scoreSpan(scenario);
    let pick = 7;
    for (let run = 0; run < 300; run++) {
      let state = start(scenario, run);
      while (state.ending === null) {
        const offered = offeredChoices(scenario, state);
        pick = (pick * 1103515245 + 12345) >>> 0;
        const timed = currentDecision(scenario, state)?.timeLimitSec !== undefined;
        const choice = timed && pick % 4 === 0 ? TIMEOUT : (offered[pick % offered.length]?.id ?? TIMEOUT);
        [state] = choose(scenario, state, choice, 1000);
      }
      for (const d of DIMENSIONS) {
        const sum = state.scoreEvents.filter((e) => e.dimension === d).reduce((t, e) => t + e.delta, 0);
        expect(sum).toBeGreaterThanOrEqual(span[d].lo);
        expect(sum).toBeLessThanOrEqual(span[d].hi);
      }
    }
  });
});
