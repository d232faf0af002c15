import type { ErrorBody } from '@lifeline/core/protocol/domain.js';

/** A coded API error, as the server sends it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  options: { method?: string; token?: string; body?: unknown; raw?: Blob; contentType?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? options.raw.type;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as Partial<ErrorBody>;
  if (!response.ok)
    throw new ApiError(
      response.status,
      data.error?.code ?? 'LIFELINE_INTERNAL',
      data.error?.message ?? response.statusText,
    );
  return data as T;
}

/** Fetches an authorised media file into an object URL an <audio> can play. */
export async function mediaUrl(path: string, token: string): Promise<string> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError(response.status, 'LIFELINE_NOT_FOUND', 'media not available');
  return URL.createObjectURL(await response.blob());
}
