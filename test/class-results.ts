/**
 * A class's results files, made by playing a shipped drill as trainees would: each trainee picks by
 * a rule of its own (the n-th option, some timeouts), so the class chooses differently at each
 * decision point. Used by the class overview's unit tests and by its browser test.
 */
import { readFileSync } from 'node:fs';
import { buildResults, type ResultsFile } from '../src/report/results-file';
import { load } from '../src/scenario/load';
import type { Scenario } from '../src/scenario/schema';
import { playPicks } from './play-picks';

export const CLASS_DRILL_FILE = 'scenarios/wait-for-orders.json';

export function classDrill(file = CLASS_DRILL_FILE): { scenario: Scenario; hash: string } {
  const text = readFileSync(file, 'utf8');
  const result = load(text);
  if (!result.ok) throw new Error(`${file} does not load`);
  return { scenario: result.scenario, hash: result.hash };
}

/** Trainee `i` of a class: picks option (i + step) mod 3, lets every (i mod 4 + 3)-th countdown run out. */
export function traineeResults(scenario: Scenario, hash: string, i: number): ResultsFile {
  const picks = Array.from({ length: 60 }, (_, step) =>
    (step + i) % ((i % 4) + 3) === 2
      ? { kind: 'timeout' as const, realMs: 60_000 }
      : {
          kind: 'pick' as const,
          index: (i * 7 + step * (1 + (i % 3))) % 3,
          realMs: 3_000 + ((i * 977 + step * 431) % 40_000),
        },
  );
  const { state } = playPicks(scenario, 100 + i, picks);
  const started = Date.UTC(2026, 10, 30, 1, 0, 0) + i * 60_000;
  return buildResults({
    scenario,
    hash,
    state,
    startedAt: started,
    endedAt: started + 25 * 60_000,
    trainee: `学员${String(i + 1).padStart(2, '0')}`,
    timeLimits: i % 5 === 4 ? 'x2' : 'x1',
    appVersion: '0.1.0',
  });
}

/** `n` trainees' results files, as named files with their text. */
export function classFiles(n: number, file = CLASS_DRILL_FILE): { name: string; text: string }[] {
  const { scenario, hash } = classDrill(file);
  return Array.from({ length: n }, (_, i) => ({
    name: `结果-学员${String(i + 1).padStart(2, '0')}.json`,
    text: JSON.stringify(traineeResults(scenario, hash, i), null, 2),
  }));
}
