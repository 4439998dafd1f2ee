/**
 * How much a drill branches (DRILL-STANDARD §1b, issue 16): which decisions branch, how many
 * routes run from the start to an ending, and which decisions only some routes meet. Read off the
 * choice graph (scenario/graph.ts) with conditions not evaluated, as lint's other graph checks
 * read it; lint's note and warning, `npm run validate` and the authoring view share one result.
 *
 * - A decision **branches** when its choices, every branch of a conditional `next` included, lead
 *   to more than one place ("$return" counts as a place): what the trainee meets next depends on
 *   the choice, or on the world's state. Choices that all lead to one node do not branch, nor does
 *   a `next` whose branches all go there.
 * - A **route** is a sequence of decision nodes from the start, along choices, to a decision with a
 *   way to an ending: two runs that meet the same decisions in the same order are one route,
 *   whatever ending they come to. Counted up to ROUTE_BOUND; a loop on the main lines makes their
 *   number unbounded, said as "at least ROUTE_BOUND".
 * - The **main lines** are the decisions on some route: reached from the start along choices, with a
 *   way on to an ending. A decision only an inject opens, one the start never reaches, or one with
 *   no way to an ending is not on them (and is reported by lint's other rules where it is wrong).
 * - A main-line decision is **met on every route** when no route avoids it (it dominates the
 *   routes' end); the others are met only on some routes.
 *
 * Linear in the nodes and choices, on typed arrays: one walk forward from the start, one back from
 * the endings, one pass in topological order. With a loop (rare in a drill) the "every route" test
 * falls back to dominators (Cooper, Harvey & Kennedy's iteration), exact whatever the count.
 */
import { type Adjacency, choiceGraph, walk } from './graph';
import type { Scenario } from './schema';

/** Routes are counted up to this many; more are reported as "at least" it. */
export const ROUTE_BOUND = 10_000;

export interface BranchingFigures {
  /** Decision nodes in the drill. */
  decisions: number;
  /** Decisions on the main lines. */
  mainLine: number;
  /** Of those, the ones that branch. */
  branching: number;
  /** Routes from the start to an ending, at most ROUTE_BOUND. */
  routes: number;
  /** There are at least ROUTE_BOUND routes (`routes` is the bound). */
  capped: boolean;
  /** A loop on the main lines: routes without number (then `capped` too). */
  loops: boolean;
  /** By node index: 1 for a main-line decision. */
  onMainLine: Uint8Array;
  /** By node index: 1 for a main-line decision that branches. */
  branches: Uint8Array;
  /** By node index: 1 for a main-line decision that some route does not meet. */
  someRoutes: Uint8Array;
}

/** Fewer main-line decisions than this are too few for "a third" to say anything: no warning. */
const FEWEST_JUDGED = 3;

/** Whether fewer than a third of the main-line decisions branch (DRILL-STANDARD §1b). */
export function branchesTooFew(f: BranchingFigures): boolean {
  return f.mainLine >= FEWEST_JUDGED && f.branching * 3 < f.mainLine;
}

const cache = new WeakMap<Scenario, BranchingFigures>();

export function branchingFigures(scenario: Scenario): BranchingFigures {
  const known = cache.get(scenario);
  if (known) return known;
  const figures = compute(scenario);
  cache.set(scenario, figures);
  return figures;
}

