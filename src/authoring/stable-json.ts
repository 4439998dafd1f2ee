/**
 * A drill written back to JSON with its keys in a stable order: the order of the published
 * schema (the order the authoring guide explains them in), then any others alphabetically. The
 * same drill always gives the same text, whatever order the keys were typed in, so exported
 * files diff cleanly.
 */

interface SchemaNode {
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  const?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolve(node: SchemaNode | undefined, root: SchemaNode): SchemaNode {
  let s = node ?? {};
  for (let hops = 0; s.$ref && hops < 32; hops++) s = root.$defs?.[s.$ref.replace('#/$defs/', '')] ?? {};
  return s;
}

/** The concrete shapes a schema node allows, unions flattened. */
function alternatives(node: SchemaNode, root: SchemaNode, depth = 0): SchemaNode[] {
  const s = resolve(node, root);
  const union = s.oneOf ?? s.anyOf;
  if (!union || depth > 16) return [s];
  return union.flatMap((x) => alternatives(x, root, depth + 1));
}

/** The object shape that fits `value` best: its constants must match, then the most known keys. */
function objectShape(value: Record<string, Json>, node: SchemaNode, root: SchemaNode): SchemaNode | undefined {
  let best: SchemaNode | undefined;
  let bestScore = -1;
  for (const shape of alternatives(node, root)) {
    const props = shape.properties;
    if (!props) continue;
    const fits = Object.entries(props).every(([k, p]) => {
      const c = resolve(p, root).const;
      return c === undefined || !(k in value) || value[k] === c;
    });
    if (!fits) continue;
    const score = Object.keys(value).filter((k) => k in props).length;
    if (score > bestScore) {
      best = shape;
      bestScore = score;
    }
  }
  return best;
}

function ordered(value: Json, node: SchemaNode, root: SchemaNode): Json {
  if (Array.isArray(value)) {
    const items = alternatives(node, root).find((s) => s.items)?.items;
    return value.map((x) => ordered(x, items ?? {}, root));
  }
  if (value === null || typeof value !== 'object') return value;
  const props = objectShape(value, node, root)?.properties ?? {};
  const known = Object.keys(props).filter((k) => Object.hasOwn(value, k));
  const others = Object.keys(value)
    .filter((k) => !Object.hasOwn(props, k))
    .sort();
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return Object.fromEntries(
    [...known, ...others].map((k) => [k, ordered(value[k] as Json, props[k] ?? {}, root)] as const),
  );
}

/** `schema`: the published JSON Schema (scenarios/schema.json). */
export function stableJson(value: unknown, schema: object): string {
  const root = schema as SchemaNode;
  return `${JSON.stringify(ordered(value as Json, root, root), null, 2)}\n`;
}
