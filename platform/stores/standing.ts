import { parseJson } from './records.js';

/**
 * A request's route: its route index keys (`<language>:<skill>`, primary language subtags). An
 * agent indexed under any of them can serve it; the first is the one it joined with.
 */
export interface Route {
  keys: readonly string[];
}

/** A request whose routes cannot be read is on no route. */
export function decodeRoute(raw: string | undefined): Route {
  const keys = parseJson<unknown>(raw, []);
  return { keys: Array.isArray(keys) ? keys.map(String) : [] };
}

export interface Standing {
  position: number | null;
  state: string | null;
  route: Route;
}
