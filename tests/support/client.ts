import type { FastifyInstance, InjectOptions } from 'fastify';

/** A response as tests read it. */
export interface TestResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

/**
 * A simulated browser over `app.inject`: keeps cookies, fetches and sends the CSRF token on
 * state-changing requests, and speaks the chosen language.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;
  readonly app: FastifyInstance;
  locale: 'fr' | 'en';
  /** Set to false to send state-changing requests without the CSRF token. */
  sendCsrf = true;

  constructor(app: FastifyInstance, options: { locale?: 'fr' | 'en' } = {}) {
    this.app = app;
    this.locale = options.locale ?? 'fr';
  }

  /** The value of a cookie held by this client. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets a cookie as if the server had (used by factories to sign in without a password round-trip). */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorb(setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Fetches a CSRF token (as the web app does once per page load). */
  async refreshCsrf(): Promise<string> {
    const res = await this.raw({ method: 'GET', url: '/api/csrf' });
    this.csrfToken = (res.body as { token: string }).token;
    return this.csrfToken;
  }

  /** Sends a request; JSON bodies in and out. */
  async raw<T = unknown>(options: InjectOptions & { url: string }): Promise<TestResponse<T>> {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {
      'accept-language': this.locale,
      ...(options.headers as Record<string, string> | undefined),
    };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(method) && this.sendCsrf && options.url !== '/api/csrf') {
      if (!this.csrfToken) {
        await this.refreshCsrf();
        headers.cookie = this.cookieHeader();
      }
      headers['x-csrf-token'] = this.csrfToken ?? '';
    }
    const res = await this.app.inject({ ...options, method: method as InjectOptions['method'], headers });
    this.absorb(res.headers['set-cookie']);
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, headers: res.headers, body: body as T, text: res.body };
  }

  get<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.raw<T>({ method: 'GET', url, headers });
  }
  post<T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.raw<T>({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  put<T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.raw<T>({ method: 'PUT', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch<T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.raw<T>({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete<T = unknown>(url: string, headers?: Record<string, string>) {
    return this.raw<T>({ method: 'DELETE', url, headers });
  }
}
