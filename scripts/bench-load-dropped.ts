/**
 * The load row's figure with nothing held between loads, in a process of its own: what a process has
 * optimised before carries over (scripts/bench-load.ts says why the two differ), so this one runs
 * nothing else first. Args: node count, timed rounds, untimed rounds. Prints the timings, in
 * milliseconds, as JSON.
 */
import { load } from '../src/scenario/load';
import { largeDrill } from './bench-drill';
import { collector, timedAfterCollection } from './bench-engine';
import { WARM_ROUNDS } from './bench-load';

const [nodes = 10_000, rounds = 7, warm = WARM_ROUNDS] = process.argv.slice(2).map(Number);
const text = JSON.stringify(largeDrill(nodes));
const gc = collector();
const time = (f: () => unknown) => timedAfterCollection(gc, f);
const timings: number[] = [];
// The same turns as the bench's, ours and JSON.parse, each result dropped at once.
for (let r = -warm; r < rounds; r++) {
  const a = time(() => load(text));
  time(() => JSON.parse(text));
  if (r >= 0) timings.push(a);
}
process.stdout.write(JSON.stringify(timings));
