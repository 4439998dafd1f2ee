/**
 * The engine's run code (`choose`, `start`, the world: ~13 KB gzip) is kept out of the first load:
 * the library, the first screen, needs none of it. It is fetched when a run is shown or resumed
 * (the shell and loadLibrary ask for it) or ahead while the library is idle, and the store's run
 * actions reach it through here once it has come. Until then the shell shows the run as waiting.
 */
import type * as Run from '../engine/run';

/** What the store calls of the engine. */
export type RunEngine = Pick<typeof Run, 'choose' | 'currentDecision' | 'start' | 'startAt'>;

let engine: RunEngine | null = null;
let loading: Promise<RunEngine> | null = null;
const listeners = new Set<() => void>();

/** Fetches the engine once; a failed fetch is tried again at the next call. */
export function loadRunEngine(): Promise<RunEngine> {
  if (engine) return Promise.resolve(engine);
  loading ??= import('../engine/run').then(
    (module) => {
      engine = module;
      for (const listener of listeners) listener();
      return module;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Whether the engine has come: the run's screens and actions need it. */
export function runEngineLoaded(): boolean {
  return engine !== null;
}

/** The engine; only called where a run is shown, after `loadRunEngine` (the shell waits for it). */
export function runEngine(): RunEngine {
  if (!engine) throw new Error('the run engine was used before it was fetched (loadRunEngine)');
  return engine;
}

/** Calls `listener` when the engine comes (for React's useSyncExternalStore). */
export function onRunEngineLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
