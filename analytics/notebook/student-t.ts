/**
 * Quantiles of Student's t distribution for whole degrees of freedom, for confidence
 * bands. The CDF is 1/2 plus the integral of the density from 0 to x by Simpson's rule
 * (4,000 panels, error far below 1e-9 for the quantiles a band needs); the quantile is
 * found by bisection. The density constant Γ((ν+1)/2) / Γ(ν/2) comes from its exact
 * recurrence r(ν+2) = r(ν)·(ν+1)/ν with r(1) = 1/√π and r(2) = √π/2, so no gamma function.
 */
import { fail } from '../util/error';
import { t } from '../book/types';

/**
 * The p-quantile of Student's t with `df` degrees of freedom.
 * @param p probability in (0.5, 1)
 * @param df whole degrees of freedom ≥ 1
 * @returns x with P(T ≤ x) = p
 * @throws AnalyticsError `bad-argument` for p outside (0.5, 1) or df not a whole number ≥ 1
 * @example studentTQuantile(0.975, 10) // 2.2281…
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !Number.isInteger(df) || df < 1)
    fail(
      'bad-argument',
      t(`无法计算 t 分布分位数：p=${p}，df=${df}`, `no t quantile for p=${p}, df=${df}`),
    );
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(T ≤ x) for x ≥ 0. */
function studentTCdf(x: number, df: number): number {
  const c = gammaRatio(df) / Math.sqrt(df * Math.PI);
  const density = (u: number) => c * Math.pow(1 + (u * u) / df, -(df + 1) / 2);
  const panels = 4000;
  const h = x / panels;
  let sum = density(0) + density(x);
  for (let i = 1; i < panels; i++) sum += density(i * h) * (i % 2 ? 4 : 2);
  return 0.5 + (sum * h) / 3;
}

/** Γ((ν+1)/2) / Γ(ν/2) by the exact two-step recurrence. */
function gammaRatio(df: number): number {
  let r = df % 2 === 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let v = df % 2 === 1 ? 1 : 2; v < df; v += 2) r *= (v + 1) / v;
  return r;
}
