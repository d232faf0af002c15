import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/index.js';
import { HelpWidget } from './HelpWidget.js';

const STREAM_ID = 'demo-stream-1';
const startedAt = Date.now();

/** A stand-in livestream page hosting the widget; the host passes its signed identity as ?identity=. */
export function DemoStreamPage() {
  const { t } = useTranslation();
  const identity = new URLSearchParams(location.search).get('identity');
  const [chat, setChat] = useState<string[]>(['looks delicious!', 'hello from Lisbon!', '好香啊']);
  const [draft, setDraft] = useState('');
  return (
    <div className="stream-page">
      <header className="topbar">
        <h1>{t('stream.title')}</h1>
        <LanguageSwitch />
      </header>
      <main className="stream-layout">
        <section className="player" aria-label={t('stream.title')}>
          <div className="fake-video" role="img" aria-label={t('stream.title')}>
            <div className="stream-overlay">
              <span className="live-badge">{t('stream.live')}</span>
              <span className="viewers">{t('stream.viewers', { count: 12480 })}</span>
            </div>
          </div>
        </section>
        <section className="stream-chat" aria-label={t('stream.chat')}>
          <h2>{t('stream.chat')}</h2>
          <ul>
            {chat.map((line, i) => (
              <li key={i}>
                <bdi>{line}</bdi>
              </li>
            ))}
          </ul>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (draft.trim()) setChat([...chat, draft.trim()]);
              setDraft('');
            }}
          >
            <label>
              <span className="sr-only">{t('stream.chat')}</span>
              <input
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                placeholder={t('stream.chatPlaceholder')}
              />
            </label>
            <button type="submit">{t('stream.send')}</button>
          </form>
        </section>
      </main>
      <HelpWidget
        identity={identity}
        stream={() => ({ id: STREAM_ID, offsetSeconds: Math.round((Date.now() - startedAt) / 1000) })}
      />
    </div>
  );
}
