/**
 * The schema nodes of a valibot schema, each once, in one fixed order: the generator of the shape
 * check (scripts/gen-shape.ts) numbers its functions by it, and a generated check finds, by it, the
 * function for the schema a `lazy` without a declared dispatch picks at run time.
 */
import type { GenericSchema } from 'valibot';
import { contentHash } from './hash';

/** The parts of valibot's schema and action objects read (public properties). */
export interface ShapeNode {
  kind: string;
  type: string;
  pipe?: ShapeNode[];
  wrapped?: ShapeNode;
  item?: ShapeNode;
  items?: ShapeNode[];
  entries?: Record<string, ShapeNode>;
  options?: ShapeNode[] | unknown[];
  key?: string | ShapeNode;
  value?: ShapeNode;
  literal?: unknown;
  getter?: (input: unknown) => ShapeNode;
  requirement?: unknown;
  default?: unknown;
  fallback?: unknown;
  /** How a `lazy` made by schema-primitives (lazyRef, lazyByKey, lazyByType) picks its schema. */
  dispatch?: LazyDispatch;
}

export type LazyDispatch =
  | { by: 'always' }
  | { by: 'key'; keys: readonly string[]; pick: Record<string, ShapeNode>; otherwise: ShapeNode }
  | { by: 'type'; pick: { string: ShapeNode; array: ShapeNode }; otherwise: ShapeNode };

/** Depth first from `root`; a `lazy` leads to what its getter gives for no input (every form it may pick). */
export function shapeNodes(root: GenericSchema): ShapeNode[] {
  const order: ShapeNode[] = [];
  const seen = new Set<ShapeNode>();
  const visit = (node: ShapeNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    order.push(node);
    if (node.pipe) visit(node.pipe[0] as ShapeNode);
    if (node.wrapped) visit(node.wrapped);
    if (node.item) visit(node.item);
    for (const item of node.items ?? []) visit(item);
    for (const entry of Object.values(node.entries ?? {})) visit(entry);
    if (node.type === 'union' || node.type === 'variant')
      for (const option of node.options as ShapeNode[]) visit(option);
    if (node.type === 'record') {
      visit(node.key as ShapeNode);
      visit(node.value as ShapeNode);
    }
    if (node.type === 'lazy') {
      visit((node.getter as (input: unknown) => ShapeNode)(undefined));
      const dispatch = node.dispatch;
      if (dispatch && dispatch.by !== 'always') {
        for (const option of Object.values(dispatch.pick)) visit(option);
        visit(dispatch.otherwise);
      }
    }
  };
  visit(root as unknown as ShapeNode);
  return order;
}

/**
 * What the generated check depends on, as one hash: each node's kind and type, its pipe's steps and
 * their requirements, its keys, literals and options. A check generated from another schema (a
 * bound changed, a field added) then knows it, where the count of nodes alone might not.
 */
export function shapeFingerprint(nodes: readonly ShapeNode[]): string {
  const requirement = (r: unknown) => (r instanceof RegExp ? `/${r.source}/${r.flags}` : r);
  const isSchema = (x: unknown) => typeof x === 'object' && x !== null && 'kind' in x;
  const parts = nodes.map((node) => [
    node.kind,
    node.type,
    (node.pipe ?? []).slice(1).map((a) => [a.kind, a.type, requirement(a.requirement)]),
    Object.keys(node.entries ?? {}),
    (node.options ?? []).filter((o) => !isSchema(o)),
    typeof node.key === 'string' ? node.key : null,
    node.literal ?? null,
    node.default !== undefined,
  ]);
  return contentHash(JSON.stringify(parts));
}
