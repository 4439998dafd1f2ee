/**
 * Where things are in a JSON text: the offset of every value by its JSON pointer, and of the
 * first syntax error. Iterative, so a deeply nested file cannot overflow the stack; it never
 * throws. Used to show the line and column of each problem to an author.
 */

export interface Located {
  /** JSON pointer → offset of the value's first character. */
  values: Map<string, number>;
  /** The first syntax error, if the text is not valid JSON. */
  error: { offset: number } | null;
}

/** Positions are kept this deep; deeper values are only checked for syntax (load refuses them anyway). */
const MAX_RECORDED_DEPTH = 200;

/** `pointer` is null below MAX_RECORDED_DEPTH, so a deep file costs memory in proportion to its size. */
type Frame = { kind: 'object' | 'array'; pointer: string | null; depth: number; index: number; key: string | null };

const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

const WS = new Set([' ', '\t', '\n', '\r']);

export function locate(text: string): Located {
  const values = new Map<string, number>();
  const stack: Frame[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const fail = (at: number): Located => ({ values, error: { offset: Math.min(at, text.length) } });
  /** Reads a string starting at text[i] === '"'; returns its value, or null on error (i at the fault). */
  const readString = (): string | null => {
    let out = '';
    i++;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
          continue;
        }
        const map: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (next === undefined || !(next in map)) return null;
        out += map[next];
        i += 2;
        continue;
      }
      if (ch < ' ') return null;
      out += ch;
      i++;
    }
    return null;
  };
  /** Reads `"key":` into the object frame; false (i at the fault) when it is not there. */
  const readKey = (frame: Frame): boolean => {
    if (text[i] !== '"') return false;
    const key = readString();
    if (key === null) return false;
    skip();
    if (text[i] !== ':') return false;
    i++;
    frame.key = key;
    return true;
  };
  /** The pointer of the value about to be read, or null when it is too deep to record. */
  const currentPointer = (): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.pointer === null || top.depth >= MAX_RECORDED_DEPTH) return null;
    return `${top.pointer}/${top.kind === 'array' ? top.index : escapeKey(top.key as string)}`;
  };

  skip();
  if (i >= text.length) return fail(i);
  // Each turn reads one value at i, then the punctuation after it.
  for (;;) {
    skip();
    const pointer = currentPointer();
    if (pointer !== null) values.set(pointer, i);
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const frame: Frame = {
        kind: ch === '{' ? 'object' : 'array',
        pointer,
        depth: stack.length + 1,
        index: 0,
        key: null,
      };
      i++;
      skip();
      if ((ch === '{' && text[i] === '}') || (ch === '[' && text[i] === ']')) {
        i++;
      } else {
        stack.push(frame);
        if (frame.kind === 'object' && !readKey(frame)) return fail(i);
        continue;
      }
    } else if (ch === '"') {
      if (readString() === null) return fail(i);
    } else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
      if (!m) return fail(i);
      i += m[0].length;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top) {
        return i < text.length ? fail(i) : { values, error: null };
      }
      const close = top.kind === 'object' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(i);
      i++;
      skip();
      if (top.kind === 'array') top.index++;
      else if (!readKey(top)) return fail(i);
      break;
    }
  }
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where a problem's pointer is in the text: the value itself, or, for a field that is missing,
 * the nearest enclosing value that exists.
 */
export function positionOf(text: string, located: Located, pointer: string): { line: number; column: number } {
  // A problem with the whole file of broken JSON is where the JSON breaks.
  if (pointer === '' && located.error) return lineColumn(text, located.error.offset);
  let p = pointer;
  for (;;) {
    const offset = located.values.get(p);
    if (offset !== undefined) return lineColumn(text, offset);
    if (p === '') return located.error ? lineColumn(text, located.error.offset) : { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
