import { consoleLocaleFor, localeFor, needsGloss, type UserLocale } from '../../core/language/localeFor.js';
import type { QuickReply } from '../../core/protocol/floor.js';
import type { CategoryName } from '../../core/protocol/vocabulary.js';
import { ar } from './locales/ar.js';
import { en } from './locales/en.js';
import { es } from './locales/es.js';
import { hi } from './locales/hi.js';
import { hiLatn } from './locales/hiLatn.js';
import { id } from './locales/id.js';
import { pt } from './locales/pt.js';
import { vi } from './locales/vi.js';
import { zhHans } from './locales/zhHans.js';
import { zhHant } from './locales/zhHant.js';
import { REPLY_IDS, type LocaleReplies, type Wording } from './wording.js';

/** Canned first answers per category, in every language Lifeline speaks to users in. Agents edit them before sending. */
export const QUICK_REPLIES: Record<UserLocale, LocaleReplies> = {
  en,
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  es,
  pt,
  id,
  hi,
  'hi-Latn': hiLatn,
  ar,
  vi,
};

const wordingOf = (locale: UserLocale, category: CategoryName, replyId: string): Wording =>
  (QUICK_REPLIES[locale][category] as Record<string, Wording>)[replyId]!;

/**
 * A category's replies in the user's language, since what the agent sends goes to the user. The
 * console reads only English and Chinese, so with the agent's language each reply carries a
 * `gloss` in it, when the user's language is another, for the agent to know what they send.
 */
export function quickRepliesFor(
  category: CategoryName,
  userLanguage: string,
  agentLanguage?: string,
): { lang: UserLocale; replies: QuickReply[] } {
  const lang = localeFor(userLanguage);
  const glossLang = agentLanguage === undefined ? undefined : consoleLocaleFor(agentLanguage);
  const replies = REPLY_IDS[category].map((replyId): QuickReply => {
    const reply = { id: replyId, ...wordingOf(lang, category, replyId) };
    if (!glossLang || !needsGloss(lang, glossLang)) return reply;
    return { ...reply, gloss: { lang: glossLang, ...wordingOf(glossLang, category, replyId) } };
  });
  return { lang, replies };
}
