import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A CSV export: the API wants the bearer token, which a plain link cannot send, so the file is
 * fetched and handed to the browser as a download under the name the server gave it.
 */
export function CsvDownload({ path, token, testId }: { path: string; token: string; testId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) return;
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), {
        href: url,
        download: name ?? 'lifeline.csv',
      });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <a
      href={path}
      className="csv-link"
      data-testid={testId}
      aria-disabled={busy}
      onClick={(event) => {
        event.preventDefault();
        void download();
      }}
    >
      {t('analytics.downloadCsv')}
    </a>
  );
}
