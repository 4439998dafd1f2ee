/**
 * The instructor's setting for time limits (WCAG 2.2.1, Timing Adjustable): each timed decision's
 * countdown as the drill sets it, twice as long, or none. A run starts with it and the engine
 * judges its countdowns against it (RunState.timeLimits); here are its words and the course link.
 */

import { TIME_LIMITS, type TimeLimits } from '../engine/types';

// The engine judges countdowns against the setting, so the type and its arithmetic live with its types.
export { allowedSec, TIME_LIMITS, type TimeLimits } from '../engine/types';

/** What the trainee and instructor read: on the briefing, the decision screen, the class overview. */
export const TIME_LIMITS_LABEL: Record<TimeLimits, string> = {
  x1: '标准',
  x2: '放宽一倍',
  off: '不限时',
};

export function isTimeLimits(value: unknown): value is TimeLimits {
  return (TIME_LIMITS as readonly unknown[]).includes(value);
}

/** The words a course link may use, in either language: `?限时=2`, `?timeLimits=off`. */
const LINK_VALUES: Record<string, TimeLimits> = {
  '1': 'x1',
  x1: 'x1',
  '×1': 'x1',
  标准: 'x1',
  '2': 'x2',
  x2: 'x2',
  '×2': 'x2',
  放宽: 'x2',
  off: 'off',
  '0': 'off',
  none: 'off',
  不限: 'off',
  不限时: 'off',
};

/** The setting a course link carries (`?限时=2`, `?timeLimits=x2|off`), or null when it carries none it knows. */
export function timeLimitsFromQuery(search: string): TimeLimits | null {
  const params = new URLSearchParams(search);
  const value = params.get('限时') ?? params.get('timeLimits');
  if (value === null) return null;
  return LINK_VALUES[value.trim().toLowerCase()] ?? null;
}
