/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the fuzz property of test/fuzz-properties.ts on N cases
 * (default 10,000) — generated drills, mutated real drills, noise — from seed S (default a new one,
 * printed, so any run can be repeated). Prints the runs, how many files were accepted and refused,
 * the decisions played and the time. Exits 1 with the counterexample (shrunk by fast-check, and
 * written in full to a file) when a case fails, takes longer than SLOW_MS, or hangs: the cases run
 * in a worker thread that this one watches, so an endless loop is caught, not waited for.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { type CaseKind, checkFile, type FuzzCase, fuzzCase } from '../test/fuzz-properties';

/** One case taking longer than this fails the run: `load` and a few short plays should take milliseconds. */
const SLOW_MS = 10_000;
/** No case finished for this long: a hang. */
const HANG_MS = 60_000;

interface Job {
  runs: number;
  seed: number;
  /** [cases started, the index of the case now running, 1 once shrinking a failure, the first failure's index]. */
  progress: SharedArrayBuffer;
}

interface Stats {
  runs: number;
  accepted: number;
  rejected: number;
  decisions: number;
  kinds: Record<CaseKind, { runs: number; accepted: number }>;
  slowest: { ms: number; index: number; kind: CaseKind | null };
}

interface Outcome {
  stats: Stats;
  failure: { message: string; example: FuzzCase; shrinks: number; index: number } | null;
}

function option(argv: string[], name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`${name} takes a whole number, not "${argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return value;
}

/** The worker: runs the cases, marking progress in shared memory, and posts the outcome. */
function work(job: Job): void {
  const progress = new Int32Array(job.progress);
  const stats: Stats = {
    runs: 0,
    accepted: 0,
    rejected: 0,
    decisions: 0,
    kinds: {
      generated: { runs: 0, accepted: 0 },
      mutated: { runs: 0, accepted: 0 },
      noise: { runs: 0, accepted: 0 },
    },
    slowest: { ms: 0, index: -1, kind: null },
  };
  let failed = -1;
  const details = fc.check(
    fc.property(fuzzCase, (c) => {
      const index = Atomics.add(progress, 0, 1);
      Atomics.store(progress, 1, index);
      const counting = failed < 0;
      const began = performance.now();
      try {
        const verdict = checkFile(c.text, c.seed);
        if (counting) {
          stats.runs++;
          stats.kinds[c.kind].runs++;
          stats.decisions += verdict.decisions;
          if (verdict.accepted) {
            stats.accepted++;
            stats.kinds[c.kind].accepted++;
          } else stats.rejected++;
        }
      } catch (e) {
        if (failed < 0) {
          failed = index;
          Atomics.store(progress, 2, 1);
          Atomics.store(progress, 3, index);
        }
        throw e;
      } finally {
        const ms = performance.now() - began;
        if (counting && ms > stats.slowest.ms) stats.slowest = { ms, index, kind: c.kind };
      }
    }),
    { seed: job.seed, numRuns: job.runs },
  );
  const outcome: Outcome = { stats, failure: null };
  if (details.failed && details.counterexample) {
    const error = details.errorInstance;
    outcome.failure = {
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      example: details.counterexample[0],
      shrinks: details.numShrinks,
      index: failed,
    };
  }
  parentPort?.postMessage(outcome);
}

/** The case the property saw as its `index`-th: fast-check draws the same values for the same seed. */
function caseAt(seed: number, index: number): FuzzCase {
  return fc.sample(fuzzCase, { seed, numRuns: index + 1 })[index] as FuzzCase;
}

function report(title: string, example: FuzzCase, seed: number, runs: number, message?: string): void {
  const file = join(tmpdir(), `tuiyan-fuzz-${seed}.json`);
  writeFileSync(file, example.text);
  console.error(`\n${title}`);
  if (message) console.error(message);
  console.error(`\ncounterexample (${example.kind}, play seed ${example.seed}, ${example.text.length} characters):`);
  console.error(example.text.length > 2000 ? `${example.text.slice(0, 2000)}…` : example.text);
  console.error(`\nthe whole file: ${file}`);
  console.error(`again: npm run fuzz -- --runs ${runs} --seed ${seed}`);
}

function summary(stats: Stats, ms: number, failed: boolean): string {
  const share = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : '–');
  const kinds = (Object.entries(stats.kinds) as [CaseKind, Stats['kinds'][CaseKind]][])
    .map(([kind, k]) => `  ${kind.padEnd(9)} ${String(k.runs).padStart(6)} runs, ${share(k.accepted, k.runs)} accepted`)
    .join('\n');
  return [
    `runs ${stats.runs}${failed ? ' before the failure' : ''}: accepted ${stats.accepted}, rejected ${stats.rejected}`,
    kinds,
    `decisions played in accepted drills: ${stats.decisions}`,
    `time ${(ms / 1000).toFixed(1)} s (slowest case ${Math.round(stats.slowest.ms)} ms, a ${stats.slowest.kind ?? '–'} one)`,
  ].join('\n');
}

function main(): void {
  const argv = process.argv.slice(2);
  const runs = option(argv, '--runs') ?? 10_000;
  const seed = option(argv, '--seed') ?? Date.now() % 2 ** 31;
  console.log(`fuzz: ${runs} runs, seed ${seed}`);
  const progress = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const counters = new Int32Array(progress);
  const job: Job = { runs, seed, progress };
  // The worker loads this file through tsx, as `npm run fuzz` loaded it here.
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: job });
  const began = performance.now();
  let seen = -1;
  let since = began;
  let told = began;
  const watch = setInterval(() => {
    const now = performance.now();
    const started = Atomics.load(counters, 0);
    if (started !== seen) {
      seen = started;
      since = now;
    }
    if (now - told > 10_000 && Atomics.load(counters, 2) === 0) {
      told = now;
      console.log(`  … ${Math.min(started, runs)} of ${runs}`);
    }
    if (now - since < HANG_MS) return;
    clearInterval(watch);
    void worker.terminate();
    const shrinking = Atomics.load(counters, 2) === 1;
    const index = shrinking ? Atomics.load(counters, 3) : Atomics.load(counters, 1);
    report(
      shrinking
        ? `HANG while shrinking a failure: no case finished in ${HANG_MS / 1000} s. The failing case, unshrunk:`
        : `HANG: case ${index} did not finish in ${HANG_MS / 1000} s.`,
      caseAt(seed, index),
      seed,
      runs,
    );
    process.exit(1);
  }, 1000);
  worker.on('error', (e) => {
    clearInterval(watch);
    console.error('the fuzz worker crashed:', e);
    process.exit(1);
  });
  worker.on('message', (outcome: Outcome) => {
    clearInterval(watch);
    void worker.terminate();
    const ms = performance.now() - began;
    console.log(summary(outcome.stats, ms, outcome.failure !== null));
    if (outcome.failure) {
      report(
        `FAILED at case ${outcome.failure.index} (shrunk ${outcome.failure.shrinks} times):`,
        outcome.failure.example,
        seed,
        runs,
        outcome.failure.message,
      );
      process.exit(1);
    }
    if (outcome.stats.slowest.ms > SLOW_MS) {
      report(
        `TOO SLOW: case ${outcome.stats.slowest.index} took ${Math.round(outcome.stats.slowest.ms)} ms (limit ${SLOW_MS} ms).`,
        caseAt(seed, outcome.stats.slowest.index),
        seed,
        runs,
      );
      process.exit(1);
    }
    console.log('ok: every file accepted or refused with a pointer and a message; every accepted one played.');
    process.exit(0);
  });
}

if (isMainThread) main();
else work(workerData as Job);
