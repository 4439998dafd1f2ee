import { gameDateTime } from '../engine/clock';
import type { Dimension } from '../scenario/schema';
import { formatNumber } from './number-format';

export { DIMENSION_LABEL } from '../engine/scoring';

export const DIMENSION_HINT: Record<Dimension, string> = {
  timeliness: '关键行动是否及时：报告、核实、预警、发布，越晚得分越低；限时内不作决定也要扣分。',
  legality: '是否依法行使权力、遵守程序：法无授权不可为，措施要与事态相适应。',
  coordination: '是否与相邻地区和上下级协同：通报信息、共享物资、政策衔接，不以邻为壑。',
};

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026年1月8日（周四）08:00" */
export function formatGameTime(clockStart: string, minutes: number): string {
  const t = gameDateTime(clockStart, minutes);
  return `${t.year}年${t.month}月${t.day}日（周${WEEKDAY[t.weekday]}）${pad(t.hour)}:${pad(t.minute)}`;
}

/** "1月8日 08:00", for tables */
export function formatGameTimeShort(clockStart: string, minutes: number): string {
  const t = gameDateTime(clockStart, minutes);
  return `${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`;
}

/** A variable's value as the trainee reads it: 是/否 for flags. */
export function formatValue(value: number | boolean): string {
  return typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
}

/** "+1,234", "−5", "±0": a change, its sign always shown. */
export function formatDelta(delta: number): string {
  const size = formatNumber(Math.abs(delta));
  return delta > 0 ? `+${size}` : delta === 0 ? '±0' : `−${size}`;
}

/** Real seconds, one decimal: "12.3 秒"; a minute or more as "3 分 5 秒". */
export function formatSeconds(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} 秒`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${h ? `${h} 小时 ` : ''}${m} 分 ${total % 60} 秒`;
}
