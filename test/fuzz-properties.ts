/**
 * Fuzzing `load` and the engine (issue 5, "nothing lost, nothing injected"): drill files built from
 * the schema's pieces (valid ones often), real drills mutated, and noise. The property, for each:
 * `load` returns (no exception, no hang); a refused file has problems each with a JSON pointer and
 * a message in Chinese; an accepted drill plays — a few seeded random runs of at most
 * MAX_PLAY_DECISIONS decisions — without an exception, each decision moving the run one node on;
 * and no built-in prototype, nor the prototype of anything loaded, changes.
 *
 * Shared by test/fuzz.test.ts (a seeded few hundred cases in `npm test`) and scripts/fuzz.ts
 * (`npm run fuzz -- --runs 10000`). Plain throws, no vitest: the script runs it too.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { debrief } from '../src/engine/debrief';
import { choose, currentDecision, offeredChoices, start } from '../src/engine/run';
import { type DrillEvent, type RunState, TIMEOUT } from '../src/engine/types';
import { load } from '../src/scenario/load';
import type { Scenario } from '../src/scenario/schema';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A run of an accepted drill stops after this many decisions (drills may loop). */
export const MAX_PLAY_DECISIONS = 200;
/** Random runs played of each accepted drill. */
export const PLAYS_PER_DRILL = 3;

export type CaseKind = 'generated' | 'mutated' | 'noise';
export interface FuzzCase {
  kind: CaseKind;
  text: string;
  /** Seeds the random runs of an accepted drill. */
  seed: number;
}

export const realDrills: Record<string, Json> = Object.fromEntries(
  ['early-warning.json', 'template.json'].map((name) => [
    name,
    JSON.parse(readFileSync(new URL(`../scenarios/${name}`, import.meta.url), 'utf8')) as Json,
  ]),
);

// ---------------------------------------------------------------------------------------------
// Generated drills: the schema's pieces, with ids that mostly refer to what is declared.

const HAN_TEXTS = ['立即上报', '等待上级指示', '通知疾控中心', '召开会议研判', '向社会发布预警', '情况有了变化。'];
/**
 * Mostly plausible text; rarely (a drill has dozens of texts, and one bad one refuses it) an
 * empty, odd or over-long one. Mutations bring the rest of the oddity.
 */
const text = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 300, arbitrary: fc.constantFrom(...HAN_TEXTS) },
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', '$return', '<img src=x onerror=alert(1)>') },
    { weight: 1, arbitrary: fc.constantFrom('', '长'.repeat(max + 1)) },
  );

const duration: fc.Arbitrary<string> = fc.oneof(
  { weight: 120, arbitrary: fc.constantFrom('0m', '30m', '40m', '2h', '6h', '12h', '1d', '1.5d', '3d') },
  {
    weight: 20,
    arbitrary: fc.tuple(fc.nat({ max: 1500 }), fc.constantFrom('m', 'h')).map(([n, unit]) => `${n}${unit}`),
  },
  { weight: 5, arbitrary: fc.nat({ max: 60 }).map((n) => `${n}d`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('999d', '1000d', '9999h', '999999m', '1e3h', '-1h', '1.2345d', 'NaNh', ''),
  },
);

const ops = fc.constantFrom('==', '!=', '<', '<=', '>', '>=');
const METRIC_NAMES = ['cases', 'deaths', 'infectious', 'hospitalised', 'bedsFree', 'trust', 'supply'] as const;

interface Names {
  nodes: string[];
  numbers: string[];
  flags: string[];
  regions: string[];
  supplies: string[];
  actors: string[];
  powers: string[];
  refs: string[];
  windows: string[];
}

/** Mostly a declared id; now and then one that is not. */
const idOf = (ids: readonly string[]): fc.Arbitrary<string> =>
  ids.length === 0
    ? fc.constantFrom('undeclared', 'x')
    : fc.oneof(
        { weight: 150, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.constant('undeclared') },
      );

function conditionOf(n: Names): fc.Arbitrary<Json> {
  const leaves: fc.Arbitrary<Json>[] = [
    fc.record({ before: duration }),
    fc.record({ after: duration }),
    fc.record({ visited: idOf(n.nodes) }),
  ];
  if (n.numbers.length)
    leaves.push(fc.record({ var: idOf(n.numbers), op: ops, value: fc.integer({ min: -10, max: 110 }) }));
  if (n.flags.length)
    leaves.push(fc.record({ var: idOf(n.flags), op: fc.constantFrom('==', '!='), value: fc.boolean() }));
  if (n.regions.length) {
    leaves.push(
      fc
        .record(
          {
            metric: fc.constantFrom(...METRIC_NAMES),
            region: idOf(n.regions),
            op: ops,
            value: fc.integer({ max: 1000 }),
          },
          { requiredKeys: ['metric', 'op', 'value'] },
        )
        .map((c): Json => (c.metric === 'supply' ? { ...c, supply: 'masks' } : c)),
    );
  }
  if (n.powers.length) leaves.push(fc.record({ authorised: idOf(n.powers) }));
  const { condition } = fc.letrec<{ condition: Json }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      ...leaves,
      fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }));
  return condition;
}

