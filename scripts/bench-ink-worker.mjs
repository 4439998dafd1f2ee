/**
 * inkjs's side of the load row, in a worker thread: the same process, its own V8 isolate and heap
 * (scripts/bench-ink.ts, `InkLoads`). Each message is one timed `new Story(json)` after a full
 * collection; the time goes back through shared memory, so the bench waits for it synchronously.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { Story } from 'inkjs/full';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const { json, signal, result } = workerData;

// The story loaded last, held while the next loads, as the bench holds ours (scripts/bench-load.ts).
const held = { story: null };

/** The signal's values: 1, loaded (the time is in `result`); 2, inkjs refused the story. */
parentPort.on('message', () => {
  gc();
  let done = 1;
  try {
    const t0 = performance.now();
    const story = new Story(json);
    result[0] = performance.now() - t0;
    held.story = story;
  } catch {
    done = 2;
  }
  // The story it replaced is garbage now: collected here, before the other side's next timing.
  gc();
  Atomics.store(signal, 0, done);
  Atomics.notify(signal, 0);
});
