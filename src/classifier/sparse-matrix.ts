/** Rows of sparse vectors in compressed sparse row form: one allocation, cache-friendly scans. */
export interface SparseRows {
  rows: number;
  columns: number;
  /** rowStart[i]..rowStart[i+1] index `columnIndex`/`values` for row i. */
  rowStart: Int32Array;
  columnIndex: Int32Array;
  values: Float32Array;
}
