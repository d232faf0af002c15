import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODEL } from '../../core/urgency/model/shipped.js';
import { readSet } from './corpus.js';
import { foldOf, sameTextKey, withoutTrainingTexts } from './folds.js';
import { corpusHash, trainModel } from './train.js';

describe('the shipped triage model', () => {
  const rows = readSet('train');

  it('is the one training makes from the corpus as it stands (retrain with npm run triage:train)', () => {
    expect(SHIPPED_MODEL.corpus).toEqual({ rows: rows.length, sha256: corpusHash(rows) });
    const file = readFileSync(new URL('../../core/urgency/model/triage-model.json', import.meta.url), 'utf8');
    expect(`${JSON.stringify(trainModel(rows))}\n`).toBe(file);
  }, 60_000);

  it('trains on at least 2,000 texts, 150 in each language', () => {
    expect(rows.length).toBeGreaterThanOrEqual(2000);
    const perLanguage = new Map<string, number>();
    for (const row of rows) perLanguage.set(row.lang, (perLanguage.get(row.lang) ?? 0) + 1);
    expect(perLanguage.size).toBe(10);
    for (const count of perLanguage.values()) expect(count).toBeGreaterThanOrEqual(150);
  });

  it('never puts one text on both sides of a cross-validation split', () => {
    const foldsOfText = new Map<string, Set<number>>();
    for (const row of rows) {
      const key = sameTextKey(row.text);
      foldsOfText.set(key, (foldsOfText.get(key) ?? new Set()).add(foldOf(row, 5)));
    }
    for (const folds of foldsOfText.values()) expect(folds.size).toBe(1);
  });

  it('evaluates a held-out set without any text that is also in training', () => {
    const train = new Set(rows.map((r) => sameTextKey(r.text)));
    const heldOut = readSet('heldout/2026-12-05');
    const { rows: kept, dropped } = withoutTrainingTexts(heldOut, rows);
    expect(kept.some((r) => train.has(sameTextKey(r.text)))).toBe(false);
    expect(kept.length + dropped).toBe(heldOut.length);
  });
});
