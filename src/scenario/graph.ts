/**
 * The drill as a graph, conditions not evaluated: where choices lead, what can be reached from
 * the start, and what can still reach an ending. Lint and the authoring view's graph share it.
 */
import { RETURN } from './constants';
import type { Choice, Scenario } from './schema';

/** Node ids a choice may lead to ("$return" leads back to where an inject interrupted). */
export function targets(next: Choice['next']): string[] {
  return (typeof next === 'string' ? [next] : next.map((b) => b.to)).filter((t) => t !== RETURN);
}

/** Whether a choice may "$return" to where an inject interrupted the run. */
export function returns(next: Choice['next']): boolean {
  return typeof next === 'string' ? next === RETURN : next.some((b) => b.to === RETURN);
}

/**
 * Node ids reachable from start when every branch may be taken (conditions are not evaluated);
 * nodes that injects open are reachable too.
 */
export function reachableNodes(scenario: Scenario): Set<string> {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [scenario.start, ...(scenario.injects ?? []).flatMap((i) => (i.opens ? [i.opens] : []))];
  while (stack.length) {
    const id = stack.pop() as string;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    if (node.kind !== 'decision') continue;
    for (const choice of node.choices) stack.push(...targets(choice.next));
  }
  return seen;
}

/** Nodes from which some ending can be reached (following every branch, conditions not evaluated). */
export function leadToAnEnding(s: Scenario): Set<string> {
  const into = new Map<string, string[]>();
  for (const n of s.nodes) {
    if (n.kind !== 'decision') continue;
    for (const c of n.choices) {
      for (const t of targets(c.next)) {
        const list = into.get(t);
        if (list) list.push(n.id);
        else into.set(t, [n.id]);
      }
    }
  }
  // Endings, and nodes that return to where an inject interrupted (which itself leads on).
  const good = new Set(
    s.nodes.filter((n) => n.kind === 'ending' || n.choices.some((c) => returns(c.next))).map((n) => n.id),
  );
  const stack = [...good];
  while (stack.length > 0) {
    for (const from of into.get(stack.pop() as string) ?? []) {
      if (!good.has(from)) {
        good.add(from);
        stack.push(from);
      }
    }
  }
  return good;
}
