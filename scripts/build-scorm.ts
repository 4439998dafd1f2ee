/**
 * `npm run build:scorm`: the app as a SCORM 1.2 package, `dist-scorm/tuiyan-scorm12.zip`, for an
 * LMS (Moodle, a Party school's 干部网络学院 platform) to import.
 *
 * The package holds the served build (`vite.config.ts`, as `npm run build` makes it) at its root
 * and an `imsmanifest.xml` naming one SCO, the app's page, as its launch file, with every file of
 * the build listed. The served build rather than the one file: an LMS serves a package over HTTP
 * like any web server, so the served build's lazy parts (the debrief, the authoring view, the laws)
 * stay out of the first load, and its workers start (the debrief's search off the page); its
 * relative URLs work under whatever path the LMS gives the package. The reporter to the LMS is in
 * the app itself (src/lms/), fetched only when the LMS's API is found, so the package's app and the
 * served build are the same files.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'vite';

/** Where `npm run build:scorm` writes: the build it packs, and the package. */
export const SCORM_DIR = 'dist-scorm';
export const SCORM_CONTENT = 'content';
export const SCORM_PACKAGE = 'tuiyan-scorm12.zip';
/** The package's launch file, relative to its root. */
export const LAUNCH = 'index.html';

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The package's manifest (ADL SCORM 1.2 Content Aggregation Model): IMS Content Packaging 1.1.2
 * with ADL's `adlcp` extension, their namespaces and schema locations declared, `ADL SCORM` 1.2 in
 * the metadata, one organization with one item, and one resource of `adlcp:scormtype="sco"` whose
 * `href` is the launch file and whose `<file>`s are every file of the package.
 */
export function scormManifest(files: readonly string[], version: string): string {
  const title = '桌面推演 · tuiyan';
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tuiyan-${xml(version)}" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="tuiyan-org">
    <organization identifier="tuiyan-org">
      <title>${xml(title)}</title>
      <item identifier="tuiyan-item" identifierref="tuiyan-sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="tuiyan-sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH}">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split(sep).join('/')];
    });
  return walk(dir).sort();
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const content = join(root, SCORM_DIR, SCORM_CONTENT);
  await build({
    root,
    configLoader: 'runner',
    logLevel: process.argv.includes('--quiet') ? 'warn' : 'info',
    build: { outDir: content, emptyOutDir: true },
  });
  const files = filesUnder(content);
  if (!files.includes(LAUNCH)) throw new Error(`the build has no ${LAUNCH}`);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const entries: Record<string, Uint8Array> = {
    'imsmanifest.xml': new TextEncoder().encode(scormManifest(files, version)),
  };
  for (const f of files) entries[f] = readFileSync(join(content, f));
  // A fixed date for every entry: the same build gives the same zip.
  const zip = zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const out = join(root, SCORM_DIR, SCORM_PACKAGE);
  writeFileSync(out, zip);
  console.log(`${relative(root, out)}: ${files.length + 1} files, ${(zip.length / 1024).toFixed(0)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
