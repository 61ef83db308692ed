import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A form's fields: by name, or as name-value pairs when a name repeats (checkboxes). */
export type Fields = Record<string, string> | [string, string][];

/**
 * A browser without a browser, for `app.inject` tests of pages with forms: it keeps cookies as a browser does and
 * submits forms with the CSRF token of the page they are on.
 */
export class WebClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: this.headers(), remoteAddress: this.ip });
    this.keep(res);
    return res;
  }

  /** Posts a form as it is, with no CSRF token unless the fields carry one; pairs repeat a name (checkboxes). */
  async post(url: string, fields: Fields): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST', url, remoteAddress: this.ip,
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    this.keep(res);
    return res;
  }

  /** Opens `page`, then sends its form with `fields` and the page's CSRF token, as a person would. */
  async submit(page: string, action: string, fields: Fields): Promise<LightMyRequestResponse> {
    const opened = await this.get(page);
    const token = csrfTokenIn(opened.body);
    if (!token) throw new Error(`no form with a CSRF token on ${page} (status ${opened.statusCode})`);
    return this.post(action, Array.isArray(fields) ? [...fields, ['_csrf', token]] : { ...fields, _csrf: token });
  }

  private headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private keep(res: LightMyRequestResponse): void {
    for (const cookie of res.cookies) {
      const expired = cookie.expires !== undefined && cookie.expires.getTime() <= Date.now();
      if (cookie.value === '' || expired || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
