/**
 * Shipments on a route and named roads: a route along regions that touch, interceptions only by a
 * region on it, a named road on a link with travel. Checked through `load`, at the exact JSON
 * pointer, with the Chinese message.
 */
import { describe, expect, it } from 'vitest';
import {
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeRegion,
  fakeWorldScenario,
  loadable,
} from '../../../test/fake-scenario';
import { load } from '../load';
import type { Problem } from '../problem';
import type { Measure, Scenario } from '../schema';

/** home (the trainee's) and next are neighbours with travel; far touches neither. */
const base = loadable(
  fakeWorldScenario({
    regions: [
      fakeRegion({ neighbours: ['next'], supplies: { masks: 100 } }),
      fakeRegion({ id: 'next', name: '临江市', neighbours: ['home'] }),
      fakeRegion({ id: 'far', name: '远山县' }),
    ],
  }),
);

function withWorld(choice: Measure[], inject: Measure[] = [], scenario: Scenario = base): Scenario {
  return {
    ...scenario,
    nodes: [fakeDecision({ choices: [fakeChoice({ world: choice })] }), fakeEnding()],
    injects: inject.length ? [fakeInject({ world: inject })] : undefined,
  };
}

function problemsOf(scenario: Scenario): Problem[] {
  const result = load(JSON.stringify(scenario));
  return result.ok ? result.warnings : result.problems;
}

const ship = (overrides: Partial<Extract<Measure, { type: 'ship' }>> = {}): Measure => ({
  type: 'ship',
  id: 's1',
  supply: 'masks',
  amount: 5,
  from: 'capital',
  to: 'next',
  takes: '1d',
  ...overrides,
});

const CHOICE = '/nodes/0/choices/0/world';
const INJECT = '/injects/0/world';

describe('lint: a shipment’s route', () => {
  it('accepts a route along neighbours, and one from a region outside the drill', () => {
    expect(problemsOf(withWorld([ship({ from: 'home', to: 'next' })]))).toEqual([]);
    expect(problemsOf(withWorld([ship({ via: ['home'] })]))).toEqual([]);
  });

  it('refuses from or to among the regions passed, and a region passed twice', () => {
    expect(problemsOf(withWorld([ship({ from: 'home', via: ['home'] })]))).toEqual([
      {
        severity: 'error',
        pointer: `${CHOICE}/0/via/0`,
        message: 'via 只写途中经过的地区，不含发出地区（from）和目的地区（to）：删去「home」。',
      },
    ]);
    expect(problemsOf(withWorld([ship({ via: ['home', 'home'] })]))).toEqual([
      { severity: 'error', pointer: `${CHOICE}/0/via/1`, message: '途经地区「home」重复了：路线上每个地区只写一次。' },
    ]);
  });

  it('warns of each step of the route between regions that neither touch nor have travel, naming the pair', () => {
    const found = problemsOf(withWorld([ship({ from: 'home', via: ['far'] })]));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: `${CHOICE}/0/via`,
        message: expect.stringContaining('滨江市与远山县既不相邻（neighbours），也没有往来（travel）'),
      }),
      expect.objectContaining({
        severity: 'warning',
        pointer: `${CHOICE}/0/via`,
        message: expect.stringContaining('远山县与临江市既不相邻'),
      }),
    ]);
    expect(found[0]?.message).toContain('（滨江市 → 远山县 → 临江市）');
  });

  it('warns of a direct shipment between regions that do not touch, at its destination', () => {
    expect(problemsOf(withWorld([ship({ from: 'home', to: 'far' })]))).toEqual([
      expect.objectContaining({ severity: 'warning', pointer: `${CHOICE}/0/to` }),
    ]);
  });

  it('counts travel between two regions as a way between them', () => {
    const linked = {
      ...base,
      travel: [...(base.travel ?? []), { between: ['far', 'next'] as [string, string], perDay: 10 }],
    };
    expect(problemsOf(withWorld([ship({ from: 'next', to: 'far' })], [], linked))).toEqual([]);
  });
});

