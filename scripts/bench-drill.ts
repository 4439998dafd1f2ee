/**
 * A generated drill of any size for timing `load` (parse, schema, lint): deterministic, valid, and
 * built from what real drills use — decisions of two or three choices leading forward, branches on
 * variables, conditions, effects, score rules with references, time windows, powers, a small world
 * and a few endings. Nothing from the shipped content.
 */
import { defineScenario } from '../src/scenario/define-scenario';
import { type Dimension, SCHEMA_VERSION, type Scenario } from '../src/scenario/schema';

type Choice = Extract<Scenario['nodes'][number], { kind: 'decision' }>['choices'][number];

const VARIABLES = 10;
const FLAGS = 5;
const REFERENCES = 20;
const WINDOWS = 5;
const ENDINGS = 10;
const REGIONS = ['r0', 'r1', 'r2', 'r3'];
const DIMENSIONS = ['timeliness', 'legality', 'coordination'] as const;

/** `nodes` nodes in all, ENDINGS of them endings; the same drill for the same size. */
export function largeDrill(nodes: number): Scenario {
  let seed = 20260108;
  /** A number in [0, n), from a small LCG: the drill must not change between runs. */
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const decisions = nodes - ENDINGS;
  const node = (i: number) => (i >= decisions ? `e${i - decisions}` : `d${i}`);
  const ending = () => `e${rand(ENDINGS)}`;
  const ahead = (i: number, by: number) => node(Math.min(decisions, i + by));

  const choiceAt = (i: number, c: number): Choice => {
    const choice: Choice = {
      id: `c${c}`,
      label: `第 ${c + 1} 种做法`,
      takes: ['30m', '2h', '4h'][rand(3)] as string,
      feedback: '情况有了变化。',
      next: ahead(i, 1),
    };
    const roll = rand(12);
    if (i >= decisions - ENDINGS && c === 1) {
      // Each of the last few decisions has a way to an ending of its own, so that every ending is reached.
      choice.next = `e${i - decisions + ENDINGS}`;
    } else if (roll === 0) {
      choice.next = [
        { when: { var: `v${rand(VARIABLES)}`, op: '>=', value: 40 + rand(30) }, to: ahead(i, 2 + rand(4)) },
        { when: { any: [{ var: `f${rand(FLAGS)}`, op: '==', value: true }, { after: '2d' }] }, to: ahead(i, 1) },
        { to: i % 97 === 0 ? ending() : ahead(i, 1) },
      ];
    } else if (roll === 1 && c > 0) {
      choice.when = { all: [{ var: `v${rand(VARIABLES)}`, op: '<', value: 80 }, { not: { visited: node(i) } }] };
    }
    if (rand(3) === 0) choice.effects = [{ op: 'add', var: `v${rand(VARIABLES)}`, value: rand(21) - 10 }];
    if (rand(5) === 0) choice.effects = [...(choice.effects ?? []), { op: 'set', var: `f${rand(FLAGS)}`, value: true }];
    if (rand(3) === 0) {
      choice.score = [
        {
          dimension: DIMENSIONS[rand(3)] as Dimension,
          delta: rand(21) - 10,
          reason: '依法、及时、协同的程度。',
          refs: [`ref${rand(REFERENCES)}`],
        },
      ];
    }
    if (rand(40) === 0) choice.completes = [`w${rand(WINDOWS)}`];
    if (rand(25) === 0) choice.power = `p${rand(2)}`;
    if (rand(30) === 0) choice.world = [{ type: 'notify', regions: [REGIONS[1 + rand(3)] as string] }];
    if (rand(30) === 0) choice.world = [{ type: 'contact', region: REGIONS[rand(4)] as string, factor: 0.7 }];
    return choice;
  };

  return defineScenario({
    schemaVersion: SCHEMA_VERSION,
    id: 'bench-large',
    title: '基准：大型演练',
    summary: '基准测试用的生成情景。',
    role: '市长',
    estimatedMinutes: 240,
    legalFramework: 2025,
    briefing: '基准测试。',
    clockStart: '2026-01-08T08:00',
    start: 'd0',
    roleRegion: 'r0',
    roleActor: 'city',
    actors: [
      { id: 'city', name: '市人民政府' },
      { id: 'province', name: '省人民政府' },
    ],
    powers: [
      {
        id: 'p0',
        name: '发布预警',
        holders: ['province', 'city'],
        basis: ['ref0'],
      },
      { id: 'p1', name: '区域封锁', holders: ['province'], basis: ['ref1'] },
    ],
    supplies: [{ id: 'masks', name: '口罩', unit: '万只' }],
    regions: REGIONS.map((id, i) => ({
      id,
      name: `地区${i}`,
      population: 1_000_000,
      neighbours: REGIONS.filter((r) => r !== id),
      beds: 500,
      trust: 60,
      supplies: { masks: 100 },
    })),
    variables: [
      ...Array.from({ length: VARIABLES }, (_, i) => ({
        id: `v${i}`,
        type: 'number' as const,
        label: `指标${i}`,
        min: 0,
        max: 100,
        initial: 50,
        visible: i < 3,
      })),
      ...Array.from({ length: FLAGS }, (_, i) => ({
        id: `f${i}`,
        type: 'boolean' as const,
        label: `标记${i}`,
        initial: false,
      })),
    ],
    references: Array.from({ length: REFERENCES }, (_, i) => ({
      id: `ref${i}`,
      kind: 'lecture' as const,
      title: `讲稿第 ${i + 1} 段`,
      quote: '早发现、早报告、早隔离、早治疗。',
    })),
    timeWindows: Array.from({ length: WINDOWS }, (_, i) => ({
      id: `w${i}`,
      label: `关键行动${i}`,
      ideal: `${2 + i}h`,
      latest: `${24 + i}h`,
    })),
    nodes: Array.from({ length: nodes }, (_, i) =>
      i >= decisions
        ? { id: node(i), kind: 'ending' as const, title: `结局 ${i - decisions + 1}`, text: '演练结束。' }
        : {
            id: node(i),
            kind: 'decision' as const,
            title: `决定 ${i + 1}`,
            text: '医院报告了新的病例，舆情正在发酵，需要你作出决定。',
            choices: Array.from({ length: 2 + rand(2) }, (_, c) => choiceAt(i, c)),
          },
    ),
  });
}
