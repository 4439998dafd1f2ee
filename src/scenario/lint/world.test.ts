/**
 * Meaning checks on the world a drill declares: every name declared, shipments sent before they
 * are stopped, injects that can happen, "$return" only where an inject opened the node.
 * Each problem is checked through `load`, at its exact JSON pointer, with its Chinese message.
 */
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakeNumberVar,
  fakePower,
  fakeRegion,
  fakeScenario,
  fakeWorldScenario,
  loadable,
} from '../../../test/fake-scenario';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Choice, Condition, Measure, Region, Scenario } from '../schema';
import { lint } from './index';

const HAN = /[\u4e00-\u9fff]/;

/** A valid drill with a world and the province's power "lockdown"; the trainee is "city" of "home". */
const base = loadable(fakeWorldScenario({ references: [fakeLaw()], powers: [fakePower()] }));

function withChoice(overrides: Partial<Choice>, scenario: Scenario = base): Scenario {
  return { ...scenario, nodes: [fakeDecision({ choices: [fakeChoice(overrides)] }), fakeEnding()] };
}

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

/** Exactly one problem, an error at `pointer` whose message (in Chinese) matches `message`. */
function expectOneError(scenario: Scenario, pointer: string, message: RegExp | string): void {
  // Warnings (a fixture's lone conditional choice, say) are another matter: this is about the error.
  const found = problemsOf(scenario).filter((p) => p.severity === 'error');
  const matcher = typeof message === 'string' ? message : expect.stringMatching(message);
  expect(found).toEqual([{ severity: 'error', pointer, message: matcher }]);
  expect(found[0]?.message).toMatch(HAN);
}

const undeclared = (what: string, id: string, where: string) =>
  `${what}「${id}」没有在 ${where} 里声明：补上它，或改成已声明的${what} id。`;
const region = (id = 'ghost') => undeclared('地区', id, 'regions');
const actor = (id = 'ghost') => undeclared('主体', id, 'actors');
const power = (id = 'ghost') => undeclared('权力', id, 'powers');
const supply = (id = 'ghost') => undeclared('物资', id, 'supplies');
const reference = (id = 'ghost') => undeclared('依据', id, 'references');

const home = base.regions?.[0] as Region;
const next = base.regions?.[1] as Region;