/** A measure on the declared world; by a choice (`byChoice`), also a shipment and its interception. */
function measureOf(n: Names, byChoice: boolean): fc.Arbitrary<Json> {
  const region = idOf(n.regions);
  const share = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    fc.record({ type: fc.constant('contact'), region, factor: share }),
    fc.record({ type: fc.constant('travel'), between: fc.tuple(region, region), factor: share }),
    fc.record({ type: fc.constant('isolation'), region, share: fc.double({ min: 0, max: 0.95, noNaN: true }) }),
    fc.record({ type: fc.constant('beds'), region, add: fc.nat({ max: 500 }), after: duration }),
    fc.record({
      type: fc.constant('supply'),
      region,
      supply: idOf(n.supplies),
      add: fc.integer({ min: -50, max: 50 }),
    }),
    ...(byChoice
      ? [
          fc.constant<Json>({ type: 'intercept', shipment: 's1' }),
          fc.constant<Json>({ type: 'release', shipment: 's1' }),
        ]
      : []),
    fc.record({
      type: fc.constant('ship'),
      id: fc.constantFrom('s2', 's3'),
      supply: idOf(n.supplies),
      amount: fc.nat({ max: 100 }),
      from: region,
      to: region,
      takes: duration,
    }),
    fc.record({ type: fc.constant('notify'), regions: fc.array(region, { maxLength: 3 }) }),
    byChoice
      ? fc.record({ type: fc.constant('roads'), region, open: fc.boolean() })
      : fc.record({ type: fc.constant('roads'), region, open: fc.boolean(), from: region }),
    fc.record({
      type: fc.constant('road'),
      name: fc.constantFrom('乡道X203', '县道Y012'),
      between: fc.tuple(region, region),
      share,
      open: fc.boolean(),
    }),
    fc.record({ type: fc.constant('level'), level: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ type: fc.constant('policy'), contact: share }),
    fc.record({ type: fc.constant('trust'), region, add: fc.integer({ min: -20, max: 20 }) }),
  );
}

function effectOf(n: Names): fc.Arbitrary<Json> {
  const options: fc.Arbitrary<Json>[] = [];
  if (n.numbers.length) {
    options.push(
      fc.record({ op: fc.constantFrom('add', 'set'), var: idOf(n.numbers), value: fc.integer({ min: -30, max: 30 }) }),
      fc
        .tuple(idOf(n.numbers), fc.integer({ min: 0, max: 50 }), fc.nat({ max: 50 }))
        .map(([v, min, span]) => ({ op: 'random', var: v, min, max: min + span })),
    );
  }
  if (n.flags.length) options.push(fc.record({ op: fc.constant('set'), var: idOf(n.flags), value: fc.boolean() }));
  if (!options.length) return fc.constant({ op: 'set', var: 'undeclared', value: true });
  // Any effect may apply only on a condition, or by chance (0 and 1 included: lint only warns of them).
  const guards = fc.record(
    { when: conditionOf(n), chance: fc.double({ min: 0, max: 1, noNaN: true }) },
    { requiredKeys: [] },
  );
  return fc.tuple(fc.oneof(...options), guards).map(([effect, more]) => ({ ...(effect as object), ...more }) as Json);
}

