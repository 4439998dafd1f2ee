/**
 * Writes the shape check `load` asks first (src/scenario/scenario-shape.generated.ts): "does this
 * freshly parsed data already have the scenario's shape, so that valibot would accept it and give it
 * back unchanged?". Generated from the very valibot schema, as plain code: a function per schema
 * node, each field read by its name and each leaf tested inline. The check it replaces composed
 * closures, and its keyed reads and indirect calls took 21 ms on a 10,000-node drill that a plain
 * walk of every value reads in 4–7. No code is made at run time (no eval): the file is source,
 * checked in, and `npm run schema:check` fails when it no longer matches the schema.
 *
 * Anything doubtful answers no, and `load` asks valibot, which also gives the messages. A schema kind
 * or a pipe step this generator does not know throws here, so nothing new slips past.
 */
import type { GenericSchema } from 'valibot';
import { type ShapeNode, shapeFingerprint, shapeNodes } from '../src/scenario/shape-nodes';

export interface ShapeSourceOptions {
  /** How the generated module imports the root schema, e.g. `import { ScenarioSchema } from './schema';`. */
  importRoot: string;
  /** The root schema's name in that import. */
  rootName: string;
  /** How deep recursive parts (valibot's `lazy`) may nest before the answer is no: the check recurses. */
  maxLazyDepth: number;
  /** What the generated module exports. */
  exportName: string;
}

