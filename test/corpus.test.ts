/**
 * Whole-corpus checks: every shipped drill — the template too, though the library leaves it out —
 * loads clean, can reach every node and ending, and quotes its sources verbatim.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillFiles, libraryDrillFiles, TEMPLATE_FILE } from '../scripts/vite-shipped-drills';
import { choose, currentDecision, offeredChoices, start } from '../src/engine/run';
import { type RunState, TIMEOUT } from '../src/engine/types';
import { load } from '../src/scenario/load';
import { SCHEMA_VERSION, type Scenario } from '../src/scenario/schema';

const SHARED = join(__dirname, '..', '..', 'shared');
const files = drillFiles('scenarios');

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Null when `quote` stands in legal-sources.md under the law and version named (a section whose
 * title has the law and a date or year of the version), in the article named, and in the
 * paragraph (款) named if any; otherwise what is wrong.
 */
function whereQuoted(source: string, law: string, version: string, article: string, quote: string): string | null {
  const name = law.replace(/[《》]/g, '');
  const dates = version.match(/\d{4}年\d{1,2}月\d{1,2}日/g) ?? version.match(/\d{4}/g) ?? [];
  const sections = source.split(/\n## /).filter((sec) => {
    const title = sec.slice(0, sec.indexOf('\n'));
    return title.includes(name) && dates.some((dt) => title.includes(dt));
  });
  if (sections.length === 0) return `no section of legal-sources.md is ${law} (${version})`;
  const articleName = /第[^条]+条/.exec(article)?.[0];
  const blocks = sections.flatMap((sec) => sec.split(/\n\*\*(?=第)/).filter((b) => b.startsWith(`${articleName}**`)));
  if (blocks.length === 0) return `${law} (${version}) has no ${articleName} in legal-sources.md`;
  // Paragraphs (款) of each article; an item (项, a line starting "（一）") belongs to the paragraph before it.
  const paragraphs = blocks.map((b) =>
    b
      .split('\n')
      .filter((l) => l.startsWith('>'))
      .map((l) => l.replace(/^>\s*/, ''))
      .filter(Boolean)
      .reduce<string[]>((ps, line) => {
        if (/^（[一二三四五六七八九十]+）/.test(line) && ps.length > 0) ps[ps.length - 1] += `\n${line}`;
        else ps.push(line);
        return ps;
      }, []),
  );
  const inArticle = paragraphs.find((ps) => ps.some((p) => p.includes(quote)));
  if (!inArticle) return `the quote is not in ${articleName} of ${law} (${version})`;
  const paragraph = /第(.)款/.exec(article)?.[1];
  if (paragraph !== undefined) {
    const n = CN_DIGITS[paragraph] ?? 0;
    if (!inArticle[n - 1]?.includes(quote)) return `the quote is not in paragraph ${n} of ${articleName}`;
  }
  return null;
}

/** Every move a trainee can make now: each offered choice, and letting the clock run out. */
function moves(scenario: Scenario, state: RunState): string[] {
  const node = currentDecision(scenario, state);
  if (!node) return [];
  const ids = offeredChoices(scenario, state).map((c) => c.id);
  return node.timeLimitSec !== undefined ? [...ids, TIMEOUT] : ids;
}

/** Nodes and endings reached by really playing (conditions evaluated), depth first, over a few seeds. */
function explore(scenario: Scenario, seeds: number[], budget = 200_000) {
  const nodes = new Set<string>();
  const endings = new Set<string>();
  const wanted = scenario.nodes.length;
  let steps = 0;
  for (const seed of seeds) {
    const seen = new Set<string>();
    const stack: RunState[] = [start(scenario, seed)];
    while (stack.length && steps < budget && nodes.size < wanted) {
      const state = stack.pop() as RunState;
      const key = JSON.stringify([state.nodeId, state.vars, state.clock, state.rng, Object.keys(state.completed)]);
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.add(state.nodeId);
      if (state.ending) endings.add(state.ending);
      for (const move of moves(scenario, state)) {
        steps++;
        stack.push(choose(scenario, state, move, 1000)[0]);
      }
    }
  }
  return { nodes, endings, steps };
}

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
    const { scenario } = result;
    const { nodes } = explore(scenario, [1, 2, 3, 4, 5]);
    expect(scenario.nodes.map((n) => n.id).filter((id) => !nodes.has(id))).toEqual([]);
  });

  // ../shared is beside every checkout here and in CI; elsewhere the check is skipped, never in CI.
  it.skipIf(!existsSync(SHARED) && !process.env.CI)(
    'quotes every law under the law, version, article and paragraph it names, and the lecture verbatim',
    () => {
      if (!result.ok) throw new Error('does not load');
      const legal = readFileSync(join(SHARED, 'legal-sources.md'), 'utf8');
      const lecture = readFileSync(join(SHARED, 'lecture.txt'), 'utf8');
      const wrong = (result.scenario.references ?? []).flatMap((ref) => {
        if (ref.kind === 'lecture') return lecture.includes(ref.quote) ? [] : [`${ref.id}: not in lecture.txt`];
        const where = whereQuoted(legal, ref.law, ref.version, ref.article, ref.quote);
        return where === null ? [] : [`${ref.id}: ${where}`];
      });
      expect(wrong).toEqual([]);
    },
  );
});

it('ships at least one drill', () => {
  expect(libraryDrillFiles('scenarios').length).toBeGreaterThan(0);
});

it('checks the template with the drills but keeps it out of the trainee’s library', () => {
  expect(files).toContain(TEMPLATE_FILE);
  expect(libraryDrillFiles('scenarios')).toEqual(files.filter((f) => f !== TEMPLATE_FILE));
});
