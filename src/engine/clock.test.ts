import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameDateTime, parseDuration } from './clock';

describe('parseDuration', () => {
  it.each([
    ['0m', 0],
    ['30m', 30],
    ['2h', 120],
    ['1d', 1440],
    ['1.5d', 2160],
    ['0.25h', 15],
    ['90m', 90],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('rounds fractions to the nearest minute', () => {
    expect(parseDuration('0.4m')).toBe(0);
    expect(parseDuration('0.5m')).toBe(1);
    expect(parseDuration('0.01h')).toBe(1);
  });

  it.each(['', '2', 'h', '2 hours', '2H', '-1h', '1.h', '.5h', '1w', ' 2h', '2h '])('throws for %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/);
  });
});

describe('gameDateTime', () => {
  it('is the start itself at minute 0 (2026-01-08 is a Thursday)', () => {
    expect(gameDateTime('2026-01-08T08:00', 0)).toEqual({
      year: 2026,
      month: 1,
      day: 8,
      hour: 8,
      minute: 0,
      weekday: 4,
    });
  });

  it('adds minutes within the day', () => {
    expect(gameDateTime('2026-01-08T08:00', 95)).toMatchObject({ day: 8, hour: 9, minute: 35 });
  });

  it('rolls over midnight into the next day and weekday', () => {
    expect(gameDateTime('2026-01-08T23:30', 45)).toMatchObject({ day: 9, hour: 0, minute: 15, weekday: 5 });
  });

  it('walks a week from Thursday back to Thursday', () => {
    const weekdays = Array.from({ length: 8 }, (_, i) => gameDateTime('2026-01-08T08:00', i * 1440).weekday);
    expect(weekdays).toEqual([4, 5, 6, 0, 1, 2, 3, 4]);
  });

  it('crosses a month end', () => {
    expect(gameDateTime('2026-01-31T22:00', 180)).toMatchObject({ year: 2026, month: 2, day: 1, hour: 1, weekday: 0 });
    expect(gameDateTime('2026-04-30T12:00', 1440)).toMatchObject({ month: 5, day: 1 });
  });

  it('crosses a year end', () => {
    // 2026-12-31 is a Thursday; 2027-01-01 a Friday.
    expect(gameDateTime('2026-12-31T23:00', 120)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 1,
      minute: 0,
      weekday: 5,
    });
  });

  it('goes from 28 February to 1 March in a common year', () => {
    expect(gameDateTime('2026-02-28T08:00', 1440)).toMatchObject({ year: 2026, month: 3, day: 1, weekday: 0 });
  });

  it('stops at 29 February in a leap year', () => {
    // 2028-02-29 is a Tuesday.
    expect(gameDateTime('2028-02-28T08:00', 1440)).toMatchObject({ month: 2, day: 29, weekday: 2 });
    expect(gameDateTime('2028-02-28T08:00', 2 * 1440)).toMatchObject({ month: 3, day: 1, weekday: 3 });
  });

  it('follows the century rules: 2100 is not a leap year, 2000 is', () => {
    expect(gameDateTime('2100-02-28T00:00', 1440)).toMatchObject({ year: 2100, month: 3, day: 1 });
    // 2000-02-29 was a Tuesday.
    expect(gameDateTime('2000-02-28T00:00', 1440)).toMatchObject({ year: 2000, month: 2, day: 29, weekday: 2 });
  });

  it('handles days of in-game time across several months', () => {
    // 2026-01-08 + 60 days = 2026-03-09, a Monday.
    expect(gameDateTime('2026-01-08T08:00', 60 * 1440)).toMatchObject({ month: 3, day: 9, hour: 8, weekday: 1 });
  });

  it('agrees with the proleptic Gregorian calendar for any start and offset', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 5 * 365 * 1440 }),
        (year, month, day, hour, minute, offset) => {
          const start = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
          // biome-ignore lint/style/noRestrictedGlobals: the engine's calendar is checked against Date; only the engine may not use it.
          const expected = new Date(Date.UTC(year, month - 1, day, hour, minute) + offset * 60_000);
          expect(gameDateTime(start, offset)).toEqual({
            year: expected.getUTCFullYear(),
            month: expected.getUTCMonth() + 1,
            day: expected.getUTCDate(),
            hour: expected.getUTCHours(),
            minute: expected.getUTCMinutes(),
            weekday: expected.getUTCDay(),
          });
        },
      ),
    );
  });
});
