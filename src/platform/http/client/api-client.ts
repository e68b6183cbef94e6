'use client';

import { CSRF_HEADER, isStateChangingMethod } from '../csrf';
import type { ErrorCode, ErrorEnvelope, ErrorPayload, FieldErrors } from '../errors';
import { getClientCsrfToken, refreshCsrfToken } from './csrf-token-provider';

/** An API error response, with the envelope's code, message and field errors. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;
  readonly requestId?: string;
  constructor(payload: Pick<ErrorPayload, 'code' | 'status' | 'message'> & Partial<ErrorPayload>) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.status = payload.status;
    this.fieldErrors = payload.fieldErrors;
    this.requestId = payload.requestId;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorEnvelope> | null;
  if (body?.error?.code) return new ApiError(body.error);
  return new ApiError({
    code: response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
    status: response.status,
    message: response.statusText || 'Request failed',
  });
}

/**
 * fetch() for our API routes: sends the CSRF token on state-changing methods,
 * encodes a `json` body, parses the JSON answer, and throws `ApiError` with the
 * envelope's code and message on failure. A stale CSRF token is refreshed and
 * the request retried once.
 */
export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const method = (rest.method ?? (json === undefined ? 'GET' : 'POST')).toUpperCase();

  const send = (token: string | null) => {
    const headers = new Headers(rest.headers);
    headers.set('accept', 'application/json');
    if (json !== undefined) headers.set('content-type', 'application/json');
    if (isStateChangingMethod(method) && token) headers.set(CSRF_HEADER, token);
    return fetch(url, {
      ...rest,
      method,
      headers,
      credentials: 'same-origin',
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  };

  let response = await send(getClientCsrfToken());
  if (response.status === 403 && isStateChangingMethod(method)) {
    const error = await toApiError(response.clone());
    if (error.code === 'CSRF_TOKEN_INVALID') {
      const fresh = await refreshCsrfToken();
      if (fresh) response = await send(fresh);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
