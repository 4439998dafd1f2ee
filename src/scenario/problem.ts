/** A problem found in a scenario file: where (JSON pointer) and what to do about it, in Chinese. */
export interface Problem {
  severity: 'error' | 'warning';
  /** RFC 6901 JSON pointer into the file, "" for the whole file. */
  pointer: string;
  message: string;
}

export type PathKey = string | number;

/** ["nodes", 3, "next"] → "/nodes/3/next" (RFC 6901 escaping). */
export function toPointer(path: readonly PathKey[]): string {
  return path.map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function error(path: readonly PathKey[], message: string): Problem {
  return { severity: 'error', pointer: toPointer(path), message };
}

export function warning(path: readonly PathKey[], message: string): Problem {
  return { severity: 'warning', pointer: toPointer(path), message };
}
