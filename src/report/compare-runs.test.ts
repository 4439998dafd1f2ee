import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { replay } from '../engine/run';
import { compareRuns } from './compare-runs';

const run = (scenario: typeof uiDrill, choices: string[], seed = 1) =>
  replay(
    scenario,
    seed,
    choices.map((choiceId) => ({ choiceId, realMs: 0 })),
  );

describe('compareRuns', () => {
  it('sets the endings and the three scores side by side, with their ratings and differences', () => {
    const real = run(uiDrill, ['verify', 'silence']);
    const whatIf = run(uiDrill, ['verify', 'publish']);
    const { rows } = compareRuns(uiDrill, real, whatIf, 1);
    expect(rows[0]).toEqual({
      label: '结局',
      real: '疫情失控（失败的结局）',
      other: '疫情得到控制（较好的结局）',
      difference: null,
      moreIsWorse: false,
    });
    expect(rows.map((r) => r.label)).toEqual(['结局', '时效', '依法', '协同']);
    expect(rows.slice(1).every((r) => r.difference === 0)).toBe(true);
  });

  it('names each situation the two runs met differently, from the what-if’s start on', () => {
    const real = run(uiDrill, ['verify', 'silence']);
    const whatIf = run(uiDrill, ['$timeout', 'silence']);
    expect(compareRuns(uiDrill, real, whatIf, 0).decisions).toEqual([
      { node: '接到医院报告', real: '先派人核实', other: '超时未决：等待上级指示' },
    ]);
  });

  it('lines the two paths up by situation, not by count, where they part', () => {
    const extra = {
      id: 'extra',
      kind: 'decision' as const,
      title: '核实结果',
      text: '核实用了一整天。',
      choices: [{ id: 'go', label: '继续', takes: '1h', feedback: '好。', next: 'n2' }],
    };
    const branching = {
      ...uiDrill,
      id: 'branching',
      nodes: [
        ...uiDrill.nodes.map((n) =>
          n.id === 'n1' && n.kind === 'decision'
            ? { ...n, choices: n.choices.map((c) => (c.id === 'verify' ? { ...c, next: 'extra' } : c)) }
            : n,
        ),
        extra,
      ],
    };
    const real = run(branching, ['verify', 'go', 'publish']);
    const whatIf = run(branching, ['report', 'silence']);
    expect(compareRuns(branching, real, whatIf, 0).decisions).toEqual([
      { node: '接到医院报告', real: '先派人核实', other: '立即网络直报' },
      { node: '是否发布信息', real: '如实发布', other: '暂不发布' },
      { node: '核实结果', real: '继续', other: null },
    ]);
  });

  it('counts cases and deaths in all and by region, a larger number being worse', () => {
    const real = run(worldDrill, ['warn-alone', 'wait'], 7);
    const whatIf = run(worldDrill, ['isolate', 'wait'], 7);
    const { rows, real: a, other: b } = compareRuns(worldDrill, real, whatIf, 0);
    const deaths = rows.find((r) => r.label === '死亡（各地合计）');
    expect(deaths?.difference).toBe(b.deaths - a.deaths);
    expect(deaths?.moreIsWorse).toBe(true);
    const regions = (worldDrill.regions ?? []).map((r) => r.name);
    for (const name of regions) expect(rows.map((r) => r.label)).toContain(`${name} 感染`);
  });
});
