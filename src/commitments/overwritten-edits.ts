import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { intlFor } from '../i18n/intl.ts';

type Trx = Transaction<Database>;

/**
 * What an import is about to overwrite of changes made in Ahadi (an edit, a withdrawal, a restore, a re-planned
 * milestone, a record created in the workspace) since the record's last import. The record hash says only whether
 * the source's row changed, so a row left as it was reports "unchanged" and keeps the edit; the next file that
 * changes any cell of that row puts the source's values back over it, which only the history showed, afterwards.
 * This names, per commitment or milestone, the fields the import overwrites that such a change set, with the change,
 * who made it and when, so that the person importing can decide before the real run (the dry run says the same).
 * Nothing saved depends on it. Must run before the import records its own entries (they become the "last import").
 */

/** A stored record an import changes, with the `after` of the history entry the import is about to record. */
export type ImportedRecord = { entityId: string; after: Record<string, unknown> };

/** What each kind of record is imported by: the entries after which a change was made "in Ahadi". */
const IMPORT_COMMANDS = {
  commitment: ['import_commitment'],
  milestone: ['import_milestone', 'remove_milestone_by_import'],
} as const;

/**
 * For each record whose imported fields include some that a workspace change set since its last import: those
 * fields, under the latest change that set each ("description (en): "Commitment edited" by Amani Admin, 2026-11-28
 * 09:12 UTC, reason "typo""), by entity id. One query for the batch.
 */
export async function overwrittenEdits(trx: Trx, entityType: keyof typeof IMPORT_COMMANDS, records: readonly ImportedRecord[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (records.length === 0) return found;
  const changes = await workspaceChangesSinceImport(trx, entityType, records.map((r) => r.entityId));
  for (const record of records) {
    const overwritten = overwrittenBy(changes.get(record.entityId) ?? [], new Set(fieldValues(record.after).keys()));
    if (overwritten.length > 0) found.set(record.entityId, overwritten.map(describe).join('; '));
  }
  return found;
}

const OVERWRITES = 'this import overwrites what was changed in Ahadi since its last import';

/** The warning on an import's row: `what` is the record in users' words ("KE0031", "KE0031 milestone 3"). */
export function overwriteWarning(what: string, detail: string): string {
  return `${what}: ${OVERWRITES} — ${detail}. The history keeps the version it replaces.`;
}


type WorkspaceChange = {
  command: string; occurredAt: Date; actorName: string | null; institutionName: string | null; reason: string | null;
  before: Record<string, unknown>; after: Record<string, unknown>;
};

/**
 * The changes of each record made since its last import entry (all of them when no import recorded one), newest
 * first. Ids rather than times: every write of a record holds its commitment's row, so ids follow the order of its
 * changes even within one millisecond (as edit-version.ts relies on).
 */
async function workspaceChangesSinceImport(trx: Trx, entityType: keyof typeof IMPORT_COMMANDS, ids: string[]): Promise<Map<string, WorkspaceChange[]>> {
  const imports = [...IMPORT_COMMANDS[entityType]];
  const rows = await sql<{
    entity_id: string; command: string; occurred_at: Date; actor_name: string | null; institution_name: string | null; reason: string | null;
    before: Record<string, unknown>; after: Record<string, unknown>;
  }>`
    select ch.entity_id, ch.command, ch.occurred_at, a.name as actor_name, i.name as institution_name, ch.reason, ch.before, ch.after
    from changes ch
    left join accounts a on a.id = ch.actor_id
    left join institutions i on i.id = ch.actor_institution_id
    where ch.entity_type = ${entityType} and ch.entity_id = any(${ids}::bigint[]) and ch.command <> all(${imports}::text[])
      and ch.id > coalesce((select max(l.id) from changes l
        where l.entity_type = ch.entity_type and l.entity_id = ch.entity_id and l.command = any(${imports}::text[])), 0)
    order by ch.id desc`.execute(trx);
  const byRecord = new Map<string, WorkspaceChange[]>();
  for (const r of rows.rows) {
    const changes = byRecord.get(r.entity_id) ?? byRecord.set(r.entity_id, []).get(r.entity_id)!;
    changes.push({ command: r.command, occurredAt: r.occurred_at, actorName: r.actor_name, institutionName: r.institution_name, reason: r.reason, before: r.before, after: r.after });
  }
  return byRecord;
}

/**
 * A field of a history entry: a listed field (`end`), one field of one language's text (`texts.en.title`), or a
 * milestone's text in one language (`texts.en`).
 */
type Field = string;

/** The fields an entry sets, each with its value (a language's text that was missing: null). */
function fieldValues(snapshot: Record<string, unknown>): Map<Field, unknown> {
  const values = new Map<Field, unknown>();
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === 'recordHash' || key === 'restoredFrom' || key === 'number') continue;
    if (key !== 'texts') {
      values.set(key, value);
      continue;
    }
    for (const [locale, text] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (text === null || typeof text !== 'object') values.set(`texts.${locale}`, text);
      else for (const [field, fieldValue] of Object.entries(text)) values.set(`texts.${locale}.${field}`, fieldValue);
    }
  }
  return values;
}

/**
 * The fields a change really changed: an edit stores a language's whole text, so a field equal before and after
 * (the title, when only the description was edited) is not one of them.
 */
function changedFields(change: WorkspaceChange): Field[] {
  const before = fieldValues(change.before);
  return [...fieldValues(change.after)].filter(([field, value]) => JSON.stringify(before.get(field) ?? null) !== JSON.stringify(value ?? null))
    .map(([field]) => field);
}

type Overwritten = { change: WorkspaceChange; fields: Field[] };

/** Each overwritten field under the latest change that set it (the value the import replaces), newest change first. */
function overwrittenBy(changes: readonly WorkspaceChange[], imported: ReadonlySet<Field>): Overwritten[] {
  const claimed = new Set<Field>();
  return changes.flatMap((change) => {
    const fields = changedFields(change).filter((field) => imported.has(field) && !claimed.has(field));
    fields.forEach((field) => claimed.add(field));
    return fields.length > 0 ? [{ change, fields }] : [];
  });
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  status: 'status', numberInPlan: 'number', start: 'start date', end: 'end date', leadInstitution: 'lead institution',
  supportingInstitutions: 'supporting institutions', policyAreas: 'policy areas', declaredStatus: 'declared status',
  title: 'title', description: 'description', objectives: 'objectives', statusQuo: 'status quo', ambition: 'ambition',
};

/** "end date", "title (fr)", a milestone's "text (fr)". */
function fieldName(field: Field): string {
  const [key, locale, textField] = field.split('.');
  if (locale === undefined) return FIELD_NAMES[key!] ?? key!;
  return `${textField === undefined ? 'text' : FIELD_NAMES[textField] ?? textField} (${locale})`;
}

// The history's words for each command (in English, the importers' language), so the entry is easy to find there.
const english = intlFor('en');

function describe({ change, fields }: Overwritten): string {
  const who = change.actorName === null ? '' : ` by ${change.actorName}${change.institutionName === null ? '' : ` (${change.institutionName})`}`;
  const when = `${change.occurredAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const why = change.reason === null ? '' : `, reason "${change.reason}"`;
  return `${fields.map(fieldName).join(', ')}: "${english.t(`history.command.${change.command}`)}"${who}, ${when}${why}`;
}
