/**
 * Factories for small, valid scenarios: a test states only what matters to it and the rest is a
 * harmless default. `fakeScenario()` with no arguments passes `load(JSON.stringify(...))` cleanly:
 * one decision `n1` whose one choice `c1` leads to the ending `end`.
 */
import { defineScenario } from '../src/scenario/define-scenario';
import { load } from '../src/scenario/load';
import {
  type Choice,
  type DecisionNode,
  type EndingNode,
  type Inject,
  type Power,
  type Reference,
  type Region,
  SCHEMA_VERSION,
  type Scenario,
  type ScoreRule,
  type TimeWindow,
  type Variable,
} from '../src/scenario/schema';

type NumberVariable = Extract<Variable, { type: 'number' }>;
type BooleanVariable = Extract<Variable, { type: 'boolean' }>;
type LawReference = Extract<Reference, { kind: 'law' }>;
type Supply = NonNullable<Scenario['supplies']>[number];
type Actor = NonNullable<Scenario['actors']>[number];

export function fakeChoice(overrides: Partial<Choice> = {}): Choice {
  return {
    id: 'c1',
    label: '立即上报',
    takes: '30m',
    feedback: '你作出了决定。',
    next: 'end',
    ...overrides,
  };
}

export function fakeDecision(overrides: Partial<DecisionNode> = {}): DecisionNode {
  return {
    id: 'n1',
    kind: 'decision',
    title: '接到报告',
    text: '医院报告了一例不明原因肺炎。',
    choices: [fakeChoice()],
    ...overrides,
  };
}

export function fakeEnding(overrides: Partial<EndingNode> = {}): EndingNode {
  return {
    id: 'end',
    kind: 'ending',
    title: '结局',
    text: '演练结束。',
    ...overrides,
  };
}

export function fakeNumberVar(overrides: Partial<NumberVariable> = {}): NumberVariable {
  return { id: 'cases', type: 'number', label: '病例数', min: 0, max: 100, initial: 10, ...overrides };
}

export function fakeBooleanVar(overrides: Partial<BooleanVariable> = {}): BooleanVariable {
  return { id: 'reported', type: 'boolean', label: '已上报', initial: false, ...overrides };
}

export function fakeWindow(overrides: Partial<TimeWindow> = {}): TimeWindow {
  return { id: 'report', label: '向疾控机构报告', ideal: '2h', latest: '6h', ...overrides };
}

export function fakeScoreRule(overrides: Partial<ScoreRule> = {}): ScoreRule {
  return { dimension: 'legality', delta: 10, reason: '依法及时报告。', ...overrides };
}

export function fakeLaw(overrides: Partial<LawReference> = {}): LawReference {
  return {
    id: 'law-1',
    kind: 'law',
    law: '《中华人民共和国传染病防治法》',
    version: '2025年修订',
    article: '第一条',
    quote: '为了预防、控制和消除传染病的发生与流行，制定本法。',
    ...overrides,
  };
}

export function fakeScenario(overrides: Partial<Scenario> = {}): Scenario {
  return defineScenario({
    schemaVersion: SCHEMA_VERSION,
    id: 'fake-drill',
    title: '测试演练',
    summary: '用于单元测试的最小情景。',
    role: '市卫生健康委员会主任',
    estimatedMinutes: 10,
    legalFramework: 2025,
    briefing: '你是市卫生健康委员会主任。',
    clockStart: '2026-01-08T08:00',
    start: 'n1',
    nodes: [fakeDecision(), fakeEnding()],
    ...overrides,
  });
}

export function fakeRegion(overrides: Partial<Region> = {}): Region {
  return { id: 'home', name: '滨江市', population: 100_000, beds: 50, trust: 60, ...overrides };
}

export function fakeSupply(overrides: Partial<Supply> = {}): Supply {
  return { id: 'masks', name: '医用口罩', unit: '万只', ...overrides };
}

export function fakeActor(overrides: Partial<Actor> = {}): Actor {
  return { id: 'city', name: '滨江市人民政府', ...overrides };
}

/** A power the trainee's actor ("city") does not hold: the province does. Its basis is fakeLaw's id. */
export function fakePower(overrides: Partial<Power> = {}): Power {
  return { id: 'lockdown', name: '实施区域封锁', holders: ['province'], basis: ['law-1'], ...overrides };
}

export function fakeInject(overrides: Partial<Inject> = {}): Inject {
  return { id: 'i1', title: '突发情况', text: '邻市报告了新的病例。', at: '1d', ...overrides };
}

/**
 * A drill with a world, valid as it stands: the trainee is the city government ("city") of
 * "home" (100 000 people, 100 infectious at the start, 100 masks); "next" (50 000 people, no
 * infection, 10 masks) is its neighbour with 1 000 travellers each way a day; the province
 * ("province") is the actor above. No powers: add `powers: [fakePower()]` (and `references:
 * [fakeLaw()]`) where a test needs one.
 */
export function fakeWorldScenario(overrides: Partial<Scenario> = {}): Scenario {
  return fakeScenario({
    supplies: [fakeSupply()],
    regions: [
      fakeRegion({ neighbours: ['next'], supplies: { masks: 100 } }),
      fakeRegion({
        id: 'next',
        name: '临江市',
        population: 50_000,
        beds: 20,
        trust: 70,
        neighbours: ['home'],
        supplies: { masks: 10 },
      }),
    ],
    travel: [{ between: ['home', 'next'], perDay: 1000 }],
    epidemic: { initial: [{ region: 'home', infectious: 100 }] },
    actors: [fakeActor(), fakeActor({ id: 'province', name: '省人民政府' })],
    roleActor: 'city',
    roleRegion: 'home',
    ...overrides,
  });
}

/**
 * Returns the scenario after checking that it loads with no errors, the way a shipped file would.
 * Wrap a fixture in it when the test means "a drill an author could write".
 */
export function loadable(scenario: Scenario): Scenario {
  const result = load(JSON.stringify(scenario));
  if (!result.ok)
    throw new Error(`fixture does not load:\n${result.problems.map((p) => `${p.pointer} ${p.message}`).join('\n')}`);
  return scenario;
}
