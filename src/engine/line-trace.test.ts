import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { parseLine, traceLine } from './line-trace';
import { replay } from './run';
import { dimensionScores } from './scoring';

describe('tracing a line', () => {
  it('plays choice ids, numbers as on screen, and wait, to the ending and its scores', () => {
    const byId = traceLine(uiDrill, ['report', 'publish']);
    const byNumber = traceLine(uiDrill, ['1', '1']);
    expect(byNumber).toEqual(byId);
    expect(byId.problem).toBeNull();
    expect(byId.ending).toEqual({ id: 'good', title: '疫情得到控制' });
    const state = replay(uiDrill, 1, [
      { choiceId: 'report', realMs: 1000 },
      { choiceId: 'publish', realMs: 1000 },
    ]);
    expect(byId.scores).toEqual(dimensionScores(uiDrill, state.scoreEvents));

    const waited = traceLine(uiDrill, parseLine('wait，2'));
    expect(waited.steps[0]).toMatchObject({
      nodeId: 'n1',
      choiceId: 'wait',
      choiceLabel: '等待上级指示',
      timedOut: true,
    });
    expect(waited.ending?.id).toBe('bad');
  });

  it('writes out each step: the time, what changed, and every score event with its reason', () => {
    const [first] = traceLine(uiDrill, ['report', 'publish']).steps;
    expect(first).toMatchObject({
      step: 1,
      nodeTitle: '接到医院报告',
      choiceLabel: '立即网络直报',
      clockAt: 0,
      clockNext: 60,
    });
    expect(first?.changes).toEqual([{ var: 'trust', from: 60, to: 70 }]);
    expect(first?.scores.map((e) => [e.dimension, e.delta, e.reason])).toContainEqual([
      'legality',
      10,
      '依法及时直报。',
    ]);
  });

  it('gives each region after each step, with the measures taken and the injects that came', () => {
    const first = worldDrill.nodes.find((n) => n.kind === 'decision');
    if (first?.kind !== 'decision') throw new Error('the world drill starts at a decision');
    const trace = traceLine(worldDrill, ['1']);
    const step = trace.steps[0];
    expect(step?.regions.map((r) => r.id)).toEqual(worldDrill.regions?.map((r) => r.id));
    expect(step?.measures).toEqual(first.choices[0]?.world ?? []);
    for (const r of step?.regions ?? []) expect(r.cases).toBeGreaterThanOrEqual(0);
  });

  it('says which step is not on offer, and what is', () => {
    expect(traceLine(uiDrill, ['report', 'nope']).problem).toBe(
      '第 2 步（nope）：「是否发布信息」（n2）此时没有这个选项；可选：1 publish、2 silence。',
    );
    expect(traceLine(uiDrill, ['report', 'wait']).problem).toMatch(/^第 2 步（wait）：「是否发布信息」（n2）不限时/);
    expect(traceLine(uiDrill, ['9']).problem).toContain('或 wait（等倒计时用完）');
  });

  it('says when the line is too short or too long for the drill', () => {
    expect(traceLine(uiDrill, ['report']).problem).toBe('走完 1 步还没有到结局：停在「是否发布信息」（n2）。');
    const long = traceLine(uiDrill, ['report', 'publish', 'publish']);
    expect(long.ending?.id).toBe('good');
    expect(long.problem).toBe('第 3 步（publish）：演练在第 2 步之后已经结束，多出的步骤没有走。');
  });
});