function compute(scenario: Scenario): BranchingFigures {
  const nodes = scenario.nodes;
  const count = nodes.length;
  const { index, first, forward, backward, returning } = choiceGraph(scenario);
  const fs = forward.start;
  const fo = forward.out;
  const onMainLine = new Uint8Array(count);
  const branches = new Uint8Array(count);
  const someRoutes = new Uint8Array(count);
  let decisions = 0;
  const ending = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    if ((nodes[n] as (typeof nodes)[number]).kind === 'ending') ending[n] = 1;
    else decisions++;
  }
  const figures: BranchingFigures = {
    decisions,
    mainLine: 0,
    branching: 0,
    routes: 0,
    capped: false,
    loops: false,
    onMainLine,
    branches,
    someRoutes,
  };
  const root = index.get(scenario.start);
  if (root === undefined || ending[root]) return figures;

  // Forward from the start, then back from the endings: the main lines are the decisions both reach.
  // (An ending leads nowhere, so neither walk passes through one.)
  const reached = walk(scenario, [root], false);
  const endings: number[] = [];
  for (let n = 0; n < count; n++) if (ending[n] && first[n] === n) endings.push(n);
  const leads = walk(scenario, endings, true);

  // Which decisions branch, and which lead straight to an ending (a route may end there).
  const returns = new Uint8Array(count);
  for (let r = 0; r < returning.length; r++) returns[returning[r] as number] = 1;
  const toEnd = new Uint8Array(count);
  const stamp = new Int32Array(count).fill(-1);
  let mainLine = 0;
  let branching = 0;
  for (let n = 0; n < count; n++) {
    if (ending[n] || first[n] !== n || !reached[n] || !leads[n]) continue;
    onMainLine[n] = 1;
    mainLine++;
    let places = returns[n] as number;
    for (let e = fs[n] as number; e < (fs[n + 1] as number); e++) {
      const m = fo[e] as number;
      if (stamp[m] !== n) {
        stamp[m] = n;
        places++;
      }
      if (ending[m]) toEnd[n] = 1;
    }
    if (places > 1) {
      branches[n] = 1;
      branching++;
    }
  }
  figures.mainLine = mainLine;
  figures.branching = branching;
  if (mainLine === 0) return figures;

  // Depth first over the main lines from the start: the postorder, and whether a loop is met.
  const post = new Int32Array(mainLine);
  let posts = 0;
  const state = new Uint8Array(count); // 0 unseen, 1 on the walk, 2 done
  const edgeAt = new Int32Array(count);
  let loops = false;
  const stack = new Int32Array(count);
  let height = 0;
  stack[height++] = root;
  state[root] = 1;
  edgeAt[root] = fs[root] as number;
  while (height > 0) {
    const n = stack[height - 1] as number;
    const e = edgeAt[n] as number;
    if (e < (fs[n + 1] as number)) {
      edgeAt[n] = e + 1;
      const m = fo[e] as number;
      if (!onMainLine[m]) continue;
      if (state[m] === 0) {
        state[m] = 1;
        edgeAt[m] = fs[m] as number;
        stack[height++] = m;
      } else if (state[m] === 1) loops = true;
      continue;
    }
    state[n] = 2;
    post[posts++] = n;
    height--;
  }

  if (loops) {
    figures.loops = true;
    figures.capped = true;
    figures.routes = ROUTE_BOUND;
    markByDominators(figures, post, toEnd, backward, stamp);
    return figures;
  }

  // Routes from each decision to an ending, children before parents (postorder), each next node once.
  const routes = new Float64Array(count);
  stamp.fill(-1);
  for (let p = 0; p < posts; p++) {
    const n = post[p] as number;
    let sum = toEnd[n] as number;
    for (let e = fs[n] as number; e < (fs[n + 1] as number); e++) {
      const m = fo[e] as number;
      if (!onMainLine[m] || stamp[m] === n) continue;
      stamp[m] = n;
      sum += routes[m] as number;
    }
    routes[n] = Math.min(sum, ROUTE_BOUND);
  }
  const total = routes[root] as number;
  figures.routes = total;
  figures.capped = total >= ROUTE_BOUND;

  // In topological order (reverse postorder), a decision is on every route unless some edge of the
  // main lines jumps over it: a route can then go round it. Each edge's span is added at once with
  // a difference array; the end of every route stands last, after every decision.
  const at = new Int32Array(count);
  for (let p = 0; p < posts; p++) at[post[p] as number] = posts - 1 - p;
  const span = new Int32Array(posts + 1);
  for (let p = 0; p < posts; p++) {
    const n = post[p] as number;
    const from = (at[n] as number) + 1;
    for (let e = fs[n] as number; e < (fs[n + 1] as number); e++) {
      const m = fo[e] as number;
      if (!onMainLine[m]) continue;
      const to = at[m] as number;
      if (to > from) {
        (span[from] as number)++;
        (span[to] as number)--;
      }
    }
    if (toEnd[n] && posts > from) {
      (span[from] as number)++;
      (span[posts] as number)--;
    }
  }
  let covered = 0;
  const byPlace = new Int32Array(posts);
  for (let p = 0; p < posts; p++) {
    covered += span[p] as number;
    byPlace[p] = covered;
  }
  for (let p = 0; p < posts; p++) {
    const n = post[p] as number;
    if ((byPlace[at[n] as number] as number) > 0) someRoutes[n] = 1;
  }
  return figures;
}

