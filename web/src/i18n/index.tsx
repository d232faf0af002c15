import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.js';
import { zh } from './zh.js';

const saved = localStorage.getItem('lifeline.lang');
const browser = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: saved ?? browser,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const toggle = () => {
    const next = i18n.language === 'zh' ? 'en' : 'zh';
    void i18n.changeLanguage(next);
    localStorage.setItem('lifeline.lang', next);
    document.documentElement.lang = next;
  };
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      aria-label={t('app.languageLabel')}
      onClick={toggle}
    >
      {t('app.language')}
    </button>
  );
}
