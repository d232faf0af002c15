import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from './format.js';
import type { WindowChoice } from './useFloorAnalytics.js';

/** 15 minutes, today, or a range of days (applied with its button, so half-typed dates fetch nothing). */
export function WindowPicker({
  value,
  onChange,
}: {
  value: WindowChoice;
  onChange: (next: WindowChoice) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(value.window === 'range' ? value.from : localDay(-6));
  const [to, setTo] = useState(value.window === 'range' ? value.to : localDay());
  const kinds = [
    ['15m', t('analytics.last15m')],
    ['today', t('analytics.today')],
    ['range', t('analytics.range')],
  ] as const;
  return (
    <fieldset className="analytics-window" data-testid="analytics-window">
      <legend>{t('analytics.window')}</legend>
      {kinds.map(([kind, label]) => (
        <label key={kind}>
          <input
            type="radio"
            name="analytics-window"
            value={kind}
            checked={value.window === kind}
            onChange={() =>
              onChange(
                kind === 'range' ? { window: kind, from, to, tz: value.tz } : { window: kind, tz: value.tz },
              )
            }
          />
          {label}
        </label>
      ))}
      {value.window === 'range' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ window: 'range', from, to, tz: value.tz });
          }}
        >
          <label>
            {t('analytics.from')}{' '}
            <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('analytics.to')}{' '}
            <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit">{t('analytics.apply')}</button>
        </form>
      )}
      <small>{t('analytics.timeZone', { tz: value.tz })}</small>
    </fieldset>
  );
}