describe('lint: the world', () => {
  it('accepts the base drill with no problems at all', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  describe('undeclared names in the world’s own declarations', () => {
    it.each<[string, Scenario, string, string]>([
      [
        'a neighbour',
        { ...base, regions: [{ ...home, neighbours: ['ghost'] }, next] },
        '/regions/0/neighbours/0',
        region(),
      ],
      [
        'a supply stocked in a region',
        { ...base, regions: [home, { ...next, supplies: { masks: 1, ghost: 2 } }] },
        '/regions/1/supplies/ghost',
        supply(),
      ],
      [
        'a region travel links',
        { ...base, travel: [{ between: ['home', 'ghost'], perDay: 10 }] },
        '/travel/0/between/1',
        region(),
      ],
      [
        'a region the epidemic is seeded in',
        {
          ...base,
          epidemic: {
            initial: [
              { region: 'home', infectious: 1 },
              { region: 'ghost', infectious: 1 },
            ],
          },
        },
        '/epidemic/initial/1/region',
        region(),
      ],
      [
        'a holder of a power',
        { ...base, powers: [fakePower({ holders: ['province', 'ghost'] })] },
        '/powers/0/holders/1',
        actor(),
      ],
      [
        'the actor to report to',
        { ...base, powers: [fakePower({ report: { to: 'ghost', within: '0m' } })] },
        '/powers/0/report/to',
        actor(),
      ],
      [
        'a reference for the duty to report',
        { ...base, powers: [fakePower({ report: { to: 'province', within: '0m', refs: ['ghost'] } })] },
        '/powers/0/report/refs/0',
        reference(),
      ],
      [
        'the basis of a power',
        { ...base, powers: [fakePower({ basis: ['ghost'] })] },
        '/powers/0/basis/0',
        reference(),
      ],
      ['the role actor', { ...base, roleActor: 'ghost' }, '/roleActor', actor()],
      ['the role region', { ...base, roleRegion: 'ghost' }, '/roleRegion', region()],
      [
        'a reference of a scoring rule',
        { ...base, scoring: { rules: { intercept: { refs: ['law-1', 'ghost'] } } } },
        '/scoring/rules/intercept/refs/1',
        reference(),
      ],
    ])('reports %s', (_, scenario, pointer, message) => {
      expectOneError(scenario, pointer, message);
    });
  });

  describe('undeclared names in a choice', () => {
    it.each<[string, Partial<Choice>, string, string]>([
      ['the power it exercises', { power: 'ghost' }, '/nodes/0/choices/0/power', power()],
      [
        'the power it asks for',
        { requests: { power: 'ghost', from: 'province', after: '1h' } },
        '/nodes/0/choices/0/requests/power',
        power(),
      ],
      [
        'the actor it asks',
        { requests: { power: 'lockdown', from: 'ghost', after: '1h' } },
        '/nodes/0/choices/0/requests/from',
        actor(),
      ],
      [
        'a region in the condition of a request',
        {
          requests: {
            power: 'lockdown',
            from: 'province',
            after: '1h',
            when: { metric: 'cases', region: 'ghost', op: '>', value: 1 },
          },
        },
        '/nodes/0/choices/0/requests/when/region',
        region(),
      ],
      [
        'a region in what a measure needs',
        { needs: { when: { metric: 'cases', region: 'ghost', op: '>', value: 1 } } },
        '/nodes/0/choices/0/needs/when/region',
        region(),
      ],
      [
        'a reference of what a measure needs',
        { needs: { when: { after: '1h' }, refs: ['ghost'] } },
        '/nodes/0/choices/0/needs/refs/0',
        reference(),
      ],
    ])('reports %s', (_, choice, pointer, message) => {
      expectOneError(withChoice(choice), pointer, message);
    });
  });

  describe('undeclared names in a condition', () => {
    it.each<[string, Condition, string, string]>([
      ['a metric’s region', { metric: 'deaths', region: 'ghost', op: '>', value: 0 }, '/region', region()],
      [
        'a metric’s supply',
        { metric: 'supply', region: 'home', supply: 'ghost', op: '<', value: 5 },
        '/supply',
        supply(),
      ],
      ['the power authorised', { authorised: 'ghost' }, '/authorised', power()],
      [
        'a name nested in all / not',
        { all: [{ after: '1h' }, { not: { authorised: 'ghost' } }] },
        '/all/1/not/authorised',
        power(),
      ],
    ])('reports %s in a choice’s when and a branch’s when', (_, when, tail, message) => {
      expectOneError(withChoice({ when }), `/nodes/0/choices/0/when${tail}`, message);
      expectOneError(
        withChoice({ next: [{ when, to: 'end' }, { to: 'end' }] }),
        `/nodes/0/choices/0/next/0/when${tail}`,
        message,
      );
    });

    it('reports a supply metric that names no supply', () => {
      expectOneError(
        withChoice({ when: { metric: 'supply', region: 'home', op: '<', value: 5 } }),
        '/nodes/0/choices/0/when/supply',
        'metric 为 supply 时要写明 supply（物资 id）。',
      );
    });

    it('reports a region metric in a drill without regions', () => {
      expectOneError(
        fakeScenario({
          nodes: [
            fakeDecision({ choices: [fakeChoice({ when: { metric: 'cases', op: '>', value: 1 } })] }),
            fakeEnding(),
          ],
        }),
        '/nodes/0/choices/0/when/metric',
        '「cases」是地区的量，但这个演练没有声明 regions。',
      );
    });

    it('accepts the metrics that need no region in a drill without regions', () => {
      const when: Condition = {
        all: [
          { metric: 'responseLevel', op: '>=', value: 1 },
          { metric: 'violations', op: '==', value: 0 },
        ],
      };
      expect(
        problemsOf(
          fakeScenario({
            nodes: [fakeDecision({ choices: [fakeChoice({ when }), fakeChoice({ id: 'c2' })] }), fakeEnding()],
          }),
        ),
      ).toEqual([]);
    });
  });

  describe('undeclared names in a measure', () => {
    it.each<[string, Measure, string, string]>([
      ['contact', { type: 'contact', region: 'ghost', factor: 0.5 }, '/region', region()],
      ['isolation', { type: 'isolation', region: 'ghost', share: 0.5 }, '/region', region()],
      ['beds', { type: 'beds', region: 'ghost', add: 5, after: '1d' }, '/region', region()],
      ['trust', { type: 'trust', region: 'ghost', add: 5 }, '/region', region()],
      ['supply (region)', { type: 'supply', region: 'ghost', supply: 'masks', add: 5 }, '/region', region()],
      ['supply (supply)', { type: 'supply', region: 'home', supply: 'ghost', add: 5 }, '/supply', supply()],
      ['travel', { type: 'travel', between: ['ghost', 'home'], factor: 0 }, '/between/0', region()],
      [
        'ship (supply)',
        { type: 'ship', id: 's1', supply: 'ghost', amount: 1, from: 'home', to: 'next', takes: '1d' },
        '/supply',
        supply(),
      ],
      [
        'ship (to)',
        { type: 'ship', id: 's1', supply: 'masks', amount: 1, from: 'home', to: 'ghost', takes: '1d' },
        '/to',
        region(),
      ],
      ['notify', { type: 'notify', regions: ['next', 'ghost'] }, '/regions/1', region()],
      ['roads (region)', { type: 'roads', region: 'ghost', from: 'home', open: false }, '/region', region()],
      ['roads (from)', { type: 'roads', region: 'next', from: 'ghost', open: false }, '/from', region()],
      [
        'ship (via)',
        { type: 'ship', id: 's1', supply: 'masks', amount: 1, from: 'home', to: 'next', via: ['ghost'], takes: '1d' },
        '/via/0',
        region(),
      ],
      [
        'road (between)',
        { type: 'road', name: '乡道X203', between: ['home', 'ghost'], share: 0.1, open: false },
        '/between/1',
        region(),
      ],
    ])('reports %s, in a choice and in an inject', (_, measure, tail, message) => {
      expectOneError(withChoice({ world: [measure] }), `/nodes/0/choices/0/world/0${tail}`, message);
      expectOneError({ ...base, injects: [fakeInject({ world: [measure] })] }, `/injects/0/world/0${tail}`, message);
    });

    it('accepts a shipment from a region outside the drill', () => {
      const ship: Measure = {
        type: 'ship',
        id: 's1',
        supply: 'masks',
        amount: 1,
        from: 'capital',
        to: 'home',
        takes: '1d',
      };
      expect(problemsOf(withChoice({ world: [ship] }))).toEqual([]);
    });

    it('reports a measure on regions in a drill without regions', () => {
      expectOneError(
        fakeScenario({
          nodes: [
            fakeDecision({ choices: [fakeChoice({ world: [{ type: 'contact', region: 'home', factor: 0.5 }] })] }),
            fakeEnding(),
          ],
        }),
        '/nodes/0/choices/0/world/0/type',
        '措施「contact」作用于地区，但这个演练没有声明 regions。',
      );
      const levels = fakeScenario({
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                world: [
                  { type: 'level', level: 2 },
                  { type: 'policy', contact: 0.5 },
                ],
              }),
            ],
          }),
          fakeEnding(),
        ],
      });
      expect(problemsOf(levels)).toEqual([]);
    });
  });

  describe('shipments', () => {
    const ship: Measure = {
      type: 'ship',
      id: 's1',
      supply: 'masks',
      amount: 5,
      from: 'capital',
      to: 'next',
      takes: '1d',
    };

    it.each(['intercept', 'release'] as const)('reports a %s of a shipment no measure sends', (type) => {
      expectOneError(
        withChoice({ world: [{ type, shipment: 'ghost' }] }),
        '/nodes/0/choices/0/world/0/shipment',
        '没有哪项 ship 措施发出过物资批次「ghost」：检查批次 id。',
      );
    });

    it('accepts stopping a shipment that an inject sends through the trainee’s region', () => {
      const scenario = withChoice(
        { world: [{ type: 'intercept', shipment: 's1' }] },
        { ...base, injects: [fakeInject({ world: [{ ...ship, via: ['home'] }] })] },
      );
      expect(problemsOf(scenario)).toEqual([]);
    });

    it('reports an interception without a role region to take the goods', () => {
      const scenario = withChoice(
        { world: [ship, { type: 'intercept', shipment: 's1' }] },
        { ...base, roleRegion: undefined },
      );
      expectOneError(scenario, '/nodes/0/choices/0/world/1/type', '截留的物资要归学员所在地区：请声明 roleRegion。');
    });

    it('reports a road closure that says neither from where nor whose region the trainee runs', () => {
      expectOneError(
        withChoice({ world: [{ type: 'roads', region: 'next', open: false }] }, { ...base, roleRegion: undefined }),
        '/nodes/0/choices/0/world/0/from',
        '写明 from（哪个地区关闭道路），或声明 roleRegion。',
      );
    });
  });

  describe('injects', () => {
    it('reports an inject with neither at nor when', () => {
      expectOneError(
        { ...base, injects: [fakeInject({ at: undefined })] },
        '/injects/0',
        '插入事件要写 at（何时发生）或 when（什么条件下发生），或两者都写。',
      );
    });

    it('reports an inject that opens an ending', () => {
      expectOneError(
        { ...base, injects: [fakeInject({ opens: 'end' })] },
        '/injects/0/opens',
        '插入事件只能打开决策节点，「end」是结局。',
      );
    });

    it('reports an inject that opens a node that does not exist', () => {
      expectOneError(
        { ...base, injects: [fakeInject({ opens: 'ghost' })] },
        '/injects/0/opens',
        undeclared('节点', 'ghost', 'nodes'),
      );
    });

    it('checks an inject’s condition and effects', () => {
      expectOneError(
        { ...base, injects: [fakeInject({ when: { metric: 'cases', region: 'ghost', op: '>', value: 1 } })] },
        '/injects/0/when/region',
        region(),
      );
      expectOneError(
        { ...base, injects: [fakeInject({ effects: [{ op: 'add', var: 'panic', value: 1 }] })] },
        '/injects/0/effects/0/var',
        /^变量「panic」没有声明/,
      );
    });

    it('warns that an inject at minute 0 opens nothing at the start', () => {
      const scenario = {
        ...base,
        nodes: [
          fakeDecision({ choices: [fakeChoice()] }),
          fakeDecision({ id: 'crisis', choices: [fakeChoice({ id: 'back', next: '$return' })] }),
          fakeEnding(),
        ],
        injects: [fakeInject({ at: '0m', opens: 'crisis' })],
      };
      expect(problemsOf(scenario)).toEqual([
        {
          severity: 'warning',
          pointer: '/injects/0/at',
          message: '开局时刻的插入事件要等第一个决定之后才会打开节点：如想一开始就出现，把这个节点设为 start。',
        },
      ]);
      expect(load(JSON.stringify(scenario)).ok).toBe(true);
    });

    it('counts a node an inject opens as reachable', () => {
      const scenario = {
        ...base,
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: 'n1' })] }),
          fakeDecision({ id: 'crisis', choices: [fakeChoice({ id: 'out', next: 'end' })] }),
          fakeEnding(),
        ],
        injects: [fakeInject({ opens: 'crisis' })],
      };
      // Reachable, so no "never reached" warning; n1 loops until the inject opens the way out, which lint points out.
      expect(problemsOf(scenario)).toEqual([
        {
          severity: 'warning',
          pointer: '/nodes/0/id',
          message: '从节点「n1」出发，只有插入事件打开别的节点才能走向结局：确认这是有意的。',
        },
      ]);
    });
  });

  describe('"$return"', () => {
    const crisis = fakeDecision({ id: 'crisis', choices: [fakeChoice({ id: 'back', next: '$return' })] });

    it('is accepted in a node an inject opens', () => {
      const scenario = {
        ...base,
        nodes: [fakeDecision(), crisis, fakeEnding()],
        injects: [fakeInject({ opens: 'crisis' })],
      };
      expect(problemsOf(scenario)).toEqual([]);
    });

    it('is reported in a node no inject opens, at the next or at the branch', () => {
      const stray = fakeDecision({ choices: [fakeChoice({ next: '$return' }), fakeChoice({ id: 'c2' })] });
      expectOneError(
        { ...base, nodes: [stray, fakeEnding()] },
        '/nodes/0/choices/0/next',
        '"$return" 只能用在插入事件打开的节点里：这里请写一个节点 id。',
      );
      expectOneError(
        withChoice({ next: [{ when: { after: '1h' }, to: '$return' }, { to: 'end' }] }),
        '/nodes/0/choices/0/next/0/to',
        '"$return" 只能用在插入事件打开的节点里：这里请写一个节点 id。',
      );
    });
  });

  describe('a node that "$return"s, entered without an inject', () => {
    const crisis = fakeDecision({ id: 'crisis', choices: [fakeChoice({ id: 'back', next: '$return' })] });
    const entered = '节点「crisis」用 "$return" 回到插入事件打断之前的去向，只能由插入事件打开：这里请改去别的节点。';

    it('[regression] is reported at the choice that leads into it (the run would have nowhere to return to)', () => {
      const look = fakeDecision({ choices: [fakeChoice({ id: 'look', next: 'crisis' }), fakeChoice({ id: 'fin' })] });
      expectOneError(
        { ...base, nodes: [look, crisis, fakeEnding()], injects: [fakeInject({ opens: 'crisis' })] },
        '/nodes/0/choices/0/next',
        entered,
      );
    });

    it('is reported through another opened node that leads to it', () => {
      const brief = fakeDecision({ id: 'brief', choices: [fakeChoice({ id: 'on', next: 'crisis' })] });
      const look = fakeDecision({
        choices: [fakeChoice({ id: 'look', next: [{ when: { after: '1h' }, to: 'brief' }, { to: 'end' }] })],
      });
      const scenario = {
        ...base,
        nodes: [look, brief, crisis, fakeEnding()],
        injects: [fakeInject({ opens: 'brief' }), fakeInject({ id: 'i2', opens: 'crisis' })],
      };
      expectOneError(scenario, '/nodes/0/choices/0/next/0/to', entered.replace('crisis', 'brief'));
    });

    it('is reported as the start node', () => {
      const scenario = {
        ...base,
        start: 'crisis',
        nodes: [fakeDecision(), crisis, fakeEnding()],
        injects: [fakeInject({ opens: 'crisis' })],
      };
      const found = problemsOf(scenario);
      expect(found).toContainEqual({ severity: 'error', pointer: '/start', message: entered });
    });

    it('is accepted from another node an inject opens, which has somewhere to return to', () => {
      const brief = fakeDecision({ id: 'brief', choices: [fakeChoice({ id: 'on', next: 'crisis' })] });
      const scenario = {
        ...base,
        nodes: [fakeDecision(), brief, crisis, fakeEnding()],
        injects: [fakeInject({ opens: 'brief' }), fakeInject({ id: 'i2', at: '2d', opens: 'crisis' })],
      };
      expect(problemsOf(scenario)).toEqual([]);
    });
  });

  describe('the shape of the world', () => {
    it('reports powers without a role actor', () => {
      expectOneError(
        { ...base, roleActor: undefined },
        '/roleActor',
        '声明了 powers 就要写明 roleActor（学员代表哪个主体），才能判断是否越权。',
      );
    });

    it('reports an epidemic without regions', () => {
      expectOneError(
        fakeScenario({ epidemic: { initial: [] } }),
        '/epidemic',
        '有传染病模型就要声明 regions（地区）。',
      );
    });

    it('reports more people seeded than live in the region', () => {
      const scenario = {
        ...base,
        epidemic: { initial: [{ region: 'next', exposed: 25_000, infectious: 20_000, recovered: 5_000, dead: 1 }] },
      };
      expectOneError(scenario, '/epidemic/initial/0', '开局感染情况合计 50001 人，超过了临江市的人口 50000。');
      expect(problemsOf({ ...scenario, epidemic: { initial: [{ region: 'next', infectious: 50_000 }] } })).toEqual([]);
    });

    it('reports a region that neighbours itself', () => {
      expectOneError(
        { ...base, regions: [home, { ...next, neighbours: ['home', 'next'] }] },
        '/regions/1/neighbours/1',
        '地区不能与自己相邻。',
      );
    });

    it('reports travel from a region to itself', () => {
      expectOneError(
        { ...base, travel: [{ between: ['next', 'next'], perDay: 10 }] },
        '/travel/0/between',
        '往来的两端不能是同一个地区。',
      );
    });

    it.each<[string, Partial<Scenario>, string, string]>([
      ['regions', { regions: [home, next, fakeRegion({ name: '另一个' })] }, '/regions/2/id', '地区 id「home」重复了'],
      [
        'supplies',
        { supplies: [...(base.supplies ?? []), ...(base.supplies ?? [])] },
        '/supplies/1/id',
        '物资 id「masks」重复了',
      ],
      [
        'actors',
        { actors: [...(base.actors ?? []), { id: 'city', name: '重复' }] },
        '/actors/2/id',
        '主体 id「city」重复了',
      ],
      ['powers', { powers: [fakePower(), fakePower()] }, '/powers/1/id', '权力 id「lockdown」重复了'],
      ['injects', { injects: [fakeInject(), fakeInject()] }, '/injects/1/id', '插入事件 id「i1」重复了'],
    ])('reports duplicate %s at the second', (_, overrides, pointer, start) => {
      expectOneError({ ...base, ...overrides }, pointer, new RegExp(`^${start}：.*请改名。$`));
    });

    it('warns of a power without a legal basis', () => {
      expect(problemsOf({ ...base, powers: [fakePower({ basis: [] })] })).toEqual([
        {
          severity: 'warning',
          pointer: '/powers/0/basis',
          message: '权力「实施区域封锁」没有写法律依据：在 basis 里引用条文。',
        },
        // With no basis, the law it would have cited is cited by nothing.
        {
          severity: 'warning',
          pointer: '/references/0/id',
          message: expect.stringMatching(/^依据「law-1」没有被任何评分/),
        },
      ]);
    });
  });

  it('reports every world problem at once, in file order', () => {
    const scenario: Scenario = {
      ...base,
      regions: [{ ...home, neighbours: ['home'] }, next],
      roleActor: 'ghost',
      injects: [fakeInject({ at: undefined })],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ power: 'ghost', next: '$return' }), fakeChoice({ id: 'c2' })] }),
        fakeEnding(),
      ],
    };
    expect(problemsOf(scenario).map((p) => p.pointer)).toEqual([
      '/regions/0/neighbours/0',
      '/roleActor',
      '/injects/0',
      '/nodes/0/choices/0/power',
      '/nodes/0/choices/0/next',
    ]);
  });
});

