import { preloadable } from './preloadable';

const debrief = preloadable(() => import('./debrief/debrief-screen'));

/**
 * Fetches the debrief's code (it is not in the first load). The last consequence screen calls this
 * when the page is idle, so that 查看复盘 opens the debrief without a round trip.
 */
export const preloadDebrief = debrief.preload;

/** The debrief, fetched on its first render unless preloaded, and drawn at once when it was. */
export const DebriefScreen = debrief.Component;
