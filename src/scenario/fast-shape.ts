/**
 * A fast yes/no for "this data already has the scenario's shape", compiled once from the very
 * valibot schema that `load` uses: each schema node becomes a plain predicate, composed of
 * closures (no code generation, no eval). valibot walks its schema generically and copies the
 * data as it goes, which costs most of the time of loading a large drill; a drill that passes
 * here needs neither. Anything doubtful answers no, and `load` asks valibot, which then also
 * gives the messages: so "yes" must always mean valibot would accept the data and give it back
 * unchanged. A schema kind this file does not know throws when it is compiled, so a new kind in
 * the schema cannot slip past it.
 */
import type { GenericSchema } from 'valibot';

type Check = (x: unknown) => boolean;

/** The parts of valibot's schema and action objects read here (public properties). */
interface Node {
  kind: string;
  type: string;
  pipe?: Node[];
  wrapped?: Node;
  item?: Node;
  items?: Node[];
  entries?: Record<string, Node>;
  options?: Node[] | unknown[];
  key?: string | Node;
  value?: Node;
  literal?: unknown;
  getter?: (input: unknown) => Node;
  requirement?: unknown;
  default?: unknown;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** An action of a pipe: a test on a value already of the right type. */
function action(a: Node): Check {
  const r = a.requirement;
  switch (a.type) {
    case 'min_length':
      return (x) => (x as string | unknown[]).length >= (r as number);
    case 'max_length':
      return (x) => (x as string | unknown[]).length <= (r as number);
    case 'regex':
      return (x) => (r as RegExp).test(x as string);
    case 'integer':
      return (x) => Number.isInteger(x);
    case 'min_value':
      return (x) => (x as number) >= (r as number);
    case 'max_value':
      return (x) => (x as number) <= (r as number);
    default:
      throw new Error(`fast-shape: no check for the valibot action "${a.type}"`);
  }
}

/** A pipe's validations, its nested pipes flattened; null when it pipes anything but a string or a number. */
function leafTests(node: Node): { type: 'string' | 'number'; tests: Node[] } | null {
  if (!node.pipe) return node.type === 'string' || node.type === 'number' ? { type: node.type, tests: [] } : null;
  const inner = leafTests(node.pipe[0] as Node);
  if (!inner) return null;
  return { type: inner.type, tests: [...inner.tests, ...node.pipe.slice(1).filter((a) => a.kind === 'validation')] };
}

/**
 * The checks most fields are (a text of bounded length, an id, a bounded integer) as one
 * closure: a drill has hundreds of thousands of them, and a call per rule adds up.
 */
function leaf(node: Node): Check | null {
  const found = leafTests(node);
  if (!found) return null;
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  let integer = false;
  let pattern: RegExp | null = null;
  for (const a of found.tests) {
    const r = a.requirement;
    if (a.type === 'min_length') min = Math.max(min, r as number);
    else if (a.type === 'max_length') max = Math.min(max, r as number);
    else if (a.type === 'min_value') low = Math.max(low, r as number);
    else if (a.type === 'max_value') high = Math.min(high, r as number);
    else if (a.type === 'integer') integer = true;
    else if (a.type === 'regex' && pattern === null && !(r as RegExp).global && !(r as RegExp).sticky)
      pattern = r as RegExp;
    else return null;
  }
  if (found.type === 'string') {
    const re = pattern;
    return (x) => typeof x === 'string' && x.length >= min && x.length <= max && (re === null || re.test(x));
  }
  if (pattern) return null;
  return (x) => typeof x === 'number' && !Number.isNaN(x) && x >= low && x <= high && (!integer || Number.isInteger(x));
}

export interface ShapeOptions {
  /**
   * How deep recursive parts (valibot's `lazy`) may nest before the answer is no: the check
   * recurses, and a hostile file must not overflow the stack.
   */
  maxLazyDepth?: number;
}

export function compileShape(root: GenericSchema, { maxLazyDepth = 32 }: ShapeOptions = {}): Check {
  const compiled = new WeakMap<Node, Check>();
  let lazyDepth = 0;

  function compile(node: Node): Check {
    const done = compiled.get(node);
    if (done) return done;
    // Recursive schemas come back here through `lazy`: a forward reference until compiled.
    let check: Check = () => {
      throw new Error('fast-shape: used before compiled');
    };
    compiled.set(node, (x) => check(x));
    check = build(node);
    compiled.set(node, check);
    return check;
  }

  function build(node: Node): Check {
    if (node.pipe) {
      for (const a of node.pipe.slice(1)) {
        if (a.kind !== 'validation' && a.kind !== 'metadata') {
          throw new Error(`fast-shape: a pipe with a ${a.kind} "${a.type}" may change the data`);
        }
      }
      const special = leaf(node);
      if (special) return special;
      // The first item is the schema piped, itself perhaps a pipe (an Id inside a described field).
      const base = compile(node.pipe[0] as Node);
      const tests = node.pipe.slice(1).flatMap((a) => (a.kind === 'validation' ? [action(a)] : []));
      return (x) => {
        if (!base(x)) return false;
        for (const t of tests) if (!t(x)) return false;
        return true;
      };
    }
    return base_(node);
  }

  function base_(node: Node): Check {
    switch (node.type) {
      case 'string':
        return (x) => typeof x === 'string';
      case 'number':
        return (x) => typeof x === 'number' && !Number.isNaN(x);
      case 'boolean':
        return (x) => typeof x === 'boolean';
      case 'literal': {
        const literal = node.literal;
        return (x) => x === literal;
      }
      case 'picklist': {
        const options = node.options as unknown[];
        return (x) => options.includes(x);
      }
      case 'optional': {
        if (node.default !== undefined) throw new Error('fast-shape: an optional with a default changes the data');
        const inner = compile(node.wrapped as Node);
        return (x) => x === undefined || inner(x);
      }
      case 'array': {
        const item = compile(node.item as Node);
        return (x) => {
          if (!Array.isArray(x)) return false;
          for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
          return true;
        };
      }
      case 'tuple': {
        const items = (node.items as Node[]).map(compile);
        // valibot's tuple drops extra items: with them, the answer is no, and valibot decides.
        return (x) => {
          if (!Array.isArray(x) || x.length !== items.length) return false;
          for (let i = 0; i < items.length; i++) if (!(items[i] as Check)(x[i])) return false;
          return true;
        };
      }
      case 'strict_object': {
        const entries = Object.entries(node.entries as Record<string, Node>).map(([key, schema]) => {
          // Absence is read as `x[key] === undefined`: safe only for keys no object inherits.
          if (key in Object.prototype) throw new Error(`fast-shape: the key "${key}" is inherited by every object`);
          return { key, check: compile(schema), optional: schema.type === 'optional' };
        });
        return (x) => {
          if (!isPlainObject(x)) return false;
          let present = 0;
          for (let i = 0; i < entries.length; i++) {
            const { key, check, optional } = entries[i] as (typeof entries)[number];
            const value = x[key];
            if (value === undefined) {
              if (!optional) return false;
            } else if (!check(value) || !Object.hasOwn(x, key)) return false;
            else present++;
          }
          // Any other key (an unknown one, "__proto__"…) makes more keys than the schema's: no.
          let keys = 0;
          for (const _ in x) keys++;
          return keys === present;
        };
      }
      case 'record': {
        const key = compile(node.key as Node);
        const value = compile(node.value as Node);
        return (x) => {
          if (!isPlainObject(x)) return false;
          for (const k in x) {
            // valibot leaves these keys out of a record: with them, valibot decides.
            if (k === '__proto__' || k === 'prototype' || k === 'constructor') return false;
            if (!key(k) || !value(x[k])) return false;
          }
          return true;
        };
      }
      case 'variant': {
        // Flattened once: for each final option, its discriminator's check and its own check.
        const discriminator = node.key as string;
        const flat: { fits: Check; check: Check }[] = [];
        const add = (option: Node) => {
          if (option.type === 'variant') {
            for (const o of option.options as Node[]) add(o);
            return;
          }
          const schema = option.entries?.[discriminator];
          if (!schema) throw new Error(`fast-shape: a variant option without "${discriminator}"`);
          flat.push({ fits: compile(schema), check: compile(option) });
        };
        for (const option of node.options as Node[]) add(option);
        return (x) => {
          if (!isPlainObject(x)) return false;
          const value = x[discriminator];
          if (value === undefined) return false;
          // valibot takes the first option whose discriminator fits, and stands by it. Indexed: a
          // for-of would make an iterator on every call, and a large drill has tens of thousands.
          for (let i = 0; i < flat.length; i++) {
            const option = flat[i] as (typeof flat)[number];
            if (option.fits(value)) return option.check(x);
          }
          return false;
        };
      }
      case 'union': {
        const options = (node.options as Node[]).map(compile);
        return (x) => {
          for (let i = 0; i < options.length; i++) if ((options[i] as Check)(x)) return true;
          return false;
        };
      }
      case 'lazy': {
        const getter = node.getter as (input: unknown) => Node;
        // The getter picks a schema by the input; the last one's check is kept at hand.
        let last: Node | null = null;
        let lastCheck: Check = () => false;
        return (x) => {
          if (lazyDepth >= maxLazyDepth) return false;
          const schema = getter(x);
          if (schema !== last) {
            last = schema;
            lastCheck = compile(schema);
          }
          lazyDepth++;
          const ok = lastCheck(x);
          lazyDepth--;
          return ok;
        };
      }
      default:
        throw new Error(`fast-shape: no check for the valibot schema "${node.type}"`);
    }
  }

  return compile(root as unknown as Node);
}
