import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { saveCommitmentRecord } from './save-commitment-record.ts';
import { demoCommitments } from '../demo/demo-data.ts';

/**
 * A translation that gives only some parts of the prose (the demo's KE0031: French has a title, description and
 * objectives; Spanish and Swahili a title and description): the other parts are shown in English, marked so.
 */
const institutionalSupport = demoCommitments.find((c) => c.ogpId === 'KE0031')!;
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const body = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** The HTML from a heading's id to the next heading. */
const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`)).split(/<h[23] /)[0]!;

describe('a commitment page in a language with a partial translation', () => {
  it('shows the French parts, and the status quo and ambition in English, each with a short French note', async () => {
    const html = await body('/fr/commitments/KE0031');
    expect(section(html, 'objectives')).toContain('<ul class="prose" lang="fr">');
    expect(section(html, 'objectives')).not.toContain('class="note"');
    for (const [id, start] of [['status-quo', 'Government took a larger part'], ['ambition', 'After the pandemic']] as const) {
      const part = section(html, id);
      expect(part).toContain('<p class="note">Pas encore traduit\u202f: affiché en anglais.</p>');
      expect(part).toContain(`<div class="prose" lang="en"><p>${start}`);
    }
    expect(html.match(/class="note"/g)).toHaveLength(2);
  });

  it('shows the objectives too in Spanish and Swahili pages, in English, noted in the page language', async () => {
    const es = await body('/es/commitments/KE0031');
    expect(section(es, 'description')).toContain('<div class="prose" lang="es"><p>Arraigar el proceso');
    expect(section(es, 'objectives')).toContain('<p class="note">Aún sin traducir: se muestra en inglés.</p>');
    expect(section(es, 'objectives')).toContain('<ul class="prose" lang="en"><li>Keep a written record');
    expect(section(es, 'ambition')).toContain('lang="en"');
    const sw = await body('/sw/commitments/KE0031');
    expect(section(sw, 'objectives')).toContain('<p class="note">Bado halijatafsiriwa: linaonyeshwa kwa Kiingereza.</p>');
    expect(section(sw, 'status-quo')).toContain('<div class="prose" lang="en">');
    expect(sw.match(/class="note"/g)).toHaveLength(3);
  });

  it('shows no note on the page in the language every part exists in', async () => {
    expect(await body('/en/commitments/KE0031')).not.toContain('class="note"');
  });

  it('shows a translated part at once: it changes the version of the cached page', async () => {
    const before = await body('/fr/commitments/KE0031');
    expect(section(before, 'ambition')).toContain('lang="en"');
    const fr = { ...institutionalSupport.texts.fr!, ambition: 'Après la pandémie, reconstruire des institutions plus ouvertes.' };
    await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, { ...institutionalSupport, texts: { ...institutionalSupport.texts, fr } }));
    const after = await body('/fr/commitments/KE0031');
    expect(section(after, 'ambition')).toContain('<div class="prose" lang="fr"><p>Après la pandémie');
    expect(section(after, 'ambition')).not.toContain('class="note"');
    await t.database.db.transaction().execute((trx) => saveCommitmentRecord(trx, institutionalSupport));
  });
});
