/** Small schema pieces shared by the scenario and world schemas. */
import * as v from 'valibot';

export const d = v.description;

/**
 * Example values, published as JSON Schema `examples`: the instructor's editor offers them while
 * typing. Examples add up along a pipe (to-json-schema concatenates them), so the shared pieces
 * below carry none of their own: each field names the examples that fit it.
 */
export const ex = v.examples;

export const Id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, '只能用英文字母、数字、- 和 _，1–64 个字符'),
  d('标识：英文字母、数字、- 或 _，在同类中唯一 — identifier: letters, digits, - or _, unique among its kind'),
);

export const Text = (max: number, what: string, examples: readonly string[]) =>
  v.pipe(v.string(), v.minLength(1, '不能为空'), v.maxLength(max, `不能超过 ${max} 个字符`), d(what), ex(examples));

/** "30m", "2h", "1.5d": minutes, hours or days of in-game time. */
export const Duration = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?(m|h|d)$/, '时长写成数字加单位，如 "30m"、"2h"、"1.5d"'),
  d('游戏内时长：数字加单位 m（分钟）、h（小时）、d（天），如 "2h" — in-game duration, e.g. "30m", "2h", "1.5d"'),
);

export const Dimension = v.pipe(
  v.picklist(['timeliness', 'legality', 'coordination'], '评分维度只能是 timeliness、legality 或 coordination'),
  d('评分维度：timeliness 时效、legality 依法、coordination 协同 — score dimension'),
);

export const ComparisonOp = v.pipe(
  v.picklist(['==', '!=', '<', '<=', '>', '>='], '比较运算只能是 ==、!=、<、<=、>、>='),
  d('比较运算 — comparison operator'),
);

export const RefIds = v.pipe(
  v.array(Id),
  d("依据：references 中的 id（讲稿段落、法律条文） — references: ids into the drill's references"),
  ex([['k_dengdai'], ['z45b', 'w30b', 'k_zhibao']]),
);

/**
 * `"$comment"` — JSON Schema's own name for a note to the reader. JSON has no comments, so a
 * drill (a template above all) carries its notes here; the engine never reads them.
 */
export const Comment = v.optional(
  v.pipe(
    v.string(),
    v.maxLength(2000, '注释不能超过 2000 个字符'),
    d('注释：写给编写者看的说明，学员看不到，引擎忽略 — a note for authors; never shown, ignored by the engine'),
    ex(['这个节点考查“边报告边核实”：限时 60 秒，超时即“等待上级指示”。']),
  ),
);

/**
 * A strict object (unknown keys are errors) that also takes an optional `"$comment"`. Every
 * object of the scenario format is made with it, so a comment may stand anywhere.
 */
export function strictObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject({ $comment: Comment, ...entries });
}
