/**
 * A score in an instructor's words: 优 / 良 / 中 / 差, after the four ratings of an exercise's
 * after-action report in HSEEP (Homeland Security Exercise and Evaluation Program, 2020): performed
 * without challenges (P), with some challenges (S), with major challenges (M), unable to be
 * performed (U). A dimension starts at the drill's base (60 unless it says otherwise) and moves
 * with what the trainee did, so 60 means "nothing gained, nothing lost".
 */
export type Grade = '优' | '良' | '中' | '差';

export interface Rating {
  grade: Grade;
  /** The lowest score that earns the grade. */
  from: number;
  /** HSEEP's letter and words, for the instructor who knows them. */
  hseep: 'P' | 'S' | 'M' | 'U';
  /** What the grade says of the run, in one phrase. */
  meaning: string;
}

/** Highest first: a score takes the first grade whose threshold it reaches. */
export const RATINGS: readonly Rating[] = [
  { grade: '优', from: 85, hseep: 'P', meaning: '完成得当，没有明显问题' },
  { grade: '良', from: 70, hseep: 'S', meaning: '基本完成，有一些问题需要改进' },
  { grade: '中', from: 55, hseep: 'M', meaning: '勉强完成，有重大问题' },
  { grade: '差', from: 0, hseep: 'U', meaning: '未能完成这项要求' },
];

export function rate(score: number): Rating {
  return RATINGS.find((r) => score >= r.from) ?? (RATINGS[RATINGS.length - 1] as Rating);
}

/** "优 ≥ 85，良 70–84，中 55–69，差 < 55": the thresholds as the report states them. */
export function thresholdsText(): string {
  return RATINGS.map((r, i) => {
    const above = RATINGS[i - 1];
    if (!above) return `${r.grade} ≥ ${r.from}`;
    if (r.from === 0) return `${r.grade} < ${above.from}`;
    return `${r.grade} ${r.from}–${above.from - 1}`;
  }).join('，');
}
