/**
 * The trainee's path (engine, store, screens) never imports the validator at run time: it is
 * fetched only where a file is loaded. A value import of the schema module would pull valibot
 * and every field description into the first load (it did once: +9 KB gzip).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

it('imports neither valibot nor the schema module, other than for types, on the trainee’s path', () => {
  const offending = ['src/engine', 'src/store', 'src/ui']
    .flatMap(sources)
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)]
        .filter(
          (m) => m[1] === 'valibot' || /scenario\/(schema|load|lint|world-schema|schema-primitives)$/.test(m[1] ?? ''),
        )
        .map((m) => `${file}: ${m[0].replace(/\s+/g, ' ')}`),
    );
  expect(offending).toEqual([]);
});

/**
 * The laws' text (sources/laws.json: with its dialog ~30 KB gzip) and the code that reads it reach the browser only
 * with the article dialog, which `查看全文` fetches with a dynamic import when it is first clicked.
 */
it('leaves the laws of sources/ to the article dialog, which is only ever imported dynamically', () => {
  const valueImports = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');
  const trainee = ['src/engine', 'src/store', 'src/ui', 'src/authoring', 'src/main.tsx'].flatMap((p) =>
    p.endsWith('.tsx') ? [p] : sources(p),
  );
  const readingSources = trainee.filter((file) => valueImports(file).some((from) => /(^|\/)sources\//.test(from)));
  expect(readingSources).toEqual(['src/ui/article-dialog.tsx']);
  const importingDialog = trainee.filter((file) => valueImports(file).some((from) => /article-dialog$/.test(from)));
  expect(importingDialog).toEqual([]);
  expect(readFileSync('src/ui/reference-list.tsx', 'utf8')).toContain("import('./article-dialog')");
});