const scoreOf = (n: Names): fc.Arbitrary<Json> =>
  fc.record(
    {
      dimension: fc.constantFrom('timeliness', 'legality', 'coordination'),
      delta: fc.integer({ min: -20, max: 20 }),
      reason: text(200),
      ...(n.refs.length ? { refs: fc.array(idOf(n.refs), { maxLength: 2 }) } : {}),
    },
    { requiredKeys: ['dimension', 'delta', 'reason'] },
  );

/**
 * The choices of decision `i` of `count`: the first leads on, so every decision is reached, and the
 * last decision has one to each ending; an opened node's (`returns`) go back with "$return".
 */
function choicesOf(n: Names, i: number, count: number, endings: string[], returns: boolean): fc.Arbitrary<Json[]> {
  const onward = i + 1 < count ? `d${i + 1}` : (endings[0] as string);
  const later = [...n.nodes.filter((id) => id.startsWith('d') && Number(id.slice(1)) > i), ...endings];
  const anywhere = n.nodes.filter((id) => id !== 'x0');
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(later.length ? later : endings)) },
    { weight: 1, arbitrary: fc.constantFrom(...anywhere) },
  );
  const next = (first: string): fc.Arbitrary<Json> =>
    returns
      ? fc.constant('$return')
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant(first) },
          { weight: 1, arbitrary: target },
          {
            weight: 1,
            arbitrary: fc
              .array(fc.record({ when: conditionOf(n), to: target }), { maxLength: 2 })
              .map((branches) => [...branches, { to: first }]),
          },
        );
  // Only what the drill declares the names for: a power without powers, say, is lint's business
  // (and the mutations'), and would refuse almost every drill.
  const optional: Record<string, fc.Arbitrary<Json>> = {
    when: conditionOf(n),
    needs: fc.record({ when: conditionOf(n) }),
    score: fc.array(scoreOf(n), { maxLength: 2 }),
  };
  if (n.numbers.length + n.flags.length > 0) optional.effects = fc.array(effectOf(n), { maxLength: 2 });
  if (n.windows.length) optional.completes = fc.array(idOf(n.windows), { maxLength: 1 });
  if (n.regions.length) optional.world = fc.array(measureOf(n, true), { maxLength: 2 });
  if (n.powers.length) {
    optional.power = idOf(n.powers);
    // p1 is the province's (a1) to grant.
    optional.requests = fc.record(
      { power: fc.constant('p1'), from: fc.constant('a1'), after: duration, when: conditionOf(n) },
      { requiredKeys: ['power', 'from', 'after'] },
    );
  }
  const choice = (id: string, first: string) =>
    fc
      .tuple(
        fc.record({ label: text(120), takes: duration, feedback: text(600), next: next(first) }),
        fc.record(optional, { requiredKeys: [] }),
      )
      .map(([required, more]): Json => ({ id, ...required, ...more }));
  const last = i === count - 1 && !returns;
  // The first choice must be on offer: no condition, not only on a timeout.
  const first = choice('c0', onward).map((c) => {
    const { when: _when, ...rest } = c as Record<string, Json>;
    return rest as Json;
  });
  const toEndings = last ? endings.slice(1).map((e, k) => choice(`e${k}`, e)) : [];
  return fc
    .tuple(first, fc.array(fc.nat(), { maxLength: 3 }), fc.tuple(...toEndings))
    .chain(([c0, extra, ends]) =>
      fc.tuple(...extra.map((_, k) => choice(`c${k + 1}`, onward))).map((more) => [c0, ...more, ...ends]),
    );
}

interface Sizes {
  decisions: number;
  endings: number;
  numbers: number;
  flags: number;
  world: boolean;
  refs: number;
  windows: number;
  opens: boolean;
}

