/**
 * What `npm run build:single` adds to vite-plugin-singlefile, which puts every script and style
 * into the page: the page's Content-Security-Policy, and a check that one file is all there is.
 *
 * The served build's policy (vite-csp.ts) allows scripts from the app's own files and no inline
 * script. The one file has no other files: its one script and its one style are inline. So its
 * policy allows exactly those, by their SHA-256 hashes, computed from the file as written — a
 * script slipped into the page has another hash and does not run, and there is still no eval.
 * Every other `'self'` goes: a page opened from disk loads nothing, and on `file://` `'self'`
 * would match any file on the disk.
 *
 * A Web Worker cannot be one file with the page: a page opened from `file://` may not start a
 * worker from a file (Chromium throws a SecurityError at once) nor a module worker from a blob. So
 * each worker's file is left out, and the code that starts a worker must do the work on the page
 * when it does not start — as the debrief's search does (src/report/run-analysis.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './vite-csp';

/** An inline script's or style's hash as a CSP source: SHA-256 of its text, as the browser reads it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Every inline `<script>` and `<style>` of a page, with its text. */
export function inlineBlocks(html: string): { tag: 'script' | 'style'; attrs: string; text: string }[] {
  // vite-plugin-singlefile writes `<\/script` inside a script as `\x3C/script`, so the first end tag ends it.
  return [...html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)].map((m) => ({
    tag: (m[1] as string).toLowerCase() as 'script' | 'style',
    attrs: m[2] as string,
    text: m[3] as string,
  }));
}

/**
 * The served build's policy with `script-src` and `style-src` replaced by the hashes given, and
 * every `'self'` removed (a directive left with no source allows nothing).
 */
export function singleFilePolicy(scripts: readonly string[], styles: readonly string[]): string {
  return CONTENT_SECURITY_POLICY.split(';')
    .map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (name === 'script-src') return [name, ...scripts].join(' ');
      if (name === 'style-src') return [name, ...styles].join(' ');
      const kept = sources.filter((s) => s !== "'self'");
      return [name, ...(kept.length > 0 ? kept : ["'none'"])].join(' ');
    })
    .join('; ');
}

/** The policy a page needs for its inline scripts and styles, as a `<meta>` put first in its `<head>`. */
export function withPolicy(html: string): string {
  // The browser normalises line ends before it hashes; a carriage return would make the hash wrong.
  if (html.includes('\r')) throw new Error('the page has a carriage return: its hashes would not match');
  const blocks = inlineBlocks(html);
  const scripts = blocks.filter((b) => b.tag === 'script');
  if (scripts.length === 0) throw new Error('the page has no inline script');
  const external = scripts.find((b) => /\bsrc\s*=/i.test(b.attrs));
  if (external) throw new Error(`a script was not inlined: <script${external.attrs}>`);
  const link = /<link\b[^>]*\brel="?(stylesheet|modulepreload|preload)\b[^>]*>/i.exec(html);
  if (link) throw new Error(`a file was not inlined: ${link[0]}`);
  if (/http-equiv="?content-security-policy/i.test(html)) throw new Error('the page already has a policy');
  const hashes = (tag: 'script' | 'style') => [
    ...new Set(blocks.filter((b) => b.tag === tag).map((b) => cspHash(b.text))),
  ];
  const policy = singleFilePolicy(hashes('script'), hashes('style'));
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('the page has no <head>');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(at)}`;
}

/** Leaves the worker out, checks that one HTML file is all the build writes, and gives it its policy. */
export function singleFileChecks(): Plugin {
  return {
    name: 'tuiyan:single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After vite-plugin-singlefile (also `post`, and before this plugin in the list) has inlined.
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle);
        for (const file of files.filter((f) => /\.worker-[\w-]+\.js$/.test(f))) {
          this.info(`left out ${file}: a page opened from file:// cannot start a worker, and does its work itself`);
          delete bundle[file];
        }
        const left = Object.keys(bundle);
        if (left.length !== 1 || !left[0]?.endsWith('.html')) {
          this.error(`the one-file build would write ${left.length} files: ${left.join(', ')}`);
        }
      },
    },
    writeBundle(options, bundle) {
      // The hashes are taken from the page as written, so nothing can change it after them.
      for (const file of Object.keys(bundle).filter((f) => f.endsWith('.html'))) {
        const path = join(options.dir ?? 'dist', file);
        try {
          writeFileSync(path, withPolicy(readFileSync(path, 'utf8')));
        } catch (e) {
          this.error(`${file}: ${(e as Error).message}`);
        }
      }
    },
  };
}
