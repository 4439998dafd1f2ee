/**
 * The schema nodes of a valibot schema, each once, in one fixed order: the generator of the shape
 * check (scripts/gen-shape.ts) numbers its functions by it, and the generated check
 * (scenario-shape.generated.ts) finds, by it, the function for the schema a `lazy` picks at run time.
 */
import type { GenericSchema } from 'valibot';

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
}

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
    if (node.type === 'lazy') visit((node.getter as (input: unknown) => ShapeNode)(undefined));
  };
  visit(root as unknown as ShapeNode);
  return order;
}
