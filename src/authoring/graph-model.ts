/**
 * The drill as a picture: its nodes, choices as edges, and the injects that open nodes, laid out
 * in ranks from the start. Nodes the start never reaches, nodes with no way to an ending, and
 * decisions only some routes meet (scenario/branching.ts) are marked. The layout is dagre's;
 * drawing is the view's.
 */
import dagre from '@dagrejs/dagre';
import { returns, targets } from '../engine/next';
import { type BranchingFigures, branchingFigures } from '../scenario/branching';
import { leadToAnEnding, reachableNodes } from '../scenario/graph';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/schema';

export const NODE_WIDTH = 176;
export const NODE_HEIGHT = 64;

export type GraphNodeKind = 'decision' | 'ending' | 'inject' | 'missing';

export interface GraphNode {
  /** A drill node's id; `inject:<id>` for an inject; the missing id for a `next` to nowhere. */
  key: string;
  id: string;
  kind: GraphNodeKind;
  title: string;
  /** Centre of the box. */
  x: number;
  y: number;
  start: boolean;
  unreachable: boolean;
  /** A decision from which no ending can be reached. */
  deadEnd: boolean;
  /** A decision on the main lines that some route from the start to an ending does not meet. */
  someRoutes: boolean;
  /** Has a real-time limit. */
  timed: boolean;
  /** Has a choice that goes back to where an inject interrupted. */
  returns: boolean;
  /** Errors and warnings whose pointer is inside this node. */
  problems: { errors: number; warnings: number };
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The labels of the choices this edge stands for (an inject's title for an inject edge). */
  labels: string[];
  kind: 'choice' | 'opens';
  points: { x: number; y: number }[];
}

export interface DrillGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

/** Problems counted per node index, from pointers like /nodes/3/choices/0/next. */
function problemsByNode(problems: readonly Problem[]): Map<number, { errors: number; warnings: number }> {
  const counts = new Map<number, { errors: number; warnings: number }>();
  for (const p of problems) {
    const m = /^\/nodes\/(\d+)(\/|$)/.exec(p.pointer);
    if (!m) continue;
    const n = Number(m[1]);
    const c = counts.get(n) ?? { errors: 0, warnings: 0 };
    if (p.severity === 'error') c.errors++;
    else c.warnings++;
    counts.set(n, c);
  }
  return counts;
}

/** Nodes and edges with their marks, not yet laid out. */
export interface GraphShape {
  nodes: Omit<GraphNode, 'x' | 'y'>[];
  edges: Omit<GraphEdge, 'points'>[];
  /** How much the drill branches: the figures lint's note gives. */
  figures: BranchingFigures;
}

/** Above this many nodes the layout takes seconds (dagre is superlinear): the view lists them instead. */
export const MAX_LAID_OUT_NODES = 200;

export function graphShape(scenario: Scenario, problems: readonly Problem[] = []): GraphShape {
  const reachable = reachableNodes(scenario);
  const ending = leadToAnEnding(scenario);
  const counts = problemsByNode(problems);
  const figures = branchingFigures(scenario);
  const nodes = new Map<string, Omit<GraphNode, 'x' | 'y'>>();
  const add = (node: Omit<GraphNode, 'x' | 'y'>) => {
    if (!nodes.has(node.key)) nodes.set(node.key, node);
  };
  const plain = { start: false, unreachable: false, deadEnd: false, someRoutes: false, timed: false, returns: false };
  scenario.nodes.forEach((node, n) => {
    add({
      key: node.id,
      id: node.id,
      kind: node.kind,
      title: node.title,
      start: node.id === scenario.start,
      unreachable: !reachable.has(node.id),
      deadEnd: node.kind === 'decision' && !ending.has(node.id),
      someRoutes: figures.someRoutes[n] === 1,
      timed: node.kind === 'decision' && node.timeLimitSec !== undefined,
      returns: node.kind === 'decision' && node.choices.some((c) => returns(c.next)),
      problems: counts.get(n) ?? { errors: 0, warnings: 0 },
    });
  });

  const edges = new Map<string, Omit<GraphEdge, 'points'>>();
  const link = (from: string, to: string, label: string, kind: GraphEdge['kind']) => {
    if (!nodes.has(to)) {
      add({
        ...plain,
        key: to,
        id: to,
        kind: 'missing',
        title: '（不存在的节点）',
        problems: { errors: 1, warnings: 0 },
      });
    }
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key);
    if (edge) edge.labels.push(label);
    else edges.set(key, { from, to, labels: [label], kind });
  };
  for (const node of scenario.nodes) {
    if (node.kind !== 'decision') continue;
    for (const choice of node.choices) for (const to of targets(choice.next)) link(node.id, to, choice.label, 'choice');
  }
  for (const inject of scenario.injects ?? []) {
    if (inject.opens === undefined) continue;
    const key = `inject:${inject.id}`;
    add({ ...plain, key, id: inject.id, kind: 'inject', title: inject.title, problems: { errors: 0, warnings: 0 } });
    link(key, inject.opens, inject.title, 'opens');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], figures };
}

/** The shape laid out in ranks from the top. */
export function layOut(shape: GraphShape): DrillGraph {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of shape.nodes) g.setNode(node.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of shape.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const graph = g.graph();
  return {
    nodes: shape.nodes.map((node) => {
      const { x, y } = g.node(node.key);
      return { ...node, x, y };
    }),
    edges: shape.edges.map((edge) => ({ ...edge, points: g.edge(edge.from, edge.to)?.points ?? [] })),
    width: graph.width ?? 0,
    height: graph.height ?? 0,
  };
}

export function drillGraph(scenario: Scenario, problems: readonly Problem[] = []): DrillGraph {
  return layOut(graphShape(scenario, problems));
}
