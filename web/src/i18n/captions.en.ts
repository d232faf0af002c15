// Live captions and the caller's mood during a call: the agent's and the supervisor's words.
import type { MoodLabel, MoodTrend } from '@lifeline/core/protocol/captions.js';

export const captionsEn = {
  captions: {
    heading: 'Live captions',
    waiting: 'Captions appear here as the call goes on.',
    inaudible: '[inaudible]',
    user: 'Caller',
    agent: 'You',
    agentOther: 'Agent',
    moodHeading: 'Caller’s mood',
    moodUnknown: 'not read yet',
    mood: {
      negative: 'upset',
      neutral: 'calm',
      positive: 'happy',
    } satisfies Record<MoodLabel, string>,
    trend: {
      worsening: 'getting worse',
      steady: 'steady',
      improving: 'improving',
    } satisfies Record<MoodTrend, string>,
  },
};
