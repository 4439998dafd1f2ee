/**
 * The one table `npm run bench` ends with: each of issue 15's measures beside its target and, where
 * the issue names one, its peer. The same rows go out as JSON with `--json`, so a run can be kept
 * and compared without reading the text.
 */

/** A figure from something else than this app, measured in the same run (or quoted, said so in `name`). */
export interface Peer {
  name: string;
  value: number;
  unit: string;
}

export interface Row {
  /** The measure, worded as the issue words it. */
  name: string;
  /** This run's figure; null when it was not measured (`reason` says why). */
  value: number | null;
  unit: string;
  /** The target as the issue states it, and the bound `value` is held to (`value ≤ max`). */
  target: { text: string; max: number };
  peer: Peer | null;
  /** Whether the target holds; null when not measured. A row may add conditions of its own (`extra`). */
  holds: boolean | null;
  /** What else the row shows: a spread, a second condition, a second peer. */
  note?: string;
  reason?: string;
}

/** A measured row: holds when the value is within the target and every extra condition holds too. */
export function measured(fields: Omit<Row, 'holds' | 'value' | 'reason'> & { value: number; extra?: boolean[] }): Row {
  const { extra = [], ...row } = fields;
  return { ...row, holds: row.value <= row.target.max && extra.every(Boolean) };
}

/** A row that could not be measured in this run, and why: shown, never silently dropped. */
export function notMeasured(fields: Omit<Row, 'holds' | 'value' | 'reason'>, reason: string): Row {
  return { ...fields, value: null, holds: null, reason };
}

/** A figure with the precision its size calls for: 0.14, 4.2, 27, 157. */
export function figure(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const withUnit = (value: number, unit: string) => (unit === '×' ? `${figure(value)}×` : `${figure(value)} ${unit}`);

/** Display width: a CJK character takes two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch) ? 2 : 1;
  return n;
}

const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** The rows as a plain-text table: measure, this run, target, peer, ✓/✗ (or – when not measured), then notes. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.value === null ? `not measured (${r.reason ?? 'unknown'})` : withUnit(r.value, r.unit),
    r.target.text,
    r.peer ? `${r.peer.name} ${withUnit(r.peer.value, r.peer.unit)}` : '—',
    r.holds === null ? '–' : r.holds ? '✓' : '✗',
  ]);
  const header = ['measure', 'this run', 'target', 'peer', 'holds'];
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i] as string))));
  const line = (c: string[]) =>
    c
      .map((x, i) => pad(x, widths[i] as number))
      .join(' │ ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─')];
  rows.forEach((r, i) => {
    out.push(line(cells[i] as string[]));
    if (r.note) out.push(`${' '.repeat(4)}↳ ${r.note}`);
  });
  return out.join('\n');
}
