/** Small schema pieces shared by the scenario and world schemas. */
import * as v from 'valibot';

export const doc = v.description;

/**
 * Example values, published as JSON Schema `examples`: the instructor's editor offers them while
 * typing. Examples add up along a pipe (to-json-schema concatenates them), so the shared pieces
 * below carry none of their own: each field names the examples that fit it.
 */
export const examples = v.examples;

/**
 * Names every JavaScript object already has (Object.prototype's, and "prototype"). The engine
 * and lint keep ids as keys of plain objects, where `"toString" in {}` holds: a time window named
 * so would count as done from the start. valibot also drops "__proto__", "constructor" and
 * "prototype" from a record without a word. So none of them may be an id.
 */
export const RESERVED_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

export const Id = v.pipe(
  v.string(),
  // One pattern, so the generated shape check (scripts/gen-shape.ts) tests an id with one inline regex.
  v.regex(
    new RegExp(`^(?!(?:${RESERVED_NAMES.join('|')})$)[A-Za-z0-9_-]{1,64}$`),
    '只能用英文字母、数字、- 和 _，1–64 个字符；也不能用 constructor、__proto__、toString 这类 JavaScript 对象自带的名字',
  ),
  doc('标识：英文字母、数字、- 或 _，在同类中唯一 — identifier: letters, digits, - or _, unique among its kind'),
);

/**
 * How many of each a drill may hold. Far above any real drill (the shipped ones have under twenty
 * nodes and four regions), and low enough that lint, the engine and the authoring view stay
 * quick on a hostile file: each is a JSON Schema `maxItems` too, so an editor flags it while typing.
 * A generated 10,000-node drill (scripts/bench-drill.ts) is within all of them.
 */
export const MAX_NODES = 20_000;
/** Choices of one decision (lint already warns past six shown at once). */
export const MAX_CHOICES = 100;
export const MAX_VARIABLES = 1_000;
export const MAX_REFERENCES = 2_000;
export const MAX_TIME_WINDOWS = 200;
export const MAX_INJECTS = 1_000;
/** Regions: the epidemic steps every region and every link between two at each step of the clock. */
export const MAX_REGIONS = 50;
/** Every pair of MAX_REGIONS regions. */
export const MAX_TRAVEL = (MAX_REGIONS * (MAX_REGIONS - 1)) / 2;
export const MAX_SUPPLIES = 100;
export const MAX_ACTORS = 200;
export const MAX_POWERS = 500;
/**
 * A list inside one item: a choice's effects, measures, score events, key actions and branches;
 * the conditions of one all / any; a power's holders; the ids a reference list names.
 */
export const MAX_LIST = 100;

export const Text = (max: number, what: string, samples: readonly string[]) =>
  v.pipe(
    v.string(),
    v.minLength(1, '不能为空'),
    v.maxLength(max, `不能超过 ${max} 个字符`),
    doc(what),
    examples(samples),
  );

/**
 * "30m", "2h", "1.5d": minutes, hours or days of in-game time. At most 999 days (minutes take six
 * digits, hours four): the world advances in steps of six hours, so one decision taking
 * "99999999999d" kept the engine busy for hours, and four hundred digits parse as Infinity, a
 * loop without end (found by `npm run fuzz`).
 */
export const MAX_DURATION_DAYS = 999;

export const Duration = v.pipe(
  v.string(),
  v.regex(
    /^(?:\d{1,6}(?:\.\d{1,3})?m|\d{1,4}(?:\.\d{1,3})?h|\d{1,3}(?:\.\d{1,3})?d)$/,
    `时长写成数字加单位，如 "30m"、"2h"、"1.5d"；最长 ${MAX_DURATION_DAYS} 天（分钟数最多 6 位，小时数最多 4 位，小数最多 3 位）`,
  ),
  doc('游戏内时长：数字加单位 m（分钟）、h（小时）、d（天），如 "2h" — in-game duration, e.g. "30m", "2h", "1.5d"'),
);

export const Dimension = v.pipe(
  v.picklist(['timeliness', 'legality', 'coordination'], '评分维度只能是 timeliness、legality 或 coordination'),
  doc('评分维度：timeliness 时效、legality 依法、coordination 协同 — score dimension'),
);

export const ComparisonOp = v.pipe(
  v.picklist(['==', '!=', '<', '<=', '>', '>='], '比较运算只能是 ==、!=、<、<=、>、>='),
  doc('比较运算 — comparison operator'),
);

export const RefIds = v.pipe(
  v.array(Id),
  v.maxLength(MAX_LIST, `依据最多列 ${MAX_LIST} 条：只留最直接的几条。`),
  doc("依据：references 中的 id（讲稿段落、法律条文） — references: ids into the drill's references"),
  examples([['k_dengdai'], ['z45b', 'z63a', 'k_jiama']]),
);

/**
 * `"$comment"` — JSON Schema's own name for a note to the reader. JSON has no comments, so a
 * drill (a template above all) carries its notes here; the engine never reads them.
 */
export const Comment = v.optional(
  v.pipe(
    v.string(),
    v.maxLength(2000, '注释不能超过 2000 个字符'),
    doc('注释：写给编写者看的说明，学员看不到，引擎忽略 — a note for authors; never shown, ignored by the engine'),
    examples(['这个节点考查“边报告边核实”：限时 60 秒，超时即“等待上级指示”。']),
  ),
);

/**
 * A strict object (unknown keys are errors) that also takes an optional `"$comment"`. Every
 * object of the scenario format is made with it, so a comment may stand anywhere.
 */
export function strictObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject({ $comment: Comment, ...entries });
}

/*
 * valibot's `lazy`, with the way its getter picks a schema declared beside it, as data the getter
 * itself is built from. The generated shape check (scripts/gen-shape.ts) makes the same pick
 * inline instead of calling the getter and looking up what it gave, once for each of a large
 * drill's tens of thousands of conditions; it also probes the getter to confirm the two agree.
 */

/** A lazy reference to a schema defined further on: whatever the input, that schema. */
export function lazyRef<T extends v.GenericSchema>(get: () => T) {
  return Object.assign(
    v.lazy(() => get()),
    { dispatch: { by: 'always' } as const },
  );
}

/** The schema under the first of `pick`'s keys that an object holds (`in`); else `otherwise`. */
export function lazyByKey<P extends Record<string, v.GenericSchema>, O extends v.GenericSchema>(pick: P, otherwise: O) {
  // Listed once: the pick runs for every condition of a drill, tens of thousands in a large one.
  const keys = Object.keys(pick) as (keyof P & string)[];
  return Object.assign(
    v.lazy((input): P[keyof P] | O => {
      if (input && typeof input === 'object') {
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i] as keyof P & string;
          if (key in input) return pick[key];
        }
      }
      return otherwise;
    }),
    { dispatch: { by: 'key', keys, pick, otherwise } as const },
  );
}

/** `string` for a string, `array` for an array, else `otherwise`. */
export function lazyByType<S extends v.GenericSchema, A extends v.GenericSchema, O extends v.GenericSchema>(
  pick: { string: S; array: A },
  otherwise: O,
) {
  return Object.assign(
    v.lazy((input): S | A | O => {
      if (typeof input === 'string') return pick.string;
      if (Array.isArray(input)) return pick.array;
      return otherwise;
    }),
    { dispatch: { by: 'type', pick, otherwise } as const },
  );
}
