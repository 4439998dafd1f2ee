import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../scripts/validate';
import { utf16 } from './utf16';

const dir = 'test/fixtures/broken';
const WRONG_QUOTES = 'test/fixtures/quotes/wrong-quotes.json';

/** Runs the script `npm run validate` runs, from `cwd` (tsx by its path: npx finds it only inside the project). */
function run(files: string[], cwd = process.cwd()) {
  try {
    return {
      code: 0,
      out: execFileSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/validate.ts'), ...files], {
        cwd,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout, err: err.stderr };
  }
}

/** The output's lines less lint's notes on whole drills. */
const problemLines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter((l) => !l.includes('（说明）'));

describe('npm run validate', () => {
  it('says nothing about a valid file', () => {
    expect(validateFile('test/fixtures/valid.json')).toMatchObject({ lines: [], errors: 0 });
  });

  it.each([
    ['not-json.json', '/ (4:1): 不是合法的 JSON'],
    ['empty.json', '/ (1:1): 文件是空的'],
    ['binary.bin.json', '/ (1:1): 这不是文本文件'],
    ['[regression] wrong-type.json', '/estimatedMinutes (7:23): 应为数字，实际是 "十分钟"。'],
    ['dangling-next.json', '/nodes/0/choices/0/next (24:19): 去向节点「nowhere」不存在'],
  ])('reports %s as <file>: <pointer> (<line>:<column>): <message>', (file, expected) => {
    const name = file.replace('[regression] ', '');
    const report = validateFile(`${dir}/${name}`);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.lines[0]).toContain(`${dir}/${name}: ${expected}`);
  });

  it('reports a missing file and a folder without a stack trace', () => {
    expect(validateFile(`${dir}/missing.json`).lines).toEqual([
      `${dir}/missing.json: / (1:1): 找不到这个文件：检查路径和文件名。`,
    ]);
    expect(validateFile(dir).lines[0]).toMatch(/这是一个文件夹/);
  });

  it('exits 1 with one line per problem, and 0 when every file is valid', () => {
    const good = run(['test/fixtures/valid.json']);
    expect(good.code).toBe(0);
    // The success line on standard output, where the problems go too.
    // lint's note on the drill, then the success line.
    expect(good.out).toBe(
      'test/fixtures/valid.json: （说明）主线上 1 个决定中 0 个会分岔；从开局到结局共 1 条路线。\n1 个文件检查通过。\n',
    );
    const bad = run([`${dir}/not-json.json`, `${dir}/dangling-next.json`]);
    expect(bad.code).toBe(1);
    // One line per problem: one for the broken JSON, two for the dangling next (and the ending it cuts off).
    expect(problemLines(bad.out)).toHaveLength(3);
    expect(bad.err ?? '').not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});

describe('npm run validate: how a file is saved', () => {
  it('reads a file saved with a byte-order mark, UTF-8 or UTF-16 either way round, as the app reads one', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tuiyan-validate-'));
    const saved = (name: string, text: string) => {
      const bytes = (encoding: string) =>
        encoding === 'utf-8'
          ? new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
          : utf16(text, encoding === 'utf-16le');
      return ['utf-8', 'utf-16le', 'utf-16be'].map((encoding) => {
        const file = join(tmp, `${name}.${encoding}.json`);
        writeFileSync(file, bytes(encoding));
        return file;
      });
    };
    for (const file of saved('valid', readFileSync('test/fixtures/valid.json', 'utf8'))) {
      expect(validateFile(file)).toMatchObject({ lines: [], errors: 0 });
    }
    // A problem is placed where it stands in the text, whatever the bytes.
    for (const file of saved('dangling', readFileSync(`${dir}/dangling-next.json`, 'utf8'))) {
      expect(validateFile(file).lines[0]).toContain(
        `${file}: /nodes/0/choices/0/next (24:19): 去向节点「nowhere」不存在`,
      );
    }
  });
});