describe('lint: what only a trainee can do', () => {
  it('requires an inject that closes roads to say which region closes them', () => {
    const found = lint(
      fakeWorldScenario({
        injects: [fakeInject({ at: '1h', world: [{ type: 'roads', region: 'next', open: false }] })],
      }),
    );
    expect(found).toContainEqual({
      severity: 'error',
      pointer: '/injects/0/world/0/from',
      message: '插入事件关闭或恢复道路时要写明 from（是哪个地区）。',
    });
  });
});

describe('lint: powers by law year', () => {
  const twoYears = (powers: Scenario['powers'], legalFramework = 2025) =>
    fakeWorldScenario({
      legalFramework,
      roleActor: 'commission',
      actors: [{ id: 'commission', name: '卫健委' }],
      powers,
    });

  it('accepts one entry of a power per range of law years', () => {
    const found = lint(
      twoYears([
        { id: 'p', name: '权力', holders: ['commission'], basis: [], until: 2025 },
        { id: 'p', name: '权力', holders: ['commission'], basis: [], from: 2025 },
      ]),
    ).filter((p) => p.severity === 'error');
    expect(found).toEqual([]);
  });

  it('refuses two entries of a power in force for the same year', () => {
    const found = lint(
      twoYears([
        { id: 'p', name: '权力', holders: ['commission'], basis: [] },
        { id: 'p', name: '权力', holders: ['commission'], basis: [], from: 2020 },
      ]),
    );
    expect(found).toContainEqual({
      severity: 'error',
      pointer: '/powers/1/id',
      message: '权力 id「p」重复了：每个权力的 id 必须唯一，请改名。',
    });
  });

  it('refuses a choice that exercises a power not in force in the drill’s year', () => {
    const scenario = twoYears([{ id: 'p', name: '权力', holders: ['commission'], basis: [], until: 2020 }]);
    const withChoice = {
      ...scenario,
      nodes: scenario.nodes.map((n) =>
        n.kind === 'decision' ? { ...n, choices: n.choices.map((c) => ({ ...c, power: 'p' })) } : n,
      ),
    };
    expect(lint(withChoice)).toContainEqual({
      severity: 'error',
      pointer: '/nodes/0/choices/0/power',
      message: '权力「p」没有适用于 2025 年法律的一条：检查它的 from/until，或演练的 legalFramework。',
    });
  });
});

