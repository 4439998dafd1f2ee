/**
 * Two injects that open nodes and fall due at the same moment: a decision opens one node at most
 * (engine/working-copy.ts), so one of them waits. Which one goes first: an inject with `at` alone
 * before one with a `when`; otherwise the first in the file. The other fires after the decision
 * in the node the first opened, if its condition still holds then and the drill has not ended.
 *
 * Only moments the checker can be sure of are compared: equal times, and identical conditions
 * (the part of a `when` that is not `before`/`after`) whose time spans meet. Two different
 * conditions may or may not come to hold together: that depends on the run, and is not reported.
 */
import { parseDuration } from '../../engine/clock';
import type { PathKey } from '../problem';
import type { Condition, Inject } from '../schema';
import type { LintContext } from './context';

/** An inject that opens a node, and when it can fall due. */
interface Opener {
  index: number;
  inject: Inject & { opens: string };
  /** JSON of what its `when` asks besides the time; '' when it asks only about time, or has no `when`. */
  gate: string;
  /** It falls due from minute `from` (its `at`, or the `after` of its condition) until before `until`. */
  from: number;
  until: number;
}

/** The time bounds of a condition, and what else it asks (in an `all`, or as a whole). */
function split(condition: Condition, bounds: { from: number; until: number }, rest: Condition[]): void {
  if ('after' in condition) bounds.from = Math.max(bounds.from, parseDuration(condition.after));
  else if ('before' in condition) bounds.until = Math.min(bounds.until, parseDuration(condition.before));
  else if ('all' in condition) for (const part of condition.all) split(part, bounds, rest);
  else rest.push(condition);
}

function openerOf(inject: Inject, index: number): Opener | null {
  if (inject.opens === undefined) return null;
  const bounds = { from: inject.at === undefined ? 0 : parseDuration(inject.at), until: Number.POSITIVE_INFINITY };
  const rest: Condition[] = [];
  if (inject.when) split(inject.when, bounds, rest);
  if (bounds.from >= bounds.until) return null;
  const gate = rest.length === 0 ? '' : JSON.stringify(rest);
  return { index, inject: inject as Inject & { opens: string }, gate, ...bounds };
}

/** "90 分钟", "2 小时", "1.5 天": how an author reads a time written as 90m, 2h or 1.5d. */
function minutes(n: number): string {
  if (n % (24 * 60) === 0 || n >= 24 * 60) return `${Math.round((n / (24 * 60)) * 100) / 100} 天`;
  if (n % 60 === 0 || n >= 60) return `${Math.round((n / 60) * 100) / 100} 小时`;
  return `${n} 分钟`;
}

/** Whether the two can fall due at one moment, and why, in words; null when the checker cannot be sure. */
function sameMoment(a: Opener, b: Opener): string | null {
  if (a.gate === '' && b.gate === '') {
    // Each falls due at the first moment it may: the same moment, or never together.
    if (a.from !== b.from) return null;
    return a.from === 0 ? '都从开局起就会发生' : `都在开局后 ${minutes(a.from)}发生`;
  }
  if (a.gate !== b.gate || Math.max(a.from, b.from) >= Math.min(a.until, b.until)) return null;
  return '条件相同，条件成立时会同时到期';
}

/** Which goes first, and the sentence that says so. */
function order(a: Opener, b: Opener): { first: Opener; second: Opener; how: string } {
  const timedOnly = (x: Opener) => x.inject.when === undefined;
  if (timedOnly(a) !== timedOnly(b)) {
    const [first, second] = timedOnly(a) ? [a, b] : [b, a];
    return { first, second, how: `只写 at 的「${first.inject.id}」先于写了 when 的「${second.inject.id}」` };
  }
  // `a` is the earlier in the file. A timed one with a condition later in the file than one on a
  // condition alone goes first only if its condition already holds when its time comes.
  if (a.inject.at === undefined && b.inject.at !== undefined) {
    return {
      first: b,
      second: a,
      how: `「${b.inject.id}」到点时条件已成立就是它先，否则按文件中的先后「${a.inject.id}」先`,
    };
  }
  return { first: a, second: b, how: `文件中靠前的「${a.inject.id}」先` };
}

export function checkInjectOrder(context: LintContext): void {
  const { scenario } = context;
  // Two openers at least, or there is nothing to compare.
  if ((scenario.injects ?? []).filter((i) => i.opens !== undefined).length < 2) return;
  const decisions = new Set(scenario.nodes.flatMap((n) => (n.kind === 'decision' ? [n.id] : [])));
  const openers = (scenario.injects ?? []).flatMap((inject, i) => {
    const opener = decisions.has(inject.opens ?? '') ? openerOf(inject, i) : null;
    return opener ? [opener] : [];
  });
  // One warning for each inject, naming the first before it in the file that it meets.
  for (let j = 1; j < openers.length; j++) {
    const b = openers[j] as Opener;
    for (let i = 0; i < j; i++) {
      const a = openers[i] as Opener;
      const why = sameMoment(a, b);
      if (why === null) continue;
      const { first, second, how } = order(a, b);
      const at: PathKey[] = ['injects', b.index, 'opens'];
      context.warning(
        at,
        `插入事件「${a.inject.id}」和「${b.inject.id}」${why}，都要打开节点，而一个决定之后只打开一个：${how}，打开「${first.inject.opens}」；「${second.inject.id}」要等学员在那里作出决定之后才发生并打开「${second.inject.opens}」${second.inject.when ? '（到那时条件已不成立，或已走到结局，就不再打开）' : '（已走到结局就不再打开）'}。把两者的时间错开（至少隔开一个决定所耗的时间），或把两个局面写进一个节点。`,
      );
      break;
    }
  }
}
