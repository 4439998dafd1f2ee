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
  /** For each node, the index of the first node with its id (itself, unless its id is said twice). */
  first: Int32Array;
  /** Edge e goes from[e] → to[e], in node indexes; edges to unknown ids are left out. */
  from: Int32Array;
  to: Int32Array;
  /** Nodes with a choice that leads to an id no node has (reported where it stands). */
  dangling: Int32Array;
  /** Nodes with a choice that may "$return" to where an inject interrupted. */
  returning: Int32Array;
}

const cache = new WeakMap<Scenario, Edges>();

function edgesOf(scenario: Scenario): Edges {
  const known = cache.get(scenario);
  if (known) return known;
  const nodes = scenario.nodes;
  const index = new Map<string, number>();
  const first = new Int32Array(nodes.length);
  // Each id is set, not looked up first: a repeat shows as a map that did not grow. Ids are rarely
  // said twice (an error of its own), and then the index is built again the slow way.
  let repeated = false;
  for (let n = 0; n < nodes.length; n++) {
    const size = index.size;
    index.set((nodes[n] as (typeof nodes)[number]).id, n);
    first[n] = n;
    if (index.size === size) repeated = true;
  }
  if (repeated) {
    index.clear();
    for (let n = 0; n < nodes.length; n++) {
      const id = (nodes[n] as (typeof nodes)[number]).id;
      const seen = index.get(id);
      if (seen === undefined) index.set(id, n);
      first[n] = seen ?? n;
    }
  }
  // Grown as needed, not counted first: counting was a second walk of every choice, and a walk of
  // tens of thousands of objects spread over the heap costs in memory what it does not in work.
  let from = new Int32Array(nodes.length * 3);
  let to = new Int32Array(from.length);
  const dangling = new Int32Array(nodes.length);
  const returning = new Int32Array(nodes.length);
  let edges = 0;
  let dangles = 0;
  let returners = 0;
  // `targets` (engine/next.ts) read inline, and no closure: an array or a function for each
  // lint's choices would be garbage, and optimised code that saw one closure is thrown away with it.
  for (let tail = 0; tail < nodes.length; tail++) {
    const node = nodes[tail] as (typeof nodes)[number];
    if (node.kind !== 'decision') continue;
    const choices = node.choices;
    for (let c = 0; c < choices.length; c++) {
      const next = (choices[c] as (typeof choices)[number]).next;
      const plain = typeof next === 'string';
      const count = plain ? 1 : next.length;
      for (let b = 0; b < count; b++) {
        const id = plain ? next : (next[b] as Exclude<typeof next, string>[number]).to;
        if (id === RETURN) {
          if (returners === 0 || returning[returners - 1] !== tail) returning[returners++] = tail;
          continue;
        }
        const head = index.get(id);
        if (head !== undefined) {
          if (edges === from.length) {
            from = grown(from);
            to = grown(to);
          }
          from[edges] = tail;
          to[edges++] = head;
        } else if (dangles === 0 || dangling[dangles - 1] !== tail) dangling[dangles++] = tail;
      }
    }
  }
  const built = {
    index,
    first,
    from: from.subarray(0, edges),
    to: to.subarray(0, edges),
    dangling: dangling.slice(0, dangles),
    returning: returning.slice(0, returners),
  };
  cache.set(scenario, built);
  return built;
}

/** `array`'s values in one twice as long. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(array.length * 2 + 16);
  longer.set(array);
  return longer;
}

/** Edges grouped by their tail (a counting sort): node n's heads are out[start[n]] … out[start[n + 1] - 1]. */
export interface Adjacency {
  start: Int32Array;
  out: Int32Array;
}

function group(count: number, tail: Int32Array, head: Int32Array): Adjacency {
  const start = new Int32Array(count + 1);
  for (let edge = 0; edge < tail.length; edge++) (start[(tail[edge] as number) + 1] as number)++;
  for (let n = 0; n < count; n++) start[n + 1] = (start[n + 1] as number) + (start[n] as number);
  const fill = start.slice(0, -1);
  const out = new Int32Array(tail.length);
  for (let edge = 0; edge < tail.length; edge++) out[(fill[tail[edge] as number] as number)++] = head[edge] as number;
  return { start, out };
}

const forward = new WeakMap<Scenario, Adjacency>();
const backward = new WeakMap<Scenario, Adjacency>();

/** The edges grouped by tail, or by head with `reverse`: built once for each scenario. */
function adjacency(scenario: Scenario, reverse: boolean): Adjacency {
  const cache = reverse ? backward : forward;
  let grouped = cache.get(scenario);
  if (!grouped) {
    const { from, to } = edgesOf(scenario);
    grouped = reverse ? group(scenario.nodes.length, to, from) : group(scenario.nodes.length, from, to);
    cache.set(scenario, grouped);
  }
  return grouped;
}

/** Where each node's choices lead, by node index (every branch; "$return" and unknown ids left out). */
function successors(scenario: Scenario): Adjacency {
  return adjacency(scenario, false);
}

