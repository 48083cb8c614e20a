/**
 * Binary linear SVM with squared hinge loss, solved in the dual by coordinate descent with shrinking: the
 * algorithm of liblinear (Hsieh et al., ICML 2008) that scikit-learn's LinearSVC runs. The intercept is a
 * constant feature of value 1 that is regularised like the others (liblinear's intercept_scaling = 1).
 */
import type {SparseRows} from './sparse-matrix.js';

export interface SvmOptions {
  /** Inverse regularisation strength (LinearSVC's C). */
  c: number;
  /** Stopping tolerance on the projected gradient's spread (liblinear's eps). */
  tolerance: number;
  maxIterations: number;
}

/**
 * Trains one binary problem. `labels[i]` is +1 or -1; `weights` (length = columns) is overwritten with the
 * solution; returns the intercept.
 */
export function trainBinarySvm(
  data: SparseRows,
  labels: Int8Array,
  weights: Float64Array,
  options: SvmOptions,
  random: () => number,
): number {
  const {rowStart, columnIndex, values} = data;
  const count = data.rows;
  const diagonal = 1 / (2 * options.c);
  weights.fill(0);
  let bias = 0;
  const alpha = new Float64Array(count);
  const squaredNorm = new Float64Array(count);
  const active = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 1; // the intercept feature
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) sum += values[p]! * values[p]!;
    squaredNorm[i] = sum + diagonal;
    active[i] = i;
  }
  let activeSize = count;
  let projectedMaxOld = Infinity;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let projectedMax = -Infinity;
    let projectedMin = Infinity;
    for (let s = activeSize - 1; s > 0; s--) {
      const j = Math.floor(random() * (s + 1));
      const swap = active[s]!;
      active[s] = active[j]!;
      active[j] = swap;
    }
    for (let s = 0; s < activeSize; s++) {
      const i = active[s]!;
      const y = labels[i]!;
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      let margin = bias;
      for (let p = start; p < end; p++) margin += weights[columnIndex[p]!]! * values[p]!;
      const gradient = y * margin - 1 + diagonal * alpha[i]!;
      let projected = 0;
      if (alpha[i] === 0) {
        if (gradient > projectedMaxOld) {
          // Shrink: this example is far on the right side and will stay at alpha = 0.
          activeSize--;
          active[s] = active[activeSize]!;
          active[activeSize] = i;
          s--;
          continue;
        }
        if (gradient < 0) projected = gradient;
      } else projected = gradient;
      if (projected > projectedMax) projectedMax = projected;
      if (projected < projectedMin) projectedMin = projected;
      if (Math.abs(projected) > 1e-12) {
        const previous = alpha[i]!;
        const updated = Math.max(previous - gradient / squaredNorm[i]!, 0);
        alpha[i] = updated;
        const step = (updated - previous) * y;
        for (let p = start; p < end; p++) {
          const column = columnIndex[p]!;
          weights[column] = weights[column]! + step * values[p]!;
        }
        bias += step;
      }
    }
    if (projectedMax - projectedMin <= options.tolerance) {
      if (activeSize === count) break;
      // Converged on the shrunk set: check once more on every example before stopping.
      activeSize = count;
      projectedMaxOld = Infinity;
      continue;
    }
    projectedMaxOld = projectedMax <= 0 ? Infinity : projectedMax;
  }
  return bias;
}
