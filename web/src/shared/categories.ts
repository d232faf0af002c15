export const CATEGORIES = [
  'account_security',
  'payment',
  'content_moderation',
  'technical',
  'copyright',
  'feedback',
  'general',
] as const;
