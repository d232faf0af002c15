import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { asLocale, chooseLocale, langClaimOf, LOCALE_NAMES, type Locale } from './locales.js';
import { resources } from './resources.js';

/** The user's explicit choice, from either switch; it outranks the identity's claim and the browser. */
const SAVED_KEY = 'lifeline.lang';

/** `<html lang dir>` follow the language, so Arabic lays the page out right to left. */
function followDocument(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = i18next.dir(language);
}

/**
 * Starts i18next in the first language this page offers among: the saved choice, the platform
 * identity's `lang` claim (the widget's page has one), the browser's languages, English.
 */
export function startI18n({ offered, identity }: { offered: readonly Locale[]; identity?: string | null }) {
  const wishes = [localStorage.getItem(SAVED_KEY), langClaimOf(identity), ...navigator.languages];
  i18next.on('languageChanged', followDocument);
  void i18next.use(initReactI18next).init({
    resources,
    lng: chooseLocale(wishes, offered),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}

/** Switches the language and remembers it as the user's choice. */
function choose(locale: Locale) {
  void i18next.changeLanguage(locale);
  localStorage.setItem(SAVED_KEY, locale);
}

/** English ↔ Chinese: the console's switch, and the host page's. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'zh' ? 'en' : 'zh';
  // The visible word is the other language's own name: it stays in the button's name (WCAG 2.5.3,
  // label in name), after what the button does, and is spoken in its own language.
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" onClick={() => choose(other)}>
      <span className="sr-only">{t('app.languageLabel')}: </span>
      <span lang={other}>{t('app.language')}</span>
    </button>
  );
}

/** Every language the page offers, each named in itself. */
export function LanguageSelect({ offered }: { offered: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  return (
    <select
      className="lang-select"
      data-testid="lang-select"
      aria-label={t('app.chooseLanguage')}
      value={asLocale(i18n.language)}
      onChange={(event) => choose(asLocale(event.target.value))}
    >
      {offered.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}
