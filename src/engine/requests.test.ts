import { describe, expect, it } from 'vitest';
import { worldDrill } from '../../test/fixtures/world-drill';
import { describeRequestNews, requestNews } from './requests';

describe('requestNews', () => {
  it('tells of requests to the level above made, granted and refused within each step, in time order', () => {
    const grants = [
      { power: 'p', from: 'city', via: ['county'], requestedAt: 30, at: 200, refusedAt: null },
      { power: 'q', from: 'city', via: [], requestedAt: 10, at: null, refusedAt: 90 },
    ];
    expect(requestNews(grants, 0, 100)).toEqual([
      { power: 'q', from: 'city', via: [], what: 'asked', clock: 10 },
      { power: 'p', from: 'city', via: ['county'], what: 'asked', clock: 30 },
      { power: 'q', from: 'city', via: [], what: 'refused', clock: 90 },
    ]);
    expect(requestNews(grants, 100, 300)).toEqual([
      { power: 'p', from: 'city', via: ['county'], what: 'granted', clock: 200 },
    ]);
    expect(requestNews(grants, 300, 400)).toEqual([]);
  });
});

describe('describeRequestNews', () => {
  it('says who was asked, by which way, and who answered what', () => {
    const base = { power: 'warning', from: 'government', via: ['commission'], clock: 0 };
    expect(describeRequestNews(worldDrill, { ...base, what: 'asked' })).toBe(
      '请求“发布传染病预警”（经市卫生健康委员会报市人民政府）',
    );
    expect(describeRequestNews(worldDrill, { ...base, what: 'granted' })).toBe('市人民政府批准“发布传染病预警”');
    expect(describeRequestNews(worldDrill, { ...base, via: [], what: 'refused' })).toBe(
      '市人民政府不批准“发布传染病预警”',
    );
  });
});
