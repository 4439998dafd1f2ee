import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../scripts/validate';

const dir = 'test/fixtures/broken';

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
    const run = (...files: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync('npx', ['tsx', 'scripts/validate.ts', ...files], { encoding: 'utf8', stdio: 'pipe' }),
        };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout, err: err.stderr };
      }
    };
    expect(run('test/fixtures/valid.json').code).toBe(0);
    const bad = run(`${dir}/not-json.json`, `${dir}/dangling-next.json`);
    expect(bad.code).toBe(1);
    // One line per problem: one for the broken JSON, two for the dangling next (and the ending it cuts off).
    expect(bad.out.trim().split('\n')).toHaveLength(3);
    expect(bad.err ?? '').not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});
