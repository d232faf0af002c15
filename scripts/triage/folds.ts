import { createHash } from 'node:crypto';
import { toSimplifiedChinese } from '../../core/language/chineseScript.js';
import { foldWord } from '../../core/urgency/fold.js';
import type { Labelled } from './corpus.js';

/** A text's identity for splitting: the same words in either Chinese script, case or accents are one text. */
export const sameTextKey = (text: string) =>
  foldWord(toSimplifiedChinese(text).normalize('NFKC')).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * k folds where every copy of a text falls in one fold, so no text is ever on both sides of a
 * split; a text's fold is fixed by a hash of its key, so the folds are repeatable.
 */
export function foldOf(row: Labelled, k: number): number {
  return createHash('sha256').update(sameTextKey(row.text)).digest().readUInt32BE(0) % k;
}

/**
 * A held-out set without the texts that are also in training (short ones like "cobro doble!!"
 * were written into both independently): never the same text in training and evaluation.
 */
export function withoutTrainingTexts(
  heldOut: readonly Labelled[],
  train: readonly Labelled[],
): { rows: Labelled[]; dropped: number } {
  const seen = new Set(train.map((r) => sameTextKey(r.text)));
  const rows = heldOut.filter((r) => !seen.has(sameTextKey(r.text)));
  return { rows, dropped: heldOut.length - rows.length };
}
