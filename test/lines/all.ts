import { lines as cityThirtyDays } from './city-thirty-days';
import { lines as earlyWarning } from './early-warning';
import { lines as grassrootsEnforcement } from './grassroots-enforcement';
import { lines as suppliesRoads } from './supplies-roads';
import type { DrillLines } from './types';
import { lines as waitForOrders } from './wait-for-orders';

/** Every shipped drill's named lines: a drill added to the library adds its file here. */
export const DRILL_LINES: readonly DrillLines[] = [
  earlyWarning,
  waitForOrders,
  grassrootsEnforcement,
  cityThirtyDays,
  suppliesRoads,
];
