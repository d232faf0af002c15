import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, tabId, tabShortcut } from './useConsoleShortcuts.js';
import type { DeskSession } from './useAgentSession.js';

/** The tab's panel, which the tab controls. */
export const panelId = (sessionId: string) => `session-panel-${sessionId}`;

/** Where a session stands, as its tab says it: worked in, on hold, a chat, or owing its wrap-up. */
function stateOf(session: DeskSession, focused: boolean) {
  if (session.endedReason) return 'wrapUp';
  if (focused) return 'active';
  return session.ready.canPublish ? 'onHold' : 'chat';
}

/**
 * One tab per session the agent serves, named by the user, with its state and its key. Arrow
 * keys move along the tabs (the ARIA tabs pattern); Alt+1…9 reach them from anywhere.
 */
export function SessionTabs({
  sessions,
  focused,
  names,
  onFocus,
}: {
  sessions: DeskSession[];
  focused: DeskSession | null;
  names: Record<string, string | undefined>;
  onFocus: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const moveBy = (event: KeyboardEvent, index: number) => {
    const by = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const next = sessions[(index + by + sessions.length) % sessions.length];
    if (!by || !next) return;
    event.preventDefault();
    onFocus(next.sessionId);
    document.getElementById(tabId(next.sessionId))?.focus();
  };
  return (
    <div
      className="session-tabs"
      role="tablist"
      aria-label={t('agent.sessions.tabs')}
      data-testid="session-tabs"
    >
      {sessions.map((session, index) => {
        const selected = session.sessionId === focused?.sessionId;
        const name = names[session.sessionId] ?? t('agent.unnamed');
        const state = t(`agent.sessions.${stateOf(session, selected)}`);
        const key = tabShortcut(index);
        return (
          <button
            key={session.sessionId}
            id={tabId(session.sessionId)}
            type="button"
            role="tab"
            className={`session-tab ${stateOf(session, selected)}`}
            data-testid={`session-tab-${index + 1}`}
            aria-selected={selected}
            aria-controls={panelId(session.sessionId)}
            aria-keyshortcuts={key}
            tabIndex={selected ? 0 : -1}
            onClick={() => onFocus(session.sessionId)}
            onKeyDown={(event) => moveBy(event, index)}
          >
            {/* Named from its content, not aria-label: the key on it is visible text, and a label
                leaving it out breaks "label in name" (WCAG 2.5.3); aria-keyshortcuts announces it. */}
            <span className="sr-only">{t('agent.sessions.tabLabel', { name, state })}</span>
            <span className="tab-name" aria-hidden="true">
              {name}
            </span>
            <span className="tab-state" aria-hidden="true">
              {state}
            </span>
            {key && <kbd aria-hidden="true">{key}</kbd>}
          </button>
        );
      })}
    </div>
  );
}

/** The console's keys, always in sight. */
export function ShortcutHints() {
  const { t } = useTranslation();
  const hints = [
    [SHORTCUTS.accept, t('agent.sessions.acceptKey')],
    [SHORTCUTS.decline, t('agent.sessions.declineKey')],
    ['Alt+1…9', t('agent.sessions.switchKey')],
    [SHORTCUTS.next, t('agent.sessions.nextKey')],
  ];
  return (
    <ul className="shortcut-hints" aria-label={t('agent.sessions.shortcuts')} data-testid="shortcut-hints">
      {hints.map(([key, what]) => (
        <li key={key}>
          <kbd>{key}</kbd> {what}
        </li>
      ))}
    </ul>
  );
}
