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
      real: '疫情失控',
      whatIf: '疫情得到控制',
      difference: null,
      moreIsWorse: false,
    });
    expect(rows.map((r) => r.label)).toEqual(['结局', '时效', '依法', '协同']);
    expect(rows.slice(1).every((r) => r.difference === 0)).toBe(true);
  });

  it('names each decision the two runs took differently, from the what-if’s start on', () => {
    const real = run(uiDrill, ['verify', 'silence']);
    const whatIf = run(uiDrill, ['report', 'publish']);
    expect(compareRuns(uiDrill, real, whatIf, 0).decisions).toEqual([
      {
        decision: 0,
        real: { node: '接到医院报告', choice: '先派人核实' },
        whatIf: { node: '接到医院报告', choice: '立即网络直报' },
      },
      {
        decision: 1,
        real: { node: '是否发布信息', choice: '暂不发布' },
        whatIf: { node: '是否发布信息', choice: '如实发布' },
      },
    ]);
  });

  it('counts cases and deaths in all and by region, a larger number being worse', () => {
    const real = run(worldDrill, ['warn-alone', 'wait'], 7);
    const whatIf = run(worldDrill, ['isolate', 'wait'], 7);
    const { rows, real: a, whatIf: b } = compareRuns(worldDrill, real, whatIf, 0);
    const deaths = rows.find((r) => r.label === '死亡');
    expect(deaths?.difference).toBe(b.deaths - a.deaths);
    expect(deaths?.moreIsWorse).toBe(true);
    const regions = (worldDrill.regions ?? []).map((r) => r.name);
    for (const name of regions) expect(rows.map((r) => r.label)).toContain(`${name} 感染`);
  });
});
