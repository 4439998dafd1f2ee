import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Once V8 has optimised `load`, later loads run that code: none of it is thrown away again. Not a
 * timing: V8's own account of what it deoptimised (--trace-deopt), read load by load, in a process
 * that does nothing else (scripts/load-rounds.ts). Compiled on the main thread
 * (--no-concurrent-recompilation), code is installed at the same point in every run, whatever else
 * the machine is doing; compiled in the background, as by default, when it lands moves with the load.
 *
 * Code is thrown away when an object it was optimised for is made afresh by each load and let go:
 * the full collection before the next load takes the object's hidden class with it (lint/index.ts's
 * `kept`, load.ts's `lintOptionsFor`). Before those were held, branching's walk was thrown away
 * every other load up to about the tenth, and the bench's load row timed those loads. With them,
 * the trace is quiet after the third load (Node 20's V8 11.3); the test reads it from the fifth.
 */
const SETTLED = 4;
const LOADS = 12;
const SCRIPT = fileURLToPath(new URL('../scripts/load-rounds.ts', import.meta.url));

/** Each deoptimisation V8 reports from load `from` on, as its line begins (the function, when it has a name). */
function deoptimisedFrom(trace: string, from: number): string[] {
  const found: string[] = [];
  let load = -1;
  for (const line of trace.split('\n')) {
    const marker = /^=== load (\d+)$/.exec(line);
    if (marker) load = Number(marker[1]);
    // A bailout (eager or lazy), or code marked to be thrown away: it is, without a bailout, when not running.
    if (load >= from && /^\[(bailout|marking dependent code)/.test(line)) {
      const name = /<(?:JSFunction|SharedFunctionInfo) ?([^(>]*?) ?(?:\(sfi|>)/.exec(line)?.[1] || '(anonymous)';
      const reason = /reason: ([^)\]]*)/.exec(line)?.[1] ?? '';
      found.push(`load ${load}: ${name} (${reason})`);
    }
  }
  return found;
}

describe('load, once optimised', () => {
  it(`throws none of its code away from load ${SETTLED} on`, () => {
    const trace = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--trace-deopt', '--no-concurrent-recompilation', SCRIPT, '10000', String(LOADS)],
      { encoding: 'utf8', stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 },
    );
    // The loads ran and V8 did trace (the first loads are optimised, and some code thrown away), so an
    // empty list below means nothing was, not that nothing was written.
    expect(trace).toContain(`=== load ${LOADS - 1}`);
    expect(deoptimisedFrom(trace, 0)).not.toEqual([]);
    expect(deoptimisedFrom(trace, SETTLED)).toEqual([]);
  }, 120_000);
});
