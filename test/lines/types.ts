/**
 * Named lines of play through a shipped drill, for the tests that play them (in Node and in
 * Chromium): the best line, the line of someone who waits for instructions, and the worst line.
 * A step is a choice id, or "$timeout" for letting the countdown run out.
 */
export interface DrillLine {
  steps: string[];
  /** The ending the line reaches. */
  ending: string;
}

export interface DrillLines {
  file: string;
  best: DrillLine;
  /** Takes the timeout (or the waiting option) wherever one is offered. */
  waiting: DrillLine;
  worst: DrillLine;
}
