import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const EDIT = '/en/commitments/KE0031/edit';

describe('a form write cleans its text fields (parseForm → cleanText)', () => {
  it('stores a vertical tab pasted from Word as a line break, and no U+FFFE or control character', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const res = await submitEdit(poc, EDIT, EDIT, {
      lang: 'en', title: 'Udhibiti\u000Bwa\uFFFE data', description: 'One\u0007 line\u000Cand\u009Fanother', objectives: '', statusQuo: '',
      ambition: '', status: 'active', reason: 'Pasted\u001Ffrom Word',
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const text = await t.database.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
      .select(['x.title', 'x.description']).where('c.ogp_id', '=', 'KE0031').where('x.locale', '=', 'en').executeTakeFirstOrThrow();
    expect(text).toEqual({ title: 'Udhibiti\nwa data', description: 'One line\nandanother' });
    const change = await t.database.db.selectFrom('changes').select('reason').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(change.reason).toBe('Pasted from Word');
  });

  it('stores a textarea\'s line breaks as "\\n", so saving a text unchanged records no change', async () => {
    const poc = await signedIn(t.app, await createAccount(t.database.db, { role: 'point_of_contact' }));
    const fields = { lang: 'en', title: 'Line breaks', description: 'First line\r\nSecond line\rThird', objectives: '', statusQuo: '',
      ambition: '', status: 'active', reason: 'Typed' };
    expect((await submitEdit(poc, EDIT, EDIT, fields)).statusCode).toBe(303);
    const description = async () => (await t.database.db.selectFrom('commitment_texts as x').innerJoin('commitments as c', 'c.id', 'x.commitment_id')
      .select('x.description').where('c.ogp_id', '=', 'KE0031').where('x.locale', '=', 'en').executeTakeFirstOrThrow()).description;
    expect(await description()).toBe('First line\nSecond line\nThird');
    const changes = async () => (await t.database.db.selectFrom('changes').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await changes();
    const again = await submitEdit(poc, EDIT, EDIT, { ...fields, description: 'First line\r\nSecond line\r\nThird', reason: 'Saved again' });
    expect(again.statusCode).toBe(303);
    expect(await changes()).toBe(before);
  });
});
