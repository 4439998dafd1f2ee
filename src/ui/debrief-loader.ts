import { lazy } from 'react';

type DebriefModule = typeof import('./debrief/debrief-screen');

let loading: Promise<DebriefModule> | undefined;
let loaded: DebriefModule | undefined;

/**
 * Fetches the debrief's code (it is not in the first load). The last consequence screen calls this
 * when the page is idle, so that 查看复盘 opens the debrief without a round trip.
 */
export function preloadDebrief(): Promise<DebriefModule> {
  loading ??= import('./debrief/debrief-screen').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/**
 * The debrief, fetched on its first render unless preloaded. A lazy component whose import is a
 * promise always suspends on that render, even when the module is already here — and React then holds
 * the screen back up to 300 ms after showing the fallback (its throttling of Suspense reveals). Given
 * a thenable that answers at once, React.lazy resolves in the same render.
 */
export const DebriefScreen = lazy(() => (loaded ? settled(loaded) : preloadDebrief()));

/** A thenable that calls back at once: what React.lazy reads as already resolved. */
function settled(module: DebriefModule): Promise<DebriefModule> {
  // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, read only by React.lazy
  const thenable = { then: (resolve: (m: DebriefModule) => void) => resolve(module) };
  return thenable as unknown as Promise<DebriefModule>;
}
