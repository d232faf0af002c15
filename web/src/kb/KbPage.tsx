import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/index.js';
import { Login, useSignedIn } from '../shared/Login.js';
import { KbEditor } from './KbEditor.js';

/** /supervisor/kb: the knowledge-base editor, behind the same sign-in as the floor. */
export function KbPage() {
  const { t } = useTranslation();
  const [signedIn, setSignedIn] = useSignedIn('lifeline.supervisor');
  return (
    <div className="console">
      <header className="topbar">
        <h1>{t('kb.title')}</h1>
        <a href="/supervisor">{t('kb.backToFloor')}</a>
        <LanguageSwitch />
      </header>
      {signedIn ? (
        <main>
          <KbEditor token={signedIn.token} />
        </main>
      ) : (
        <Login onSignedIn={setSignedIn} />
      )}
    </div>
  );
}
