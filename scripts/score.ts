/**
 * `npm run --silent score`: reads JSONL `{text, lang?, tier?}` on stdin and writes one JSONL line
 * per input: `{category, level, score, sentiment, reasons}`. A bad line gets `{error}` in its place.
 */
import { createInterface } from 'node:readline';
import { scoreUrgency } from '../core/urgency/score.js';
import { TIERS, type Tier } from '../core/protocol/vocabulary.js';

const KNOWN_TIERS = new Set<string>(TIERS);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  try {
    const input = JSON.parse(line) as { text?: unknown; lang?: unknown; tier?: unknown };
    if (typeof input.text !== 'string') throw new Error('each line needs a string "text"');
    const tier = (
      typeof input.tier === 'string' && KNOWN_TIERS.has(input.tier) ? input.tier : 'regular'
    ) as Tier;
    const lang = typeof input.lang === 'string' ? input.lang : undefined;
    const { category, level, score, sentiment, reasons } = scoreUrgency({
      text: input.text,
      language: lang,
      tier,
      repeatContacts: 0,
    });
    process.stdout.write(`${JSON.stringify({ category, level, score, sentiment, reasons })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
  }
}