describe('lint: who may intercept or let a shipment through', () => {
  it.each(['intercept', 'release'] as const)(
    'refuses a %s in a choice when the trainee’s region is not on the route, saying how to fix it',
    (type) => {
      const found = problemsOf(withWorld([{ type, shipment: 's1' }], [ship()]));
      expect(found).toEqual([
        {
          severity: 'error',
          pointer: `${CHOICE}/0/shipment`,
          message: expect.stringContaining('学员所在的滨江市不在物资批次「s1」的路线上（capital → 临江市）'),
        },
      ]);
      expect(found[0]?.message).toContain('"via": ["home"]');
      expect(found[0]?.message).toContain(type === 'intercept' ? '删去这项截留' : '删去这项放行');
    },
  );

  it('accepts the region the shipment leaves from', () => {
    expect(problemsOf(withWorld([{ type: 'intercept', shipment: 's1' }], [ship({ from: 'home' })]))).toEqual([]);
  });

  it('checks against every route a shipment of that id may take', () => {
    const found = problemsOf(
      withWorld([ship({ via: ['home'] }), { type: 'intercept', shipment: 's1' }], [ship({ from: 'next', to: 'far' })]),
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        pointer: `${CHOICE}/1/shipment`,
        message: expect.stringContaining('的路线上（临江市 → 远山县）'),
      }),
      // next → far do not touch: the route itself is warned of.
      expect.objectContaining({ severity: 'warning', pointer: `${INJECT}/0/to` }),
    ]);
  });

  it('refuses by in a choice naming another region: a choice acts for the trainee', () => {
    expect(problemsOf(withWorld([{ type: 'release', shipment: 's1', by: 'next' }], [ship({ via: ['home'] })]))).toEqual(
      [
        {
          severity: 'error',
          pointer: `${CHOICE}/0/by`,
          message:
            '选项里的放行总是以学员所在地区（roleRegion）的名义进行：删去 by。by 只用于插入事件，写明是哪个地区放行。',
        },
      ],
    );
  });

  it('requires an inject that intercepts to name the region in by, on the route', () => {
    const sent = ship({ via: ['home', 'next'], to: 'far' });
    // home → next touch; next → far do not, which is warned of apart.
    const route = (found: Problem[]) => found.filter((p) => p.severity === 'error');
    expect(route(problemsOf(withWorld([sent], [{ type: 'intercept', shipment: 's1', by: 'next' }])))).toEqual([]);
    expect(route(problemsOf(withWorld([sent], [{ type: 'intercept', shipment: 's1' }])))).toEqual([
      expect.objectContaining({
        pointer: `${INJECT}/0/by`,
        message: expect.stringMatching(/^插入事件截留物资要写明 by/),
      }),
    ]);
    expect(route(problemsOf(withWorld([ship()], [{ type: 'intercept', shipment: 's1', by: 'next' }])))).toEqual([
      expect.objectContaining({
        pointer: `${INJECT}/0/by`,
        message: expect.stringMatching(/^临江市不在物资批次「s1」的路线上/),
      }),
    ]);
  });

  it('accepts an inject’s release that names no region: cleared from above, along the whole route', () => {
    expect(problemsOf(withWorld([ship()], [{ type: 'release', shipment: 's1' }]))).toEqual([]);
  });
});

describe('lint: a named road', () => {
  const road = (overrides: Partial<Extract<Measure, { type: 'road' }>> = {}): Measure => ({
    type: 'road',
    name: '乡道X203（石桥村段）',
    between: ['home', 'next'],
    share: 0.1,
    open: false,
    ...overrides,
  });

  it('accepts a road on a link with travel, in a choice and in an inject', () => {
    expect(problemsOf(withWorld([road()], [road({ between: ['next', 'home'], open: true })]))).toEqual([]);
  });

  it('refuses a share of 0, and a road between a region and itself', () => {
    expect(problemsOf(withWorld([road({ share: 0 })]))).toEqual([
      {
        severity: 'error',
        pointer: `${CHOICE}/0/share`,
        message: '道路「乡道X203（石桥村段）」的 share 要大于 0：写它承担两地往来的比例，如 0.1 表示约一成。',
      },
    ]);
    expect(problemsOf(withWorld([road({ between: ['home', 'home'] })]))).toEqual([
      {
        severity: 'error',
        pointer: `${CHOICE}/0/between`,
        message: '道路「乡道X203（石桥村段）」的两端不能是同一个地区。',
      },
    ]);
  });

  it('refuses a road between regions with no travel declared', () => {
    expect(problemsOf(withWorld([road({ between: ['home', 'far'] })]))).toEqual([
      {
        severity: 'error',
        pointer: `${CHOICE}/0/between`,
        message:
          '滨江市与远山县之间没有声明往来（travel），道路「乡道X203（石桥村段）」没有往来可断：先在 travel 里写明两地每天的往来人数。',
      },
    ]);
  });

  it('refuses a share above 1 and a name over 30 characters by the format', () => {
    const found = problemsOf(withWorld([road({ share: 1.5, name: '长'.repeat(31) })]));
    expect(found.map((p) => p.pointer).sort()).toEqual([`${CHOICE}/0/name`, `${CHOICE}/0/share`]);
  });
});
