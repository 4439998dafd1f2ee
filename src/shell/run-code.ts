/**
 * The run's code — its screens (run-screens.tsx) and the engine they and the store's run actions
 * call (store/run-engine.ts) — is one chunk outside the first load. The shell shows a run once it
 * has come, and asks for it when a run is shown or while the library is idle.
 */
import { loadRunEngine } from '../store/run-engine';
import type RunScreensComponent from './run-screens';

type RunScreens = typeof RunScreensComponent;

let screens: RunScreens | null = null;
let loading: Promise<RunScreens> | null = null;
const listeners = new Set<() => void>();

/** Fetches the run's code once; a failed fetch is tried again at the next call. */
export function loadRunCode(): Promise<RunScreens> {
  if (screens) return Promise.resolve(screens);
  loading ??= Promise.all([import('./run-screens'), loadRunEngine()]).then(
    ([module]) => {
      screens = module.default;
      for (const listener of listeners) listener();
      return module.default;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The run's screens once they have come, else null (for React's useSyncExternalStore). */
export function loadedRunScreens(): RunScreens | null {
  return screens;
}

export function onRunCodeLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