/**
 * The decisions on every route of a drill with a loop: those that dominate the routes' end, by
 * Cooper, Harvey & Kennedy's iteration over the main lines in reverse postorder. Every decision
 * with a way straight to an ending leads to that end.
 */
function markByDominators(
  figures: BranchingFigures,
  post: Int32Array,
  toEnd: Uint8Array,
  backward: Adjacency,
  scratch: Int32Array,
): void {
  const { onMainLine, someRoutes } = figures;
  const count = onMainLine.length;
  const order = new Int32Array(count); // postorder number: a dominator has a higher one
  for (let p = 0; p < post.length; p++) order[post[p] as number] = p;
  const idom = scratch;
  idom.fill(-1);
  const root = post[post.length - 1] as number;
  idom[root] = root;
  let endIdom = -1;
  const climb = (a: number, b: number): number => {
    while (a !== b) {
      while ((order[a] as number) < (order[b] as number)) a = idom[a] as number;
      while ((order[b] as number) < (order[a] as number)) b = idom[b] as number;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let p = post.length - 2; p >= 0; p--) {
      const n = post[p] as number;
      let meet = -1;
      for (let e = backward.start[n] as number; e < (backward.start[n + 1] as number); e++) {
        const m = backward.out[e] as number;
        if (!onMainLine[m] || idom[m] === -1) continue;
        meet = meet === -1 ? m : climb(m, meet);
      }
      if (meet !== -1 && idom[n] !== meet) {
        idom[n] = meet;
        changed = true;
      }
    }
    let meet = -1;
    for (let p = post.length - 1; p >= 0; p--) {
      const m = post[p] as number;
      if (toEnd[m] && idom[m] !== -1) meet = meet === -1 ? m : climb(m, meet);
    }
    if (meet !== endIdom) {
      endIdom = meet;
      changed = true;
    }
  }
  const onEvery = new Uint8Array(count);
  for (let n = endIdom; n !== -1; n = n === root ? -1 : (idom[n] as number)) onEvery[n] = 1;
  for (let n = 0; n < count; n++) if (onMainLine[n] && !onEvery[n]) someRoutes[n] = 1;
}

/** The figures in a sentence, for lint's note and the authoring view. */
export function branchingSummary(f: BranchingFigures): string {
  if (f.mainLine === 0) return `${f.decisions} 个决定，没有一条从开局到结局的路线。`;
  const routes = f.loops
    ? `路线有回路，数不尽（至少 ${ROUTE_BOUND.toLocaleString('zh-CN')} 条）`
    : f.capped
      ? `从开局到结局至少有 ${ROUTE_BOUND.toLocaleString('zh-CN')} 条路线（只数到这里）`
      : `从开局到结局共 ${f.routes.toLocaleString('zh-CN')} 条路线`;
  const off = f.decisions - f.mainLine;
  return `主线上 ${f.mainLine} 个决定中 ${f.branching} 个会分岔；${routes}${
    off > 0 ? `。另有 ${off} 个决定不在主线上（由插入事件打开，或从开局到不了、走不到结局）` : ''
  }。`;
}

/** The warning when too few decisions branch: how many more would do, and how. */
export function branchingAdvice(f: BranchingFigures): string {
  const more = Math.ceil(f.mainLine / 3) - f.branching;
  return (
    `主线上 ${f.mainLine} 个决定只有 ${f.branching} 个会分岔，不到三分之一：学员无论怎么选，接下来遇到的局面都差不多。` +
    `再让至少 ${more} 个决定分岔——不同的选项去往不同的节点（不同的 next），或按世界的状态分支（next 写成 [{"when": …, "to": …}, …, {"to": …}]）——` +
    '并让各条路线在关键节点重新汇合。见编写指南“节点与选项”一节中的“去向 next”。'
  );
}
