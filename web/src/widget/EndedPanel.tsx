import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { useHelpRequest } from './useHelpRequest.js';

type Help = ReturnType<typeof useHelpRequest>;

/** The end: a self-served case closes with a friendly word (no person to rate); any other asks for stars. */
export function EndedPanel({ help }: { help: Help }) {
  const { t } = useTranslation();
  const [rated, setRated] = useState(false);
  if (help.closedAs === 'self_served')
    return (
      <div className="rating" data-testid="self-served">
        <p>{t('assistant.selfServed')}</p>
      </div>
    );
  return (
    <div className="rating">
      <p>{t('widget.ended')}</p>
      {rated ? (
        <p>{t('widget.thanks')}</p>
      ) : (
        <div role="group" aria-label={t('widget.rate')}>
          <p>{t('widget.rate')}</p>
          {[1, 2, 3, 4, 5].map((stars) => (
            <button
              key={stars}
              type="button"
              data-testid={`rate-${stars}`}
              aria-label={t('widget.stars', { count: stars })}
              onClick={() => void help.rate(stars).then(() => setRated(true))}
            >
              {'★'.repeat(stars)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
