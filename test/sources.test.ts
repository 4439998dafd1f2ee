/**
 * sources/ travels with the project: the law and lecture files are copies of ../shared (compared
 * where ../shared is beside the checkout), and sources/laws.json is what sources/legal-sources.md
 * makes (always compared), so a clone checks its drills' quotes against what it carries.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleCopies, staleLawsJson } from '../scripts/gen-sources';
import { lawsJson, parseLegalSources } from '../scripts/parse-legal-sources';
import { COPIED_FILES, SHARED_DIR, SOURCES_DIR } from '../scripts/project-sources';

describe('sources/', () => {
  it('holds laws.json as sources/legal-sources.md makes it', () => {
    expect(staleLawsJson()).toBeNull();
  });

  it.skipIf(!existsSync(SHARED_DIR))('holds byte-for-byte copies of ../shared', () => {
    expect(staleCopies()).toEqual([]);
  });

  it('has every law text of legal-sources.md, known by its year', () => {
    const laws = parseLegalSources(readFileSync(join(SOURCES_DIR, 'legal-sources.md'), 'utf8'));
    expect(laws.map((l) => `${l.law.replace('中华人民共和国', '')} ${l.year}`)).toEqual([
      '传染病防治法 2013',
      '传染病防治法 2025',
      '突发事件应对法 2007',
      '突发事件应对法 2024',
      '突发公共卫生事件应急条例 2011',
      '突发公共卫生事件应对法 2025',
      '国内交通卫生检疫条例 1998',
      '最高人民法院、最高人民检察院关于办理妨害预防、控制突发传染病疫情等灾害的刑事案件具体应用法律若干问题的解释 2003',
    ]);
  });
});

describe('the freshness checks', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tuiyan-sources-'));
  const md = '## 一、《某法》（2020年通过）\n**第一条**\n> 第一条 甲。\n';

  it('name a copy that differs from ../shared, or is missing, and nothing when all match', () => {
    const shared = dir();
    const sources = dir();
    for (const file of COPIED_FILES) writeFileSync(join(shared, file), `${file}\n`);
    expect(staleCopies(sources, shared)).toEqual([
      'sources/legal-sources.md is not a copy of ../shared/legal-sources.md',
      'sources/lecture.txt is not a copy of ../shared/lecture.txt',
    ]);
    for (const file of COPIED_FILES) writeFileSync(join(sources, file), `${file}\n`);
    writeFileSync(join(sources, 'lecture.txt'), 'lecture.txt\r\n');
    expect(staleCopies(sources, shared)).toEqual(['sources/lecture.txt is not a copy of ../shared/lecture.txt']);
    writeFileSync(join(sources, 'lecture.txt'), 'lecture.txt\n');
    expect(staleCopies(sources, shared)).toEqual([]);
  });

  it('name a laws.json that is not what legal-sources.md makes', () => {
    const sources = dir();
    writeFileSync(join(sources, 'legal-sources.md'), md);
    expect(staleLawsJson(sources)).toBe('sources/laws.json is not what sources/legal-sources.md makes');
    writeFileSync(join(sources, 'laws.json'), lawsJson(md));
    expect(staleLawsJson(sources)).toBeNull();
    writeFileSync(join(sources, 'legal-sources.md'), md.replace('甲', '乙'));
    expect(staleLawsJson(sources)).not.toBeNull();
  });
});
