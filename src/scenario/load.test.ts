import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largeDrill } from '../../scripts/bench-drill';
import {
  fakeActor,
  fakeChoice,
  fakeDecision,
  fakeEnding,
  fakeInject,
  fakeLaw,
  fakeNumberVar,
  fakePower,
  fakeRegion,
  fakeScenario,
  fakeScoreRule,
  fakeSupply,
  fakeWindow,
  fakeWorldScenario,
} from '../../test/fake-scenario';
import { choose, offeredChoices, replay, start } from '../engine/run';
import { contentHash } from './hash';
import { type LoadResult, load, mayHoldBraces } from './load';
import { type PathKey, type Problem, toPointer } from './problem';
import { SCHEMA_VERSION, type Scenario } from './schema';
import {
  MAX_ACTORS,
  MAX_CHOICES,
  MAX_INJECTS,
  MAX_LIST,
  MAX_NODES,
  MAX_POWERS,
  MAX_REFERENCES,
  MAX_REGIONS,
  MAX_SUPPLIES,
  MAX_TIME_WINDOWS,
  MAX_TRAVEL,
  MAX_VARIABLES,
  RESERVED_NAMES,
} from './schema-primitives';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HAN = /[\u4e00-\u9fff]/;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fake scenario as plain JSON data, ready to be broken. */
function data(scenario: Scenario = fakeScenario()): { [key: string]: Json } {
  return JSON.parse(JSON.stringify(scenario));
}

/** The scenario's JSON with the value at `path` replaced (or removed, for undefined). */
function withValue(path: readonly PathKey[], value: Json | undefined): string {
  const root = data();
  let parent: Json = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key] as Json;
  const last = path[path.length - 1] as PathKey;
  if (value === undefined) delete (parent as Record<string, Json>)[last];
  else (parent as Record<string, Json>)[last] = value;
  return JSON.stringify(root, null, 2);
}

