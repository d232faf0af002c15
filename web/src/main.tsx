import { createRoot } from 'react-dom/client';
import { AgentConsole } from './agent/AgentConsole.js';
import { startI18n } from './i18n/index.js';
import { CONSOLE_LOCALES, LOCALES } from './i18n/locales.js';
import { KbPage } from './kb/KbPage.js';
import { SupervisorPage } from './supervisor/SupervisorPage.js';
import './styles.css';
import { DemoStreamPage } from './widget/DemoStreamPage.js';

const consolePage = /^\/(agent|supervisor)/.test(location.pathname);
// The console stays English and Chinese; the widget's page speaks every language, starting from
// the one its host's signed identity claims.
startI18n(
  consolePage
    ? { offered: CONSOLE_LOCALES }
    : { offered: LOCALES, identity: new URLSearchParams(location.search).get('identity') },
);

/** Pages on one origin: the demo stream with the widget, the agent console, the supervisor view and its knowledge-base editor. */
function App() {
  if (location.pathname.startsWith('/agent')) return <AgentConsole />;
  if (location.pathname.startsWith('/supervisor/kb')) return <KbPage />;
  if (location.pathname.startsWith('/supervisor')) return <SupervisorPage />;
  return <DemoStreamPage />;
}

createRoot(document.getElementById('root')!).render(<App />);
