/**
 * `npm run sources`: copies ../shared/legal-sources.md and ../shared/lecture.txt into sources/
 * byte for byte (they carry their provenance and caveats), then writes sources/laws.json from the
 * copy of legal-sources.md. Without ../shared, the copies stay as they are and laws.json is made again.
 *
 * `npm run sources -- --check` writes nothing; it exits 1 when sources/ differs from ../shared
 * (checked only where ../shared exists) or laws.json from what sources/legal-sources.md makes
 * (checked always).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lawsJson } from './parse-legal-sources';
import { COPIED_FILES, SHARED_DIR, SOURCES_DIR } from './project-sources';

const read = (path: string) => (existsSync(path) ? readFileSync(path) : null);

/** The copies in sources/ that are not byte for byte the files of ../shared. */
export function staleCopies(sources = SOURCES_DIR, shared = SHARED_DIR): string[] {
  return COPIED_FILES.filter((file) => {
    const copy = read(join(sources, file));
    const original = read(join(shared, file));
    return original !== null && (copy === null || !copy.equals(original));
  }).map((file) => `sources/${file} is not a copy of ../shared/${file}`);
}

/** Null when sources/laws.json is what sources/legal-sources.md makes; else what is wrong. */
export function staleLawsJson(sources = SOURCES_DIR): string | null {
  const md = read(join(sources, 'legal-sources.md'));
  if (md === null) return 'sources/legal-sources.md is missing';
  const expected = lawsJson(md.toString('utf8'));
  return read(join(sources, 'laws.json'))?.toString('utf8') === expected
    ? null
    : 'sources/laws.json is not what sources/legal-sources.md makes';
}

function check(): number {
  const problems = [...(existsSync(SHARED_DIR) ? staleCopies() : []), staleLawsJson()].filter(
    (p): p is string => p !== null,
  );
  for (const p of problems) console.error(`${p}: run \`npm run sources\` and commit the result.`);
  if (problems.length === 0) {
    console.log(
      `sources/ is up to date${existsSync(SHARED_DIR) ? ' with ../shared' : ' (no ../shared to compare with)'}.`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}

function generate(): number {
  if (existsSync(SHARED_DIR)) {
    // Bytes, not copyFileSync: the shared files are read-only, and the copies must stay writable for the next run.
    for (const file of COPIED_FILES) writeFileSync(join(SOURCES_DIR, file), readFileSync(join(SHARED_DIR, file)));
    console.log(`copied ${COPIED_FILES.join(', ')} from ../shared`);
  } else {
    console.log('no ../shared beside the checkout: kept the copies in sources/ as they are');
  }
  const json = lawsJson(readFileSync(join(SOURCES_DIR, 'legal-sources.md'), 'utf8'));
  writeFileSync(join(SOURCES_DIR, 'laws.json'), json);
  const { laws } = JSON.parse(json) as { laws: { articles: unknown[] }[] };
  const articles = laws.reduce((n, l) => n + l.articles.length, 0);
  console.log(`wrote sources/laws.json: ${laws.length} law texts, ${articles} articles`);
  return 0;
}

if (process.argv[1] && /gen-sources\.ts$/.test(process.argv[1])) {
  process.exitCode = process.argv.includes('--check') ? check() : generate();
}
