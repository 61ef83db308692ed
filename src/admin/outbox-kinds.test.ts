import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { loadMessages } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { OUTBOX_KIND_LABELS } from './outbox.page.tsx';

const t = useTestDatabase();

describe('the outbox’s kinds of mail', () => {
  it('each kind the migrations let the portal send has a label, in every language', async () => {
    // The kinds the outbox accepts, read from its check constraint: a migration adding a kind without a label fails here.
    const { rows } = await sql<{ definition: string }>`
      select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'outbox_kind_check'`.execute(t.db);
    const sendable = [...rows[0]!.definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]!).sort();
    expect(sendable.length).toBeGreaterThan(5);
    expect(Object.keys(OUTBOX_KIND_LABELS).sort()).toEqual(sendable);
    for (const locale of LOCALES) {
      const messages = loadMessages(locale);
      for (const kind of sendable) {
        const key = OUTBOX_KIND_LABELS[kind as keyof typeof OUTBOX_KIND_LABELS];
        expect(messages[key], `${locale} ${key}`).toMatch(/\S/);
      }
    }
  });
});
