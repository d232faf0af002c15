import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './identify.js';

const corpus = (dir: string) =>
  readdirSync(new URL(`../../data/triage/${dir}/`, import.meta.url))
    .filter((file) => file.endsWith('.jsonl'))
    .map((file) => ({
      lang: file.replace('.jsonl', ''),
      texts: readFileSync(new URL(`../../data/triage/${dir}/${file}`, import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { text: string }).text),
    }));

/** Per language: the share identified as written, and among those called reliable. */
function evaluate(dir: string) {
  return corpus(dir).map(({ lang, texts }) => {
    const guesses = texts.map((text) => identifyLanguage(text));
    const right = guesses.filter((guess) => guess?.tag === lang).length;
    const reliable = guesses.filter((guess) => guess?.reliable);
    const reliableRight = reliable.filter((guess) => guess?.tag === lang).length;
    return {
      lang,
      n: texts.length,
      accuracy: right / texts.length,
      reliableAccuracy: reliableRight / reliable.length,
    };
  });
}

const table = (rows: ReturnType<typeof evaluate>) =>
  [
    '| language | n | identified | when reliable |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.lang} | ${r.n} | ${(r.accuracy * 100).toFixed(1)}% | ${(r.reliableAccuracy * 100).toFixed(1)}% |`,
    ),
  ].join('\n');

describe('language identification from the text', () => {
  it.each([
    ['my account was hacked and someone is posting', 'en'],
    ['账号被盗了，有人在发帖', 'zh-Hans'],
    ['帳號被盜了，有人在發文', 'zh-Hant'],
    ['¡me hackearon la cuenta ahora mismo!', 'es'],
    ['minha conta foi hackeada', 'pt'],
    ['akun saya dibajak orang tadi malam', 'id'],
    ['मेरा अकाउंट हैक हो गया है', 'hi'],
    ['mera account hack ho gaya bhai', 'hi-Latn'],
    ['تم اختراق حسابي الآن', 'ar'],
    ['tài khoản của tôi bị hack', 'vi'],
    ['我的 live stream 被 ban 了，怎么办', 'zh-Hans'],
  ])('%s → %s', (text, tag) => {
    expect(identifyLanguage(text)?.tag).toBe(tag);
  });

  it('does not trust a guess from a few letters, and finds none without letters', () => {
    expect(identifyLanguage('ok')?.reliable).not.toBe(true);
    expect(identifyLanguage('🙏🙏 !!')).toBeNull();
  });

  it('identifies the training corpus’s languages (read while writing the Hinglish word list)', () => {
    const rows = evaluate('train');
    console.log(`language identification, training corpus\n${table(rows)}`);
    for (const row of rows) expect(row.accuracy, row.lang).toBeGreaterThanOrEqual(0.93);
  });

  it('identifies the held-out set’s languages (scored once for the note, never tuned on)', () => {
    const rows = evaluate('heldout/2026-12-05');
    console.log(`language identification, held-out 2026-12-05\n${table(rows)}`);
    const all = rows.reduce((sum, r) => sum + r.accuracy * r.n, 0) / rows.reduce((sum, r) => sum + r.n, 0);
    expect(all).toBeGreaterThanOrEqual(0.9);
  });
});
