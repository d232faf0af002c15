import type { LoginBody, LoginReply } from '@lifeline/core/protocol/agents.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api.js';

/** Agent and supervisor sign-in; the token lives in this tab's session storage only. */
export function Login({ onSignedIn }: { onSignedIn: (signedIn: LoginReply) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The sign-in form is the whole page until it succeeds, so it is the page's main landmark.
  return (
    <main className="login-page">
      <form
        className="login"
        onSubmit={(event) => {
          event.preventDefault();
          api<LoginReply>('/v1/agents/login', { body: { email, password } satisfies LoginBody }).then(
            onSignedIn,
            (caught: Error) => setError(caught.message),
          );
        }}
      >
        <label>
          {t('agent.email')}
          <input
            data-testid="login-email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          {t('agent.password')}
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="login-submit">
          {t('agent.login')}
        </button>
      </form>
    </main>
  );
}

export function useSignedIn(key: string) {
  const [signedIn, setSignedIn] = useState<LoginReply | null>(() => {
    const saved = sessionStorage.getItem(key);
    return saved ? (JSON.parse(saved) as LoginReply) : null;
  });
  const save = (value: LoginReply) => {
    sessionStorage.setItem(key, JSON.stringify(value));
    setSignedIn(value);
  };
  return [signedIn, save] as const;
}
