/**
 * The world's case history — each region's cumulative infections after every 6-hour step, for the
 * chart — kept so that a run state can be copied without copying it.
 *
 * Every decision copies the world (a state is a value), and the history is the one part of it that
 * grows for the whole run: copied whole, 1,000 decisions cost a million numbers copied, and the
 * copies were most of the heap a long run left behind. Here samples are rows (the minute, then one
 * number a region) in fixed-size chunks of a Float64Array each, held in a `Chunks` store that
 * states share. A copy shares the store and remembers how many rows are its own; rows are only
 * ever added, never changed, so what a state has read stays true.
 *
 * Appending when this series is at the store's tip (the usual case: the run goes on from its
 * latest state) writes into the store in place. Appending from an older state — a branch, as the
 * debrief's what-if and best-line search make, or a second choice from the same state — first
 * gives the branch a store of its own: the full chunks are shared (no one writes into them again)
 * and only the last, partly filled chunk is copied. So a copy is O(1), an append O(1), a branch
 * O(rows / CHUNK_ROWS + CHUNK_ROWS), and the slack is at most one chunk.
 *
 * Readers see the plain arrays they always have, `series.t` and `series.cases[region]`, built on
 * first read (own enumerable getters, so equality in tests and structuredClone see them as data).
 */

/** Rows in one chunk: large enough that a long run has few, small enough that its slack is a few KB. */
export const CHUNK_ROWS = 256;

/** Shared by every series copied from one another: chunks of rows, and how many rows are written. */
interface Chunks {
  chunks: Float64Array[];
  rows: number;
}

export class CaseSeries {
  readonly #width: number;
  #store: Chunks;
  /** Rows of the store that belong to this series: the first `#rows`. */
  #rows: number;
  /** What the getters last built, and for how many rows. */
  #built: { rows: number; t: number[]; cases: number[][] } | null = null;
  /** Set on a series no one will read: appends are dropped (see `unrecorded`). */
  #dropped = false;

  declare readonly t: number[];
  declare readonly cases: number[][];

  /** A series of one row: the minute `t` and each region's count. */
  static start(t: number, counts: readonly number[]): CaseSeries {
    const series = new CaseSeries(counts.length + 1, { chunks: [], rows: 0 }, 0);
    series.append(t, counts);
    return series;
  }

  private constructor(width: number, store: Chunks, rows: number) {
    this.#width = width;
    this.#store = store;
    this.#rows = rows;
    // One property at a time: defineProperties reads its map of descriptors on every call, and
    // every decision copies a series (about 190 ns saved a copy).
    Object.defineProperty(this, 't', ACCESSORS.t);
    Object.defineProperty(this, 'cases', ACCESSORS.cases);
  }

  /** How many samples. */
  get length(): number {
    return this.#rows;
  }

  /** A series with the same samples that may be appended to without touching this one. O(1). */
  copy(): CaseSeries {
    return new CaseSeries(this.#width, this.#store, this.#rows);
  }

  /**
   * A series that keeps the samples it has and drops every later one: for a world run only for
   * its totals (outcome.ts's comparison), whose history would be written and never read. O(1).
   */
  unrecorded(): CaseSeries {
    const series = this.copy();
    series.#dropped = true;
    return series;
  }

  /** Adds a sample: the minute and each region's count (in region order). NOTE mutates this series. */
  append(t: number, counts: ArrayLike<number>): void {
    if (this.#dropped) return;
    const width = this.#width;
    if (this.#store.rows !== this.#rows) this.#branch();
    const store = this.#store;
    const row = this.#rows % CHUNK_ROWS;
    if (row === 0) store.chunks.push(new Float64Array(CHUNK_ROWS * width));
    const chunk = store.chunks[store.chunks.length - 1] as Float64Array;
    const at = row * width;
    chunk[at] = t;
    for (let i = 1; i < width; i++) chunk[at + i] = counts[i - 1] as number;
    store.rows = ++this.#rows;
  }

  /** The minute of sample `k`. */
  tAt(k: number): number {
    return this.#value(k, 0);
  }

  /** Region `region`'s count at sample `k`. */
  caseAt(k: number, region: number): number {
    return this.#value(k, region + 1);
  }

  #value(k: number, column: number): number {
    if (k < 0 || k >= this.#rows) return Number.NaN;
    const chunk = this.#store.chunks[Math.floor(k / CHUNK_ROWS)] as Float64Array;
    return chunk[(k % CHUNK_ROWS) * this.#width + column] as number;
  }

  /** This series takes a store of its own: full chunks shared, the partly filled one copied. */
  #branch(): void {
    const full = Math.floor(this.#rows / CHUNK_ROWS);
    const chunks = this.#store.chunks.slice(0, full);
    const partial = this.#rows % CHUNK_ROWS;
    if (partial > 0) {
      const chunk = new Float64Array(CHUNK_ROWS * this.#width);
      chunk.set((this.#store.chunks[full] as Float64Array).subarray(0, partial * this.#width));
      chunks.push(chunk);
    }
    this.#store = { chunks, rows: this.#rows };
  }

  /** The plain arrays, built once for this many rows. */
  static built(series: CaseSeries): { t: number[]; cases: number[][] } {
    const known = series.#built;
    if (known && known.rows === series.#rows) return known;
    const rows = series.#rows;
    const width = series.#width;
    const t = new Array<number>(rows);
    const cases = Array.from({ length: width - 1 }, () => new Array<number>(rows));
    for (let k = 0; k < rows; k++) {
      const chunk = series.#store.chunks[Math.floor(k / CHUNK_ROWS)] as Float64Array;
      const at = (k % CHUNK_ROWS) * width;
      t[k] = chunk[at] as number;
      for (let i = 1; i < width; i++) (cases[i - 1] as number[])[k] = chunk[at + i] as number;
    }
    const made = { rows, t, cases };
    series.#built = made;
    return made;
  }
}

/** `t` and `cases` as own enumerable properties, so a series compares and clones as the data it shows. */
const ACCESSORS: { t: PropertyDescriptor; cases: PropertyDescriptor } = {
  t: {
    get(this: CaseSeries) {
      return CaseSeries.built(this).t;
    },
    enumerable: true,
  },
  cases: {
    get(this: CaseSeries) {
      return CaseSeries.built(this).cases;
    },
    enumerable: true,
  },
};
