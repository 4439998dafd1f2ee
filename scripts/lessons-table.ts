/**
 * docs/lessons.md's table of the lecture's twelve lessons, read: each row's id, name, the lecture's
 * words and the decisions (`drill/node`) that exercise it. The lessons test holds the table true;
 * the class overview names the lessons behind a class's shared losses with it (`virtual:lessons`).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { dataModule } from './vite-data-module';

export interface LessonRow {
  id: string;
  name: string;
  quote: string;
  decisions: { drill: string; node: string }[];
  count: number;
}

/** The table's rows: | id | lesson | “quote” | `drill/node` … | count |. */
export function lessonRows(markdown: string): LessonRow[] {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*[SPR]\d\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      const quote = /“(.+)”/.exec(cells[3] ?? '')?.[1] ?? '';
      const decisions = [...(cells[4] ?? '').matchAll(/`([a-z0-9-]+)\/([A-Za-z0-9_-]+)`/g)].map((m) => ({
        drill: m[1] as string,
        node: m[2] as string,
      }));
      return { id: cells[1] as string, name: cells[2] as string, quote, decisions, count: Number(cells[5]) };
    });
}

/** `virtual:lessons`: the lessons as the class overview uses them, read when the app is built. */
export function lessons(file: string): Plugin {
  return dataModule('tuiyan:lessons', 'virtual:lessons', (watch) => {
    watch(file);
    return lessonRows(readFileSync(file, 'utf8')).map((row) => ({
      id: row.id,
      name: row.name,
      decisions: row.decisions.map((d) => `${d.drill}/${d.node}`),
    }));
  });
}