const ident = (text: string) => JSON.stringify(text);
/** `x.key`, or `x["key"]` for a key that is not a name. */
const read = (x: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${x}.${key}` : `${x}[${ident(key)}]`);

export function shapeSource(root: GenericSchema, options: ShapeSourceOptions): string {
  const nodes = shapeNodes(root);
  const index = new Map(nodes.map((node, i) => [node, i]));
  const regexes: RegExp[] = [];
  const lists: unknown[][] = [];
  // Functions only for the nodes something calls: a leaf is tested inline where it is used.
  const wanted: ShapeNode[] = [];
  // A call is written as a token while bodies are compared and merged: a raw \u0001 never comes out of
  // JSON.stringify, so no key or literal of the schema can look like one. Each becomes `s<n>` at the end.
  const fn = (node: ShapeNode) => {
    if (!wanted.includes(node)) wanted.push(node);
    return `\u0001${index.get(node) as number}\u0001`;
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the token is a control character on purpose (above)
  const TOKEN = /\u0001(\d+)\u0001/g;
  const named = (text: string) => text.replace(TOKEN, (_, n: string) => `s${n}`);

  const regex = (r: RegExp): string => {
    if (r.global || r.sticky) throw new Error('gen-shape: a global or sticky regex keeps state between tests');
    let i = regexes.findIndex((x) => x.source === r.source && x.flags === r.flags);
    if (i < 0) i = regexes.push(r) - 1;
    return `R${i}`;
  };

  /** A pipe's validations, nested pipes flattened; null when it pipes anything but a string or a number. */
  const leafTests = (node: ShapeNode): { type: 'string' | 'number'; tests: ShapeNode[] } | null => {
    if (!node.pipe) return node.type === 'string' || node.type === 'number' ? { type: node.type, tests: [] } : null;
    checkPipe(node);
    const inner = leafTests(node.pipe[0] as ShapeNode);
    if (!inner) return null;
    return { type: inner.type, tests: [...inner.tests, ...node.pipe.slice(1).filter((a) => a.kind === 'validation')] };
  };

  /** The test `node` makes of `v`, as one expression, when it needs no statements; else null. */
  const inline = (node: ShapeNode, v: string): string | null => {
    checkPipe(node);
    const found = leafTests(node);
    if (found) {
      const parts = [found.type === 'string' ? `typeof ${v} === 'string'` : `typeof ${v} === 'number'`];
      if (found.type === 'number') parts.push(`!Number.isNaN(${v})`);
      for (const a of found.tests) parts.push(action(a, v, found.type));
      return parts.join(' && ');
    }
    if (node.pipe) return null;
    switch (node.type) {
      case 'boolean':
        return `typeof ${v} === 'boolean'`;
      case 'literal':
        if (!['string', 'number', 'boolean'].includes(typeof node.literal)) {
          throw new Error(`gen-shape: a literal of type ${typeof node.literal}`);
        }
        return `${v} === ${JSON.stringify(node.literal)}`;
      case 'picklist': {
        const i = lists.push(node.options as unknown[]) - 1;
        return `L${i}.includes(${v})`;
      }
      default:
        return null;
    }
  };

  const action = (a: ShapeNode, v: string, type: 'string' | 'number'): string => {
    const r = a.requirement;
    const bound = ['min_length', 'max_length', 'min_value', 'max_value'].includes(a.type);
    if (bound && !(typeof r === 'number' && Number.isFinite(r))) {
      throw new Error(`gen-shape: the bound of "${a.type}" is not a finite number`);
    }
    switch (a.type) {
      case 'min_length':
        return `${v}.length >= ${r as number}`;
      case 'max_length':
        return `${v}.length <= ${r as number}`;
      case 'regex':
        if (type !== 'string') throw new Error('gen-shape: a regex on a number');
        return `${regex(r as RegExp)}.test(${v})`;
      case 'integer':
        return `Number.isInteger(${v})`;
      case 'min_value':
        return `${v} >= ${JSON.stringify(r)}`;
      case 'max_value':
        return `${v} <= ${JSON.stringify(r)}`;
      default:
        throw new Error(`gen-shape: no check for the valibot action "${a.type}"`);
    }
  };

  const checkPipe = (node: ShapeNode) => {
    for (const a of node.pipe?.slice(1) ?? []) {
      if (a.kind !== 'validation' && a.kind !== 'metadata') {
        throw new Error(`gen-shape: a pipe with a ${a.kind} "${a.type}" may change the data`);
      }
    }
  };

  /** `node`'s test of `v`: inline when it can be, else a call of its function. */
  const test = (node: ShapeNode, v: string) => {
    const expression = inline(node, v);
    return expression === null ? `${fn(node)}(${v})` : `(${expression})`;
  };

  /** The statements of node's function, over its argument `x`. */
  const body = (node: ShapeNode): string => {
    const expression = inline(node, 'x');
    if (expression !== null) return `return ${expression};`;
    if (node.pipe) {
      const validations = node.pipe.slice(1).filter((a) => a.kind === 'validation');
      const base = node.pipe[0] as ShapeNode;
      if (validations.length === 0) return `return ${test(base, 'x')};`;
      if (base.type !== 'array') throw new Error(`gen-shape: validations on a ${base.type}`);
      return `if (!${test(base, 'x')}) return false;\nconst a = x as unknown[];\nreturn ${validations.map((a) => action(a, 'a', 'string')).join(' && ')};`;
    }
    switch (node.type) {
      case 'string':
        return `return typeof x === 'string';`;
      case 'number':
        return `return typeof x === 'number' && !Number.isNaN(x);`;
      case 'optional': {
        if (node.default !== undefined) throw new Error('gen-shape: an optional with a default changes the data');
        return `return x === undefined || ${test(node.wrapped as ShapeNode, 'x')};`;
      }
      case 'array':
        return `if (!Array.isArray(x)) return false;\nfor (let i = 0; i < x.length; i++) {\nconst v: unknown = x[i];\nif (!${test(node.item as ShapeNode, 'v')}) return false;\n}\nreturn true;`;
      case 'tuple': {
        const items = node.items as ShapeNode[];
        return `if (!Array.isArray(x) || x.length !== ${items.length}) return false;\n${items.map((item, i) => `const v${i}: unknown = x[${i}];\nif (!${test(item, `v${i}`)}) return false;`).join('\n')}\nreturn true;`;
      }
      case 'strict_object': {
        const lines = ['if (!isObject(x)) return false;', 'let present = 0;', 'let v: unknown;'];
        for (const [key, schema] of Object.entries(node.entries as Record<string, ShapeNode>)) {
          if (key in Object.prototype) throw new Error(`gen-shape: the key "${key}" is inherited by every object`);
          lines.push(`v = ${read('x', key)};`);
          if (schema.type === 'optional' && !schema.pipe) {
            if (schema.default !== undefined) throw new Error('gen-shape: an optional with a default changes the data');
            lines.push(
              `if (v !== undefined) {\nif (!${test(schema.wrapped as ShapeNode, 'v')} || !Object.hasOwn(x, ${ident(key)})) return false;\npresent++;\n}`,
            );
          } else {
            lines.push(
              `if (v === undefined || !${test(schema, 'v')} || !Object.hasOwn(x, ${ident(key)})) return false;\npresent++;`,
            );
          }
        }
        lines.push('let keys = 0;', 'for (const _ in x) keys++;', 'return keys === present;');
        return lines.join('\n');
      }
      case 'record':
        return `if (!isObject(x)) return false;\nfor (const k in x) {\nif (k === '__proto__' || k === 'prototype' || k === 'constructor') return false;\nconst v: unknown = x[k];\nif (!${test(node.key as ShapeNode, 'k')} || !${test(node.value as ShapeNode, 'v')}) return false;\n}\nreturn true;`;
      case 'variant': {
        // The first option whose discriminator fits decides. valibot may go on to a later option that
        // also fits: answering no there only leaves the data to valibot.
        const discriminator = node.key as string;
        const flat: ShapeNode[] = [];
        const add = (option: ShapeNode) => {
          if (option.type === 'variant') for (const o of option.options as ShapeNode[]) add(o);
          else if (!option.entries?.[discriminator])
            throw new Error(`gen-shape: a variant option without "${discriminator}"`);
          else flat.push(option);
        };
        for (const option of node.options as ShapeNode[]) add(option);
        const lines = [
          'if (!isObject(x)) return false;',
          `const d = ${read('x', discriminator)};`,
          'if (d === undefined) return false;',
        ];
        for (const option of flat) {
          const fits = (option.entries as Record<string, ShapeNode>)[discriminator] as ShapeNode;
          lines.push(`if (${test(fits, 'd')}) return ${fn(option)}(x);`);
        }
        lines.push('return false;');
        return lines.join('\n');
      }
      case 'union': {
        // An option valibot may accept while changing the data (a tuple drops extra items, a record
        // drops some keys) would let a later option's yes stand for the first one's changed output.
        for (const option of node.options as ShapeNode[]) {
          if (shapeNodes(option as unknown as GenericSchema).some((n) => n.type === 'tuple' || n.type === 'record')) {
            throw new Error('gen-shape: a union with an option that may change the data (a tuple or a record)');
          }
        }
        return `return ${(node.options as ShapeNode[]).map((o) => test(o, 'x')).join(' || ')};`;
      }
      case 'lazy': {
        // Every form the getter may pick has a function, found at run time by the schema it picks.
        const forms = (node.getter as (input: unknown) => ShapeNode)(undefined);
        for (const form of [forms, ...(forms.type === 'union' ? (forms.options as ShapeNode[]) : [])]) {
          if (inline(form, 'x') === null) fn(form);
        }
        // The getter picks a schema by the input: its function is found by the schema's place in shapeNodes.
        return `if (depth >= ${options.maxLazyDepth}) return false;\nconst check = CHECK_OF.get((NODES[${index.get(node)}] as Lazy).getter(x));\nif (!check) return false;\ndepth++;\nconst ok = check(x);\ndepth--;\nreturn ok;`;
      }
      default:
        throw new Error(`gen-shape: no check for the valibot schema "${node.type}"`);
    }
  };

  const bodies = new Map<string, string>();
  fn(nodes[0] as ShapeNode);
  for (let i = 0; i < wanted.length; i++) {
    const node = wanted[i] as ShapeNode;
    bodies.set(fn(node), body(node));
  }
  // The schema repeats itself (the same text field, the same list of ids, in many places): a
  // function whose body another has already is dropped for it, until no two are alike.
  const same = new Map<string, string>();
  const canonical = (name: string): string => {
    let at = name;
    while (same.has(at)) at = same.get(at) as string;
    return at;
  };
  for (let merged = true; merged; ) {
    merged = false;
    const first = new Map<string, string>();
    for (const [name, text] of bodies) {
      const earlier = first.get(text);
      if (earlier === undefined) first.set(text, name);
      else {
        same.set(name, earlier);
        bodies.delete(name);
        merged = true;
      }
    }
    for (const [name, text] of bodies) bodies.set(name, text.replace(TOKEN, canonical));
  }
  const functions = [...bodies].map(
    ([name, text]) => `function ${named(name)}(x: unknown): boolean {\n${named(text)}\n}`,
  );
  return [
    "// Generated by scripts/gen-shape.ts from the scenario's valibot schema: do not edit. `npm run schema` writes it;",
    '// `npm run schema:check` fails when it is stale. What it answers, and why it is generated: scripts/gen-shape.ts.',
    // The root's module is './schema' here, which sorts before './shape-nodes' as Biome orders imports.
    options.importRoot,
    "import { type ShapeNode, shapeFingerprint, shapeNodes } from './shape-nodes';",
    '',
    'type Lazy = ShapeNode & { getter: (input: unknown) => ShapeNode };',
    'const isObject = (x: unknown): x is Record<string, unknown> =>',
    "  typeof x === 'object' && x !== null && !Array.isArray(x);",
    ...regexes.map((r, i) => `const R${i} = /${r.source}/${r.flags};`),
    ...lists.map((l, i) => `const L${i}: readonly unknown[] = ${JSON.stringify(l)};`),
    '/** How deep `lazy` parts nest at the point being checked. */',
    'let depth = 0;',
    '',
    ...functions,
    '',
    "/** The functions by their schema node's place in shapeNodes. */",
    `const CHECKS: Record<number, (x: unknown) => boolean> = { ${wanted.map((n) => `${index.get(n)}: ${named(canonical(fn(n)))}`).join(', ')} };`,
    `const NODES = shapeNodes(${options.rootName});`,
    '// Written from another schema (`npm run schema:check` says so), this file answers no to everything: valibot then judges.',
    `const CURRENT = shapeFingerprint(NODES) === ${JSON.stringify(shapeFingerprint(nodes))};`,
    'const CHECK_OF = new Map<ShapeNode, (x: unknown) => boolean>();',
    'for (let i = 0; i < NODES.length; i++) {',
    '  const check = CHECKS[i];',
    '  if (check) CHECK_OF.set(NODES[i] as ShapeNode, check);',
    '}',
    '',
    `export function ${options.exportName}(x: unknown): boolean {`,
    '  if (!CURRENT) return false;',
    '  depth = 0;',
    `  return ${named(canonical(fn(nodes[0] as ShapeNode)))}(x);`,
    '}',
    '',
  ].join('\n');
}
