/**
 * McNemar's test for two recognizers answering the same utterances: only the discordant pairs count (A right
 * and B wrong: b; A wrong and B right: c). Exact two-sided binomial p-value when b + c < 25, the chi-square with
 * continuity correction above (as statsmodels' mcnemar(exact=...) recommends by size).
 */
export interface McNemarResult {
  /** A right, B wrong. */
  onlyA: number;
  /** A wrong, B right. */
  onlyB: number;
  pValue: number;
  method: 'exact' | 'continuity-corrected';
}

export const EXACT_BELOW = 25;

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export function mcnemar(a: readonly boolean[], b: readonly boolean[]): McNemarResult {
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && !b[i]) onlyA++;
    else if (!a[i] && b[i]) onlyB++;
  }
  const n = onlyA + onlyB;
  const round = (p: number) => Math.round(Math.min(1, p) * 1e6) / 1e6;
  if (n < EXACT_BELOW) {
    const k = Math.min(onlyA, onlyB);
    let tail = 0;
    for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - n * Math.LN2);
    return {onlyA, onlyB, pValue: round(n === 0 ? 1 : 2 * tail), method: 'exact'};
  }
  const chi2 = (Math.abs(onlyA - onlyB) - 1) ** 2 / n;
  // Chi-square with one degree of freedom: P(X > chi2) = erfc(sqrt(chi2 / 2)).
  return {onlyA, onlyB, pValue: round(erfc(Math.sqrt(chi2 / 2))), method: 'continuity-corrected'};
}