function drillOf(s: Sizes): fc.Arbitrary<Json> {
  const endings = Array.from({ length: s.endings }, (_, i) => `end${i}`);
  const decisions = Array.from({ length: s.decisions }, (_, i) => `d${i}`);
  const n: Names = {
    nodes: [...decisions, ...endings, ...(s.opens ? ['x0'] : [])],
    numbers: Array.from({ length: s.numbers }, (_, i) => `v${i}`),
    flags: Array.from({ length: s.flags }, (_, i) => `f${i}`),
    regions: s.world ? ['r0', 'r1', 'r2'] : [],
    supplies: s.world ? ['masks'] : [],
    actors: s.world ? ['a0', 'a1'] : [],
    powers: s.world && s.refs > 0 ? ['p0', 'p1'] : [],
    refs: Array.from({ length: s.refs }, (_, i) => `ref${i}`),
    windows: Array.from({ length: s.windows }, (_, i) => `w${i}`),
  };
  const decision = (id: string, i: number, returns: boolean) =>
    fc
      .record(
        {
          title: text(40),
          text: text(1200),
          choices: choicesOf(n, i, s.decisions, endings, returns),
          timeLimitSec: fc.integer({ min: 5, max: 120 }),
        },
        { requiredKeys: ['title', 'text', 'choices'] },
      )
      .map((d) => {
        const node: Record<string, Json> = { id, kind: 'decision', ...d };
        if (d.timeLimitSec !== undefined) node.timeoutChoice = 'c0';
        return node as Json;
      });
  const ending = (id: string) =>
    fc.record(
      {
        id: fc.constant(id),
        kind: fc.constant('ending'),
        title: text(40),
        text: text(1200),
        tone: fc.constantFrom('good', 'mixed', 'bad'),
      },
      { requiredKeys: ['id', 'kind', 'title', 'text'] },
    );
  const variables: Json[] = [
    ...n.numbers.map((id, i) => ({
      id,
      type: 'number',
      label: `变量${i}`,
      min: 0,
      max: 100,
      initial: 50,
      visible: i === 0,
    })),
    ...n.flags.map((id, i) => ({ id, type: 'boolean', label: `标志${i}`, initial: false })),
  ];
  const references: Json[] = n.refs.map(
    (id, i): Json =>
      i % 2 === 0
        ? {
            id,
            kind: 'law',
            law: '《中华人民共和国传染病防治法》',
            version: '2025年修订',
            article: '第一条',
            quote: '为了预防、控制和消除传染病的发生与流行，制定本法。',
          }
        : { id, kind: 'lecture', title: '党课讲稿', quote: '预案要进行预演。' },
  );
  const world: Record<string, Json> = s.world
    ? {
        supplies: [{ id: 'masks', name: '医用口罩', unit: '万只' }],
        regions: n.regions.map((id, i) => ({
          id,
          name: `地区${i}`,
          population: 100_000 * (i + 1),
          neighbours: n.regions.filter((r) => r !== id),
          beds: 50,
          supplies: { masks: 10 },
          trust: 60,
        })),
        travel: [
          { between: ['r0', 'r1'], perDay: 1000 },
          { between: ['r1', 'r2'], perDay: 500 },
        ],
        epidemic: { initial: [{ region: 'r0', infectious: 50 }] },
        actors: [
          { id: 'a0', name: '市人民政府' },
          { id: 'a1', name: '省人民政府' },
        ],
        roleActor: 'a0',
        roleRegion: 'r0',
        ...(n.powers.length
          ? {
              powers: [
                { id: 'p0', name: '发布预警', holders: ['a0'], basis: ['ref0'] },
                {
                  id: 'p1',
                  name: '采取紧急措施',
                  holders: ['a1', 'a0'],
                  report: { to: 'a1', within: '0m' },
                  basis: ['ref0'],
                },
              ],
            }
          : {}),
      }
    : {};
  const injectMore: Record<string, fc.Arbitrary<Json>> = { when: conditionOf(n) };
  if (n.numbers.length + n.flags.length > 0) injectMore.effects = fc.array(effectOf(n), { maxLength: 2 });
  if (n.regions.length) injectMore.world = fc.array(measureOf(n, false), { maxLength: 2 });
  const injects = fc.array(
    fc
      .tuple(
        fc.record({ title: text(40), text: text(1200), at: duration }),
        fc.record(injectMore, { requiredKeys: [] }),
      )
      .map(([required, more]) => ({ ...required, ...more })),
    { maxLength: 2 },
  );
  return fc
    .record({
      decisions: fc.tuple(...decisions.map((id, i) => decision(id, i, false))),
      endings: fc.tuple(...endings.map(ending)),
      opened: s.opens ? decision('x0', 0, true) : fc.constant(null),
      opener: fc.record({ at: duration, when: conditionOf(n) }, { requiredKeys: ['at'] }),
      injects,
    })
    .map((g) => {
      const allInjects: Json[] = g.injects.map((inject, i) => ({ id: `i${i}`, ...inject }));
      // A convoy on the road for the choices that intercept it or let it through.
      if (s.world) {
        const ship = {
          type: 'ship',
          id: 's1',
          supply: 'masks',
          amount: 5,
          from: 'r2',
          to: 'r1',
          via: ['r0'],
          takes: '2d',
        };
        allInjects.push({ id: 'convoy', title: '物资过境', text: '一批口罩途经本地。', at: '1h', world: [ship] });
      }
      if (g.opened)
        allInjects.push({ id: 'opener', title: '突发情况', text: '邻市报告了新的病例。', ...g.opener, opens: 'x0' });
      const drill: Record<string, Json> = {
        $schema: './schema.json',
        schemaVersion: 1,
        id: 'fuzz-drill',
        title: '生成的演练',
        summary: '由模糊测试生成。',
        role: '市卫生健康委员会主任',
        estimatedMinutes: 10,
        legalFramework: 2025,
        briefing: '你是市卫生健康委员会主任。',
        clockStart: '2026-01-08T08:00',
        start: 'd0',
        ...world,
        ...(variables.length ? { variables } : {}),
        ...(references.length ? { references } : {}),
        ...(n.windows.length
          ? { timeWindows: n.windows.map((id) => ({ id, label: '网络直报', ideal: '2h', latest: '1d' })) }
          : {}),
        ...(allInjects.length ? { injects: allInjects } : {}),
        nodes: [...g.decisions, ...(g.opened ? [g.opened] : []), ...g.endings],
      };
      return drill;
    });
}

