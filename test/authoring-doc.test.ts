/**
 * The authoring guide (docs/authoring.md) is held to the format it explains: its drills load
 * clean, its walkthrough is the template word for word, every field it names exists and every
 * field that exists is named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../src/scenario/load';

const GUIDE = join('docs', 'authoring.md');
const WALKTHROUGH = '分步写一个小演练';

const guide = readFileSync(GUIDE, 'utf8');
const template: unknown = JSON.parse(readFileSync(join('scenarios', 'template.json'), 'utf8'));
const schema: unknown = JSON.parse(readFileSync(join('scenarios', 'schema.json'), 'utf8'));
const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as object);

interface CodeBlock {
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The "## " section it stands in. */
  section: string;
}

/** Fenced code blocks, each with its language and the second-level section it is in. */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let section = '';
  let open: CodeBlock | null = null;
  markdown.split('\n').forEach((line, i) => {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push(open);
        open = null;
      } else open.text += `${line}\n`;
    } else if (line.startsWith('```')) {
      open = { lang: line.slice(3).trim(), text: '', line: i + 1, section };
    } else if (line.startsWith('## ')) {
      section = line.slice(3).trim();
    }
  });
  return blocks;
}

/** The text outside fenced code blocks. */
const prose = guide.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

/** Every `inline code` in the prose. */
const inlineCode = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);

const jsonBlocks = codeBlocks(guide).filter((b) => b.lang === 'json');

function parsed(block: CodeBlock): unknown {
  return JSON.parse(block.text);
}

function isDrill(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'schemaVersion' in value && 'nodes' in value;
}

/** Whether `part` is `whole` with some keys and array items left out. */
function fits(part: unknown, whole: unknown): boolean {
  if (Array.isArray(part)) return Array.isArray(whole) && part.every((p) => whole.some((w) => fits(p, w)));
  if (part && typeof part === 'object') {
    if (!whole || typeof whole !== 'object' || Array.isArray(whole)) return false;
    const w = whole as Record<string, unknown>;
    return Object.entries(part).every(([k, v]) => Object.hasOwn(w, k) && fits(v, w[k]));
  }
  return part === whole;
}

/** Whether `part` fits `tree` or any value nested in it. */
function occursIn(part: unknown, tree: unknown): boolean {
  if (fits(part, tree)) return true;
  if (tree && typeof tree === 'object') return Object.values(tree).some((child) => occursIn(part, child));
  return false;
}

/** Property names, and enum and const values, anywhere in the published schema. */
function schemaWords(node: unknown, keys = new Set<string>(), values = new Set<string>()) {
  if (Array.isArray(node)) {
    for (const x of node) schemaWords(x, keys, values);
  } else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj.properties && typeof obj.properties === 'object') {
      for (const key of Object.keys(obj.properties)) keys.add(key);
    }
    if (Array.isArray(obj.enum)) for (const x of obj.enum) values.add(String(x));
    if ('const' in obj) values.add(String(obj.const));
    for (const value of Object.values(obj)) schemaWords(value, keys, values);
  }
  return { keys, values };
}

/** Every string in a JSON value (the template's ids, among others). */
function strings(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node === 'string') found.add(node);
  else if (node && typeof node === 'object') for (const value of Object.values(node)) strings(value, found);
  return found;
}

const { keys, values } = schemaWords(schema);

/** Whether some inline code names `word`: as a whole word, or as a key or value in a JSON snippet. */
function named(word: string): boolean {
  const escaped = word.replace(/[$.*+?^(){}|[\]\\]/g, '\\$&');
  const re = /^[$A-Za-z]/.test(word) ? new RegExp(`(?<![A-Za-z0-9_$-])${escaped}(?![A-Za-z0-9_-])`) : null;
  return inlineCode.some((code) => (re ? re.test(code) : code.includes(word)));
}

describe('docs/authoring.md', () => {
  it('has JSON examples, every one of them valid JSON', () => {
    expect(jsonBlocks.length).toBeGreaterThan(5);
    const broken = jsonBlocks.flatMap((b) => {
      try {
        parsed(b);
        return [];
      } catch (e) {
        return [`line ${b.line}: ${(e as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it('has complete drills that load with no errors and no warnings', () => {
    const drills = jsonBlocks.filter((b) => isDrill(parsed(b)));
    expect(drills.length).toBeGreaterThan(0);
    const problems = drills.flatMap((b) => {
      const result = load(b.text);
      const found = result.ok ? result.warnings : result.problems;
      return found.map((p) => `line ${b.line}: ${p.pointer} ${p.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('builds the template in its walkthrough: every other example there is part of scenarios/template.json', () => {
    const walkthrough = jsonBlocks.filter((b) => b.section === WALKTHROUGH && !isDrill(parsed(b)));
    expect(walkthrough.length).toBeGreaterThan(5);
    const strays = walkthrough.filter((b) => !occursIn(parsed(b), template)).map((b) => `line ${b.line}`);
    expect(strays).toEqual([]);
  });

  it('names only fields and values the format has', () => {
    const known = new Set([...keys, ...values, ...strings(template), ...scripts, 'true', 'false', 'null']);
    const words = inlineCode.flatMap((code) =>
      // A field (`timeLimitSec`) or a path of fields (`scoring.timeoutPenalty`); shorter words are too ambiguous.
      /^\$?[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/.test(code) && !/\.(json|md|ts)$/.test(code) ? code.split('.') : [],
    );
    const unknown = words.filter((w) => w.length >= 3 && !known.has(w));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('names every field of the format, and every value a field is limited to', () => {
    expect([...keys].filter((k) => !named(k))).toEqual([]);
    expect([...values].filter((v) => !named(v))).toEqual([]);
  });

  it('links only to files that exist', () => {
    const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    const relative = links.filter((href) => !/^(https?:|#)/.test(href));
    expect(relative.length).toBeGreaterThan(0);
    expect(relative.filter((href) => !existsSync(join('docs', href)))).toEqual([]);
  });

  it('has no raw HTML: the app renders it as data', () => {
    const withoutCode = prose.replace(/`[^`\n]+`/g, '');
    expect(withoutCode.match(/<\/?[A-Za-z][^>]*>/g) ?? []).toEqual([]);
  });

  it('would notice an example that strays from the template', () => {
    expect(occursIn({ id: 'report_now', takes: '1h' }, template)).toBe(true);
    expect(occursIn({ id: 'report_now', takes: '2h' }, template)).toBe(false);
    expect(occursIn({ variables: [{ id: 'rumour', max: 100 }] }, template)).toBe(true);
  });
});
