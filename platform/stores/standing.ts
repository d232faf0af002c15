/**
 * A request's route: its route index keys (`<language>:<skill>`, primary language subtags). An
 * agent indexed under any of them can serve it; the first is the one it joined with.
 */
export interface Route {
  keys: readonly string[];
}

export function decodeRoute(raw: string | undefined): Route {
  try {
    const keys: unknown = JSON.parse(raw ?? '');
    if (Array.isArray(keys) && keys.length > 0) return { keys: keys.map(String) };
  } catch {
    // fall through: a request written without routes is on no route
  }
  return { keys: [] };
}

export interface Standing {
  position: number | null;
  state: string | null;
  route: Route;
}