describe('npm run validate: how much a drill branches', () => {
  it('notes the decisions that branch and the routes, and warns when fewer than a third branch', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tuiyan-validate-'));
    const drill = JSON.parse(readFileSync('test/fixtures/valid.json', 'utf8'));
    // n1 → n2 → n3 → end: three decisions in a line.
    const [first, ending] = drill.nodes;
    drill.nodes = [
      { ...first, choices: [{ ...first.choices[0], next: 'n2' }] },
      { ...first, id: 'n2', choices: [{ ...first.choices[0], next: 'n3' }] },
      { ...first, id: 'n3' },
      ending,
    ];
    const file = join(tmp, 'line.json');
    writeFileSync(file, JSON.stringify(drill, null, 2));
    const report = validateFile(file);
    expect(report.notes).toEqual([`${file}: （说明）主线上 3 个决定中 0 个会分岔；从开局到结局共 1 条路线。`]);
    expect(report.lines).toEqual([
      expect.stringMatching(/: \/nodes \(\d+:\d+\): （警告）主线上 3 个决定只有 0 个会分岔/),
    ]);
    expect(report.warnings).toBe(1);
  });
});

describe('npm run validate: quotes', () => {
  it('reports each quote not verbatim where it says, at its quote, with what to write', () => {
    const report = validateFile(WRONG_QUOTES);
    // The fixture's references are cited by nothing: their warnings say so, and are not what this checks.
    expect({ ...report, lines: report.lines.filter((l) => !l.includes('（警告）')) }).toMatchObject({
      errors: 2,
      lines: [
        `${WRONG_QUOTES}: /references/1/quote (50:16): 引文在第六十三条第二款，不在第六十三条第一款：把 article 改为“第六十三条第二款”。`,
        `${WRONG_QUOTES}: /references/2/quote (56:16): 引文与讲稿（sources/lecture.txt）不一致：引文第 11 个字“利”，原文作“力”，原文此处是“防疫主体的权力边界,法无授权不可”。讲稿中最接近的是“明确各级防疫主体的权力边界,法无授权不可为。”：照讲稿逐字改正，标点的全角、半角也照原样。`,
      ],
    });
  });

  it('checks the quotes of a drill that has other problems too, after them', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tuiyan-validate-'));
    const drill = JSON.parse(readFileSync(WRONG_QUOTES, 'utf8'));
    drill.nodes[0].choices[0].next = 'nowhere';
    const file = join(tmp, 'both.json');
    writeFileSync(file, JSON.stringify(drill, null, 2));
    const { lines } = validateFile(file);
    expect(lines[0]).toContain('/nodes/0/choices/0/next');
    expect(lines.filter((l) => l.includes('/quote ('))).toHaveLength(2);
  });

  it('leaves references the schema refuses to the schema', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tuiyan-validate-'));
    const drill = JSON.parse(readFileSync(WRONG_QUOTES, 'utf8'));
    drill.references = [{ id: 'x', kind: 'law', law: 1, quote: '不成形的依据' }, null, ...drill.references];
    const file = join(tmp, 'shapeless.json');
    writeFileSync(file, JSON.stringify(drill));
    const quotes = validateFile(file).lines.filter((l) => l.includes('/quote ('));
    expect(quotes.map((l) => /\/references\/\d+/.exec(l)?.[0])).toEqual(['/references/3', '/references/4']);
  });

  it('reads the project’s own sources wherever it is run from, and exits 1', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'tuiyan-cwd-'));
    const result = run([resolve(WRONG_QUOTES), resolve('test/fixtures/valid.json')], elsewhere);
    expect(result.code).toBe(1);
    expect(problemLines(result.out).filter((l) => !l.includes('（警告）'))).toHaveLength(2);
    expect(result.out).toContain('/references/1/quote (50:16): 引文在第六十三条第二款');
  }, 30_000);
});
