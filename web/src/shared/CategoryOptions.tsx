import { CATEGORIES } from '@lifeline/core/protocol/vocabulary.js';
import { useTranslation } from 'react-i18next';

/** Every category as an <option>, in its words: the widget's form and the console's cold transfer. */
export function CategoryOptions() {
  const { t } = useTranslation();
  return (
    <>
      {CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`categories.${c}`)}
        </option>
      ))}
    </>
  );
}