/** Drill-like JSON built from the schema's pieces; many pass the schema, and a good share lint too. */
export const generatedDrill: fc.Arbitrary<Json> = fc
  .record({
    decisions: fc.integer({ min: 1, max: 6 }),
    endings: fc.integer({ min: 1, max: 3 }),
    numbers: fc.integer({ min: 0, max: 3 }),
    flags: fc.integer({ min: 0, max: 2 }),
    world: fc.boolean(),
    refs: fc.integer({ min: 0, max: 3 }),
    windows: fc.integer({ min: 0, max: 2 }),
    opens: fc.boolean(),
  })
  .chain(drillOf);

// ---------------------------------------------------------------------------------------------
// Mutations of a drill: a value replaced, deleted, duplicated, retyped, made huge or deep; odd keys.

type Mutation =
  | { op: 'replace'; value: Json }
  | { op: 'delete' }
  | { op: 'duplicate'; times: number }
  | { op: 'oddKey'; key: string; value: Json }
  | { op: 'retype' }
  | { op: 'odd'; value: Json }
  | { op: 'nest'; depth: number; how: 'not' | 'all' | 'array' }
  | { op: 'swap' }
  | { op: 'long'; length: number }
  /** A number of the drill (whichever `at` picks among them) made another number: the file keeps its shape. */
  | { op: 'number'; value: number }
  /** A duration of the drill (whichever `at` picks among them) made extreme: long runs must neither hang nor throw. */
  | { op: 'duration'; value: string }
  /** A number of the drill moved a little (an integer stays one): the drill most often still loads, and plays. */
  | { op: 'nudge'; by: number };

type TextMutation =
  | { op: 'none' }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; what: string }
  | { op: 'bom' };

const ODD_VALUES: Json[] = [
  1e308,
  -1e308,
  5e-324,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  -1,
  0,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  '99999999999d',
  '1e400h',
  '',
  ' ',
  '\u0000',
  '\u202e',
  '$return',
  '$timeout',
  '__proto__',
  'constructor',
  'toString',
  true,
  null,
  [],
  {},
];

const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$comment',
  '',
  ' ',
  'all',
  'not',
  'kind',
  'id',
  '🙂',
];

