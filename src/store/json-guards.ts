/** Checks for JSON read back from storage, which is trusted no more than a drill file. */
export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
