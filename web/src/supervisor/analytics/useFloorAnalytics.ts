import type { AnalyticsReply, TrendsReply } from '@lifeline/core/protocol/analytics.js';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api.js';
import { LifelineSocket } from '../../shared/socket.js';

export type WindowChoice =
  { window: '15m' | 'today'; tz: string } | { window: 'range'; from: string; to: string; tz: string };

/** Buckets move on with the clock even when nothing happens: the short windows refetch this often too. */
const TICK_MS = 60_000;

export function analyticsQuery(choice: WindowChoice): string {
  const params = new URLSearchParams({ window: choice.window, tz: choice.tz });
  if (choice.window === 'range') {
    params.set('from', choice.from);
    params.set('to', choice.to);
  }
  return params.toString();
}

/** The days trends cover: the chosen range, or the week up to today. */
export function trendsQuery(choice: WindowChoice, today: string, weekAgo: string): string {
  const range = choice.window === 'range' ? choice : { from: weekAgo, to: today };
  return new URLSearchParams({ from: range.from, to: range.to, tz: choice.tz }).toString();
}

/**
 * The analytics of a window, kept live: refetched when the server says the figures changed
 * (`analytics.changed` on a listen-only socket, at most once per its interval) and every minute.
 */
export function useFloorAnalytics(token: string, choice: WindowChoice, trendsDays: string) {
  const [report, setReport] = useState<AnalyticsReply | null>(null);
  const [trends, setTrends] = useState<TrendsReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = analyticsQuery(choice);

  const load = useCallback(() => {
    const failed = (caught: Error) => setError(caught.message);
    void api<AnalyticsReply>(`/v1/supervisor/analytics?${query}`, { token }).then((next) => {
      setError(null);
      setReport(next);
    }, failed);
    void api<TrendsReply>(`/v1/supervisor/analytics/trends?${trendsDays}`, { token }).then(setTrends, failed);
  }, [token, query, trendsDays]);

  useEffect(() => {
    load();
    const socket = new LifelineSocket(token, '&watch=floor');
    const stop = socket.on((frame) => {
      if (frame.type === 'analytics.changed') load();
    });
    const timer = choice.window === 'range' ? null : setInterval(load, TICK_MS);
    return () => {
      stop();
      socket.close();
      if (timer) clearInterval(timer);
    };
  }, [token, load, choice.window]);

  return { report, trends, error };
}
