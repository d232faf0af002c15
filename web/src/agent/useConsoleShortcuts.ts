import { useEffect, useRef } from 'react';
import type { DeskSession, Offer } from './useAgentSession.js';

/** The keys, as `aria-keyshortcuts` spells them, for the hints and the buttons they press. */
export const SHORTCUTS = {
  accept: 'Alt+A',
  decline: 'Alt+D',
  next: 'Alt+PageDown',
  previous: 'Alt+PageUp',
} as const;

/** The tab a digit key picks: Alt+1 … Alt+9 for the first nine. */
export const tabShortcut = (index: number) => (index < 9 ? `Alt+${index + 1}` : undefined);

/** The tab's button, where the keyboard's focus follows a switch so a screen reader says which. */
export const tabId = (sessionId: string) => `session-tab-${sessionId}`;

interface Desk {
  offers: Offer[];
  sessions: DeskSession[];
  focused: DeskSession | null;
  accept: (offer: Offer) => void;
  decline: (offer: Offer) => void;
  focus: (sessionId: string) => void;
}

/**
 * The console's keyboard: Alt+A and Alt+D answer the oldest offer, Alt+1…9 pick a session's tab and
 * Alt+PageDown / Alt+PageUp step through them. Keys are read by their physical position (`code`),
 * so Alt+A is the same key on every layout, and macOS's Option characters are never typed.
 */
export function useConsoleShortcuts(desk: Desk) {
  // One listener for the page's life, reading the desk as it is when a key is pressed.
  const latest = useRef(desk);
  latest.current = desk;
  useEffect(() => {
    const desk = () => latest.current;
    const switchTo = (session: DeskSession | undefined) => {
      if (!session) return;
      desk().focus(session.sessionId);
      document.getElementById(tabId(session.sessionId))?.focus();
    };
    const step = (by: number) => {
      const { sessions, focused } = desk();
      const at = sessions.findIndex((s) => s.sessionId === focused?.sessionId);
      switchTo(sessions[(at + by + sessions.length) % sessions.length]);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const { offers, sessions, accept, decline } = desk();
      const [offer] = offers;
      const digit = /^Digit([1-9])$/.exec(event.code);
      if (event.code === 'KeyA' && offer) accept(offer);
      else if (event.code === 'KeyD' && offer) decline(offer);
      else if (digit) switchTo(sessions[Number(digit[1]) - 1]);
      else if (event.code === 'PageDown') step(1);
      else if (event.code === 'PageUp') step(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
