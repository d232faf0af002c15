import { createRoot } from 'react-dom/client';
import { AgentConsole } from './agent/AgentConsole.js';
import './i18n/index.js';
import { KbPage } from './kb/KbPage.js';
import { SupervisorPage } from './supervisor/SupervisorPage.js';
import './styles.css';
import { DemoStreamPage } from './widget/DemoStreamPage.js';

/** Pages on one origin: the demo stream with the widget, the agent console, the supervisor view and its knowledge-base editor. */
function App() {
  if (location.pathname.startsWith('/agent')) return <AgentConsole />;
  if (location.pathname.startsWith('/supervisor/kb')) return <KbPage />;
  if (location.pathname.startsWith('/supervisor')) return <SupervisorPage />;
  return <DemoStreamPage />;
}

createRoot(document.getElementById('root')!).render(<App />);
