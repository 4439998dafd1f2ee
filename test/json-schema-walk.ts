/** Walking a generated JSON Schema in tests: every property schema it declares, with its path. */
export type Json = { [key: string]: unknown };

/** Every property schema in the document, with its path, however deeply nested. */
export function properties(node: unknown, path = '', found: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) {
    for (const [i, x] of node.entries()) properties(x, `${path}/${i}`, found);
  } else if (node && typeof node === 'object') {
    const obj = node as Json;
    if (obj.properties && typeof obj.properties === 'object') {
      for (const [key, value] of Object.entries(obj.properties as Json)) found.push([`${path}/${key}`, value as Json]);
    }
    for (const [key, value] of Object.entries(obj)) properties(value, `${path}/${key}`, found);
  }
  return found;
}
