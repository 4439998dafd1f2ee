/**
 * What names a version of a law: the dates and years in its note ("2025年4月30日修订，2025年9月1日
 * 起施行"). Read the same way from a section heading of legal-sources.md and from a drill's
 * reference, so that the two can be matched.
 */

export interface VersionMarks {
  /** Full dates, YYYY-MM-DD, from 2013年6月29日 or 2011-01-08. */
  dates: string[];
  /** Years written without a month and day (2004年修订, 2024年修订). */
  bareYears: number[];
  /** The year of the text: the latest year of the clauses that are not only about coming into force. */
  year: number | null;
}

const CN_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/g;
const YEAR = /(?<!\d)(1[89]\d{2}|20\d{2})(?!\d)/g;

const pad = (n: string) => n.padStart(2, '0');

/**
 * The clauses of a version note, without those about a later text replacing this one: the 2013
 * text's heading says "2025年9月1日起被2025修订版取代", and that date names the 2025 text, not it.
 */
function ownClauses(note: string): string[] {
  return note.split(/[，,；;。]/).filter((clause) => !/取代|废止/.test(clause));
}

export function versionMarks(note: string): VersionMarks {
  const dates: string[] = [];
  const bareYears: number[] = [];
  let year: number | null = null;
  let anyYear: number | null = null;
  for (const clause of ownClauses(note)) {
    const clauseYears: number[] = [];
    let rest = clause;
    for (const pattern of [CN_DATE, ISO_DATE]) {
      rest = rest.replace(pattern, (_, y: string, m: string, d: string) => {
        dates.push(`${y}-${pad(m)}-${pad(d)}`);
        clauseYears.push(Number(y));
        return ' ';
      });
    }
    for (const [y] of rest.matchAll(YEAR)) {
      bareYears.push(Number(y));
      clauseYears.push(Number(y));
    }
    for (const y of clauseYears) {
      anyYear = Math.max(anyYear ?? y, y);
      // "1999年3月1日施行" dates when the 1998 text took effect, not the text.
      if (!/施行/.test(clause)) year = Math.max(year ?? y, y);
    }
  }
  return { dates: unique(dates), bareYears: unique(bareYears), year: year ?? anyYear };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Whether a reference's version note names this text: every date and every bare year it gives is one of the text's. */
export function namesVersion(
  reference: VersionMarks,
  text: { dates: readonly string[]; years: readonly number[] },
): boolean {
  if (reference.dates.length === 0 && reference.bareYears.length === 0) return false;
  return (
    reference.dates.every((d) => text.dates.includes(d)) && reference.bareYears.every((y) => text.years.includes(y))
  );
}
