/**
 * In-game time. The engine keeps the clock as whole minutes since the drill's `clockStart` and
 * never touches `Date`, so a run is the same in every time zone, in Node and in the browser.
 */

const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

/** "30m" | "2h" | "1.5d" → minutes, rounded to the minute. Shape is checked by the schema. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Math.round(Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES]);
}

export interface GameDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The wall-clock date-time `minutes` after `clockStart` ("2026-01-08T08:00"). */
export function gameDateTime(clockStart: string, minutes: number): GameDateTime {
  const [datePart = '', timePart = ''] = clockStart.split('T');
  const [y = 0, mo = 1, d = 1] = datePart.split('-').map(Number);
  const [h = 0, mi = 0] = timePart.split(':').map(Number);
  const total = daysFromCivil(y, mo, d) * 1440 + h * 60 + mi + minutes;
  const days = Math.floor(total / 1440);
  const inDay = total - days * 1440;
  return {
    ...civilFromDays(days),
    hour: Math.floor(inDay / 60),
    minute: inDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}
