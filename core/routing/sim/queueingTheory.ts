/**
 * Closed forms for M/M/c queues, to check the router against: Erlang C for the chance of waiting
 * and the average speed of answer, and Cobham's formula for per-class waits under non-preemptive
 * priority when every class has the same exponential service rate.
 */

/** Probability an arrival waits, for c servers offered A = λ/μ erlangs (A < c). */
export function erlangC(c: number, offered: number): number {
  if (offered >= c) return 1;
  // Summed in the stable recursive form: term_k = term_{k-1} · A / k.
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k += 1) {
    term *= offered / k;
    sum += term;
  }
  const last = (term * offered) / c;
  const waiting = last / (1 - offered / c);
  return waiting / (sum + waiting);
}

/** Mean wait in queue (average speed of answer) for M/M/c. */
export function erlangCMeanWait(c: number, arrivalRate: number, serviceRate: number): number {
  return erlangC(c, arrivalRate / serviceRate) / (c * serviceRate - arrivalRate);
}

/**
 * Cobham (1954): mean wait of each priority class, highest first, in a non-preemptive M/M/c queue
 * whose classes share service rate μ. W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i≤k} λ_i / (cμ),
 * W0 = C(c, A) / (cμ).
 */
export function cobhamClassWaits(c: number, arrivalRates: readonly number[], serviceRate: number): number[] {
  const total = arrivalRates.reduce((a, b) => a + b, 0);
  const w0 = erlangC(c, total / serviceRate) / (c * serviceRate);
  let sigmaBefore = 0;
  return arrivalRates.map((rate) => {
    const sigma = sigmaBefore + rate / (c * serviceRate);
    const wait = w0 / ((1 - sigmaBefore) * (1 - sigma));
    sigmaBefore = sigma;
    return wait;
  });
}
