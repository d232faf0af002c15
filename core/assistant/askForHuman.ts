/**
 * Whether a message asks for a person, in the languages users write to us in. Phrases, matched
 * on the lower-cased text with spaces collapsed; Chinese needs no word boundaries. A false match
 * only hands a user to a human sooner, so the lists lean towards matching.
 */
const PHRASES: readonly string[] = [
  // English
  'human',
  'real person',
  'a person',
  'agent',
  'support staff',
  'connect me',
  'live agent',
  'talk to someone',
  'speak to someone',
  'talk to a',
  'speak to a',
  'customer service',
  'customer support',
  'representative',
  'operator',
  'not a bot',
  'no bot',
  'stop the bot',
  // Chinese (simplified and traditional)
  '人工',
  '真人',
  '客服',
  '转人工',
  '找人',
  '活人',
  '人工客服',
  '真人客服',
  '轉人工',
  '真人客服',
  // Spanish, Portuguese
  'agente',
  'persona real',
  'hablar con alguien',
  'un humano',
  'atendente',
  'falar com alguém',
  'pessoa real',
  // Indonesian
  'orang asli',
  'bicara dengan',
  'customer service',
  'cs manusia',
  // Hindi (Devanagari and romanised)
  'इंसान',
  'एजेंट',
  'किसी से बात',
  'insaan',
  'kisi se baat',
  'agent se baat',
  // Arabic
  'موظف',
  'شخص حقيقي',
  'التحدث مع',
  'خدمة العملاء',
  // Vietnamese
  'nhân viên',
  'người thật',
  'gặp người',
  'tổng đài viên',
];

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Latin-script phrases match whole words ("a person", not "a personal"); others anywhere. */
const MATCHERS = PHRASES.map((phrase) =>
  /^[a-z ]+$/.test(phrase) ? new RegExp(`\\b${escape(phrase)}\\b`) : phrase,
);

export function asksForHuman(text: string): boolean {
  const normal = text.toLowerCase().replace(/\s+/g, ' ');
  return MATCHERS.some((matcher) =>
    typeof matcher === 'string' ? normal.includes(matcher) : matcher.test(normal),
  );
}
