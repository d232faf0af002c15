import { primaryLanguage } from '../routing/eligibility.js';

/**
 * What the assistant says, in the languages its knowledge base is written in. Its lines are
 * stored as conversation messages, so they are worded here once, not by each client.
 */
interface Phrases {
  firstAnswer: string;
  nextAnswer: string;
  askIfSolved: string;
  handingOver: string;
  glad: string;
}

const PHRASES: Record<'en' | 'zh', Phrases> = {
  en: {
    firstAnswer: 'Here is what our help centre says about this:',
    nextAnswer: 'Here is something else that may help:',
    askIfSolved: 'Did this solve it? If not, tap “Still need help” or “Talk to a person” at any time.',
    handingOver:
      'I am passing you to a person now. They will see everything above, so you will not need to repeat it.',
    glad: 'Glad that helped. If anything else comes up, you can ask again at any time.',
  },
  zh: {
    firstAnswer: '帮助中心关于这个问题是这样说的：',
    nextAnswer: '下面的内容也许能帮到您：',
    askIfSolved: '问题解决了吗？如果没有，可以随时点“仍需帮助”或“联系人工客服”。',
    handingOver: '现在为您转接人工客服。对方会看到以上全部内容，您不需要再重复一遍。',
    glad: '很高兴能帮到您。如果还有其他问题，随时可以再来问。',
  },
};

const phrasesFor = (language: string) => PHRASES[primaryLanguage(language) === 'zh' ? 'zh' : 'en'];

export interface QuotedArticle {
  title: string;
  snippet: string;
}

/** An answer: each article's title and its opening quoted, then the question whether it solved it. */
export function answerText(language: string, articles: readonly QuotedArticle[], again: boolean): string {
  const words = phrasesFor(language);
  const quoted = articles.map(
    ({ title, snippet }) => `**${title}**\n> ${snippet.replace(/\s+/g, ' ').trim()}…`,
  );
  return [again ? words.nextAnswer : words.firstAnswer, ...quoted, words.askIfSolved].join('\n\n');
}

export const handingOverText = (language: string) => phrasesFor(language).handingOver;
export const gladText = (language: string) => phrasesFor(language).glad;
