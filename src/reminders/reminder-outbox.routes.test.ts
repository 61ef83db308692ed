import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { insertReminderWorld, insertRound } from '../../test/helpers/reminder-data.ts';
import { signedIn } from '../../test/helpers/sign-in.ts';
import { createAccount } from '../accounts/account.factories.ts';
import { createMailer } from '../mail/mailer.ts';
import { runReminderChecks } from './run-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const world = await insertReminderWorld(t.database.db);
  await insertRound(t.database.db, world.planId, '2026 Q4', new Date('2026-11-26T23:59:59.999Z'));
  const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'x' });
  await runReminderChecks({ db: t.database.db, mailer, baseUrl: 'https://ahadi.example.org' }, new Date('2026-11-24T10:00:00Z'));
});
afterAll(async () => { await t.close(); });

describe('GET /{locale}/admin/outbox with reminders', () => {
  it('names the kind of each message in the reader’s language and shows the reminder’s text', async () => {
    const client = await signedIn(t.app, await createAccount(t.database.db, { role: 'administrator' }), { locale: 'es' });
    const page = await client.get('/es/admin/outbox');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dt>Tipo</dt><dd>Recordatorio: se acerca el plazo de un ciclo</dd>');
    expect(page.body).toContain('<dt>Tipo</dt><dd>Recordatorio: un hito ha superado su fecha de fin</dd>');
    // The messages themselves are in their recipients' languages.
    expect(page.body).toContain('Le jalon 2 de RM0001 a dépassé sa date de fin');
    expect(page.body).toContain('https://ahadi.example.org/sw/reporting/rounds/');
  });
});
