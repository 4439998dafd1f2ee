/**
 * Checking a drill file an instructor hands in, in the app or on the command line: every problem
 * with its line, column and the offending line of text. Loaded only when a file is checked.
 */
import { locate, positionOf } from './json-locate';
import { type LoadResult, load } from './load';
import type { Problem } from './problem';

export interface PlacedProblem extends Problem {
  line: number;
  column: number;
  /** The line of the file the problem is on, for showing it. */
  source: string;
}

export interface CheckedFile {
  result: LoadResult;
  /** The result's problems (or warnings), placed in the text. */
  placed: PlacedProblem[];
}

export function placeProblems(text: string, problems: readonly Problem[]): PlacedProblem[] {
  if (problems.length === 0) return [];
  const located = locate(text);
  const lines = text.split('\n');
  return problems.map((p) => {
    const { line, column } = positionOf(text, located, p.pointer);
    return { ...p, line, column, source: (lines[line - 1] ?? '').slice(0, 300) };
  });
}

export function checkFile(text: string): CheckedFile {
  const clean = text.replace(/^\uFEFF/, '');
  const result = load(clean);
  return { result, placed: placeProblems(clean, result.ok ? result.warnings : result.problems) };
}