function problems(result: LoadResult): Problem[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/**
 * The file is refused with exactly one error, at `pointer`, whose message is in Chinese and
 * matches `hint` (the part that tells the author what to do).
 */
function expectOneError(text: string, pointer: string, hint: RegExp): void {
  // Warnings (a fixture's lone conditional choice, say) are another matter: this is about the error.
  const found = problems(load(text)).filter((p) => p.severity === 'error');
  expect(found).toEqual([{ severity: 'error', pointer, message: expect.stringMatching(hint) }]);
  expect(found[0]?.message).toMatch(HAN);
}

describe('load', () => {
  describe('a valid file', () => {
    it('is ok, with the parsed scenario and no warnings', () => {
      const scenario = fakeScenario();
      const text = JSON.stringify(scenario, null, 2);
      const result = load(text);
      expect(result).toEqual({ ok: true, scenario, hash: contentHash(text), warnings: [] });
    });

    it('has a content hash that is stable for the same text and differs for any other', () => {
      const text = JSON.stringify(fakeScenario());
      const first = load(text);
      const second = load(text);
      if (!first.ok || !second.ok) throw new Error('fixture');
      expect(first.hash).toMatch(/^[0-9a-f]{14}$/);
      expect(second.hash).toBe(first.hash);
      const retitled = load(JSON.stringify(fakeScenario({ title: '另一个演练' })));
      const reformatted = load(JSON.stringify(fakeScenario(), null, 2));
      if (!retitled.ok || !reformatted.ok) throw new Error('fixture');
      expect(retitled.hash).not.toBe(first.hash);
      // The hash names the very text played on, so even layout changes it.
      expect(reformatted.hash).not.toBe(first.hash);
    });

    it('has a hash that does not change between versions of the program', () => {
      // Pinned: a saved run is resumed only against the text whose hash it recorded.
      expect(contentHash('')).toBe('0bdcb81aee8d83');
      expect(contentHash('{"a":1}')).toBe('1034b77cc1d846');
      expect(contentHash('桌面推演')).toBe('038da4bce8c60b');
    });

    it('accepts the $schema field editors use', () => {
      expect(load(withValue(['$schema'], './schema.json')).ok).toBe(true);
    });

    it('passes warnings through without refusing the file', () => {
      const text = JSON.stringify(fakeScenario({ nodes: [fakeDecision({ timeoutChoice: 'c1' }), fakeEnding()] }));
      const result = load(text);
      expect(result.ok).toBe(true);
      expect(result.ok && result.warnings).toEqual([
        {
          severity: 'warning',
          pointer: '/nodes/0/timeLimitSec',
          message: expect.stringMatching(/补上限时秒数或删去 timeoutChoice/),
        },
      ]);
    });
  });

  describe('not JSON', () => {
    it('gives the line and column of a syntax error', () => {
      expectOneError('{\n  "id": "x"\n  "title": "t"\n}', '', /^不是合法的 JSON：第 3 行第 3 列附近有语法错误。/);
    });

    it('counts columns from 1 on the first line', () => {
      expectOneError('{"id": "x",}', '', /第 1 行第 12 列附近/);
    });

    it('names the usual causes', () => {
      expectOneError('{"id": "x",}', '', /常见原因：多了或少了逗号、引号或括号不成对、用了中文引号/);
    });

    it('says the file ends too early when it does', () => {
      expectOneError('{\n  "id": ', '', /^不是合法的 JSON：文件末尾有语法错误。/);
    });

    it('[regression] does not blame the end of the file for an error in the middle', () => {
      // V8 reports "Unexpected token 'x', … is not valid JSON" with no position; that is not the end.
      for (const text of ['{"id": x, "title": "t"}', '{"tags": [1, 2,], "title": "t"}']) {
        const [problem] = problems(load(text));
        expect(problem?.pointer).toBe('');
        expect(problem?.message).toMatch(/^不是合法的 JSON：/);
        expect(problem?.message).not.toMatch(/文件末尾/);
      }
    });

    it('[regression] points at the unexpected character when the parser names it', () => {
      expect(problems(load('{"id": x}'))[0]?.message).toMatch(/「x」附近有语法错误/);
      expect(problems(load('[1, 2,]'))[0]?.message).toMatch(/「]」附近有语法错误/);
    });
  });

  describe('binary', () => {
    // JSON has no place for a raw NUL, in a string or between values: the parser refuses such a file first.
    it.each(['{"id": "a\u0000b"}', '{"id": "x"}\u0000'])('calls %j binary, not bad JSON', (text) => {
      expectOneError(text, '', /^这不是文本文件（含有二进制内容）：请选择情景的 \.json 文件。$/);
    });
  });

  describe('empty', () => {
    it.each(['', '   ', '\n\t\n'])('refuses %j and asks for a scenario file', (text) => {
      expectOneError(text, '', /^文件是空的：请选择一个情景 JSON 文件。$/);
    });
  });

  describe('top level not an object', () => {
    it.each(['[]', '[{"id":"x"}]', '42', '"scenario"', 'null', 'true'])('refuses %s', (text) => {
      expectOneError(text, '', /^情景文件的最外层应是一个对象 \{ … \}。$/);
    });
  });

  describe('wrong shape', () => {
    it('names a missing required field', () => {
      expectOneError(withValue(['title'], undefined), '/title', /^缺少必填字段「title」：请补上。$/);
    });

    it('names a missing required field deep in the file', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'takes'], undefined),
        '/nodes/0/choices/0/takes',
        /缺少必填字段「takes」/,
      );
    });

    it('names an unknown field (a misspelling) and says to fix or remove it', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'lable'], '上报'),
        '/nodes/0/choices/0/lable',
        /^不认识的字段「lable」：检查拼写，或删去它。$/,
      );
    });

    it('says in Chinese what was found instead of an object', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices'], {}),
        '/nodes/0/choices',
        /^应为列表 \[ … \]，实际是 一个对象 \{ … \}。$/,
      );
    });

    it('names the expected type when a value has the wrong type', () => {
      expectOneError(withValue(['estimatedMinutes'], '10'), '/estimatedMinutes', /^应为数字，实际是 "10"。$/);
      expectOneError(withValue(['nodes', 0, 'choices'], {}), '/nodes/0/choices', /^应为列表 \[ … \]/);
      expectOneError(withValue(['title'], 5), '/title', /^应为文字（带引号的字符串）/);
    });

    it('explains a value out of range', () => {
      expectOneError(withValue(['estimatedMinutes'], 1000), '/estimatedMinutes', /^不能大于 240，实际是 1000。$/);
      expectOneError(withValue(['estimatedMinutes'], 1.5), '/estimatedMinutes', /^应为整数/);
    });

    it('shows how to write a duration', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'takes'], '2 hours'),
        '/nodes/0/choices/0/takes',
        /^时长写成数字加单位，如 "30m"、"2h"、"1.5d"；最长 999 天/,
      );
    });

    it('lists the allowed values of an enum', () => {
      expectOneError(withValue(['nodes', 1, 'tone'], 'great'), '/nodes/1/tone', /^tone 只能是 good、mixed 或 bad$/);
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'score'], [{ dimension: 'speed', delta: 5, reason: '快' }]),
        '/nodes/0/choices/0/score/0/dimension',
        /^评分维度只能是 timeliness、legality 或 coordination$/,
      );
      expectOneError(
        withValue(['nodes', 1, 'kind'], 'end'),
        '/nodes/1/kind',
        /^节点的 kind 只能是 "decision" 或 "ending"$/,
      );
    });

    it('reports a bad operator at the condition’s op', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'when'], { var: 'cases', op: '=', value: 1 }),
        '/nodes/0/choices/0/when/op',
        /^比较运算只能是 ==、!=、<、<=、>、>=$/,
      );
    });

    it('lists the condition forms for a condition of no known form', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'when'], { cases: '>10' }),
        '/nodes/0/choices/0/when',
        /^条件写法不对：应为 \{"all":\[…\]\}、.*\{"metric","op","value"\}、.*\{"visited":"节点id"\}、\{"authorised":"权力id"\} 或 \{"requested":"权力id"\} 之一$/,
      );
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'when'], 'cases > 10'),
        '/nodes/0/choices/0/when',
        /条件写法不对/,
      );
    });

    it('follows a bad condition into its nesting', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'when'], { all: [{ after: '1h' }, { not: { before: 'soon' } }] }),
        '/nodes/0/choices/0/when/all/1/not/before',
        /时长写成数字加单位/,
      );
    });

    it('reports an unknown field inside a condition form', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'when'], { visited: 'n1', extra: true }),
        '/nodes/0/choices/0/when/extra',
        /不认识的字段「extra」/,
      );
    });

    it('shows both ways to write next', () => {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'next'], { to: 'end' }),
        '/nodes/0/choices/0/next',
        /^next 写成节点 id 字符串，或 \[\{"when":…,"to":"id"\}, …, \{"to":"id"\}\] 的列表$/,
      );
    });

    it('reports every shape problem at once', () => {
      const root = data();
      delete root.title;
      root.estimatedMinutes = '10';
      const found = problems(load(JSON.stringify(root)));
      expect(found.map((p) => p.pointer).sort()).toEqual(['/estimatedMinutes', '/title']);
    });
  });

  describe('meaning', () => {
    it('reports next to a node that does not exist, at that choice’s next', () => {
      const scenario = fakeScenario({
        nodes: [fakeDecision({ choices: [fakeChoice(), fakeChoice({ id: 'c2', next: 'nowhere' })] }), fakeEnding()],
      });
      expectOneError(
        JSON.stringify(scenario),
        '/nodes/0/choices/1/next',
        /^去向节点「nowhere」不存在：改成已有节点的 id，或先添加这个节点。$/,
      );
    });

    it('reports a branch to a node that does not exist, at that branch’s to', () => {
      const scenario = fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: [{ when: { after: '1h' }, to: 'nowhere' }, { to: 'end' }] })] }),
          fakeEnding(),
        ],
      });
      expectOneError(JSON.stringify(scenario), '/nodes/0/choices/0/next/0/to', /去向节点「nowhere」不存在/);
    });

    it('reports an undeclared variable in a condition', () => {
      const scenario = fakeScenario({
        nodes: [fakeDecision({ choices: [fakeChoice({ when: { var: 'cases', op: '>', value: 10 } })] }), fakeEnding()],
      });
      expectOneError(
        JSON.stringify(scenario),
        '/nodes/0/choices/0/when/var',
        /^变量「cases」没有声明：在 variables 里加上它，或改成已声明的变量。$/,
      );
    });

    it('reports an undeclared variable nested in a branch condition', () => {
      const scenario = fakeScenario({
        variables: [fakeNumberVar({ id: 'cases' })],
        nodes: [
          fakeDecision({
            choices: [
              fakeChoice({
                next: [
                  {
                    when: {
                      all: [{ var: 'cases', op: '>', value: 1 }, { not: { var: 'panic', op: '==', value: true } }],
                    },
                    to: 'end',
                  },
                  { to: 'end' },
                ],
              }),
            ],
          }),
          fakeEnding(),
        ],
      });
      expectOneError(JSON.stringify(scenario), '/nodes/0/choices/0/next/0/when/all/1/not/var', /变量「panic」没有声明/);
    });

    it('reports an undeclared variable in an effect', () => {
      const scenario = fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ effects: [{ op: 'add', var: 'cases', value: 1 }] })] }),
          fakeEnding(),
        ],
      });
      expectOneError(
        JSON.stringify(scenario),
        '/nodes/0/choices/0/effects/0/var',
        /^变量「cases」没有声明：在 variables 里加上它，或改成已声明的变量。$/,
      );
    });

    it('reports a missing start node', () => {
      expectOneError(
        withValue(['start'], 'begin'),
        '/start',
        /^开局节点「begin」不存在：start 要写成 nodes 中某个节点的 id。$/,
      );
    });

    it('reports a start node that is an ending', () => {
      expectOneError(withValue(['start'], 'end'), '/start', /^开局节点「end」是结局：start 要指向一个决策节点。$/);
    });

    it('reports a clock start that has the right shape but is no real date-time', () => {
      expectOneError(withValue(['clockStart'], '2026-02-29T08:00'), '/clockStart', /2 月没有 30 日/);
      expectOneError(withValue(['clockStart'], '2026-01-08T24:00'), '/clockStart', /不是真实存在的日期时间/);
      expect(load(withValue(['clockStart'], '2028-02-29T23:59')).ok).toBe(true);
    });

    it('reports a drill from whose start no ending can be reached', () => {
      const scenario = fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
          fakeDecision({ id: 'n2', choices: [fakeChoice({ next: 'n1' })] }),
          fakeEnding(),
        ],
      });
      expectOneError(
        JSON.stringify(scenario),
        '/nodes',
        /^从开局节点出发到不了任何结局：检查各选项的 next，让至少一条路通向结局。$/,
      );
    });

    it('reports a dangling next once, where it stands, not again from every node above it', () => {
      const scenario = fakeScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ next: 'n2' })] }),
          fakeDecision({ id: 'n2', choices: [fakeChoice({ next: 'n3' })] }),
          fakeDecision({ id: 'n3', choices: [fakeChoice({ next: 'nowhere' }), fakeChoice({ id: 'c2', next: 'n1' })] }),
          fakeEnding(),
        ],
      });
      const result = load(JSON.stringify(scenario));
      expect(result.ok ? [] : result.problems.filter((p) => p.severity === 'error').map((p) => p.pointer)).toEqual([
        '/nodes/2/choices/0/next',
      ]);
    });

    it('reports a drill with no ending at all', () => {
      const scenario = fakeScenario({ nodes: [fakeDecision({ choices: [fakeChoice({ next: 'n1' })] })] });
      expectOneError(JSON.stringify(scenario), '/nodes', /^没有结局节点：至少添加一个 "kind": "ending" 的节点。$/);
    });

    it('reports duplicate ids at the second one', () => {
      const nodes = fakeScenario({ nodes: [fakeDecision(), fakeEnding(), fakeEnding()] });
      expectOneError(JSON.stringify(nodes), '/nodes/2/id', /^节点 id「end」重复了：每个节点的 id 必须唯一，请改名。$/);
      const choices = fakeScenario({ nodes: [fakeDecision({ choices: [fakeChoice(), fakeChoice()] }), fakeEnding()] });
      expectOneError(JSON.stringify(choices), '/nodes/0/choices/1/id', /^选项 id「c1」重复了.*请改名。$/);
      const variables = fakeScenario({ variables: [fakeNumberVar(), fakeNumberVar()] });
      expectOneError(JSON.stringify(variables), '/variables/1/id', /^变量 id「cases」重复了.*请改名。$/);
    });

    it('reports timeLimitSec without timeoutChoice, at where the timeoutChoice belongs', () => {
      const scenario = fakeScenario({ nodes: [fakeDecision({ timeLimitSec: 60 }), fakeEnding()] });
      expectOneError(
        JSON.stringify(scenario),
        '/nodes/0/timeoutChoice',
        /^设了 timeLimitSec 却没有 timeoutChoice：写明限时用完时采取哪个选项。$/,
      );
    });

    it('reports every meaning problem at once', () => {
      const scenario = fakeScenario({
        nodes: [
          fakeDecision({
            timeLimitSec: 60,
            choices: [
              fakeChoice({ effects: [{ op: 'set', var: 'ghost', value: 1 }] }),
              fakeChoice({ id: 'c2', next: 'nowhere' }),
            ],
          }),
          fakeEnding(),
        ],
      });
      expect(problems(load(JSON.stringify(scenario))).map((p) => p.pointer)).toEqual([
        '/nodes/0/timeoutChoice',
        '/nodes/0/choices/0/effects/0/var',
        '/nodes/0/choices/1/next',
      ]);
    });
  });

  describe('schema version', () => {
    it('refuses a file from a newer version and says what to do', () => {
      expectOneError(
        withValue(['schemaVersion'], SCHEMA_VERSION + 1),
        '/schemaVersion',
        new RegExp(
          `^这个文件的格式版本是 ${SCHEMA_VERSION + 1}，比本程序支持的 ${SCHEMA_VERSION} 新：请升级程序，或用版本 ${SCHEMA_VERSION} 的格式。$`,
        ),
      );
    });

    it('reports only the version for a newer file, not the new fields it may use', () => {
      const root = data();
      root.schemaVersion = SCHEMA_VERSION + 1;
      root.newFeature = { anything: true };
      delete root.briefing;
      expect(problems(load(JSON.stringify(root))).map((p) => p.pointer)).toEqual(['/schemaVersion']);
    });

    it('refuses a version below 1', () => {
      expectOneError(withValue(['schemaVersion'], 0), '/schemaVersion', /^不能小于 1，实际是 0。$/);
    });
  });

  it('[regression] refuses a pathologically deep file instead of overflowing the stack', () => {
    const depth = 20_000;
    const when = `${'{"not":'.repeat(depth)}{"after":"1h"}${'}'.repeat(depth)}`;
    const text = withValue(['nodes', 0, 'choices', 0, 'when'], 'WHEN').replace('"WHEN"', when);
    let result: LoadResult | undefined;
    expect(() => {
      result = load(text);
    }).not.toThrow();
    const [problem] = problems(result as LoadResult);
    expect(problem?.message).toMatch(HAN);
    expect(problem?.message).toMatch(/嵌套太深/);
    expect(problem?.pointer.startsWith('/nodes/0/choices/0/when/not/not')).toBe(true);
  });

  it('still accepts reasonably nested conditions', () => {
    const depth = 30;
    const when = `${'{"not":'.repeat(depth)}{"after":"1h"}${'}'.repeat(depth)}`;
    const text = withValue(['nodes', 0, 'choices', 0, 'when'], 'WHEN').replace('"WHEN"', when);
    expect(load(text).ok).toBe(true);
  });

  describe('never throws', () => {
    const neverThrows = (text: string) => {
      const result = load(text);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p.message).toMatch(HAN);
          expect(p.pointer === '' || p.pointer.startsWith('/')).toBe(true);
        }
      }
    };

    it('for arbitrary strings', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), neverThrows), { numRuns: 1000 });
    });

    it('for arbitrary JSON values', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => neverThrows(JSON.stringify(value) ?? 'null')),
        { numRuns: 1000 },
      );
    });

    it('for a valid scenario with an arbitrary JSON value put anywhere in it', () => {
      // Garbage that gets past the first checks: the schema and lint see nearly valid files.
      const root = data(
        fakeScenario({
          variables: [fakeNumberVar()],
          nodes: [
            fakeDecision({
              timeLimitSec: 30,
              timeoutChoice: 'c1',
              choices: [
                fakeChoice({
                  when: { all: [{ var: 'cases', op: '>', value: 1 }] },
                  effects: [{ op: 'random', var: 'cases', min: 0, max: 5 }],
                  next: [{ when: { visited: 'n1' }, to: 'end' }, { to: 'end' }],
                }),
              ],
            }),
            fakeEnding(),
          ],
        }),
      );
      const paths: PathKey[][] = [];
      const walk = (value: Json, path: PathKey[]) => {
        paths.push(path);
        if (Array.isArray(value)) {
          for (const [i, x] of value.entries()) walk(x, [...path, i]);
        } else if (value && typeof value === 'object')
          for (const [k, x] of Object.entries(value)) walk(x, [...path, k]);
      };
      walk(root, []);
      fc.assert(
        fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, value) => {
          const copy: Json = structuredClone(root);
          let parent = copy as Record<string, Json>;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, Json>;
          parent[path[path.length - 1] as PathKey] = value as Json;
          neverThrows(JSON.stringify(copy));
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('mayHoldBraces', () => {
  it('says yes to two braces, written as they are or escaped in either case', () => {
    for (const text of ['{"t": "{{a}}"}', '{"t": "\\u007b{a}}"}', '{"t": "\\u007B{a}}"}']) {
      expect(mayHoldBraces(text)).toBe(true);
    }
  });

  it('says no to a text without them, an escape of another character in the same range included', () => {
    for (const text of ['{"t": "{a}"}', '{"t": "\\u007c\\u007d"}', '{"a": {"b": {}}}']) {
      expect(mayHoldBraces(text)).toBe(false);
    }
  });
});

describe('fakeScenario', () => {
  it('is a valid drill on its own', () => {
    expect(load(JSON.stringify(fakeScenario()))).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('"$comment" in a drill', () => {
  /** A drill with a world, then the same drill with a "$comment" on objects at every level. */
  function drills(): { plain: Scenario; commented: Json } {
    const plain = fakeWorldScenario({
      variables: [fakeNumberVar()],
      references: [fakeLaw()],
      powers: [fakePower({ holders: ['province', 'city'], report: { to: 'province', within: '0m' } })],
      timeWindows: [{ id: 'report', label: '网络直报', ideal: '2h', latest: '1d' }],
      injects: [fakeInject({ when: { all: [{ after: '1h' }] }, world: [{ type: 'trust', region: 'home', add: -5 }] })],
      scoring: { base: 60, rules: { intercept: { delta: -20 } } },
      nodes: [
        fakeDecision({
          timeLimitSec: 30,
          timeoutChoice: 'wait',
          choices: [
            fakeChoice({
              power: 'lockdown',
              reports: ['lockdown'],
              completes: ['report'],
              effects: [{ op: 'add', var: 'cases', value: 5 }],
              world: [{ type: 'contact', region: 'home', factor: 0.8 }],
              score: [{ dimension: 'timeliness', delta: 5, reason: '及时。', refs: ['law-1'] }],
              next: [{ when: { not: { var: 'cases', op: '>', value: 50 } }, to: 'end' }, { to: 'end' }],
            }),
            fakeChoice({ id: 'wait', label: '等待上级指示', timeoutOnly: true, takes: '1d' }),
          ],
        }),
        fakeEnding(),
      ],
    });
    const commented = data(plain);
    const note = (obj: Json, text: string) => {
      (obj as Record<string, Json>).$comment = text;
    };
    const at = (...path: PathKey[]) => path.reduce<Json>((x, k) => (x as Record<string, Json>)[k] as Json, commented);
    note(commented, '模板：顶层注释');
    note(at('nodes', 0), '决策节点');
    note(at('nodes', 0, 'choices', 0), '选项');
    note(at('nodes', 0, 'choices', 0, 'effects', 0), '效果');
    note(at('nodes', 0, 'choices', 0, 'world', 0), '措施');
    note(at('nodes', 0, 'choices', 0, 'score', 0), '评分');
    note(at('nodes', 0, 'choices', 0, 'next', 0), '去向');
    note(at('nodes', 0, 'choices', 0, 'next', 0, 'when'), '条件');
    note(at('nodes', 0, 'choices', 0, 'next', 0, 'when', 'not'), '嵌套的条件');
    note(at('nodes', 1), '结局');
    note(at('variables', 0), '变量');
    note(at('references', 0), '依据');
    note(at('powers', 0), '权力');
    note(at('powers', 0, 'report'), '报告义务');
    note(at('timeWindows', 0), '时间窗');
    note(at('injects', 0), '插入事件');
    note(at('injects', 0, 'when', 'all', 0), '插入事件的条件');
    note(at('regions', 0), '地区');
    note(at('travel', 0), '往来');
    note(at('epidemic'), '传染病');
    note(at('epidemic', 'initial', 0), '开局感染');
    note(at('supplies', 0), '物资');
    note(at('actors', 0), '主体');
    note(at('scoring'), '评分设置');
    note(at('scoring', 'rules', 'intercept'), '截留扣分');
    return { plain, commented };
  }

  it('loads with a comment on objects at every level, and keeps every comment and every other value', () => {
    const { plain, commented } = drills();
    const result = load(JSON.stringify(commented, null, 2));
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.pointer} ${p.message}`).join('\n'));
    // No error, and no warning the same drill without comments does not have.
    const without = load(JSON.stringify(plain));
    expect(without.ok).toBe(true);
    expect(result.warnings).toEqual(without.ok ? without.warnings : null);
    expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(commented);
  });

  it('changes nothing in play: the engine ignores it', () => {
    const { plain, commented } = drills();
    const loaded = load(JSON.stringify(commented));
    if (!loaded.ok) throw new Error('does not load');
    // The run logs the measures it applied, comments and all; apart from those copies, nothing differs.
    const uncommented = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === '$comment' ? undefined : v)));
    for (const decisions of [[{ choiceId: 'c1', realMs: 1000 }], [{ choiceId: 'c1', realMs: 31_000 }]]) {
      const played = replay(loaded.scenario, 7, decisions);
      expect(uncommented(played)).toEqual(uncommented(replay(plain, 7, decisions)));
      expect(played.scoreEvents.length).toBeGreaterThan(0);
    }
  });

  it('must be text', () => {
    const root = data();
    root.$comment = 42;
    expect(problems(load(JSON.stringify(root)))).toEqual([
      { severity: 'error', pointer: '/$comment', message: expect.stringMatching(HAN) },
    ]);
  });

  it('is not a scoring rule: the map of rules takes rule names only', () => {
    const root = data(fakeScenario({ scoring: { rules: { intercept: { delta: -20 } } } }));
    (root.scoring as Record<string, Json>).rules = { $comment: '说明', intercept: { delta: -20 } };
    expectOneError(JSON.stringify(root), '/scoring/rules/$comment', /不认识的字段/);
  });
});

describe('limits', () => {
  /** The drill as JSON with the list at `path` made `count` items long. */
  function withList(base: Scenario, path: readonly PathKey[], count: number, item: (i: number) => Json): string {
    const root = data(base);
    let parent: Json = root;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key] as Json;
    (parent as Record<string, Json>)[path[path.length - 1] as PathKey] = Array.from({ length: count }, (_, i) =>
      item(i),
    );
    return JSON.stringify(root);
  }

  const world = () =>
    fakeWorldScenario({
      references: [fakeLaw()],
      powers: [fakePower()],
      nodes: [
        fakeDecision({
          choices: [
            fakeChoice({
              when: { all: [{ after: '1h' }] },
              score: [fakeScoreRule({ refs: ['law-1'] })],
              world: [{ type: 'notify', regions: ['next'] }],
            }),
          ],
        }),
        fakeEnding(),
      ],
    });

  // [what, drill, path to the list, its limit, an item, the message's start]
  const lists: [string, () => Scenario, PathKey[], number, (i: number) => Json, string][] = [
    ['nodes', fakeScenario, ['nodes'], MAX_NODES, (i) => fakeEnding({ id: `e${i}` }), `节点不能超过 ${MAX_NODES} 个：`],
    [
      'choices of a decision',
      fakeScenario,
      ['nodes', 0, 'choices'],
      MAX_CHOICES,
      (i) => fakeChoice({ id: `c${i}` }),
      `一个决策节点最多 ${MAX_CHOICES} 个选项：合并相近的选项`,
    ],
    [
      'variables',
      fakeScenario,
      ['variables'],
      MAX_VARIABLES,
      (i) => fakeNumberVar({ id: `v${i}` }),
      `变量不能超过 ${MAX_VARIABLES} 个：`,
    ],
    [
      'references',
      fakeScenario,
      ['references'],
      MAX_REFERENCES,
      (i) => fakeLaw({ id: `r${i}` }),
      `依据不能超过 ${MAX_REFERENCES} 条：`,
    ],
    [
      'time windows',
      fakeScenario,
      ['timeWindows'],
      MAX_TIME_WINDOWS,
      (i) => fakeWindow({ id: `w${i}` }),
      `关键行动的时间窗不能超过 ${MAX_TIME_WINDOWS} 个：`,
    ],
    [
      'injects',
      fakeScenario,
      ['injects'],
      MAX_INJECTS,
      (i) => fakeInject({ id: `i${i}` }),
      `插入事件不能超过 ${MAX_INJECTS} 个：`,
    ],
    [
      'regions',
      world,
      ['regions'],
      MAX_REGIONS,
      (i) => fakeRegion({ id: `r${i}` }),
      `地区不能超过 ${MAX_REGIONS} 个：`,
    ],
    [
      'travel',
      world,
      ['travel'],
      MAX_TRAVEL,
      () => ({ between: ['home', 'next'], perDay: 1 }),
      `地区之间的往来不能超过 ${MAX_TRAVEL} 条`,
    ],
    [
      'supplies',
      world,
      ['supplies'],
      MAX_SUPPLIES,
      (i) => fakeSupply({ id: `s${i}` }),
      `物资种类不能超过 ${MAX_SUPPLIES} 种：`,
    ],
    ['actors', world, ['actors'], MAX_ACTORS, (i) => fakeActor({ id: `a${i}` }), `主体不能超过 ${MAX_ACTORS} 个：`],
    ['powers', world, ['powers'], MAX_POWERS, (i) => fakePower({ id: `p${i}` }), `权力不能超过 ${MAX_POWERS} 条：`],
    [
      "a choice's effects",
      fakeScenario,
      ['nodes', 0, 'choices', 0, 'effects'],
      MAX_LIST,
      () => ({ op: 'set', var: 'cases', value: 1 }),
      `效果最多 ${MAX_LIST} 条：`,
    ],
    [
      "an inject's effects",
      () => fakeScenario({ injects: [fakeInject()] }),
      ['injects', 0, 'effects'],
      MAX_LIST,
      () => ({ op: 'set', var: 'cases', value: 1 }),
      `效果最多 ${MAX_LIST} 条：`,
    ],
    [
      "a choice's measures",
      world,
      ['nodes', 0, 'choices', 0, 'world'],
      MAX_LIST,
      () => ({ type: 'trust', region: 'home', add: 1 }),
      `措施最多 ${MAX_LIST} 项：`,
    ],
    [
      "an inject's measures",
      () => fakeWorldScenario({ injects: [fakeInject()] }),
      ['injects', 0, 'world'],
      MAX_LIST,
      () => ({ type: 'trust', region: 'home', add: 1 }),
      `措施最多 ${MAX_LIST} 项：`,
    ],
    [
      "a choice's score",
      fakeScenario,
      ['nodes', 0, 'choices', 0, 'score'],
      MAX_LIST,
      () => fakeScoreRule(),
      `一个决定最多 ${MAX_LIST} 条评分：`,
    ],
    [
      'the key actions a choice completes',
      fakeScenario,
      ['nodes', 0, 'choices', 0, 'completes'],
      MAX_LIST,
      () => 'report',
      `一个决定最多完成 ${MAX_LIST} 个关键行动：`,
    ],
    [
      'branches of a next',
      fakeScenario,
      ['nodes', 0, 'choices', 0, 'next'],
      MAX_LIST,
      () => ({ to: 'end' }),
      `去向最多 ${MAX_LIST} 条：`,
    ],
    [
      'conditions of an all',
      world,
      ['nodes', 0, 'choices', 0, 'when', 'all'],
      MAX_LIST,
      () => ({ after: '1h' }),
      `一个 all / any 里最多 ${MAX_LIST} 个条件：`,
    ],
    [
      'references of a score event',
      world,
      ['nodes', 0, 'choices', 0, 'score', 0, 'refs'],
      MAX_LIST,
      () => 'law-1',
      `依据最多列 ${MAX_LIST} 条：`,
    ],
    ['holders of a power', world, ['powers', 0, 'holders'], MAX_LIST, () => 'province', `最多列 ${MAX_LIST} 个主体：`],
    [
      "a region's neighbours",
      world,
      ['regions', 0, 'neighbours'],
      MAX_REGIONS,
      () => 'next',
      `最多列 ${MAX_REGIONS} 个地区`,
    ],
    [
      'the regions informed',
      world,
      ['nodes', 0, 'choices', 0, 'world', 0, 'regions'],
      MAX_REGIONS,
      () => 'next',
      `最多列 ${MAX_REGIONS} 个地区`,
    ],
    [
      'the epidemic at the start',
      world,
      ['epidemic', 'initial'],
      MAX_REGIONS,
      () => ({ region: 'home' }),
      `最多列 ${MAX_REGIONS} 个地区`,
    ],
  ];

  describe.each(lists)('%s', (_what, base, path, limit, item, message) => {
    it(`is refused past ${limit}, at the list, with the limit and what to do`, () => {
      expectOneError(withList(base(), path, limit + 1, item), toPointer(path), new RegExp(`^${literal(message)}`));
    });

    it(`is not refused for its length at ${limit}`, () => {
      const result = load(withList(base(), path, limit, item));
      const found = result.ok ? result.warnings : result.problems;
      expect(found.filter((p) => p.message.startsWith(message))).toEqual([]);
    });
  });

  it('lets the generated 10,000-node drill load (scripts/bench-drill.ts)', () => {
    expect(load(JSON.stringify(largeDrill(10_000)))).toMatchObject({ ok: true });
  });

  it('bounds a duration: at most 999 days, six digits of minutes, four of hours', () => {
    for (const ok of ['999d', '999999m', '9999h', '0.125d', '1.5h']) {
      expect(load(withValue(['nodes', 0, 'choices', 0, 'takes'], ok)).ok).toBe(true);
    }
    for (const bad of ['1000d', '1000000m', '10000h', '99999999999999999999d', `${'9'.repeat(400)}h`, '1.2345h']) {
      expectOneError(
        withValue(['nodes', 0, 'choices', 0, 'takes'], bad),
        '/nodes/0/choices/0/takes',
        /^时长写成数字加单位，如 "30m"、"2h"、"1.5d"；最长 999 天（分钟数最多 6 位，小时数最多 4 位，小数最多 3 位）$/,
      );
    }
  });

  it('bounds every text, "$comment" and "$schema" included', () => {
    expectOneError(withValue(['$comment'], 'x'.repeat(2001)), '/$comment', /^注释不能超过 2000 个字符$/);
    expect(load(withValue(['$comment'], 'x'.repeat(2000))).ok).toBe(true);
    expectOneError(withValue(['$schema'], 'x'.repeat(501)), '/$schema', /^\$schema 的地址不能超过 500 个字符/);
    expectOneError(withValue(['nodes', 0, 'choices', 0, 'id'], 'x'.repeat(65)), '/nodes/0/choices/0/id', /^只能用/);
    expectOneError(withValue(['title'], 'x'.repeat(41)), '/title', /^不能超过 40 个字符$/);
  });
});

describe('keys every object has ("__proto__", "constructor", "prototype"…)', () => {
  const HELD =
    /^不能用「(__proto__|constructor|prototype)」作字段名或 id（JavaScript 对象自带这个名字）：删去它，或换一个名字。$/;

  /** The file's text with `"KEY": value` written into the object at `path` (JSON.parse keeps it an own key). */
  function withKey(base: Scenario, path: readonly PathKey[], key: string, value: Json): string {
    const root = data(base);
    const target = path.reduce<Json>((x, k) => (x as Record<string, Json>)[k] as Json, root) as Record<string, Json>;
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(root);
  }

  /** Nothing inherited changed: a fresh object has no "polluted", the built-in prototypes have their own keys only. */
  function expectUnpolluted(): void {
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
    expect({}.constructor).toBe(Object);
  }

  const world = () =>
    fakeWorldScenario({
      variables: [fakeNumberVar()],
      // A second choice with no condition: the meaning checks run beside the shape errors, and find nothing.
      nodes: [
        fakeDecision({ choices: [fakeChoice({ when: { all: [{ after: '0m' }] } }), fakeChoice({ id: 'c2' })] }),
        fakeEnding(),
      ],
    });
  const PAYLOAD: Json = { polluted: true, prototype: { polluted: true } };

  it.each([
    ['the top level', []],
    ['a node', ['nodes', 0]],
    ['a choice', ['nodes', 0, 'choices', 0]],
    ['a condition', ['nodes', 0, 'choices', 0, 'when']],
    ['a condition inside all', ['nodes', 0, 'choices', 0, 'when', 'all', 0]],
    [
      "a region's supplies (a record, which the schema library would quietly drop the key from)",
      ['regions', 0, 'supplies'],
    ],
    ['the epidemic', ['epidemic']],
  ] as [string, PathKey[]][])('in %s: refused at the key, and nothing is polluted', (_where, path) => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = load(withKey(world(), path, key, PAYLOAD));
      expect(problems(result)).toEqual([
        { severity: 'error', pointer: toPointer([...path, key]), message: expect.stringMatching(HELD) },
      ]);
      expectUnpolluted();
    }
  });

  it('keeps the other problems of the file, reported once each', () => {
    const text = withKey(world(), ['regions', 0, 'supplies'], '__proto__', PAYLOAD).replace(
      '"title":"测试演练"',
      '"title":5',
    );
    expect(problems(load(text)).map((p) => p.pointer)).toEqual(['/regions/0/supplies/__proto__', '/title']);
  });

  it.each([
    ['a variable', ['variables', 0, 'id']],
    ['a node', ['nodes', 1, 'id']],
    ['a region', ['regions', 1, 'id']],
    ['a supply in a record', ['regions', 0, 'supplies']],
  ] as [string, PathKey[]][])('may not be the id of %s', (_what, path) => {
    for (const name of RESERVED_NAMES) {
      const root = data(world());
      const parent = path.slice(0, -1).reduce<Json>((x, k) => (x as Record<string, Json>)[k] as Json, root) as Record<
        string,
        Json
      >;
      const last = path[path.length - 1] as string;
      if (last === 'supplies') {
        parent[last] = JSON.parse(`{${JSON.stringify(name)}: 1}`);
      } else parent[last] = name;
      const found = problems(load(JSON.stringify(root))).filter((p) => p.severity === 'error');
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]?.pointer.startsWith(toPointer(path))).toBe(true);
      expect(found[0]?.message).toMatch(/不能用.*(constructor|__proto__|toString|JavaScript 对象自带)/);
      expectUnpolluted();
    }
  });

  it('[regression] a time window named "toString" is refused, not taken as done from the start', () => {
    const root = data(
      fakeScenario({
        timeWindows: [fakeWindow({ id: 'toString' })],
        nodes: [fakeDecision({ choices: [fakeChoice({ completes: ['toString'] })] }), fakeEnding()],
      }),
    );
    expect(problems(load(JSON.stringify(root))).map((p) => p.pointer)).toEqual([
      '/timeWindows/0/id',
      '/nodes/0/choices/0/completes/0',
    ]);
  });

  it('are only text where text is free: a drill whose words are "__proto__" loads, plays and pollutes nothing', () => {
    const words = '__proto__ constructor prototype toString';
    const scenario = fakeWorldScenario({
      title: '__proto__',
      summary: words,
      variables: [
        fakeNumberVar({ id: '__proto', label: 'constructor' }),
        fakeNumberVar({ id: 'proto_type', label: '__proto__' }),
      ],
      nodes: [
        fakeDecision({
          title: 'prototype',
          text: words,
          choices: [
            fakeChoice({
              id: 'constructor_',
              label: '__proto__',
              feedback: 'constructor.prototype.polluted = true',
              effects: [{ op: 'add', var: '__proto', value: 5 }],
              next: 'n2',
            }),
          ],
        }),
        fakeDecision({
          id: 'n2',
          title: 'constructor',
          choices: [
            fakeChoice({ when: { var: '__proto', op: '>', value: 12 }, next: 'end' }),
            fakeChoice({ id: 'c2', label: 'toString', next: 'end' }),
          ],
        }),
        fakeEnding({ title: 'toString', text: words }),
      ],
    });
    const result = load(JSON.stringify(scenario));
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.pointer} ${p.message}`).join('\n'));
    let state = start(result.scenario, 7);
    for (let i = 0; i < 5 && state.ending === null; i++) {
      const [choice] = offeredChoices(result.scenario, state);
      [state] = choose(result.scenario, state, (choice as { id: string }).id, 1000);
      expectUnpolluted();
    }
    expect(state.ending).toBe('end');
    expect(state.vars.__proto).toBe(15);
    expect(Object.getPrototypeOf(state.vars)).toBe(Object.prototype);
    expectUnpolluted();
  });
});

describe('older format versions', () => {
  /** A version-1 drill: the 2025 emergency power written the old way, "the province holds it, the city may act first". */
  const versionOne = () => {
    const drill = data(
      fakeWorldScenario({
        references: [fakeLaw()],
        powers: [fakePower()],
        nodes: [fakeDecision({ choices: [fakeChoice({ power: 'lockdown', next: 'end' })] }), fakeEnding()],
      }),
    ) as Record<string, Json>;
    drill.schemaVersion = 1;
    (drill.powers as Record<string, Json>[])[0] = {
      ...((drill.powers as Json[])[0] as Record<string, Json>),
      actFirst: { holders: ['city'], reportTo: 'province' },
    };
    return drill;
  };

  it('reads actFirst as holders, keeping the file’s scores, and says where it stood what to add', () => {
    const result = load(JSON.stringify(versionOne()));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.scenario.powers?.[0]).toMatchObject({ holders: ['province', 'city'] });
    expect(result.scenario.powers?.[0]).not.toHaveProperty('actFirst');
    expect(result.scenario.powers?.[0]).not.toHaveProperty('report');
    expect(result.warnings).toContainEqual({
      severity: 'warning',
      pointer: '/powers/0/actFirst',
      message: expect.stringContaining('"report": {"to": "province", "within": "0m"}'),
    });
    // As in version 1, acting first is lawful and nothing else is charged for it.
    const state = replay(result.scenario, 1, [{ choiceId: 'c1', realMs: 0 }]);
    expect(state.scoreEvents.filter((e) => e.dimension === 'legality')).toEqual([]);
  });

  it('reads a version-2 file as it is, with no warning: version 3 only adds instructorNotes, version 4 only optional fields', () => {
    const drill = data(fakeScenario()) as Record<string, Json>;
    drill.schemaVersion = 2;
    const result = load(JSON.stringify(drill));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.warnings).toEqual([]);
    expect(result.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    const withNotes = load(
      JSON.stringify({ ...drill, schemaVersion: SCHEMA_VERSION, instructorNotes: '最好的一条线教的是……' }),
    );
    expect(withNotes.ok && withNotes.scenario.instructorNotes).toBe('最好的一条线教的是……');
  });

  it('routes a version-3 shipment the trainee stops through the trainee’s region, keeping its runs, and says so', () => {
    const convoy = { type: 'ship', id: 'convoy', supply: 'masks', amount: 20, from: 'next', to: 'far', takes: '1d' };
    const drill = data(
      fakeWorldScenario({
        nodes: [
          fakeDecision({ choices: [fakeChoice({ world: [{ type: 'intercept', shipment: 'convoy' }] })] }),
          fakeEnding(),
        ],
      }),
    ) as Record<string, Json>;
    drill.schemaVersion = 3;
    drill.regions = [...(drill.regions as Json[]), { id: 'far', name: '远方市', population: 1000, beds: 1, trust: 50 }];
    drill.injects = [{ id: 'sent', title: '车队出发', text: '一批口罩出发。', at: '0m', world: [convoy] }];
    const result = load(JSON.stringify(drill));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.scenario.injects?.[0]?.world?.[0]).toMatchObject({ via: ['home'] });
    expect(result.warnings).toContainEqual({
      severity: 'warning',
      pointer: '/injects/0/world/0',
      message: expect.stringContaining('"via": ["home"]'),
    });
    const state = replay(result.scenario, 1, [{ choiceId: 'c1', realMs: 0 }]);
    expect(state.world.shipments[0]?.status).toBe('intercepted');
  });

  it('refuses actFirst in a file that says it is of the current version', () => {
    const drill = versionOne();
    drill.schemaVersion = SCHEMA_VERSION;
    const result = load(JSON.stringify(drill));
    expect(result.ok).toBe(false);
  });
});
