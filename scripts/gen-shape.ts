/**
 * Writes the shape check `load` asks first (src/scenario/scenario-shape.generated.ts): "does this
 * freshly parsed data already have the scenario's shape, so that valibot would accept it and give it
 * back unchanged?". Generated from the very valibot schema, as plain code: a function per schema
 * node, each object's keys walked once and tested by name, each leaf tested inline. The check it
 * replaces composed closures, and its keyed reads and indirect calls took 21 ms on a 10,000-node
 * drill that a plain walk of every value reads in 4–7. No code is made at run time (no eval): the file is source,
 * checked in, and `npm run schema:check` fails when it no longer matches the schema.
 *
 * Anything doubtful answers no, and `load` asks valibot, which also gives the messages. A schema kind
 * or a pipe step this generator does not know throws here, so nothing new slips past.
 *
 * A `lazy` made by schema-primitives' lazyRef, lazyByKey or lazyByType declares how its getter picks,
 * and the check makes that pick inline (the generator probes the getter to see that it agrees); any
 * other `lazy` has its getter called at run time and what it gives looked up.
 */
import type { GenericSchema } from 'valibot';
import { type LazyDispatch, type ShapeNode, shapeFingerprint, shapeNodes } from '../src/scenario/shape-nodes';

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
/** A call of the function of the node at `i`, named only when the text is written out. */
const mark = (i: number) => `\u0001${i}\u0001`;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the mark is a control character because no JSON text holds one
const MARK = /\u0001(\d+)\u0001/g;
/** `x.key`, or `x["key"]` for a key that is not a name. */
const read = (x: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${x}.${key}` : `${x}[${ident(key)}]`);

export function shapeSource(root: GenericSchema, options: ShapeSourceOptions): string {
  const nodes = shapeNodes(root);
  const index = new Map(nodes.map((node, i) => [node, i]));
  const regexes: RegExp[] = [];
  /** Whether some `lazy` declares no dispatch, so the check calls its getter and needs the schema at run time. */
  let runtimeLazy = false;
  const lists: unknown[][] = [];
  /** Every key a strict object declares: none may be inherited from Object.prototype when the check runs. */
  const entryKeys: string[] = [];
  // Functions only for the nodes something calls: a leaf is tested inline where it is used.
  const wanted: ShapeNode[] = [];
  // A call is written with a mark no literal or key can hold (JSON.stringify escapes control
  // characters), so merging functions below renames calls and never a literal such as "s3".
  const fn = (node: ShapeNode) => {
    if (!wanted.includes(node)) wanted.push(node);
    return mark(index.get(node) as number);
  };

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

  // Nested pipes too: leafTests flattens them, keeping only validations, so a transform inside
  // one would otherwise be dropped unseen.
  const checkPipe = (node: ShapeNode) => {
    if (!node.pipe) return;
    for (const a of node.pipe.slice(1)) {
      if (a.kind !== 'validation' && a.kind !== 'metadata') {
        throw new Error(`gen-shape: a pipe with a ${a.kind} "${a.type}" may change the data`);
      }
    }
    checkPipe(node.pipe[0] as ShapeNode);
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
        // The object's keys are walked once, each read where for-in found it, and tested by name.
        // Read field by field instead, the objects of one list (choices with and without effects, a
        // score, a world…) have dozens of hidden classes between them (the generated drill's choices,
        // fifty), and every read of a field, there or not, was a slow megamorphic one: on the
        // 10,000-node drill the check took 7.7 ms that way and takes 5.2 walked by keys (medians, four
        // interleaved runs). Only a plain object is walked: its prototype is Object.prototype, which
        // the exported function has found to hold none of the entries' keys, so a key is its own or
        // no entry's. A key with no entry, or one holding undefined (which no JSON text makes),
        // answers no. for-in sees enumerable keys only: every key JSON.parse makes is one, but an
        // object built in code with a field defined as not enumerable would be judged without it.
        const entries = Object.entries(node.entries as Record<string, ShapeNode>);
        const optional = ([, schema]: [string, ShapeNode]) => schema.type === 'optional' && !schema.pipe;
        // The keys every object has come first: a switch compares its cases in order.
        const ordered = [...entries.filter((e) => !optional(e)), ...entries.filter(optional)];
        const count = ordered.filter((e) => !optional(e)).length;
        // An object whose every key is optional has nothing to count.
        const lines = [
          'if (!isPlain(x)) return false;',
          ...(count > 0 ? ['let required = 0;'] : []),
          'for (const k in x) {',
          'const v: unknown = x[k];',
          'switch (k) {',
        ];
        for (const entry of ordered) {
          const [key, schema] = entry;
          if (key in Object.prototype) throw new Error(`gen-shape: the key "${key}" is inherited by every object`);
          if (!entryKeys.includes(key)) entryKeys.push(key);
          lines.push(`case ${ident(key)}:`);
          if (optional(entry)) {
            if (schema.default !== undefined) throw new Error('gen-shape: an optional with a default changes the data');
            lines.push(`if (v === undefined || !${test(schema.wrapped as ShapeNode, 'v')}) return false;\nbreak;`);
          } else {
            lines.push(`if (v === undefined || !${test(schema, 'v')}) return false;\nrequired++;\nbreak;`);
          }
        }
        lines.push('default:\nreturn false;', '}', '}', count > 0 ? `return required === ${count};` : 'return true;');
        return lines.join('\n');
      }
      case 'record':
        // Plain, so that every key for-in finds is the object's own, as valibot's record reads them.
        return `if (!isPlain(x)) return false;\nfor (const k in x) {\nif (k === '__proto__' || k === 'prototype' || k === 'constructor') return false;\nconst v: unknown = x[k];\nif (!${test(node.key as ShapeNode, 'k')} || !${test(node.value as ShapeNode, 'v')}) return false;\n}\nreturn true;`;
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
        const enter = (pick: string) =>
          `if (depth >= ${options.maxLazyDepth}) return false;\ndepth++;\nconst ok = ${pick};\ndepth--;\nreturn ok;`;
        const dispatch = node.dispatch;
        if (dispatch) {
          agrees(node, dispatch);
          switch (dispatch.by) {
            case 'always':
              return enter(test((node.getter as (input: unknown) => ShapeNode)(undefined), 'x'));
            case 'key': {
              const otherwise = test(dispatch.otherwise, 'x');
              const picks = dispatch.keys.map(
                (k) => `${ident(k)} in x ? ${test(dispatch.pick[k] as ShapeNode, 'x')} : `,
              );
              return enter(`x && typeof x === 'object' ? ${picks.join('')}${otherwise} : ${otherwise}`);
            }
            case 'type':
              return enter(
                `typeof x === 'string' ? ${test(dispatch.pick.string, 'x')} : Array.isArray(x) ? ${test(dispatch.pick.array, 'x')} : ${test(dispatch.otherwise, 'x')}`,
              );
          }
        }
        runtimeLazy = true;
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

  /** The getter of a lazy picks as its declared dispatch says, for inputs of every kind. */
  function agrees(node: ShapeNode, dispatch: LazyDispatch) {
    const getter = node.getter as (input: unknown) => ShapeNode;
    const probes: unknown[] = [undefined, null, 0, '', 'x', true, [], [{}], {}, { x: 0 }];
    let expected: (input: unknown) => ShapeNode;
    if (dispatch.by === 'always') {
      const target = getter(undefined);
      expected = () => target;
    } else if (dispatch.by === 'key') {
      const { keys, pick, otherwise } = dispatch;
      // Each key alone, and each with every key after it, which it must win over.
      keys.forEach((_, i) => {
        probes.push({ [keys[i] as string]: 0 }, Object.fromEntries(keys.slice(i).map((k) => [k, 0])));
      });
      probes.push(Object.fromEntries(keys.map((k) => [k, 0]).reverse()));
      expected = (input) => {
        if (input && typeof input === 'object') for (const k of keys) if (k in input) return pick[k] as ShapeNode;
        return otherwise;
      };
    } else {
      const { pick, otherwise } = dispatch;
      expected = (input) => (typeof input === 'string' ? pick.string : Array.isArray(input) ? pick.array : otherwise);
    }
    for (const probe of probes) {
      if (getter(probe) !== expected(probe)) {
        throw new Error(`gen-shape: a lazy picks otherwise than its dispatch (${dispatch.by}) declares`);
      }
    }
  }

  for (const node of nodes) {
    if (node.fallback !== undefined) throw new Error(`gen-shape: a ${node.type} with a fallback may change the data`);
  }
  const bodies = new Map<number, string>();
  fn(nodes[0] as ShapeNode);
  for (let i = 0; i < wanted.length; i++) {
    const node = wanted[i] as ShapeNode;
    bodies.set(index.get(node) as number, body(node));
  }
  // The schema repeats itself (the same text field, the same list of ids, in many places): a
  // function whose body another has already is dropped for it, until no two are alike.
  const same = new Map<number, number>();
  const canonical = (name: number): number => {
    let at = name;
    while (same.has(at)) at = same.get(at) as number;
    return at;
  };
  const merge = (text: string) => text.replace(MARK, (_, i) => mark(canonical(Number(i))));
  for (let merged = true; merged; ) {
    merged = false;
    const first = new Map<string, number>();
    for (const [name, text] of bodies) {
      const earlier = first.get(text);
      if (earlier === undefined) first.set(text, name);
      else {
        same.set(name, earlier);
        bodies.delete(name);
        merged = true;
      }
    }
    for (const [name, text] of bodies) bodies.set(name, merge(text));
  }
  const named = (text: string) => text.replace(MARK, (_, i) => `s${i}`);
  const functions = [...bodies].map(([name, text]) => `function s${name}(x: unknown): boolean {\n${named(text)}\n}`);
  return [
    "// Generated by scripts/gen-shape.ts from the scenario's valibot schema: do not edit. `npm run schema` writes it;",
    '// `npm run schema:check` fails when it is stale. What it answers, and why it is generated: scripts/gen-shape.ts.',
    // The root's module is './schema' here, which sorts before './shape-nodes' as Biome orders imports.
    options.importRoot,
    `import { ${runtimeLazy ? 'type ShapeNode, ' : ''}shapeFingerprint, shapeNodes } from './shape-nodes';`,
    '',
    ...(runtimeLazy ? ['type Lazy = ShapeNode & { getter: (input: unknown) => ShapeNode };'] : []),
    'const isObject = (x: unknown): x is Record<string, unknown> =>',
    "  typeof x === 'object' && x !== null && !Array.isArray(x);",
    '/** An object made by JSON.parse or a literal: only its own keys can hold what the entries name (see KEYS). */',
    'const isPlain = (x: unknown): x is Record<string, unknown> =>',
    "  typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;",
    '/** Every key a strict object of the schema declares. */',
    `const KEYS: readonly string[] = ${JSON.stringify(entryKeys)};`,
    ...regexes.map((r, i) => `const R${i} = /${r.source}/${r.flags};`),
    ...lists.map((l, i) => `const L${i}: readonly unknown[] = ${JSON.stringify(l)};`),
    '/** How deep `lazy` parts nest at the point being checked. */',
    'let depth = 0;',
    '',
    ...functions,
    '',
    `const NODES = shapeNodes(${options.rootName});`,
    '// Written from another schema (`npm run schema:check` says so), this file answers no to everything: valibot then judges.',
    `const CURRENT = shapeFingerprint(NODES) === ${JSON.stringify(shapeFingerprint(nodes))};`,
    ...(runtimeLazy
      ? [
          "/** The functions by their schema node's place in shapeNodes. */",
          `const CHECKS: Record<number, (x: unknown) => boolean> = { ${wanted.map((n) => `${index.get(n)}: s${canonical(index.get(n) as number)}`).join(', ')} };`,
          'const CHECK_OF = new Map<ShapeNode, (x: unknown) => boolean>();',
          'for (let i = 0; i < NODES.length; i++) {',
          '  const check = CHECKS[i];',
          '  if (check) CHECK_OF.set(NODES[i] as ShapeNode, check);',
          '}',
        ]
      : []),
    '',
    `export function ${options.exportName}(x: unknown): boolean {`,
    '  if (!CURRENT) return false;',
    '  // Were one of them on Object.prototype, an object without it would seem to have it.',
    '  for (let i = 0; i < KEYS.length; i++) if ((KEYS[i] as string) in Object.prototype) return false;',
    '  depth = 0;',
    `  return s${canonical(0)}(x);`,
    '}',
    '',
  ].join('\n');
}
