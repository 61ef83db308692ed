import { describe, expect, it } from 'vitest';
import { checkPage, newPhonePage } from '../../test/helpers/browser.ts';
import { inBrowser } from '../../test/helpers/browser-session.ts';

const session = inBrowser();

describe('error pages of refused requests in a browser', () => {
  it('names the list\'s parameter in French and leads back to the list, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    const res = await page.goto(`${session.live.baseUrl}/fr/commitments?from=2020&to=2019`);
    expect(res?.status()).toBe(400);
    await checkPage(page, 'fr');
    expect(await page.locator('main').innerText()).toContain('La valeur de from dans l’adresse n’est pas valide');
    await page.getByRole('link', { name: 'Repartir de la liste des engagements' }).click();
    expect(new URL(page.url()).pathname).toBe('/fr/commitments');
  });

  it('says in Swahili that a form was too large, keeping Fastify\'s 413, accessibly', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(`${session.live.baseUrl}/sw/sign-in`);
    // A form over Fastify's 1 MB body limit (a text pasted into a field), refused before any route reads it.
    const [response] = await Promise.all([page.waitForNavigation(), page.evaluate(() => {
      const form = document.createElement('form');
      Object.assign(form, { method: 'post', action: '/sw/sign-in' });
      const field = Object.assign(document.createElement('input'), { name: 'email', value: 'x'.repeat(1_100_000) });
      form.append(field);
      document.body.append(form);
      form.submit();
    })]);
    expect(response?.status()).toBe(413);
    await checkPage(page, 'sw');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Fomu iliyotumwa ni kubwa mno.');
    expect(text).not.toContain('Request body is too large');
  });
});
