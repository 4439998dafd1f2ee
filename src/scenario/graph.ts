/**
 * The drill as a graph, conditions not evaluated: where choices lead, what can be reached from
 * the start, and what can still reach an ending. Lint and the authoring view's graph share it.
 * Walks run on node indexes and flat edge arrays: a large drill has tens of thousands of edges.
 */
import { returns } from '../engine/next';
import type { Scenario } from './schema';

interface Edges {
  /** Node id → index (the first node with that id). */
  index: Map<string, number>;
  /** Edge k goes from[k] → to[k], in node indexes; edges to unknown ids are left out. */
  from: Int32Array;
  to: Int32Array;
}

const cache = new WeakMap<Scenario, Edges>();

function edgesOf(s: Scenario): Edges {
  const known = cache.get(s);
  if (known) return known;
  const index = new Map<string, number>();
  s.nodes.forEach((n, i) => {
    if (!index.has(n.id)) index.set(n.id, i);
  });
  const from: number[] = [];
  const to: number[] = [];
  const add = (a: number, id: string) => {
    const b = index.get(id);
    if (b !== undefined) {
      from.push(a);
      to.push(b);
    }
  };
  s.nodes.forEach((n, a) => {
    if (n.kind !== 'decision') return;
    for (const c of n.choices) {
      if (typeof c.next === 'string') add(a, c.next);
      else for (const b of c.next) add(a, b.to);
    }
  });
  const edges = { index, from: Int32Array.from(from), to: Int32Array.from(to) };
  cache.set(s, edges);
  return edges;
}

/** Edges grouped by their tail (a counting sort): node n's heads are out[start[n]] … out[start[n + 1] - 1]. */
export interface Adjacency {
  start: Int32Array;
  out: Int32Array;
}

function group(count: number, tail: Int32Array, head: Int32Array): Adjacency {
  const start = new Int32Array(count + 1);
  for (const t of tail) (start[t + 1] as number)++;
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, -1);
  const out = new Int32Array(tail.length);
  for (let k = 0; k < tail.length; k++) out[(fill[tail[k] as number] as number)++] = head[k] as number;
  return { start, out };
}

const forward = new WeakMap<Scenario, Adjacency>();

/** Where each node's choices lead, by node index (every branch; "$return" and unknown ids left out). */
export function successors(s: Scenario): Adjacency {
  let adjacency = forward.get(s);
  if (!adjacency) {
    const { from, to } = edgesOf(s);
    adjacency = group(s.nodes.length, from, to);
    forward.set(s, adjacency);
  }
  return adjacency;
}

/** The node index of each id (the first node with it). */
export function nodeIndex(s: Scenario): ReadonlyMap<string, number> {
  return edgesOf(s).index;
}

/** The nodes a walk along edges (forward, or backward with `reverse`) reaches from the seeds, marked. */
function walk(s: Scenario, seeds: readonly number[], reverse: boolean): Uint8Array {
  const { from, to } = edgesOf(s);
  const { start, out } = reverse ? group(s.nodes.length, to, from) : successors(s);
  const seen = new Uint8Array(s.nodes.length);
  const stack: number[] = [];
  for (const n of seeds) {
    if (!seen[n]) {
      seen[n] = 1;
      stack.push(n);
    }
  }
  while (stack.length > 0) {
    const n = stack.pop() as number;
    for (let k = start[n] as number; k < (start[n + 1] as number); k++) {
      const m = out[k] as number;
      if (!seen[m]) {
        seen[m] = 1;
        stack.push(m);
      }
    }
  }
  return seen;
}

function idsMarked(s: Scenario, marks: Uint8Array): Set<string> {
  const ids = new Set<string>();
  s.nodes.forEach((n, i) => {
    if (marks[i]) ids.add(n.id);
  });
  return ids;
}

/**
 * Node ids reachable from start when every branch may be taken (conditions are not evaluated);
 * nodes that injects open are reachable too.
 */
export function reachableNodes(scenario: Scenario): Set<string> {
  const { index } = edgesOf(scenario);
  const seeds = [scenario.start, ...(scenario.injects ?? []).flatMap((i) => (i.opens ? [i.opens] : []))].flatMap(
    (id) => {
      const i = index.get(id);
      return i === undefined ? [] : [i];
    },
  );
  return idsMarked(scenario, walk(scenario, seeds, false));
}

/** Nodes from which some ending can be reached (following every branch, conditions not evaluated). */
export function leadToAnEnding(s: Scenario): Set<string> {
  // Endings, and nodes that return to where an inject interrupted (which itself leads on).
  const seeds: number[] = [];
  s.nodes.forEach((n, i) => {
    if (n.kind === 'ending' || n.choices.some((c) => returns(c.next))) seeds.push(i);
  });
  return idsMarked(s, walk(s, seeds, true));
}
