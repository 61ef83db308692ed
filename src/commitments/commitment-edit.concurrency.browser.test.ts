import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { signInPage } from '../../test/helpers/browser-sign-in.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';
import { submitEdit } from '../../test/helpers/edit-form.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';

const session = inBrowser();

describe('a save refused because someone else changed the record meanwhile, in a browser', () => {
  for (const locale of ['en', 'sw'] as const) {
    it(`keeps what was typed, says what happened, links the history, and saves on a second try (${locale})`, { timeout: 60_000 }, async () => {
      const { app, database, baseUrl } = session.live;
      const poc = await createAccount(database.db, { role: 'point_of_contact', name: `Pendo ${locale}` });
      const page = await newPhonePage(session.browser);
      await signInPage(page, baseUrl, poc, locale);
      const url = `/${locale}/commitments/KE0031/edit`;
      await page.goto(`${baseUrl}${url}`);
      await page.locator('#field-description').fill(`Written by the point of contact (${locale})`);

      // Meanwhile the secretariat changes the commitment's title.
      const admin = await signedIn(app, await createAccount(database.db, { role: 'administrator' }));
      const title = `Changed by the secretariat (${locale})`;
      expect((await submitEdit(admin, '/en/commitments/KE0031/edit', '/en/commitments/KE0031/edit', {
        lang: 'en', title, description: '', objectives: '', statusQuo: '', ambition: '', status: 'active', reason: '',
      })).statusCode).toBe(303);

      await page.locator('form.stack-form button[type=submit]').first().click();
      expect(new URL(page.url()).pathname).toBe(url);
      expect(await page.locator('.error-summary li').count()).toBe(1);
      expect(await page.locator('#field-description').inputValue()).toBe(`Written by the point of contact (${locale})`);
      await checkPage(page, locale);
      // The summary leads to the explanation, and its link to the history that shows the other change.
      await page.locator('.error-summary a').click();
      expect(new URL(page.url()).hash).toBe('#field-version');
      const history = await page.locator('#field-version a').getAttribute('href');
      expect(history).toBe(`/${locale}/commitments/KE0031/history`);

      // Saving again replaces it, knowingly; the history then shows both changes.
      await page.locator('form.stack-form button[type=submit]').first().click();
      expect(new URL(page.url()).searchParams.get('notice')).toBe('saved');
      await page.goto(`${baseUrl}${history}`);
      const text = await page.locator('main').innerText();
      expect(text).toContain(title);
      expect(text).toContain(`Written by the point of contact (${locale})`);
      const stored = await database.db.selectFrom('commitment_texts').innerJoin('commitments as c', 'c.id', 'commitment_texts.commitment_id')
        .select('description').where('c.ogp_id', '=', 'KE0031').where('locale', '=', 'en').executeTakeFirstOrThrow();
      expect(stored.description).toBe(`Written by the point of contact (${locale})`);
      await page.close();
    });
  }
});
