// Every language's words for i18next. The console's namespaces exist in English and Chinese only;
// the other languages translate the widget's (widget.<locale>.ts) and the assistant's.
import type { Resource } from 'i18next';
import { assistantAr } from './assistant.ar.js';
import { assistantEs } from './assistant.es.js';
import { assistantHi } from './assistant.hi.js';
import { assistantId } from './assistant.id.js';
import { assistantPt } from './assistant.pt.js';
import { assistantVi } from './assistant.vi.js';
import { assistantZhHant } from './assistant.zh-Hant.js';
import { en } from './en.js';
import type { Locale } from './locales.js';
import { widgetAr } from './widget.ar.js';
import { widgetEs } from './widget.es.js';
import { widgetHi } from './widget.hi.js';
import { widgetId } from './widget.id.js';
import { widgetPt } from './widget.pt.js';
import { widgetVi } from './widget.vi.js';
import { widgetZhHant } from './widget.zh-Hant.js';
import { zh } from './zh.js';

/** Each locale's words, nested by namespace as the keys in t() read them. */
export const MESSAGES: Record<Locale, object> = {
  en,
  zh,
  'zh-Hant': { ...widgetZhHant, ...assistantZhHant },
  es: { ...widgetEs, ...assistantEs },
  pt: { ...widgetPt, ...assistantPt },
  id: { ...widgetId, ...assistantId },
  hi: { ...widgetHi, ...assistantHi },
  ar: { ...widgetAr, ...assistantAr },
  vi: { ...widgetVi, ...assistantVi },
};

export const resources: Resource = Object.fromEntries(
  Object.entries(MESSAGES).map(([locale, translation]) => [locale, { translation }]),
);
