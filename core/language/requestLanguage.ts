import { primaryLanguage } from '../routing/eligibility.js';
import { identifyLanguage } from './identify.js';

export interface RequestLanguage {
  /** What routing, the ETA, the assistant and triage go by. */
  language: string;
  /** The language the user's app or widget said, when the text says otherwise; shown to the agent. */
  statedLanguage?: string;
}

const scriptOf = (tag: string) =>
  tag
    .split('-')
    .find((part) => part.length === 4)
    ?.toLowerCase();

/**
 * A request's language is the one its text is written in when that is clear, else the one the
 * user's app or widget is set to: Chinese typed in the English widget is Chinese. The same
 * language keeps the stated tag (its region), unless the text shows another script (zh-Hant
 * typed with the widget set to zh-Hans).
 */
export function requestLanguage(text: string | undefined, stated: string): RequestLanguage {
  const guess = text?.trim() ? identifyLanguage(text) : null;
  if (!guess?.reliable) return { language: stated };
  if (primaryLanguage(guess.tag) !== primaryLanguage(stated))
    return { language: guess.tag, statedLanguage: stated };
  const shown = scriptOf(guess.tag);
  return shown && shown !== scriptOf(stated)
    ? { language: guess.tag, statedLanguage: stated }
    : { language: stated };
}
