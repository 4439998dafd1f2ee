import { describe, expect, it } from 'vitest';
import { fakeChoice, fakeDecision, fakeEnding } from '../../test/fake-scenario';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { analyseRun, playMove } from '../engine/best-line';
import { start } from '../engine/run';
import type { RunState } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { afterAction, PLAN_ROWS } from './after-action';
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
      '依法 70 分，评为“良”：基本完成，有一些问题需要改进。得分最多的一项是在「接到医院报告」时选择「立即网络直报」（+10）。',
    );
    const coordination = report.dimensions.find((d) => d.dimension === 'coordination');
    expect(coordination?.summary).toBe('协同 60 分，评为“中”：这一项没有加分也没有失分，停在起评分。');
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

  it('plans each cause of lost points once: the issue, the recommended action, the reference', () => {
    const moves = ['$timeout', 'silence'];
    const states = play(uiDrill, moves);
    const end = states.at(-1) as RunState;
    const plain = afterAction(uiDrill, end).plan;
    expect(plain.more).toBe(0);
    expect(plain.rows.map((r) => r.issue)).toEqual(['始终没有完成“网络直报”', '限时内没有作出决定，按默认处置']);
    const [window, timeout] = plain.rows;
    expect(window?.why).toBe('始终未完成“网络直报”（理想时限为开局后 2 小时，最迟 6 小时）。');
    expect(window?.action).toBe('在开局后 2 小时 之内完成“网络直报”（最迟 6 小时）。');
    // The timeout's penalty and what its default did: one cause, its losses on each dimension together.
    expect(timeout?.lost).toEqual([
      { dimension: 'timeliness', points: 5 },
      { dimension: 'coordination', points: 5 },
    ]);
    expect(timeout?.decisions).toEqual([0]);
    expect(timeout?.action).toBe('在时限内自己作出决定：不决定也是一种决定。');
    // Once the search has weighed the run, a choice's action names the move it found best there.
    const { costs } = analyseRun(uiDrill, states, moves);
    const weighed = afterAction(uiDrill, end, costs).plan.rows[1];
    expect(weighed?.action).toBe(
      '在时限内自己作出决定：不决定也是一种决定。在「接到医院报告」时，选择「立即网络直报」。',
    );
  });

  it('keeps the plan to the causes that cost most, and says how many it leaves out', () => {
    const many = {
      ...uiDrill,
      id: 'many',
      timeWindows: [],
      nodes: [
        ...Array.from({ length: 10 }, (_, i) =>
          fakeDecision({
            id: `m${i}`,
            title: `情况${i}`,
            choices: [
              fakeChoice({
                id: 'x',
                label: `做法${i}`,
                score: [{ dimension: 'legality' as const, delta: -(i + 1), reason: `失分${i}。` }],
                next: i === 9 ? 'good' : `m${i + 1}`,
              }),
            ],
          }),
        ),
        fakeEnding({ id: 'good' }),
      ],
      start: 'm0',
    };
    const plan = afterAction(many, play(many, Array(10).fill('x')).at(-1) as RunState).plan;
    expect(plan.rows).toHaveLength(PLAN_ROWS);
    expect(plan.more).toBe(10 - PLAN_ROWS);
    expect(plan.rows[0]?.issue).toBe('在「情况9」时选择「做法9」');
  });

  it('quotes two of a cause’s reasons in the plan and counts the rest', () => {
    const timed = (i: number) =>
      fakeDecision({
        id: `t${i}`,
        title: `限时${i}`,
        timeLimitSec: 10,
        timeoutChoice: 'wait',
        choices: [
          fakeChoice({ id: 'act', label: '行动', next: i === 2 ? 'good' : `t${i + 1}` }),
          fakeChoice({
            id: 'wait',
            label: '等待',
            timeoutOnly: true,
            score: [{ dimension: 'coordination' as const, delta: -1, reason: `第${i}次等待。` }],
            next: i === 2 ? 'good' : `t${i + 1}`,
          }),
        ],
      });
    const drill = {
      ...uiDrill,
      id: 'timed',
      timeWindows: [],
      start: 't0',
      nodes: [timed(0), timed(1), timed(2), fakeEnding({ id: 'good' })],
    };
    const plan = afterAction(drill, play(drill, ['$timeout', '$timeout', '$timeout']).at(-1) as RunState).plan;
    const timeout = plan.rows.find((r) => r.issue === '限时内没有作出决定，按默认处置');
    expect(timeout?.decisions).toEqual([0, 1, 2]);
    expect(timeout?.why).toMatch(/（另有 \d+ 条，见上文）$/);
  });

  it('tells the real and in-game time of the run', () => {
    const states = play(uiDrill, ['verify', 'publish']);
    const report = afterAction(uiDrill, states.at(-1) as RunState);
    expect(report.gameMinutes).toBe(10 * 60);
    expect(report.realMs).toBe(0);
  });
});
