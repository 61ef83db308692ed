import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { person } from '../../test/helpers/reporting-data.ts';
import { intlFor } from '../i18n/intl.ts';
import { ratingLabel } from '../irm/irm-review.view.tsx';
import { MilestoneName } from '../reporting/reporting-view.tsx';
import { withdrawCommitment } from './commands/withdraw-commitment.ts';

/**
 * "Label: value" is written as each language writes it: French puts a narrow no-break space (U+202F) before the
 * colon, English, Spanish and Swahili none. The pages take the punctuation from the messages, never a literal ": ".
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = (await person(t.database.db, 'administrator')).user;
  expect(await withdrawCommitment(t.database.db, admin, 'KE0027', { reason: 'Fusionné avec KE0031' })).toMatchObject({ ok: true });
});
afterAll(async () => { await t.close(); });

const html = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe('a label followed by its value', () => {
  it("gives a change's reason in the history with each language's colon", async () => {
    expect(await html('/fr/commitments/KE0027/history')).toContain('<strong>Motif de la modification\u202f:</strong> <span>Fusionné avec KE0031</span>');
    expect(await html('/en/commitments/KE0027/history')).toContain('<strong>Reason for the change:</strong> <span>Fusionné avec KE0031</span>');
  });

  it("names the IRM ratings offered as filters with each language's colon", async () => {
    expect(await html('/fr/commitments?all=irm')).toContain('<span>Achèvement\u202f: Limité</span>');
    expect(await html('/en/commitments?all=irm')).toContain('<span>Completion: Limited</span>');
    expect(ratingLabel(intlFor('es'), 'completion:no_data')).not.toMatch(/\u202f/);
  });

  it("names a milestone and its text, in reporting pages, with each language's colon", () => {
    const m = { ogpId: 'KE0031', number: 1, text: 'Write a guidance note', textLocale: 'en' };
    expect(MilestoneName({ intl: intlFor('fr'), m })).toBe('<span>KE0031, jalon 1\u202f:</span> <span lang="en">Write a guidance note</span>');
    expect(MilestoneName({ intl: intlFor('sw'), m: { ...m, textLocale: 'sw' } })).toMatch(/^<span>[^<]*1:<\/span> <span>Write/);
    expect(MilestoneName({ intl: intlFor('en'), m: { ...m, text: null } })).toBe('<span>KE0031, milestone 1</span>');
  });
});