describe('lint: authorisation and the outcome weight', () => {
  it('refuses a request for authorisation from an actor who does not hold the power', () => {
    const scenario = fakeWorldScenario({
      roleActor: 'commission',
      actors: [
        { id: 'commission', name: '卫健委' },
        { id: 'city', name: '市政府' },
        { id: 'province', name: '省政府' },
      ],
      powers: [{ id: 'p', name: '封锁', holders: ['province'], basis: [] }],
    });
    const asking = {
      ...scenario,
      nodes: scenario.nodes.map((n) =>
        n.kind === 'decision'
          ? { ...n, choices: n.choices.map((c) => ({ ...c, requests: { power: 'p', from: 'city', after: '1h' } })) }
          : n,
      ),
    };
    expect(lint(asking)).toContainEqual({
      severity: 'error',
      pointer: '/nodes/0/choices/0/requests/from',
      message: '「city」并不享有「封锁」，无法授权：改为向 holders 中的主体请求。',
    });
  });

  describe('a power no one in the drill holds (holders: [])', () => {
    const nobody = { ...base, powers: [fakePower({ holders: [] })] };

    it('lets a choice exercise it without a warning: the 越权 a drill may set as a trap, charged by the engine', () => {
      expect(problemsOf(withChoice({ power: 'lockdown' }, nobody))).toEqual([]);
    });

    it('says a request for it can never be granted, once, in place of "does not hold it"', () => {
      const found = problemsOf(withChoice({ requests: { power: 'lockdown', from: 'province', after: '1h' } }, nobody));
      expect(found).toEqual([
        {
          severity: 'error',
          pointer: '/nodes/0/choices/0/requests/from',
          message: expect.stringMatching(/没有谁能批准它，这个请求永远不会获批/),
        },
      ]);
    });

    it('warns that a condition on its authorisation never holds', () => {
      const found = problemsOf(withChoice({ when: { authorised: 'lockdown' } }, nobody));
      expect(found).toContainEqual({
        severity: 'warning',
        pointer: '/nodes/0/choices/0/when',
        message: expect.stringMatching(/“authorised”永远不会成立/),
      });
    });

    it('says nothing of a power someone holds', () => {
      expect(problemsOf(withChoice({ power: 'lockdown' }))).toEqual([]);
    });
  });

  it('refuses a negative outcome weight, which would reward delay', () => {
    const found = lint(fakeWorldScenario({ scoring: { rules: { outcome: { delta: -30 } } } }));
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/scoring/rules/outcome/delta' }));
  });
});

