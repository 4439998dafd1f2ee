/**
 * docs/lessons.md maps the lecture's twelve lessons to the decisions that exercise them. The map is
 * held true: every decision it names is a decision of that drill, every count is the number of
 * decisions listed, every quote is the lecture's own words, and every lesson is exercised by at
 * least two decisions across the drills (DRILL-STANDARD §8).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LessonRow, lessonRows } from '../scripts/lessons-table';
import { libraryDrillFiles } from '../scripts/vite-shipped-drills';
import { load } from '../src/scenario/load';

const LESSONS = ['S1', 'S2', 'S3', 'P1', 'P2', 'P3', 'P4', 'P5', 'R1', 'R2', 'R3', 'R4'];

const rows = lessonRows(readFileSync(join('docs', 'lessons.md'), 'utf8'));
const lecture = readFileSync(join('sources', 'lecture.txt'), 'utf8');
const drills = new Map(
  libraryDrillFiles('scenarios').map((file) => {
    const result = load(readFileSync(join('scenarios', file), 'utf8'));
    if (!result.ok) throw new Error(`${file} does not load`);
    return [result.scenario.id, result.scenario];
  }),
);

describe('docs/lessons.md', () => {
  it('has the lecture’s twelve lessons, once each, in order', () => {
    expect(rows.map((r) => r.id)).toEqual(LESSONS);
  });

  it.each(LESSONS)('%s: names decisions that exist, counts them right, and quotes the lecture', (id) => {
    const row = rows.find((r) => r.id === id) as LessonRow;
    const missing = row.decisions.filter(({ drill, node }) => {
      const scenario = drills.get(drill);
      return scenario?.nodes.find((n) => n.id === node)?.kind !== 'decision';
    });
    expect(missing).toEqual([]);
    expect(row.count).toBe(row.decisions.length);
    expect(new Set(row.decisions.map((d) => `${d.drill}/${d.node}`)).size).toBe(row.decisions.length);
    expect(row.quote.length).toBeGreaterThan(0);
    expect(lecture).toContain(row.quote);
  });

  it('has every lesson exercised by at least two decisions across the drills', () => {
    expect(rows.filter((r) => r.count < 2).map((r) => r.id)).toEqual([]);
  });

  it('maps every shipped drill', () => {
    const mapped = new Set(rows.flatMap((r) => r.decisions.map((d) => d.drill)));
    expect([...drills.keys()].filter((id) => !mapped.has(id))).toEqual([]);
  });
});
