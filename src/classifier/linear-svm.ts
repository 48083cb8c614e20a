/**
 * Binary linear SVM with squared hinge loss, solved in the dual by coordinate descent with shrinking: the
 * algorithm of liblinear (Hsieh et al., ICML 2008) that scikit-learn's LinearSVC runs. The intercept is a
 * constant feature of value 1 that is regularised like the others (liblinear's intercept_scaling = 1).
 *
 * One-vs-rest problems are very unbalanced (an intent's few hundred examples against everything else) and most
 * negatives end with alpha = 0, so the solver works on a working set: the positives plus a sample of
 * negatives, then scans every other example and adds those that violate the optimality condition
 * (y·margin < 1), until none does. Examples left out have alpha = 0 and satisfy the condition, so the result
 * is the optimum of the full problem, at the cost of a few cheap dot-product scans instead of full passes.
 */
import type {SparseRows} from './sparse-matrix.js';

export interface SvmOptions {
  /** Inverse regularisation strength (LinearSVC's C). */
  c: number;
  /** Stopping tolerance on the projected gradient's spread (liblinear's eps). */
  tolerance: number;
  maxIterations: number;
}

/** How many negatives start in the working set, per positive (and at least MIN_INITIAL_NEGATIVES). */
const INITIAL_NEGATIVES_PER_POSITIVE = 4;
const MIN_INITIAL_NEGATIVES = 2000;

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
  const count = data.rows;
  const state: SolverState = {
    data,
    labels,
    weights,
    bias: 0,
    alpha: new Float64Array(count),
    diagonal: 1 / (2 * options.c),
  };
  weights.fill(0);
  const inWorkingSet = new Uint8Array(count);
  const members: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < count; i++) {
    if (labels[i]! > 0) {
      members.push(i);
      inWorkingSet[i] = 1;
    } else negatives.push(i);
  }
  const initialNegatives = Math.max(MIN_INITIAL_NEGATIVES, INITIAL_NEGATIVES_PER_POSITIVE * members.length);
  if (negatives.length <= initialNegatives) {
    for (const i of negatives) members.push(i);
    inWorkingSet.fill(1);
  } else {
    // A partial Fisher–Yates shuffle picks a uniform sample without replacement.
    for (let s = 0; s < initialNegatives; s++) {
      const j = s + Math.floor(random() * (negatives.length - s));
      const pick = negatives[j]!;
      negatives[j] = negatives[s]!;
      negatives[s] = pick;
      members.push(pick);
      inWorkingSet[pick] = 1;
    }
  }
  for (;;) {
    solveOnWorkingSet(state, Int32Array.from(members), options, random);
    if (members.length === count) break;
    let added = 0;
    for (let i = 0; i < count; i++) {
      if (inWorkingSet[i]) continue;
      if (labels[i]! * marginOf(state, i) < 1) {
        members.push(i);
        inWorkingSet[i] = 1;
        added++;
      }
    }
    if (added === 0) break;
  }
  return state.bias;
}

interface SolverState {
  data: SparseRows;
  labels: Int8Array;
  weights: Float64Array;
  bias: number;
  alpha: Float64Array;
  diagonal: number;
}

function marginOf(state: SolverState, i: number): number {
  const {rowStart, columnIndex, values} = state.data;
  const weights = state.weights;
  let margin = state.bias;
  for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) margin += weights[columnIndex[p]!]! * values[p]!;
  return margin;
}

/** liblinear's dual coordinate descent over `members`, warm-started from the current alphas and weights. */
function solveOnWorkingSet(
  state: SolverState,
  active: Int32Array,
  options: SvmOptions,
  random: () => number,
): void {
  const {data, labels, weights, alpha, diagonal} = state;
  const {rowStart, columnIndex, values} = data;
  const count = active.length;
  const squaredNorm = new Float64Array(data.rows);
  for (const i of active) {
    let sum = 1; // the intercept feature
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) sum += values[p]! * values[p]!;
    squaredNorm[i] = sum + diagonal;
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
      let margin = state.bias;
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
        state.bias += step;
      }
    }
    if (projectedMax - projectedMin <= options.tolerance) {
      if (activeSize === count) break;
      // Converged on the shrunk set: check once more on every member before stopping.
      activeSize = count;
      projectedMaxOld = Infinity;
      continue;
    }
    projectedMaxOld = projectedMax <= 0 ? Infinity : projectedMax;
  }
}