/** Where each node is led to from, by node index (the edges of `successors` turned round). */
function predecessors(scenario: Scenario): Adjacency {
  return adjacency(scenario, true);
}

/** The choice graph by node index, for walks of its own (scenario/branching.ts). */
export interface ChoiceGraph {
  /** Node id → index (the first node with that id). */
  index: ReadonlyMap<string, number>;
  /** For each node, the index of the first node with its id. */
  first: Int32Array;
  /** Node n's choices lead to forward.out[forward.start[n]] … (every branch, one entry a branch: repeats kept). */
  forward: Adjacency;
  /** Node n is led to from backward.out[backward.start[n]] … */
  backward: Adjacency;
  /** Nodes with a choice that may "$return", in index order. */
  returning: Int32Array;
}

export function choiceGraph(scenario: Scenario): ChoiceGraph {
  const { index, first, returning } = edgesOf(scenario);
  return { index, first, forward: successors(scenario), backward: predecessors(scenario), returning };
}

/** The node index of each id (the first node with it). */
export function nodeIndex(scenario: Scenario): ReadonlyMap<string, number> {
  return edgesOf(scenario).index;
}

/** For each node, the index of the first node with its id: itself, unless its id was said before. */
export function firstWithItsId(scenario: Scenario): Int32Array {
  return edgesOf(scenario).first;
}

/** The nodes a walk along edges (forward, or backward with `reverse`) reaches from the seeds, marked. */
export function walk(scenario: Scenario, seeds: readonly number[], reverse: boolean): Uint8Array {
  const { start, out } = reverse ? predecessors(scenario) : successors(scenario);
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

/**
 * Node ids marked by a walk, read by id or by node index, without a set of ids: a large drill has
 * ten thousand, and a set that large takes longer to fill than the walk. An id counts as marked
 * when any node with it is (as a set of the marked nodes' ids would have it).
 */
export class MarkedIds {
  /** By the first node of each id: whether some node with that id is marked. */
  private readonly byFirst: Uint8Array;

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly first: Int32Array,
    marks: Uint8Array,
  ) {
    this.byFirst = new Uint8Array(marks.length);
    for (let n = 0; n < marks.length; n++) if (marks[n]) this.byFirst[first[n] as number] = 1;
  }

  has(id: string): boolean {
    const n = this.index.get(id);
    return n !== undefined && this.byFirst[n] === 1;
  }

  /** Whether the id of node `n` is marked. */
  hasNodeAt(n: number): boolean {
    return this.byFirst[this.first[n] as number] === 1;
  }
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
  return idsMarked(scenario, reachableMarks(scenario));
}

/** reachableNodes, read by id or node index. */
export function reachableIds(scenario: Scenario): MarkedIds {
  const { index, first } = edgesOf(scenario);
  return new MarkedIds(index, first, reachableMarks(scenario));
}

function reachableMarks(scenario: Scenario): Uint8Array {
  const { index } = edgesOf(scenario);
  const seeds: number[] = [];
  const start = index.get(scenario.start);
  if (start !== undefined) seeds.push(start);
  for (const inject of scenario.injects ?? []) {
    const n = inject.opens ? index.get(inject.opens) : undefined;
    if (n !== undefined) seeds.push(n);
  }
  return walk(scenario, seeds, false);
}

/**
 * Nodes from which some ending can be reached (following every branch, conditions not evaluated).
 * A choice that leads to an id no node has is given the benefit of the doubt: its error says where
 * it is, and the nodes above it are not blamed again for an ending they cannot reach through it;
 * so are the nodes `alsoFrom` names.
 */
export function leadToAnEnding(scenario: Scenario, alsoFrom: readonly string[] = []): Set<string> {
  return idsMarked(scenario, endingMarks(scenario, alsoFrom));
}

/** leadToAnEnding, read by id or node index. */
export function idsLeadingToAnEnding(scenario: Scenario, alsoFrom: readonly string[] = []): MarkedIds {
  const { index, first } = edgesOf(scenario);
  return new MarkedIds(index, first, endingMarks(scenario, alsoFrom));
}

function endingMarks(scenario: Scenario, alsoFrom: readonly string[]): Uint8Array {
  // Endings, and nodes that return to where an inject interrupted (which itself leads on).
  const { dangling, returning, index } = edgesOf(scenario);
  const seeds: number[] = Array.from(dangling);
  for (const id of alsoFrom) {
    const n = index.get(id);
    if (n !== undefined) seeds.push(n);
  }
  for (let r = 0; r < returning.length; r++) seeds.push(returning[r] as number);
  const nodes = scenario.nodes;
  for (let n = 0; n < nodes.length; n++) if ((nodes[n] as (typeof nodes)[number]).kind === 'ending') seeds.push(n);
  return walk(scenario, seeds, true);
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
          // Slots come in (least, most) pairs: stepped by two, with no test of which each is.
          for (let slot = 0; slot < width; slot += 2) {
            after[slot] = Math.min(after[slot] as number, best[to * width + slot] as number);
            after[slot + 1] = Math.max(after[slot + 1] as number, best[to * width + slot + 1] as number);
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