describe('lint: the drill as a graph, and ranges', () => {
  const drill = (nodes: Scenario['nodes'], extra: Partial<Scenario> = {}) => fakeScenario({ nodes, ...extra });

  it('warns of a node no play can reach', () => {
    expect(problemsOf(drill([fakeDecision(), fakeEnding(), fakeEnding({ id: 'lost' })]))).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/2/id',
        message: '结局「lost」从开局出发永远到不了：让某个选项的 next 指向它，或删去它。',
      },
    ]);
  });

  it('refuses a node from which no ending can be reached', () => {
    const trap = fakeDecision({ id: 'trap', choices: [fakeChoice({ next: 'trap' })] });
    const found = problemsOf(
      drill([
        fakeDecision({ choices: [fakeChoice({ id: 'a', next: 'end' }), fakeChoice({ id: 'b', next: 'trap' })] }),
        trap,
        fakeEnding(),
      ]),
    );
    expect(found).toContainEqual({
      severity: 'error',
      pointer: '/nodes/1/id',
      message: '从节点「trap」出发到不了任何结局，学员会被困住：让某个选项通向结局。',
    });
  });

  it('warns of a condition that can never hold given the variable’s range', () => {
    const found = problemsOf(
      drill(
        [
          fakeDecision({
            choices: [
              fakeChoice({ next: [{ when: { var: 'cases', op: '>', value: 500 }, to: 'end' }, { to: 'end' }] }),
            ],
          }),
          fakeEnding(),
        ],
        { variables: [fakeNumberVar({ id: 'cases', min: 0, max: 100 })] },
      ),
    );
    expect(found).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/choices/0/next/0/when',
        message: '变量「cases」的范围是 0–100，“> 500”永远不会成立：检查数值或变量范围。',
      },
    ]);
  });

  it('warns of a value set outside the variable’s range, instead of clamping it quietly', () => {
    const found = problemsOf(
      drill(
        [fakeDecision({ choices: [fakeChoice({ effects: [{ op: 'set', var: 'cases', value: 150 }] })] }), fakeEnding()],
        {
          variables: [fakeNumberVar({ id: 'cases', min: 0, max: 100, visible: true })],
        },
      ),
    );
    expect(found).toEqual([
      {
        severity: 'warning',
        pointer: '/nodes/0/choices/0/effects/0/value',
        message: '150 超出变量「cases」的范围 0–100，运行时会被截到范围内。',
      },
    ]);
  });
});

