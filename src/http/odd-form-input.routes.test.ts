import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, type WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

/** Pages whose forms an administrator can send. */
const PAGES = ['/en/commitments/KE0031/edit', '/en/commitments/KE0031/milestones/1/edit', '/en/commitments/KE0031/milestones/new',
  '/en/members/kenya/action-plans/4/commitments/new', '/en/members/kenya/action-plans/new', '/en/members/kenya/action-plans/4/edit',
  '/en/admin/invitations', '/en/account/password', '/en/reporting/rounds/new', '/en/commitments/KE0031/history', '/en/account'];

type Pairs = [string, string][];
const ODD_INPUTS: [string, (names: string[]) => Pairs][] = [
  ['every field twice', (names) => names.flatMap((n): Pairs => [[n, 'a'], [n, 'b']])],
  ['every field 200,000 characters long', (names) => names.map((n): [string, string] => [n, 'x'.repeat(200_000)])],
  ['emoji, a line break, a bidi override and a lone surrogate', (names) => names.map((n): [string, string] => [n, '😀\r\n\u202e\ud800'])],
  ['no field at all', () => []],
  ['blank fields and object-prototype names', (names) => [['__proto__', 'x'], ['constructor', 'y'], ...names.map((n): [string, string] => [n, ' '])]],
];

/** Every post form on a page but signing out: its action and the names of its fields. */
function formsOf(html: string): { action: string; names: string[] }[] {
  return [...html.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)]
    .filter(([, action]) => !action!.includes('sign-out'))
    .map(([, action, inner]) => ({
      action: action!.replaceAll('&amp;', '&'),
      names: [...new Set([...inner!.matchAll(/name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== '_csrf'))],
    }));
}

async function send(client: WebClient, page: string, action: string, fields: Pairs) {
  const token = csrfTokenIn((await client.get(page)).body)!;
  return client.post(action, [...fields, ['_csrf', token]]);
}

describe('odd input in every workspace form', () => {
  it('is refused or taken, never a server error', { timeout: 60_000 }, async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
    const failures: string[] = [];
    let sent = 0;
    for (const page of PAGES) {
      const opened = await client.get(page);
      expect(opened.statusCode, page).toBe(200);
      for (const { action, names } of formsOf(opened.body)) {
        for (const [what, fields] of ODD_INPUTS) {
          const res = await send(client, page, action, fields(names));
          sent++;
          if (res.statusCode >= 500) failures.push(`${action}, ${what}: ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(PAGES.length * ODD_INPUTS.length);
  });
});
