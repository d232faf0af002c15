import { chooseCategory, detectSignals, type SignalHits } from './detect.js';
import { HARM_SIGNALS } from './lexicon/signals.js';
import { decideLevel } from './levels.js';
import { prepareText } from './text.js';
import { toSimplifiedChinese } from '../language/chineseScript.js';
import { primaryLanguage } from '../routing/eligibility.js';
import type { Sentiment, UrgencyLevel as Level } from '../protocol/vocabulary.js';
import type { UrgencyScorer } from './types.js';
import { BLEND, blendCategory, blendLevel, learn, rulesCategory, type BlendOptions } from './blend.js';
import { featuresOf } from './model/features.js';
import { SHIPPED_MODEL } from './model/shipped.js';
import type { TriageModel } from './model/triageModel.js';
import type { Urgency, UrgencyInput } from './types.js';

/**
 * The documented weights. score = level base + evidence + time pressure + impact + negative
 * sentiment + distress + tier + repeat contacts + incident, clamped to 0–100. Every term is
 * non-negative and grows with its signal, so the score is monotonic in each; waiting time adds
 * AGING_POINTS_PER_MINUTE in the queue on top.
 */
export const WEIGHTS = {
  level: { critical: 80, high: 60, normal: 35, low: 15 } satisfies Record<Level, number>,
  /** Each distinct harm signal beyond the first. */
  extraEvidence: 2,
  extraEvidenceMax: 6,
  immediacy: 4,
  impact: 3,
  negativeSentiment: 3,
  distress: 2,
  tier: { regular: 0, creator: 5, brand: 8, advertiser: 8 },
  repeatPerContact: 5,
  repeatMax: 15,
  incident: 6,
} as const;

/** Harm or complaint reads as negative, praise without either as positive, the rest as neutral. */
function sentimentOf(hits: SignalHits): Sentiment {
  if (HARM_SIGNALS.some((s) => hits.has(s)) || hits.has('negative')) return 'negative';
  return hits.has('positive') ? 'positive' : 'neutral';
}

const quote = (terms: string[] | undefined) => (terms ?? []).slice(0, 3).join(', ');

/**
 * A scorer over a learned model (and how to weigh it against the rules), or over the rules alone
 * when `model` is null. Pure and fast: no I/O, no clock; the caller supplies tier, repeats and
 * incidents.
 */
export function createScorer(model: TriageModel | null, blend: BlendOptions = BLEND): UrgencyScorer {
  return (input) => {
    // Traditional Chinese is read as Simplified: one set of Chinese patterns and one model serve both.
    const text = toSimplifiedChinese(input.text ?? '');
    const prepared = prepareText(text);
    const hits = detectSignals(prepared);
    const rulesLevel = decideLevel(hits);
    const floor = rulesLevel.floor === true;
    const learned = model && text.trim() ? learn(model, featuresOf(prepared, text)) : null;
    const rules = chooseCategory(prepared, hits);
    const chosen = learned ? blendCategory(rules, floor, learned, blend) : rules && rulesCategory(rules);
    const category = chosen?.category ?? input.categoryHint ?? 'general';
    const reasons: string[] = [
      chosen ? chosen.reason : input.categoryHint ? `${category} (chosen by user)` : 'general',
    ];
    const { level, reasons: levelReasons } = learned
      ? blendLevel(rulesLevel, learned, blend)
      : { level: rulesLevel.level, reasons: [`${rulesLevel.level}: ${rulesLevel.because}`] };
    reasons.push(...levelReasons);
    let score = WEIGHTS.level[level];
    // Said, never silent: a person reads what triage cannot (the assistant hands it over too).
    if (input.language && !readsLanguage(input.language))
      reasons.push(`language not supported by triage: ${input.language}`);
    const harms = HARM_SIGNALS.filter((s) => hits.has(s));
    if (harms.length > 1)
      score += Math.min(WEIGHTS.extraEvidenceMax, (harms.length - 1) * WEIGHTS.extraEvidence);
    if (hits.has('immediacy') || hits.has('liveNow')) {
      score += WEIGHTS.immediacy;
      reasons.push(`happening now: ${quote(hits.get('immediacy') ?? hits.get('liveNow'))}`);
    }
    if (hits.has('impact')) {
      score += WEIGHTS.impact;
      reasons.push(`impact: ${quote(hits.get('impact'))}`);
    }
    const sentiment = floor || !learned ? sentimentOf(hits) : learned.sentiment.label;
    if (sentiment === 'negative') score += WEIGHTS.negativeSentiment;
    if (hits.has('distress')) score += WEIGHTS.distress;
    if (WEIGHTS.tier[input.tier] > 0) {
      score += WEIGHTS.tier[input.tier];
      reasons.push(`${input.tier} (verified identity)`);
    }
    const keywords = [...new Set(harms.flatMap((s) => hits.get(s) ?? []))].slice(0, 8);
    const fromText = { category, level, score: clamp(score), sentiment, reasons, keywords };
    return withContactSignals(fromText, input);
  };
}

/** Scores one request with the shipped model. */
export const scoreUrgency: UrgencyScorer = createScorer(SHIPPED_MODEL);

/** The languages triage has word lists and training texts for (hi covers Devanagari and romanised). */
export const SCORED_LANGUAGES = ['en', 'zh', 'es', 'pt', 'id', 'hi', 'ar', 'vi'] as const;
const readsLanguage = (language: string) =>
  (SCORED_LANGUAGES as readonly string[]).includes(primaryLanguage(language));

const clamp = (score: number) => Math.max(0, Math.min(100, score));

/**
 * Adds what is known beyond the words (repeat contacts, an open incident) to a verdict scored
 * with neither, so a caller that learns them from the verdict's category and keywords need not
 * read the text again. Every term is non-negative, so adding them after the clamp gives the same
 * score as adding them before it.
 */
export function withContactSignals(
  urgency: Urgency,
  signals: Pick<UrgencyInput, 'repeatContacts' | 'incident'>,
): Urgency {
  if (signals.repeatContacts <= 0 && !signals.incident) return urgency;
  let { score } = urgency;
  const reasons = [...urgency.reasons];
  if (signals.repeatContacts > 0) {
    score += Math.min(WEIGHTS.repeatMax, signals.repeatContacts * WEIGHTS.repeatPerContact);
    reasons.push(`contacted ${signals.repeatContacts} time(s) before about this`);
  }
  if (signals.incident) {
    score += WEIGHTS.incident;
    reasons.push(`part of an open incident: ${signals.incident}`);
  }
  return { ...urgency, score: clamp(score), reasons };
}
