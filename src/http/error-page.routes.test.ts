import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, createEvidenceApp, multipartBody, UPLOAD_ROUTE, type EvidenceApp } from '../../test/helpers/evidence-data.ts';
import { rowCounts } from '../../test/helpers/database.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { csrfTokenIn, WebClient } from '../../test/helpers/web-client.ts';
import { createAccount } from '../accounts/account.factories.ts';

let t: EvidenceApp;
beforeAll(async () => { t = await createEvidenceApp(); });
afterAll(async () => { await t.close(); });

/** The page's main part, without the header and footer every page has, nor the spans a message's parts sit in. */
const main = (html: string) => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html).replace(/<\/?span>/g, '');

describe('an error page for a refused form', () => {
  it('says in the page language that a form had too many fields, and how many are accepted (it said "reach fields limit")', async () => {
    const client = new WebClient(t.app);
    const token = csrfTokenIn((await client.get('/fr/sign-in')).body)!;
    const { payload, contentType } = multipartBody(Array.from({ length: 61 }, (_, i) => ({ name: `field${i}`, value: 'x' })));
    const send = (language: string) => t.app.inject({
      method: 'POST', url: `${UPLOAD_ROUTE}?_csrf=${encodeURIComponent(token)}`, payload,
      headers: { 'content-type': contentType, cookie: cookieHeader(client), 'accept-language': language },
    });
    const fr = await send('fr');
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('<html lang="fr"');
    expect(main(fr.body)).toContain('<h1>Ce formulaire n’a pas pu être lu</h1>');
    expect(main(fr.body)).toContain('Le formulaire envoyé compte trop de champs : 50 au plus sont acceptés.');
    expect(main(fr.body)).not.toMatch(/limit|adresse|<code>/);
    const en = await send('en');
    expect(main(en.body)).toContain('The form sent has too many fields: at most 50 are accepted.');
    expect(main(en.body)).toContain('<code>unreadable form: reach fields limit</code>'); // English pages keep the detail
  });

  it('says an oversized form is too large, as a form, in French, with Fastify\'s 413', async () => {
    const before = await rowCounts(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/fr/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${'x'.repeat(1_100_000)}` });
    expect(res.statusCode).toBe(413);
    expect(main(res.body)).toContain('Le formulaire envoyé est trop volumineux.');
    expect(main(res.body)).toContain('Rien n’a été enregistré.');
    expect(main(res.body)).not.toMatch(/Request body|adresse/);
    expect(await rowCounts(t.database.db)).toEqual(before);
  });

  it('names a form field the database cannot store, in the page language', async () => {
    const admin = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }), { locale: 'es' });
    const res = await admin.submit('/es/commitments/KE0031/edit', '/es/commitments/KE0031/edit',
      { lang: 'en', title: 'Build\u0000 support', status: '', reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(main(res.body)).toContain('El campo <code>title</code> contiene un valor que no se puede aceptar.');
    expect(main(res.body)).not.toContain('U+0000');
  });
});

describe('an error page for a refused address', () => {
  it('names the list\'s parameter in the page language and leads back to the list (it showed zod\'s English)', async () => {
    const cases: [string, string, string][] = [
      ['/fr/commitments?from=2020&to=2019', 'La valeur de <code>from</code> dans l’adresse n’est pas valide', 'Repartir de la liste des engagements'],
      ['/sw/commitments?from=2010', 'Thamani ya <code>from</code> katika anwani si sahihi', 'Anza upya kutoka kwenye orodha ya ahadi'],
      ['/es/commitments?page=0', 'El valor de <code>page</code> en la dirección no es válido', 'Volver a empezar desde la lista de compromisos'],
      ['/fr/commitments/download.csv?irm=bogus', 'La valeur de <code>irm</code>', 'Repartir de la liste des engagements'],
    ];
    for (const [url, says, back] of cases) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      const locale = url.split('/')[1]!;
      expect(main(res.body), url).toContain(says);
      expect(main(res.body), url).toContain(`<a href="/${locale}/commitments">${back}</a>`);
      expect(main(res.body), url).not.toMatch(/is after|Too small|expected|Invalid|formulaire|form\b/);
    }
  });

  it('leads home from an address that is not the list\'s, and keeps English detail on English pages only', async () => {
    const fr = await t.app.inject('/fr/members/kenya?x=a%00');
    expect(fr.statusCode).toBe(400);
    expect(main(fr.body)).toContain('La valeur de <code>x</code> dans l’adresse');
    expect(main(fr.body)).toContain('<a href="/fr/">Aller à la page d’accueil</a>');
    expect(main(fr.body)).not.toContain('U+0000');
    const en = await t.app.inject('/en/commitments?from=2020&to=2019');
    expect(main(en.body)).toContain('The value of <code>from</code> in the address is not valid, or is outside the values accepted.');
    expect(main(en.body)).toContain('<code>from: from is after to</code>');
  });
});
