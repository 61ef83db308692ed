import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, type WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

// The restore button of a commitment's history posts the id of a change (`change`): one that is not an entry of
// that commitment's own history is a bad request naming the field, not a 404 saying the commitment may not exist.
let t: TestApp;
let admin: WebClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }));
});
afterAll(async () => { await t.close(); });

const HISTORY = '/en/commitments/KE0031/history';
const RESTORE = `${HISTORY}/restore`;

async function restore(change: string | undefined) {
  const token = csrfTokenIn((await admin.get(HISTORY)).body)!;
  return admin.post(RESTORE, { _csrf: token, ...(change === undefined ? {} : { change }) });
}

describe('the restore button', () => {
  it('is offered for an entry with a version before it, not for the import that created the commitment', async () => {
    const history = '/en/commitments/KE0025/history';
    const buttons = async () => ((await admin.get(history)).body.match(/name="change"/g) ?? []).length;
    expect((await admin.get(history)).body).toContain('Commitment imported');
    expect(await buttons()).toBe(0);
    expect((await submitEdit(admin, '/en/commitments/KE0025/edit', '/en/commitments/KE0025/edit', {
      lang: 'en', title: 'Beneficial ownership, renamed', status: 'active', reason: 'For the test',
    })).statusCode).toBe(303);
    expect(await buttons()).toBe(1);
  });
});

describe('restoring with a change id that is not one of the commitment', () => {
  it('answers 400 naming `change` for a malformed, missing, unknown or foreign id, and writes nothing', async () => {
    const db = t.database.db;
    // An entry of another commitment's history, and one of a milestone of this one (restored only as the commitment's).
    expect((await submitEdit(admin, '/en/commitments/KE0024/edit', '/en/commitments/KE0024/edit', {
      lang: 'en', title: 'A Treasury title', status: '', reason: 'For the test',
    })).statusCode).toBe(303);
    const milestoneUrl = '/en/commitments/KE0031/milestones/1/edit';
    const form = (await admin.get(milestoneUrl)).body;
    const value = (name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(form)?.[1] ?? '';
    expect((await submitEdit(admin, milestoneUrl, milestoneUrl, {
      lang: 'en', text: 'A milestone text to change', declaredStatus: '', start: value('start'), end: value('end'), reason: '',
    })).statusCode).toBe(303);
    const foreign = await db.selectFrom('changes').innerJoin('commitments as c', 'c.id', 'changes.commitment_id').select('changes.id')
      .where('c.ogp_id', '=', 'KE0024').where('command', '=', 'edit_commitment').executeTakeFirstOrThrow();
    const ofMilestone = await db.selectFrom('changes').select('id').where('command', '=', 'edit_milestone').executeTakeFirstOrThrow();

    const before = await rowCounts(db);
    for (const change of ['abc', '', ' ', '1.5', '-1', '1e3', '9'.repeat(19), '999999999999999999', foreign.id, ofMilestone.id, undefined]) {
      const res = await restore(change);
      expect(res.statusCode, String(change)).toBe(400);
      // Named as the form's field (the error page's wording, or the error's own message in `<code>`).
      expect(res.body, String(change)).toMatch(/<code>change(: [^<]+)?<\/code>/);
      expect(res.body, String(change)).not.toContain('another identifier');
    }
    expect(await rowCounts(db)).toEqual(before);
  });

  it('still restores an entry of the commitment', async () => {
    const edit = await submitEdit(admin, '/en/commitments/KE0031/edit', '/en/commitments/KE0031/edit', {
      lang: 'en', title: 'A title to restore away', status: 'active', reason: 'For the test',
    });
    expect(edit.statusCode).toBe(303);
    const change = await t.database.db.selectFrom('changes').innerJoin('commitments as c', 'c.id', 'changes.commitment_id').select('changes.id')
      .where('c.ogp_id', '=', 'KE0031').where('command', '=', 'edit_commitment').orderBy('changes.id', 'desc').executeTakeFirstOrThrow();
    const res = await restore(change.id);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HISTORY}?notice=restored`);
  });
});
