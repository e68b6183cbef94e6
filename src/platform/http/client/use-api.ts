'use client';

import useSWR, { type SWRConfiguration, type SWRResponse } from 'swr';
import { apiFetch, type ApiError } from './api-client';

/**
 * Reads from one of our API routes with SWR (cache, revalidation, dedupe).
 * Pass `null` as the URL to wait (e.g. until a search term is typed).
 * `error` is an `ApiError` carrying the envelope's code and message.
 */
export function useApi<T>(url: string | null, options?: SWRConfiguration<T, ApiError>): SWRResponse<T, ApiError> {
  return useSWR<T, ApiError>(url, (key: string) => apiFetch<T>(key), options);
}
