import { createRoot } from 'react-dom/client';
import { AgentConsole } from './agent/AgentConsole.js';
import './i18n/index.js';
import { SupervisorPage } from './supervisor/SupervisorPage.js';
import './styles.css';
import { DemoStreamPage } from './widget/DemoStreamPage.js';

/** Three pages on one origin: the demo stream with the widget, the agent console, the supervisor view. */
function App() {
  if (location.pathname.startsWith('/agent')) return <AgentConsole />;
  if (location.pathname.startsWith('/supervisor')) return <SupervisorPage />;
  return <DemoStreamPage />;
}

createRoot(document.getElementById('root')!).render(<App />);
