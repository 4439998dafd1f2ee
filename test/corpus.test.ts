/**
 * Whole-corpus checks: every shipped drill — the template too, though the library leaves it out —
 * loads clean, can reach every node and ending, and quotes its sources verbatim.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../scripts/project-sources';
import { drillFiles, libraryDrillFiles, TEMPLATE_FILE } from '../scripts/vite-shipped-drills';
import { playtest } from '../src/engine/playtest';
import { load } from '../src/scenario/load';
import { SCHEMA_VERSION } from '../src/scenario/schema';
import { checkQuote } from '../src/sources/quote-check';

const files = drillFiles('scenarios');
// The project's own copy, so a clone without ../shared beside it checks its quotes too.
const sources = readSources();

describe.each(files)('scenarios/%s', (file) => {
  const text = readFileSync(join('scenarios', file), 'utf8');
  const result = load(text);

  it('loads with no errors and no warnings', () => {
    expect(result.ok ? result.warnings : result.problems).toEqual([]);
  });

  it('names the published schema and the current format version', () => {
    const raw = JSON.parse(text);
    expect(raw.$schema).toBe('./schema.json');
    expect(raw.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('can reach every node and every ending in play', () => {
    if (!result.ok) throw new Error('does not load');
    // The play-test's runs (random, seeking, leaning to the best and the worst move) and its search.
    expect(playtest(result.scenario, 200, 1).nodes.never).toEqual([]);
    // A drill of twenty decisions with a world takes seconds to play 200 times.
  }, 60_000);

  it('quotes every law under the law, version, article, paragraph and item it names, and the lecture verbatim', () => {
    if (!result.ok) throw new Error('does not load');
    const wrong = (result.scenario.references ?? []).flatMap((ref) => {
      const mismatch = checkQuote(ref, sources);
      return mismatch ? [`${ref.id}: ${mismatch.message}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});

it('ships at least one drill', () => {
  expect(libraryDrillFiles('scenarios').length).toBeGreaterThan(0);
});

it('checks the template with the drills but keeps it out of the trainee’s library', () => {
  expect(files).toContain(TEMPLATE_FILE);
  expect(libraryDrillFiles('scenarios')).toEqual(files.filter((f) => f !== TEMPLATE_FILE));
});
