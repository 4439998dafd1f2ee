/**
 * Where the project keeps its law and lecture sources, and reading them in Node: `npm run
 * validate`, the corpus test and `npm run sources` read sources/ in the repository, never
 * ../shared, so a clone checks its drills' quotes on its own.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LawBook } from '../src/sources/law-text';
import type { Sources } from '../src/sources/quote-check';

export const SOURCES_DIR = fileURLToPath(new URL('../sources/', import.meta.url));
/** The team's shared folder beside the checkout, where the sources are kept up to date. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));
/** The files sources/ copies from ../shared byte for byte. */
export const COPIED_FILES = ['legal-sources.md', 'lecture.txt'] as const;

export function readSources(dir = SOURCES_DIR): Sources {
  const book = JSON.parse(readFileSync(`${dir}/laws.json`, 'utf8')) as LawBook;
  return { laws: book.laws, lecture: readFileSync(`${dir}/lecture.txt`, 'utf8') };
}
