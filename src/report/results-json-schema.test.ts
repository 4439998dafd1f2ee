import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { type Json, properties } from '../../test/json-schema-walk';
import { replay } from '../engine/run';
import { TIMEOUT } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { buildResults, checkResults, RESULTS_VERSION, type ResultsFile } from './results-file';
import { resultsJsonSchema } from './results-json-schema';

const published = JSON.parse(readFileSync('docs/results.schema.json', 'utf8')) as Json;

/** The published schema compiled by a validator that is not valibot: what a class overview or another tool would use. */
function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // Ajv checks no formats of its own (ajv-formats does); ISO 8601 as valibot's isoTimestamp reads it.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)$/);
  return ajv.compile(published);
}

function built(scenario: Scenario, choices: string[], trial = false): ResultsFile {
  const decisions = choices.map((choiceId) => ({ choiceId, realMs: 1_500 }));
  const state = trial
    ? replay(scenario, 3, decisions, { node: 'n2', clock: 600, vars: {}, regions: {} })
    : replay(scenario, 3, decisions);
  return buildResults({
    scenario,
    hash: '0123456789abcd',
    state,
    startedAt: trial ? null : Date.UTC(2026, 2, 2, 8),
    endedAt: trial ? null : Date.UTC(2026, 2, 2, 8, 20),
    trainee: trial ? null : '赵六',
    timeLimits: trial ? 'off' : 'x2',
    appVersion: '0.1.0',
  });
}

const files: [string, ResultsFile][] = [
  ['a finished run', built(uiDrill, ['report', 'publish'])],
  ['a run with a timeout', built(uiDrill, [TIMEOUT, 'silence'])],
  ['a run not ended', built(uiDrill, ['verify'])],
  ['a run in a world', built(worldDrill, ['isolate', 'wait'])],
  ['a trial', built(uiDrill, ['publish'], true)],
];

describe('docs/results.schema.json', () => {
  it('is what `npm run schema` generates from the valibot schema (run it when this fails)', () => {
    expect(published).toEqual(resultsJsonSchema());
  });

  it('names the format version in its $id, and the draft it is written in', () => {
    expect(published.$id).toBe('https://tuiyan.local/schema/results-v2.json');
    expect(published.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(files)('accepts the file built from %s', (_, file) => {
    const validate = validator();
    // As a file travels: JSON text, read back.
    const valid = validate(JSON.parse(JSON.stringify(file)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(checkResults(JSON.stringify(file)).ok).toBe(true);
  });

  it('refuses what checkResults refuses: a missing field, an unknown one, another version, a bad time', () => {
    const validate = validator();
    const file = built(uiDrill, ['report', 'publish']);
    const { seed: _seed, ...noSeed } = file;
    const broken: unknown[] = [
      noSeed,
      { ...file, extra: true },
      { ...file, version: RESULTS_VERSION + 1 },
      { ...file, startedAt: '昨天' },
      { ...file, decisions: [{ ...file.decisions[0], timedOut: 'no' }] },
      { ...file, ratings: { ...file.ratings, legality: { grade: 'A', hseep: 'P' } } },
    ];
    for (const value of broken) {
      expect(validate(value), JSON.stringify(value).slice(0, 80)).toBe(false);
      expect(checkResults(JSON.stringify(value)).ok).toBe(false);
    }
  });

  it('describes every field, in Chinese and English', () => {
    const all = properties(published, '', []);
    expect(all.length).toBeGreaterThan(40);
    const bilingual = /[\u4e00-\u9fff].* — [A-Za-z]/;
    const bare = all.filter(([, s]) => typeof s.description !== 'string' || !bilingual.test(s.description));
    expect(bare.map(([path]) => path)).toEqual([]);
  });
});
