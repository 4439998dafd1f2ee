/**
 * Loading a scenario file: parse → shape (schema) → meaning (lint). Every problem is reported
 * at once: while shape errors remain, the meaning checks run on the rest of the file beside them.
 * Nothing is repaired quietly: a file with a shape error never loads. A scenario file is
 * untrusted data: it is only parsed.
 */
import * as v from 'valibot';
import { contentHash } from './hash';
import { type LintOptions, lint } from './lint/index';
import { migrateScenario } from './migrations';
import { error, type PathKey, type Problem } from './problem';
import { repairedView } from './repair';
import { hasScenarioShape } from './scenario-shape.generated';
import { SCHEMA_VERSION, type Scenario, ScenarioSchema } from './schema';
import { shapeProblems } from './shape-messages';

/** Yes only when valibot would accept the data and give it back unchanged: generated from the schema (scripts/gen-shape.ts). */
export { hasScenarioShape };

/** Larger files are refused before parsing; the biggest real drill is a few hundred KB. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

export type LoadResult =
  | { ok: true; scenario: Scenario; hash: string; warnings: Problem[] }
  /** `shaped`: the scenario when only meaning checks failed, so an editor can still draw it. */
  | { ok: false; problems: Problem[]; shaped?: Scenario };

/** "… at position 42" / "(line 3 column 5)" in V8's JSON errors → a Chinese location. */
function jsonErrorMessage(text: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // V8 quotes the file itself in "Unexpected token 'x', "…" is not valid JSON": read no location out of that.
  const own = raw.replace(/, ".*" is not valid JSON$/s, '');
  let line: number | undefined;
  let column: number | undefined;
  const lc = /line (\d+) column (\d+)/.exec(own);
  const pos = /position (\d+)/.exec(own);
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  // Without a position, say only what is known: the character the parser tripped on, or the end.
  const token = /Unexpected token '(\S+)'/.exec(own)?.[1];
  const where =
    line !== undefined
      ? `第 ${line} 行第 ${column} 列附近`
      : token !== undefined
        ? `「${token}」附近`
        : /end of (JSON input|data)|EOF/i.test(own)
          ? '文件末尾'
          : '';
  return `不是合法的 JSON：${where}有语法错误。常见原因：多了或少了逗号、引号或括号不成对、用了中文引号。`;
}

/**
 * Deeper nesting is refused before the schema and lint walk the file: they recurse, and a file a
 * few thousand levels deep (a few dozen KB) would overflow the stack. Real drills stay near 15.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * The path to a value nested deeper than MAX_NESTING_DEPTH, or null. Iterative, so it cannot overflow.
 * Depths alone are walked first: building every value's path cost most of the time `load` took on
 * a 10,000-node drill, and a path is needed only for the rare file that is too deep.
 */
