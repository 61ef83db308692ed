import type { Db } from '../db/connect.ts';
import type { OutboxKind } from '../db/schema.ts';

export type OutboxMessage = {
  id: string; kind: OutboxKind; to: string; subject: string; body: string; status: 'held' | 'queued' | 'sent' | 'failed';
  createdAt: Date; sentAt: Date | null; error: string | null;
};

/** The latest messages, newest first. */
export async function listOutbox(db: Db, limit = 100): Promise<OutboxMessage[]> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, kind: r.kind, to: r.to_address, subject: r.subject, body: r.body_text, status: r.status,
    createdAt: r.created_at, sentAt: r.sent_at ? new Date(r.sent_at) : null, error: r.error,
  }));
}
