/**
 * The drill as a graph, conditions not evaluated: where choices lead, what can be reached from
 * the start, what can still reach an ending, what must be entered by an inject, and the best a
 * walk can score. Lint and the authoring view's graph share it, and where a choice leads is the
 * engine's own reading (engine/next.ts). Walks run on node indexes and flat edge arrays: a large
 * drill has tens of thousands of edges.
 */
import { returns, targets } from '../engine/next';
import { RETURN } from '../engine/return';
import type { Scenario } from './schema';

interface Edges {
  /** Node id → index (the first node with that id). */
  index: Map<string, number>;
  /** Edge e goes from[e] → to[e], in node indexes; edges to unknown ids are left out. */
  from: Int32Array;
  to: Int32Array;
  /** Nodes with a choice that leads to an id no node has (reported where it stands). */
  dangling: Int32Array;
}

const cache = new WeakMap<Scenario, Edges>();

function edgesOf(scenario: Scenario): Edges {
  const known = cache.get(scenario);
  if (known) return known;
  const nodes = scenario.nodes;
  const index = new Map<string, number>();
  for (let n = 0; n < nodes.length; n++) {
    const id = (nodes[n] as (typeof nodes)[number]).id;
    if (!index.has(id)) index.set(id, n);
  }
  const from: number[] = [];
  const to: number[] = [];
  const dangling: number[] = [];
  // `targets` (engine/next.ts) read inline: an array for each of tens of thousands of choices costs.
  const add = (tail: number, id: string) => {
    if (id === RETURN) return;
    const head = index.get(id);
    if (head !== undefined) {
      from.push(tail);
      to.push(head);
    } else if (dangling[dangling.length - 1] !== tail) dangling.push(tail);
  };
  for (let tail = 0; tail < nodes.length; tail++) {
    const node = nodes[tail] as (typeof nodes)[number];
    if (node.kind !== 'decision') continue;
    for (const choice of node.choices) {
      const next = choice.next;
      if (typeof next === 'string') add(tail, next);
      else for (const branch of next) add(tail, branch.to);
    }
  }
  const edges = {
    index,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    dangling: Int32Array.from(dangling),
  };
  cache.set(scenario, edges);
  return edges;
}

/** Edges grouped by their tail (a counting sort): node n's heads are out[start[n]] … out[start[n + 1] - 1]. */
interface Adjacency {
  start: Int32Array;
  out: Int32Array;
}

function group(count: number, tail: Int32Array, head: Int32Array): Adjacency {
  const start = new Int32Array(count + 1);
  for (const n of tail) (start[n + 1] as number)++;
  for (let n = 0; n < count; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  const fill = start.slice(0, -1);
  const out = new Int32Array(tail.length);
  for (let edge = 0; edge < tail.length; edge++) out[(fill[tail[edge] as number] as number)++] = head[edge] as number;
  return { start, out };
}

const forward = new WeakMap<Scenario, Adjacency>();

/** Where each node's choices lead, by node index (every branch; "$return" and unknown ids left out). */
function successors(scenario: Scenario): Adjacency {
  let adjacency = forward.get(scenario);
  if (!adjacency) {
    const { from, to } = edgesOf(scenario);
    adjacency = group(scenario.nodes.length, from, to);
    forward.set(scenario, adjacency);
  }
  return adjacency;
}

/** The node index of each id (the first node with it). */
export function nodeIndex(scenario: Scenario): ReadonlyMap<string, number> {
  return edgesOf(scenario).index;
}

/** The nodes a walk along edges (forward, or backward with `reverse`) reaches from the seeds, marked. */
function walk(scenario: Scenario, seeds: readonly number[], reverse: boolean): Uint8Array {
  const { from, to } = edgesOf(scenario);
  const { start, out } = reverse ? group(scenario.nodes.length, to, from) : successors(scenario);
  const seen = new Uint8Array(scenario.nodes.length);
  const stack: number[] = [];
  for (const seed of seeds) {
    if (!seen[seed]) {
      seen[seed] = 1;
      stack.push(seed);
    }
  }
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (let edge = start[node] as number; edge < (start[node + 1] as number); edge++) {
      const next = out[edge] as number;
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return seen;
}

function idsMarked(scenario: Scenario, marks: Uint8Array): Set<string> {
  const ids = new Set<string>();
  scenario.nodes.forEach((node, n) => {
    if (marks[n]) ids.add(node.id);
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
      const n = index.get(id);
      return n === undefined ? [] : [n];
    },
  );
  return idsMarked(scenario, walk(scenario, seeds, false));
}

/**
 * Nodes from which some ending can be reached (following every branch, conditions not evaluated).
 * A choice that leads to an id no node has is given the benefit of the doubt: its error says where
 * it is, and the nodes above it are not blamed again for an ending they cannot reach through it;
 * so are the nodes `alsoFrom` names.
 */
export function leadToAnEnding(scenario: Scenario, alsoFrom: readonly string[] = []): Set<string> {
  // Endings, and nodes that return to where an inject interrupted (which itself leads on).
  const { dangling, index } = edgesOf(scenario);
  const seeds: number[] = [...dangling];
  for (const id of alsoFrom) {
    const n = index.get(id);
    if (n !== undefined) seeds.push(n);
  }
  scenario.nodes.forEach((node, n) => {
    if (node.kind === 'ending' || node.choices.some((c) => returns(c.next))) seeds.push(n);
  });
  return idsMarked(scenario, walk(scenario, seeds, true));
}

/** Nodes with a choice that leads to an id no node has. */
export function danglingNodes(scenario: Scenario): Set<string> {
  return new Set([...edgesOf(scenario).dangling].map((n) => scenario.nodes[n]?.id as string));
}

/**
 * The nodes among `opened` (the nodes injects open) that may "$return", or lead through other
 * opened nodes to one that does. Entered any other way than by an inject, they would have nowhere
 * to return to. Opened nodes are few: the closure is grown round by round.
 */
export function returningNodes(scenario: Scenario, opened: ReadonlySet<string>): Set<string> {
  const returning = new Set<string>();
  // Most drills open no node: then there is nothing to walk.
  if (opened.size === 0) return returning;
  // Of two nodes with one id (an error of its own), the later is the one read here.
  const leadsOn = new Map(
    scenario.nodes.flatMap((node) =>
      node.kind === 'decision' && opened.has(node.id)
        ? [
            [
              node.id,
              { returns: node.choices.some((c) => returns(c.next)), to: node.choices.flatMap((c) => targets(c.next)) },
            ],
          ]
        : [],
    ),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, way] of leadsOn) {
      if (!returning.has(id) && (way.returns || way.to.some((t) => returning.has(t)))) {
        returning.add(id);
        grew = true;
      }
    }
  }
  return returning;
}

