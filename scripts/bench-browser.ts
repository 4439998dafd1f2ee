/**
 * STUB: the browser half of `npm run bench` is written in another branch (feat-browser) and
 * replaces this file when merged. The contract bench.ts relies on is the interface below.
 */

/** What the app and a bare React page cost in Chromium, measured in one run. Milliseconds unless named. */
export interface BrowserFigures {
  /** Chromium's version, as the browser reports it. */
  chromium: string;
  /** How many decision ↔ consequence transitions were timed. */
  transitions: number;
  domMedianMs: number;
  domP95Ms: number;
  frameMedianMs: number;
  frameP95Ms: number;
  debriefColdMedianMs: number;
  debriefColdSpreadMs: [number, number];
  firstCardMs: number;
  bareReactMs: number;
  firstCardRatio: number;
}

export async function browserFigures(): Promise<BrowserFigures> {
  throw new Error('browser bench not built');
}
