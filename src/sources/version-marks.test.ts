import { describe, expect, it } from 'vitest';
import { namesVersion, versionMarks } from './version-marks';

describe('versionMarks', () => {
  it.each([
    // The headings of legal-sources.md, and the year each text is known by.
    ['2004年修订、2013年6月29日修正文本；2025年9月1日起被2025修订版取代', ['2013-06-29'], [2004], 2013],
    ['2025年4月30日修订，2025年9月1日起施行', ['2025-04-30', '2025-09-01'], [], 2025],
    ['2007年8月30日通过，2007年11月1日起施行；2024年11月1日起被2024修订版取代', ['2007-08-30', '2007-11-01'], [], 2007],
    [
      '2003年5月9日国务院令第376号公布；仓库文件名/flk 元数据日期 2011-01-08，即修订后现行文本',
      ['2003-05-09', '2011-01-08'],
      [],
      2011,
    ],
    ['1998年11月28日国务院令第254号发布，1999年3月1日施行', ['1998-11-28', '1999-03-01'], [], 1998],
    ['2003年5月14日公布，5月15日施行', ['2003-05-14'], [], 2003],
    ['2024年修订', [], [2024], 2024],
  ])('reads %s', (note, dates, bareYears, year) => {
    expect(versionMarks(note)).toEqual({ dates, bareYears, year });
  });

  it('finds no year where there is none', () => {
    expect(versionMarks('现行文本').year).toBeNull();
  });
});

describe('namesVersion', () => {
  const text2013 = { dates: ['2013-06-29'], years: [2004, 2013] };
  const text2025 = { dates: ['2025-04-30', '2025-09-01'], years: [2025] };

  it('matches when every date and bare year of the reference is the text’s', () => {
    expect(namesVersion(versionMarks('2025年4月30日修订，2025年9月1日起施行'), text2025)).toBe(true);
    expect(namesVersion(versionMarks('2025年修订'), text2025)).toBe(true);
    expect(namesVersion(versionMarks('2004年修订、2013年6月29日修正'), text2013)).toBe(true);
  });

  it('does not take the date a later text came into force for the earlier text', () => {
    expect(namesVersion(versionMarks('2025年4月30日修订，2025年9月1日起施行'), text2013)).toBe(false);
  });

  it('refuses a note with one wrong date, and a note with none', () => {
    expect(namesVersion(versionMarks('2025年4月30日修订，2025年11月1日起施行'), text2025)).toBe(false);
    expect(namesVersion(versionMarks('最新版本'), text2025)).toBe(false);
  });
});
