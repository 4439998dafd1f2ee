/**
 * `load` of the generated drill, round after round, a full collection before each and the last
 * result held, as the bench times it (scripts/bench-load.ts). Prints `=== load N` before each, so
 * that V8's trace (--trace-deopt) can be read load by load: test/load-stays-optimised.test.ts
 * runs it. Args: node count, rounds.
 */
import { writeSync } from 'node:fs';
import { load } from '../src/scenario/load';
import { largeDrill } from './bench-drill';
import { collector } from './bench-engine';

const [nodes = 10_000, rounds = 12] = process.argv.slice(2).map(Number);
const text = JSON.stringify(largeDrill(nodes));
const gc = collector();
let held: unknown;
for (let r = 0; r < rounds; r++) {
  gc();
  // Written straight to the descriptor: a stream's own code, run between loads, would be in the trace too.
  writeSync(1, `=== load ${r}\n`);
  const result = load(text);
  if (!result.ok) throw new Error('the generated drill does not load');
  held = result;
}
void held;
