// 通话中的实时字幕与来电者情绪：客服与主管看到的文字。
import type { MoodLabel, MoodTrend } from '@lifeline/core/protocol/captions.js';

export const captionsZh = {
  captions: {
    heading: '实时字幕',
    waiting: '通话进行时，字幕会显示在这里。',
    inaudible: '[听不清]',
    user: '来电者',
    agent: '你',
    agentOther: '客服',
    moodHeading: '来电者情绪',
    moodUnknown: '尚未判断',
    mood: {
      negative: '不满',
      neutral: '平静',
      positive: '满意',
    } satisfies Record<MoodLabel, string>,
    trend: {
      worsening: '在变差',
      steady: '平稳',
      improving: '在好转',
    } satisfies Record<MoodTrend, string>,
  },
};
