import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatOneDecimal } from './number-format';

describe('number-format', () => {
  it('reads as toLocaleString("zh-CN") did, from one reused formatter', () => {
    for (const n of [0, 7, 1234, 1234567, 12.3456, -5, 0.5]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('zh-CN'));
      expect(formatCount(n)).toBe(Math.round(n).toLocaleString('zh-CN'));
      expect(formatOneDecimal(n)).toBe(n.toLocaleString('zh-CN', { maximumFractionDigits: 1 }));
    }
  });
});