describe('lint: the duty to report', () => {
  const holding = loadable(
    fakeWorldScenario({
      references: [fakeLaw()],
      powers: [fakePower({ holders: ['province', 'city'], report: { to: 'province', within: '0m' } })],
    }),
  );

  it('accepts a power with a duty that some choice reports', () => {
    expect(problemsOf(withChoice({ power: 'lockdown', reports: ['lockdown'] }, holding))).toEqual([]);
  });

  it('warns when a power with a duty is exercised and no choice ever reports it', () => {
    expect(problemsOf(withChoice({ power: 'lockdown' }, holding))).toEqual([
      {
        severity: 'warning',
        pointer: '/powers/0/report',
        message: expect.stringContaining('没有哪个选项报告它'),
      },
    ]);
  });

  it('refuses a report of a power that has no duty to report, or of no declared power', () => {
    expectOneError(withChoice({ reports: ['lockdown'] }), '/nodes/0/choices/0/reports/0', /没有报告义务/);
    expectOneError(withChoice({ reports: ['ghost'] }), '/nodes/0/choices/0/reports/0', power());
  });
});

describe('lint: an ending’s details', () => {
  it('checks the condition of each paragraph like any other', () => {
    const scenario = {
      ...base,
      nodes: [
        fakeDecision(),
        fakeEnding({ details: [{ when: { var: 'ghost', op: '==', value: true }, text: '你……' }] }),
      ],
    };
    expect(
      problemsOf(scenario)
        .filter((p) => p.severity === 'error')
        .map((p) => p.pointer),
    ).toEqual(['/nodes/1/details/0/when/var']);
  });
});

