import { describe, expect, it } from 'vitest';
import { allowedSec, timeLimitsFromQuery } from './time-limits';

describe('time limits', () => {
  it('doubles a limit under ×2 and gives none when off', () => {
    expect(allowedSec(30, 'x1')).toBe(30);
    expect(allowedSec(30, 'x2')).toBe(60);
    expect(allowedSec(30, 'off')).toBeNull();
  });

  it('reads a course link’s setting in Chinese or English, and ignores what it does not know', () => {
    expect(timeLimitsFromQuery('?限时=2')).toBe('x2');
    expect(timeLimitsFromQuery(`?${encodeURIComponent('限时')}=${encodeURIComponent('不限时')}`)).toBe('off');
    expect(timeLimitsFromQuery('?timeLimits=off')).toBe('off');
    expect(timeLimitsFromQuery('?timeLimits=X2')).toBe('x2');
    expect(timeLimitsFromQuery('?timeLimits=1')).toBe('x1');
    expect(timeLimitsFromQuery('?timeLimits=3')).toBeNull();
    expect(timeLimitsFromQuery('')).toBeNull();
  });
});