function tooDeep(data: unknown): PathKey[] | null {
  if (data === null || typeof data !== 'object') return null;
  // Only objects and arrays are pushed.
  const values: object[] = [data];
  const depths: number[] = [0];
  let deep = false;
  while (values.length > 0 && !deep) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth >= MAX_NESTING_DEPTH) deep = true;
    else if (Array.isArray(value)) {
      for (const child of value) {
        if (child !== null && typeof child === 'object') {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in value) {
        const child = (value as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return deep ? pathTooDeep(data) : null;
}

/** The path to the first value (in tooDeep's order) nested deeper than MAX_NESTING_DEPTH. */
function pathTooDeep(data: object): PathKey[] | null {
  const stack: [unknown, PathKey[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, PathKey[]];
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_NESTING_DEPTH) return path;
    for (const [key, child] of Object.entries(value)) {
      stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
    }
  }
  return null;
}

/** The keys valibot drops from a record without a word (its `_isValidObjectKey`). */
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A problem for each key named "__proto__", "constructor" or "prototype", anywhere. JSON.parse
 * makes them plain own properties, so nothing is polluted; but valibot would drop them from a
 * record (a region's `supplies`) and the drill would load without what the author wrote. Elsewhere
 * they are unknown fields, said here more plainly. Iterative; only for a file that is not already
 * in shape (the compiled check answers no to any of these keys).
 */
function droppedKeys(data: object): Problem[] {
  const found: Problem[] = [];
  const stack: [unknown, PathKey[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, PathKey[]];
    if (value === null || typeof value !== 'object') continue;
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (!isArray && DROPPED_KEYS.has(key)) {
        found.push(
          error([...path, key], `不能用「${key}」作字段名或 id（JavaScript 对象自带这个名字）：删去它，或换一个名字。`),
        );
      } else if (child !== null && typeof child === 'object')
        stack.push([child, [...path, isArray ? Number(key) : key]]);
    }
  }
  return found.reverse();
}

/**
 * The meaning checks on the rest of a file whose shape is not yet right (scenario/repair.ts), each
 * problem at its place in the file. One that stands where a shape error stands, or inside it, is
 * that error's consequence and is not said again. None when the shape errors leave too little.
 */
function meaningBesideShape(data: Record<string, unknown>, broken: readonly Problem[]): Problem[] {
  const view = repairedView(
    data,
    broken.map((p) => p.pointer),
  );
  if (!view) return [];
  const within = (pointer: string) => broken.some((b) => pointer === b.pointer || pointer.startsWith(`${b.pointer}/`));
  return lint(view.scenario, { leftOut: view.leftOut })
    .map((p) => ({ ...p, pointer: view.toFile(p.pointer) }))
    .filter((p) => !within(p.pointer));
}

/**
 * Whether a string in the file may hold `{{`: JSON writes a brace inside a string as itself or as
 * the escape \u007b (either case). Structure never puts two braces together (a key comes first).
 * Scanning the text takes about a millisecond on a large drill; walking every string, several times that.
 */
export function mayHoldBraces(text: string): boolean {
  // Two scans, not three: the escapes are looked for apart only when their common start is there.
  if (text.includes('{{')) return true;
  return text.includes('\\u007') && (text.includes('\\u007b') || text.includes('\\u007B'));
}

/**
 * Lint's options for a file's text (see `mayHoldBraces`), one of two made once and held: an object
 * made for each load and let go takes its hidden class with it at the next full collection, and
 * each load made the class again (V8's --trace-generalization showed it at every load), as
 * lint/index.ts's `kept` says of lint's own. The bench's stage timing lints with these too.
 */
export function lintOptionsFor(text: string): Readonly<LintOptions> {
  return mayHoldBraces(text) ? LINT_PLACEHOLDERS : SKIP_PLACEHOLDERS;
}

const LINT_PLACEHOLDERS: Readonly<LintOptions> = { braces: true };
const SKIP_PLACEHOLDERS: Readonly<LintOptions> = { braces: false };

export function load(text: string): LoadResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      problems: [error([], `文件太大（超过 ${MAX_SCENARIO_BYTES / 1024 / 1024} MB）：检查是否选错了文件。`)],
    };
  }
  if (text.trim() === '') return { ok: false, problems: [error([], '文件是空的：请选择一个情景 JSON 文件。')] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // A NUL never appears in a text file: this is an image, an archive, a document… JSON has no
    // place for a raw NUL either, so only a file the parser refused is looked at for one.
    if (text.includes('\u0000')) {
      return { ok: false, problems: [error([], '这不是文本文件（含有二进制内容）：请选择情景的 .json 文件。')] };
    }
    return { ok: false, problems: [error([], jsonErrorMessage(text, e))] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [error([], '情景文件的最外层应是一个对象 { … }。')] };
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        error(
          ['schemaVersion'],
          `这个文件的格式版本是 ${version}，比本程序支持的 ${SCHEMA_VERSION} 新：请升级程序，或用版本 ${SCHEMA_VERSION} 的格式。`,
        ),
      ],
    };
  }
  const migrated = migrateScenario(data as Record<string, unknown>, SCHEMA_VERSION);
  let scenario: Scenario;
  if (hasScenarioShape(data)) {
    // Already the scenario's shape: valibot would give the same data back, only slower. The
    // check bounds how deep conditions nest, so no value here is nested too deep either.
    scenario = data as Scenario;
  } else {
    // valibot recurses: too deep a file must be refused before it can overflow the stack.
    const deep = tooDeep(data);
    if (deep) {
      return {
        ok: false,
        problems: [
          error(
            deep,
            `嵌套太深（超过 ${MAX_NESTING_DEPTH} 层）：把这里的条件拆简单些（all / any / not 不要层层套用），或检查文件是否损坏。`,
          ),
        ],
      };
    }
    const parsed = v.safeParse(ScenarioSchema, data);
    const dropped = droppedKeys(data);
    if (!parsed.success || dropped.length > 0) {
      // The plainer message replaces valibot's "unknown field" at the same place.
      const at = new Set(dropped.map((p) => p.pointer));
      const shape = parsed.success ? [] : shapeProblems(parsed.issues).filter((p) => !at.has(p.pointer));
      const broken = [...dropped, ...shape];
      return {
        ok: false,
        problems: [...migrated, ...broken, ...meaningBesideShape(data as Record<string, unknown>, broken)],
      };
    }
    scenario = parsed.output;
  }
  const found = [...migrated, ...lint(scenario, lintOptionsFor(text))];
  const errors = found.filter((p) => p.severity === 'error');
  if (errors.length) return { ok: false, problems: found, shaped: scenario };
  return { ok: true, scenario, hash: contentHash(text), warnings: found };
}