describe('lint: a situation set for a later time', () => {
  it('warns that "at" on the start node does nothing', () => {
    const scenario = { ...base, nodes: [fakeDecision({ at: '1d' }), fakeEnding()] };
    expect(problemsOf(scenario)).toEqual([
      { severity: 'warning', pointer: '/nodes/0/at', message: expect.stringContaining('它的 at 不起作用') },
    ]);
  });

  it('warns that "at" on a node only an inject opens does nothing', () => {
    const scenario = {
      ...base,
      injects: [fakeInject({ id: 'call', at: '1h', opens: 'crisis' })],
      nodes: [
        fakeDecision({ choices: [fakeChoice({ next: 'end' })] }),
        fakeDecision({ id: 'crisis', at: '2d', choices: [fakeChoice({ next: '$return' })] }),
        fakeEnding(),
      ],
    };
    expect(problemsOf(scenario)).toEqual([
      { severity: 'warning', pointer: '/nodes/1/at', message: expect.stringContaining('只由插入事件打开') },
    ]);
  });

  it('accepts "at" on a later node', () => {
    const scenario = {
      ...base,
      nodes: [
        fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
        fakeDecision({ id: 'n2', at: '1d', choices: [fakeChoice({ next: 'end' })] }),
        fakeEnding(),
      ],
    };
    expect(problemsOf(scenario)).toEqual([]);
  });
});

