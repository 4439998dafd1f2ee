import type { ComparedRow } from '../../report/compare-runs';
import { formatDelta } from '../format';

interface Props {
  rows: readonly ComparedRow[];
  /** The table's accessible name. */
  label: string;
  /** Column heads: the real run, the other line, and the other line less the real run. */
  real: string;
  other: string;
  difference: string;
}

/** Two runs' outcomes side by side, each difference marked better or worse for the other line. */
export function OutcomeTable({ rows, label, real, other, difference }: Props) {
  return (
    <table className="compare" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">项目</th>
          <th scope="col">{real}</th>
          <th scope="col">{other}</th>
          <th scope="col">{difference}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.real}</td>
            <td>{row.other}</td>
            <td>
              {row.difference === null ? null : row.difference === 0 ? (
                <span className="muted">相同</span>
              ) : (
                <span className={row.difference > 0 === row.moreIsWorse ? 'worse' : 'better'}>
                  {formatDelta(row.difference)}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