const mutation: fc.Arbitrary<{ at: number; m: Mutation }> = fc.record({
  at: fc.nat(),
  m: fc.oneof(
    {
      weight: 8,
      // Never by 0: a nudge that changes nothing would hand the checker the drill it came from.
      arbitrary: fc.record({
        op: fc.constant('nudge' as const),
        by: fc.integer({ min: -20, max: 19 }).map((by) => (by >= 0 ? by + 1 : by)),
      }),
    },
    fc.record({ op: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }),
    fc.record({ op: fc.constant('delete' as const) }),
    fc.record({
      op: fc.constant('duplicate' as const),
      times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(120)),
    }),
    fc.record({
      op: fc.constant('oddKey' as const),
      key: fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 8 })),
      value: fc.oneof(fc.constant({ polluted: true } as Json), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>),
    }),
    fc.record({ op: fc.constant('retype' as const) }),
    fc.record({ op: fc.constant('odd' as const), value: fc.constantFrom(...ODD_VALUES) }),
    fc.record({
      op: fc.constant('nest' as const),
      depth: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 60, max: 200 })),
      how: fc.constantFrom('not' as const, 'all' as const, 'array' as const),
    }),
    fc.record({ op: fc.constant('swap' as const) }),
    fc.record({
      op: fc.constant('duration' as const),
      value: fc.constantFrom(
        '99999999999d',
        `${'9'.repeat(400)}h`,
        '1000d',
        '999d',
        '999999m',
        '9999h',
        '0m',
        '0.001m',
      ),
    }),
    fc.record({ op: fc.constant('long' as const), length: fc.constantFrom(65, 121, 601, 1201, 2001, 100_000) }),
    fc.record({
      op: fc.constant('number' as const),
      value: fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, -0, 0.5, 1, 100, 1e6, 1e15, 1e300, -1e300, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
      ),
    }),
  ),
});

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      what: fc.constantFrom(',', '}', '"', '“', 'NaN', '\u0000', '\\', '/*', '\n'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

type Path = (string | number)[];

/** Every path into a JSON value, the root included. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, x] of value.entries()) pathsOf(x, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, x] of Object.entries(value)) pathsOf(x, [...path, k], out);
  return out;
}

function stringsOf(value: Json, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const x of value) stringsOf(x, out);
  else if (value && typeof value === 'object') for (const x of Object.values(value)) stringsOf(x, out);
  return out;
}

/** Sets an own property, even one named "__proto__" (plain assignment would set the prototype). */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function retype(value: Json): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === 'boolean') return value ? 1 : 'false';
  if (Array.isArray(value)) return Object.fromEntries(value.map((x, i) => [String(i), x]));
  if (value && typeof value === 'object') return Object.values(value);
  return {};
}

/** NOTE mutates `root` (a fresh copy); returns the new root when the root itself is replaced. */
function apply(root: Json, at: number, m: Mutation): Json {
  const all = pathsOf(root);
  const numbers = all.filter(
    (p) => typeof p.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, root) === 'number',
  );
  const durations = all.filter((p) => {
    const v = p.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, root);
    return typeof v === 'string' && /^\d+(\.\d+)?[mhd]$/.test(v);
  });
  const paths =
    (m.op === 'number' || m.op === 'nudge') && numbers.length > 0
      ? numbers
      : m.op === 'duration' && durations.length > 0
        ? durations
        : all;
  const path = paths[at % paths.length] as Path;
  const current = path.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, root);
  const replacement = (): Json | undefined => {
    switch (m.op) {
      case 'replace':
        return m.value;
      case 'retype':
        return retype(current);
      case 'odd':
      case 'number':
      case 'duration':
        return m.value;
      case 'nudge':
        if (typeof current !== 'number') return current;
        return Number.isInteger(current) ? current + m.by : current * (1 + m.by / 40);
      case 'nest': {
        let v = current;
        for (let i = 0; i < m.depth; i++) v = m.how === 'not' ? { not: v } : m.how === 'all' ? { all: [v] } : [v];
        return v;
      }
      case 'swap': {
        const strings = stringsOf(root);
        return strings.length ? (strings[(at * 7919) % strings.length] as string) : current;
      }
      case 'long':
        return typeof current === 'string' ? current.padEnd(m.length, '长') : current;
      case 'oddKey': {
        if (current && typeof current === 'object' && !Array.isArray(current)) setOwn(current, m.key, m.value);
        return undefined;
      }
      default:
        return undefined;
    }
  };
  if (path.length === 0) {
    const v = replacement();
    return v === undefined ? root : v;
  }
  const parent = path.slice(0, -1).reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, root);
  const key = path[path.length - 1] as string | number;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, Json>)[key];
  } else if (m.op === 'duplicate') {
    if (Array.isArray(parent))
      parent.splice(key as number, 0, ...Array.from({ length: m.times }, () => structuredClone(current)));
    else setOwn(parent as Record<string, Json>, `${key}_copy`, structuredClone(current));
  } else {
    const v = replacement();
    if (v !== undefined) setOwn(parent as Record<string, Json>, String(key), v);
  }
  return root;
}

