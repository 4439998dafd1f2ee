import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Once V8 has optimised `load`, later loads run that code: none of it is thrown away again. Not a
 * timing: V8's own account of what it deoptimised (--trace-deopt), read load by load, in a process
 * that does nothing else (scripts/load-rounds.ts).
 *
 * Code is thrown away when an object it was optimised for is made afresh by each load and let go:
 * the full collection before the next load takes the object's hidden class with it (lint/index.ts's
 * `kept`, load.ts's options). Before those were held, branching's walk was thrown away every other
 * load, up to the tenth, and the bench's load row timed those loads: 2.2–2.4 times JSON.parse where
 * the loads after took about 2.
 */
const SETTLED = 5;
const LOADS = 12;

/** Each deoptimisation V8 reports from load `from` on: the function and why. */
function deoptimisedFrom(trace: string, from: number): string[] {
  const found: string[] = [];
  let load = -1;
  for (const line of trace.split('\n')) {
    const marker = /^=== load (\d+)$/.exec(line);
    if (marker) load = Number(marker[1]);
    if (load < from) continue;
    // An eager or lazy bailout, or code marked to be thrown away (it is, without a bailout, when not running).
    const bailout = /\[bailout \(kind: ([^,]+), reason: ([^)]*)\).*<JSFunction (\S*) \(sfi/.exec(line);
    if (bailout) found.push(`load ${load}: ${bailout[3]}, ${bailout[1]} (${bailout[2]})`);
    const marked = /\[marking dependent code .*<SharedFunctionInfo (\S*)>.*reason: (.*)\]/.exec(line);
    if (marked) found.push(`load ${load}: ${marked[1]} marked (${marked[2]})`);
  }
  return found;
}

describe('load, once optimised', () => {
  it(`throws none of its code away from load ${SETTLED} on`, () => {
    const trace = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--trace-deopt', resolve('scripts/load-rounds.ts'), '10000', String(LOADS)],
      { encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
    );
    // The loads ran and V8 did trace (the first loads are optimised, some code thrown away), so an
    // empty list below means nothing was, not that nothing was written.
    expect(trace).toContain(`=== load ${LOADS - 1}`);
    expect(deoptimisedFrom(trace, 0)).not.toEqual([]);
    expect(deoptimisedFrom(trace, SETTLED)).toEqual([]);
  }, 120_000);
});
