import { preloadable } from './preloadable';

// The chart's drawing code comes after the first screen (the library fetches it when idle): it is
// the largest part of a run's screens, and the status board above it says the same in numbers.
export const casesChart = preloadable(() => import('./cases-chart'));
// Only a drill with requests to the level above shows this board, and only once one is made.
export const requestsBoard = preloadable(() => import('./requests-board'));
