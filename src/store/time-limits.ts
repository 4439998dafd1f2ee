/**
 * The instructor's setting for time limits (WCAG 2.2.1, Timing Adjustable): each timed decision's
 * countdown as the drill sets it, twice as long, or none. It is the UI's: the engine knows only
 * the drill's `timeLimitSec`, and a timeout reaches it as a decision (TIMEOUT).
 */

export type TimeLimits = 'x1' | 'x2' | 'off';

export const TIME_LIMITS: readonly TimeLimits[] = ['x1', 'x2', 'off'];

/** What the trainee and instructor read: on the briefing, the decision screen, the class overview. */
export const TIME_LIMITS_LABEL: Record<TimeLimits, string> = {
  x1: '标准',
  x2: '放宽一倍',
  off: '不限时',
};

export function isTimeLimits(value: unknown): value is TimeLimits {
  return value === 'x1' || value === 'x2' || value === 'off';
}

/** The seconds a decision's countdown runs under `setting`, or null when it runs none. */
export function allowedSec(limitSec: number, setting: TimeLimits): number | null {
  switch (setting) {
    case 'x1':
      return limitSec;
    case 'x2':
      return limitSec * 2;
    case 'off':
      return null;
  }
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