/**
 * For each node, the least and the most along any walk from it of each weight, summed node by
 * node: `weight` holds `width` numbers a node, in (least, most) pairs, and so does the result.
 * Weights are never of the wrong sign (least ≤ 0 ≤ most), so a walk may as well go on; a cycle with
 * any weight makes that weight infinite. Tarjan's strongly connected components, iteratively (a
 * 10,000-node chain must not overflow the stack): each component is finished after every component
 * it leads to, so its best path is known when it is finished.
 */
export function bestPaths(scenario: Scenario, weight: Float64Array, width: number): Float64Array {
  const count = scenario.nodes.length;
  const edges = successors(scenario);
  const best = new Float64Array(count * width);
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  /** The component each finished node is in; -1 while it is on the stack or unvisited. */
  const component = new Int32Array(count).fill(-1);
  const stack = new Int32Array(count);
  let height = 0;
  // The depth-first walk: the node at each level and how many of its edges are done.
  const walkNode = new Int32Array(count);
  const walkEdge = new Int32Array(count);
  const own = new Float64Array(width);
  const after = new Float64Array(width);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    walkNode[0] = root;
    walkEdge[0] = 0;
    order[root] = low[root] = counter++;
    stack[height++] = root;
    while (depth >= 0) {
      const node = walkNode[depth] as number;
      const done = walkEdge[depth] as number;
      if (done < (edges.start[node + 1] as number) - (edges.start[node] as number)) {
        walkEdge[depth] = done + 1;
        const next = edges.out[(edges.start[node] as number) + done] as number;
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack[height++] = next;
          depth++;
          walkNode[depth] = next;
          walkEdge[depth] = 0;
        } else if (component[next] === -1) {
          // On the stack: part of the component being built.
          low[node] = Math.min(low[node] as number, order[next] as number);
        }
        continue;
      }
      depth--;
      if (depth >= 0) {
        const parent = walkNode[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[node] as number);
      }
      if (low[node] !== order[node]) continue;
      // The node roots a component: the stack down to it.
      const id = components++;
      let bottom = height - 1;
      while (stack[bottom] !== node) bottom--;
      for (let at = bottom; at < height; at++) component[stack[at] as number] = id;
      let cyclic = height - bottom > 1;
      own.fill(0);
      after.fill(0);
      for (let at = bottom; at < height; at++) {
        const member = stack[at] as number;
        for (let edge = edges.start[member] as number; edge < (edges.start[member + 1] as number); edge++) {
          const to = edges.out[edge] as number;
          if (component[to] === id) {
            cyclic = true;
            continue;
          }
          for (let slot = 0; slot < width; slot++) {
            const beyond = best[to * width + slot] as number;
            after[slot] =
              slot % 2 === 1 ? Math.max(after[slot] as number, beyond) : Math.min(after[slot] as number, beyond);
          }
        }
        for (let slot = 0; slot < width; slot++)
          own[slot] = (own[slot] as number) + (weight[member * width + slot] as number);
      }
      for (let slot = 0; slot < width; slot++) {
        // Round a cycle as often as one likes: whatever it can score, it can score without end.
        if (cyclic && own[slot] !== 0) own[slot] = slot % 2 === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
        const value = (own[slot] as number) + (after[slot] as number);
        for (let at = bottom; at < height; at++) best[(stack[at] as number) * width + slot] = value;
      }
      height = bottom;
    }
  }
  return best;
}