function applyText(text: string, m: TextMutation): string {
  switch (m.op) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.what + text.slice(at);
    }
    case 'bom':
      return `\uFEFF${text}`;
  }
}

/** A real drill, or a generated one, with one to three mutations, then perhaps a slip in its text. */
export const mutatedDrill: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...Object.values(realDrills)), generatedDrill),
    fc.array(mutation, { minLength: 1, maxLength: 3 }),
    textMutation,
    fc.boolean(),
  )
  .map(([drill, mutations, slip, pretty]) => {
    let root = structuredClone(drill);
    for (const { at, m } of mutations) root = apply(root, at, m);
    // Some mutations can land where they change nothing (a swap with the same text, a delete of the
    // root): such a drill gets an unknown key, so every mutated drill differs from where it came from.
    if (JSON.stringify(root) === JSON.stringify(drill) && root && typeof root === 'object' && !Array.isArray(root)) {
      root = { ...root, mutated: true };
    }
    return applyText(JSON.stringify(root, null, pretty ? 2 : undefined) ?? 'null', slip);
  });

/** Anything at all: strings, JSON values, the usual pollution payloads. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '',
    '{}',
    '[]',
    'null',
    '\uFEFF{}',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  ),
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant<CaseKind>('generated'),
      text: generatedDrill.chain((d) => fc.boolean().map((pretty) => JSON.stringify(d, null, pretty ? 2 : undefined))),
      seed: fc.nat(),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant<CaseKind>('mutated'), text: mutatedDrill, seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant<CaseKind>('noise'), text: noise, seed: fc.nat() }) },
);

// ---------------------------------------------------------------------------------------------
// The property.

const HAN = /[\u4e00-\u9fff]/;

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Error.prototype', Error.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
];

/** What the built-in prototypes hold: their own keys and what each inherits from. */
function prototypesNow(): string {
  return PROTOTYPES.map(([name, p]) => {
    const parent = Object.getPrototypeOf(p);
    const from = parent === null ? 'null' : (PROTOTYPES.find(([, q]) => q === parent)?.[0] ?? 'other');
    return `${name}<${from}>:${Reflect.ownKeys(p).map(String).sort().join(',')}`;
  }).join('\n');
}

const PRISTINE = prototypesNow();

export class PropertyFailure extends Error {}

function fail(message: string): never {
  throw new PropertyFailure(message);
}

/** No built-in prototype changed, and a fresh object inherits nothing new. */
export function expectPrototypesUntouched(when: string): void {
  const now = prototypesNow();
  const probe = {} as Record<string, unknown>;
  if (now !== PRISTINE || probe.polluted !== undefined || Object.getPrototypeOf(probe) !== Object.prototype) {
    fail(`a built-in prototype changed ${when}`);
  }
}

/** Every object in the loaded drill is a plain object or array: none had its prototype set by the file. */
function expectPlain(value: unknown, path = ''): void {
  if (value === null || typeof value !== 'object') return;
  const proto = Object.getPrototypeOf(value);
  if (proto !== (Array.isArray(value) ? Array.prototype : Object.prototype))
    fail(`the value at "${path}" has another prototype`);
  for (const [k, x] of Object.entries(value)) expectPlain(x, `${path}/${k}`);
}

/** A small seeded generator for the runs (xorshift32). */
function draws(seed: number): (n: number) => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/**
 * One decision, checked: the run moves exactly one node on — to where the choice leads, or to a
 * node one inject opened instead — and at most one inject opens a node. Nothing moves on by itself.
 */