describe('lint: a request to the level above and its answer', () => {
  const actors = [...(base.actors ?? []), { id: 'prefecture', name: '临江地区行政公署' }];
  const withActors = { ...base, actors };
  const ask = (requests: NonNullable<Choice['requests']>, injects: Scenario['injects'] = []) => ({
    ...withChoice({ requests }, withActors),
    injects,
  });
  const warnings = (scenario: Scenario) => problemsOf(scenario).filter((p) => p.severity === 'warning');
  const answer = (when?: Condition) =>
    fakeInject({ id: 'reply', at: '1d', when, decides: { power: 'lockdown', granted: true } });

  it('accepts a request through an intermediary, answered by an inject once it is asked', () => {
    const scenario = ask({ power: 'lockdown', from: 'province', via: ['prefecture'] }, [
      answer({ all: [{ requested: 'lockdown' }, { after: '1h' }] }),
    ]);
    expect(problemsOf(scenario)).toEqual([]);
  });

  it.each<[string, string[], RegExp]>([
    ['the actor who decides', ['province'], /是作决定的主体（from），不是转报的/],
    ['the trainee', ['city'], /是学员自己（roleActor）/],
    ['an actor twice', ['prefecture', 'prefecture'], /在 via 里出现了两次/],
  ])('refuses %s among those it passes through', (_, via, message) => {
    const scenario = ask({ power: 'lockdown', from: 'province', via, after: '1h' });
    expectOneError(scenario, `/nodes/0/choices/0/requests/via/${via.length - 1}`, message);
  });

  it('warns of a request no answer can ever reach, and of a condition that needs a time to act', () => {
    expect(warnings(ask({ power: 'lockdown', from: 'province' }))).toEqual([
      expect.objectContaining({
        pointer: '/nodes/0/choices/0/requests',
        message: expect.stringMatching(/永远等不到答复/),
      }),
    ]);
    expect(
      warnings(
        ask({ power: 'lockdown', from: 'province', when: { after: '1d' } }, [answer({ requested: 'lockdown' })]),
      ),
    ).toEqual([
      expect.objectContaining({
        pointer: '/nodes/0/choices/0/requests/when',
        message: expect.stringMatching(/when 就不起作用/),
      }),
    ]);
  });

  it('warns of an answer that can come before the request, or to a power no one asks for', () => {
    expect(warnings(ask({ power: 'lockdown', from: 'province' }, [answer({ after: '1h' })]))).toEqual([
      expect.objectContaining({ pointer: '/injects/0/when', message: expect.stringMatching(/在学员请求之前就发生/) }),
    ]);
    expect(warnings({ ...withChoice({}, withActors), injects: [answer({ requested: 'lockdown' })] })).toEqual([
      expect.objectContaining({
        pointer: '/injects/0/decides',
        message: expect.stringMatching(/没有哪个选项请求「lockdown」/),
      }),
    ]);
  });
});
