/** Generated drills for the world benchmarks: sizes the issue names, nothing from the shipped content. */
import { defineScenario } from '../src/scenario/define-scenario';
import { SCHEMA_VERSION, type Scenario } from '../src/scenario/schema';

/**
 * `regions` regions in a ring, each travelling with its two neighbours, seeded in the first. Unless
 * `nodes` are given, a line of `decisions` decisions, each offering 'act' and 'close', then an ending.
 */
export function worldOf(regions: number, nodes: Scenario['nodes'], takes = '18h', decisions = 40): Scenario {
  const last = decisions - 1;
  const ids = Array.from({ length: regions }, (_, i) => `r${i}`);
  return defineScenario({
    schemaVersion: SCHEMA_VERSION,
    id: 'bench',
    title: '基准',
    summary: '基准测试用的生成情景。',
    role: '市长',
    estimatedMinutes: 30,
    legalFramework: 2025,
    briefing: '基准测试。',
    clockStart: '2026-01-01T08:00',
    start: 'd0',
    roleRegion: 'r0',
    roleActor: 'city',
    actors: [
      { id: 'city', name: '市人民政府' },
      { id: 'province', name: '省人民政府' },
    ],
    powers: [{ id: 'close', name: '封锁', holders: ['province'], basis: [] }],
    supplies: [{ id: 'masks', name: '口罩', unit: '万只' }],
    regions: ids.map((id, i) => ({
      id,
      name: `地区${i}`,
      population: 1_000_000 + i * 100_000,
      neighbours: [ids[(i + 1) % regions] as string, ids[(i + regions - 1) % regions] as string],
      beds: 500,
      trust: 60,
      supplies: { masks: 100 },
    })),
    travel: ids.map((id, i) => ({ between: [id, ids[(i + 1) % regions] as string], perDay: 20_000 })),
    epidemic: { initial: [{ region: 'r0', exposed: 100, infectious: 50 }] },
    nodes:
      nodes.length > 0
        ? nodes
        : [
            ...Array.from({ length: decisions }, (_, i) => ({
              id: `d${i}`,
              kind: 'decision' as const,
              title: `决定 ${i + 1}`,
              text: '情况。',
              choices: [
                {
                  id: 'act',
                  label: '采取措施',
                  takes,
                  world: [
                    { type: 'isolation' as const, region: ids[i % regions] as string, share: 0.3 },
                    { type: 'contact' as const, region: ids[(i + 1) % regions] as string, factor: 0.8 },
                  ],
                  feedback: '做了。',
                  next: i === last ? 'end' : `d${i + 1}`,
                },
                {
                  id: 'close',
                  label: '封路',
                  takes,
                  power: 'close',
                  world: [{ type: 'roads' as const, region: ids[1] as string, open: false }],
                  feedback: '封了。',
                  next: i === last ? 'end' : `d${i + 1}`,
                },
              ],
            })),
            { id: 'end', kind: 'ending' as const, title: '结束', text: '结束。' },
          ],
  });
}