function expectOneStep(scenario: Scenario, before: RunState, after: RunState, events: DrillEvent[]): void {
  const moved = events.filter((e) => e.type === 'moved');
  if (moved.length !== 1) fail(`a decision moved the run ${moved.length} times`);
  if (moved[0]?.type === 'moved' && (moved[0].from !== before.nodeId || moved[0].to !== after.nodeId)) {
    fail('the move does not go from the node decided at to the node the run is at');
  }
  const openers = new Set((scenario.injects ?? []).filter((i) => i.opens !== undefined).map((i) => i.id));
  const opened = events.filter((e) => e.type === 'inject' && openers.has(e.id)).length;
  if (opened > 1) fail(`${opened} injects opened a node in one decision`);
  if (after.visited.length > before.visited.length + 1) fail('one decision visited more than one new node');
  if (!scenario.nodes.some((node) => node.id === after.nodeId))
    fail(`the run is at "${after.nodeId}", no node of the drill`);
  if (after.decisions.length !== before.decisions.length + 1) fail('a decision was not logged exactly once');
}

/** Seeded random runs of an accepted drill, timeouts included, each at most MAX_PLAY_DECISIONS decisions. */
export function play(scenario: Scenario, seed: number, plays = PLAYS_PER_DRILL): { decisions: number } {
  const draw = draws(seed);
  let decisions = 0;
  for (let run = 0; run < plays; run++) {
    let state: RunState;
    try {
      state = start(scenario, draw(2 ** 31));
    } catch (e) {
      fail(`start threw: ${e instanceof Error ? e.stack : String(e)}`);
    }
    for (let d = 0; d < MAX_PLAY_DECISIONS && state.ending === null; d++) {
      const node = currentDecision(scenario, state);
      // A start at an ending: nothing to decide.
      if (!node) break;
      const offered = offeredChoices(scenario, state).map((c) => c.id);
      const timed = node.timeLimitSec !== undefined && node.timeoutChoice !== undefined;
      const moves = timed ? [...offered, TIMEOUT] : offered;
      // Every choice's condition false and no countdown: lint warns of it, the screen says so.
      if (moves.length === 0) break;
      const move = moves[draw(moves.length)] as string;
      const realMs = move === TIMEOUT ? (node.timeLimitSec as number) * 1000 : ([0, 1000, 90_000][draw(3)] as number);
      let next: [RunState, DrillEvent[]];
      try {
        next = choose(scenario, state, move, realMs);
      } catch (e) {
        fail(`choose("${move}") at node "${state.nodeId}" threw: ${e instanceof Error ? e.stack : String(e)}`);
      }
      expectOneStep(scenario, state, next[0], next[1]);
      state = next[0];
      decisions++;
    }
    try {
      debrief(scenario, state);
    } catch (e) {
      fail(`debrief threw: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  return { decisions };
}

export interface Verdict {
  accepted: boolean;
  /** Decisions taken in the runs of an accepted drill. */
  decisions: number;
}

/**
 * The property for one file: `load` returns; a refusal says where and what in Chinese; an accepted
 * drill plays; no prototype changes. Throws PropertyFailure otherwise.
 */
export function checkFile(text: string, seed: number): Verdict {
  let result: ReturnType<typeof load>;
  try {
    result = load(text);
  } catch (e) {
    fail(`load threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  expectPrototypesUntouched('by load');
  if (typeof result.ok !== 'boolean') fail('load returned neither ok nor not ok');
  const problems = result.ok ? result.warnings : result.problems;
  if (!result.ok && problems.length === 0) fail('refused without a problem');
  for (const p of problems) {
    if (typeof p.pointer !== 'string' || (p.pointer !== '' && !p.pointer.startsWith('/'))) {
      fail(`a problem without a JSON pointer: ${JSON.stringify(p)}`);
    }
    if (typeof p.message !== 'string' || !HAN.test(p.message))
      fail(`a problem without a Chinese message: ${JSON.stringify(p)}`);
    if (p.severity !== 'error' && p.severity !== 'warning') fail(`a problem of no severity: ${JSON.stringify(p)}`);
  }
  if (!result.ok) return { accepted: false, decisions: 0 };
  if (problems.some((p) => p.severity === 'error')) fail('accepted with an error');
  expectPlain(result.scenario);
  const { decisions } = play(result.scenario, seed);
  expectPrototypesUntouched('by playing');
  return { accepted: true, decisions };
}
