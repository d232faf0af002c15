export interface FloorTotals {
  answered: number;
  answeredWithinTarget: number;
  waitSecondsTotal: number;
  handled: number;
  handleSecondsTotal: number;
  abandoned: number;
  cancelled: number;
}

export interface FloorMetrics {
  answered: number;
  /** Average speed of answer: mean wait from request to an agent accepting. */
  asaSeconds: number;
  /** Average handle time: mean session length. */
  ahtSeconds: number;
  abandoned: number;
  /** Abandoned over everything that left the queue without being cancelled by its user. */
  abandonmentRate: number;
  /** Share answered within the target wait. */
  serviceLevel: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function floorMetrics(totals: FloorTotals): FloorMetrics {
  return {
    answered: totals.answered,
    asaSeconds: ratio(totals.waitSecondsTotal, totals.answered),
    ahtSeconds: ratio(totals.handleSecondsTotal, totals.handled),
    abandoned: totals.abandoned,
    abandonmentRate: ratio(totals.abandoned, totals.abandoned + totals.answered),
    serviceLevel: ratio(totals.answeredWithinTarget, totals.answered),
  };
}
