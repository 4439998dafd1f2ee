import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { analyseRun, playMove } from '../engine/best-line';
import { start } from '../engine/run';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { afterAction } from './after-action';
import { rate, thresholdsText } from './ratings';

function play(scenario: Scenario, moves: string[]): RunState[] {
  const states = [start(scenario, 1)];
  for (const move of moves) states.push(playMove(scenario, states[states.length - 1] as RunState, move));
  return states;
}

describe('rate', () => {
  it('gives the four grades at the stated thresholds', () => {
    expect([100, 85, 84, 70, 69, 55, 54, 0].map((s) => rate(s).grade)).toEqual([
      '优',
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
      '差',
    ]);
    expect(thresholdsText()).toBe('优 ≥ 85，良 70–84，中 55–69，差 < 55');
    expect(rate(90).hseep).toBe('P');
  });
});

describe('afterAction', () => {
  it('rates each dimension and says in one sentence what the rating means for this run', () => {
    const states = play(uiDrill, ['report', 'publish']);
    const report = afterAction(uiDrill, states.at(-1) as RunState);
    expect(report.ending?.title).toBe('疫情得到控制');
    expect(report.role).toBe(uiDrill.role);
    const legality = report.dimensions.find((d) => d.dimension === 'legality');
    expect(legality?.score).toBe(70);
    expect(legality?.rating.grade).toBe('良');
    expect(legality?.summary).toBe(
      '依法70 分，评为“良”：基本完成，有一些问题需要改进。得分最多的一项是在「接到医院报告」时选择「立即网络直报」（+10）。',
    );
    const coordination = report.dimensions.find((d) => d.dimension === 'coordination');
    expect(coordination?.summary).toContain('这一项没有得分也没有失分，停在起评分');
  });

  it('groups the score events by cause, largest first, each with the references it cites', () => {
    const states = play(uiDrill, ['report', 'publish']);
    const legality = afterAction(uiDrill, states.at(-1) as RunState).dimensions[1];
    expect(legality?.strengths).toHaveLength(1);
    expect(legality?.strengths[0]).toMatchObject({
      cause: '在「接到医院报告」时选择「立即网络直报」',
      delta: 10,
      reasons: ['依法及时直报。'],
      decisions: [0],
    });
    expect(legality?.strengths[0]?.refs.map((r) => r.id)).toEqual(['law-report']);
    expect(legality?.strengths[0]?.refs[0]?.quote).toBe('应当于两小时内进行网络直报。');
  });

  it('plans each loss: the issue, the recommended action, the reference; the largest loss first', () => {
    const moves = ['$timeout', 'silence'];
    const states = play(uiDrill, moves);
    const end = states.at(-1) as RunState;
    const plain = afterAction(uiDrill, end);
    expect(plain.plan.map((r) => r.lost)).toEqual([...plain.plan.map((r) => r.lost)].sort((a, b) => b - a));
    const window = plain.plan.find(
      (r) => r.issue.startsWith('“网络直报”') || r.issue.startsWith('始终没有完成“网络直报”'),
    );
    expect(window?.action).toBe('在开局后2 小时之内完成“网络直报”（最迟6 小时）。');
    // Once the search has weighed the run, a choice's action is the move it found best there.
    const { costs } = analyseRun(uiDrill, states, moves);
    const weighed = afterAction(uiDrill, end, costs);
    // The timeout's penalty and what its default did are one cause on each dimension.
    const timeout = weighed.plan.filter((r) => r.decision === 0);
    expect(timeout.map((r) => [r.dimension, r.issue])).toEqual([
      ['timeliness', '限时内没有作出决定，按默认处置'],
      ['coordination', '限时内没有作出决定，按默认处置'],
    ]);
    for (const row of timeout) {
      expect(row.action).toBe('在时限内自己作出决定：不决定也是一种决定。在「接到医院报告」时，选择「立即网络直报」。');
    }
  });

  it('tells the real and in-game time of the run', () => {
    const states = play(uiDrill, ['verify', 'publish']);
    const report = afterAction(uiDrill, states.at(-1) as RunState);
    expect(report.gameMinutes).toBe(10 * 60);
    expect(report.realMs).toBe(0);
  });
});
