import createClient from 'openapi-fetch';
import type { paths } from './api-types.ts';
import { currentLanguage } from './i18n.ts';

/** Every API path, as generated from the server's OpenAPI document (npm run api:generate). */
export type ApiPaths = paths;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a successful answer of one operation. */
export type ApiData<P extends keyof ApiPaths, M extends Method> =
  ApiPaths[P] extends Record<M, { responses: infer R }>
    ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]>
    : never;

/** A field problem of a validation error (`error.details.fields`). */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** An error answered by the API (or a network failure, status 0), with its message in the person's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly fields: FieldProblem[];

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = fieldsOf(details);
  }
}

function fieldsOf(details: unknown): FieldProblem[] {
  if (typeof details !== 'object' || details === null || !('fields' in details)) return [];
  const fields = (details as { fields: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is FieldProblem =>
      typeof f === 'object' && f !== null && typeof (f as FieldProblem).field === 'string' && 'message' in f,
  );
}

let csrfToken: Promise<string> | undefined;

/** The CSRF token of this browser session, asked once and again after the server refuses it. */
function csrf(refresh = false): Promise<string> {
  if (refresh || !csrfToken) {
    csrfToken = fetch('/api/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`csrf ${response.status}`);
        const body = (await response.json()) as { token: string };
        return body.token;
      })
      .catch((error: unknown) => {
        csrfToken = undefined;
        throw error;
      });
  }
  return csrfToken;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const body = (await response.clone().json()) as { error?: { code?: string } };
    return body.error?.code === 'csrf.invalid';
  } catch {
    return false;
  }
}

/** Sends one request with the language and, when it changes state, the CSRF token; retries once on a stale token. */
async function send(request: Request): Promise<Response> {
  const retry = request.clone();
  const prepare = async (r: Request, refresh: boolean): Promise<Request> => {
    const headers = new Headers(r.headers);
    headers.set('Accept-Language', currentLanguage());
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (!SAFE.has(r.method)) headers.set('X-CSRF-Token', await csrf(refresh));
    return new Request(r, { headers, credentials: 'same-origin' });
  };
  const response = await fetch(await prepare(request, false));
  if (SAFE.has(request.method) || !(await isCsrfRefusal(response))) return response;
  return fetch(await prepare(retry, true));
}

/** The typed API client. */
export const api = createClient<ApiPaths>({ baseUrl: '', fetch: send, credentials: 'same-origin' });

/** Forgets the CSRF token (after sign-in or sign-out the server ties a new one to the new session). */
export function resetCsrf(): void {
  csrfToken = undefined;
}

/**
 * Awaits an API call and returns its data, or throws an ApiError carrying the server's message.
 * Network failures become status 0 with code `network`.
 */
export async function call<D>(
  request: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const { data, error, response } = result;
  if (response.ok) return data as D;
  const body = (error ?? {}) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  const code = typeof body.error?.code === 'string' ? body.error.code : `http.${response.status}`;
  const message = typeof body.error?.message === 'string' ? body.error.message : '';
  throw new ApiError(response.status, code, message, body.error?.details);
}
