import type { FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { Transaction } from 'kysely';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { AppError, type BodyProblem } from '../http/errors.ts';
import type { FieldError, FieldErrors } from '../http/form.ts';
import { discard, keep, receive } from './evidence-store.ts';
import { acceptedMediaType } from './evidence-type.ts';
import { cleanFileName } from './file-name.ts';

/**
 * Evidence forms: multipart bodies whose files are hashed and checked while they arrive (decision 014). An accepted
 * file waits in the store's temporary folder (`tmpPath`) until the caller's command records it, which moves it into
 * the store in the same transaction; `discardUnrecorded` removes what the command did not take. So a refused form
 * (a field in error, the upload quota) leaves nothing on disk, and every stored file counts in the quota.
 */
export type StoredUpload = {
  field: string; fileName: string; sha256: string; sizeBytes: number; mediaType: string;
  /** Where the file waits to be recorded; none for a file already in the store. */
  tmpPath?: string;
};
export type EvidenceForm = { values: Record<string, string[]>; files: StoredUpload[]; errors: FieldErrors };

export const MAX_FILES = 10;
const MAX_FIELDS = 50;
/**
 * The bytes kept of a text field: more than 3 bytes (the most UTF-8 spends on one UTF-16 unit, which a text's length
 * counts) times the longest text an evidence form takes (a report's 10,000 characters), so a value cut at this size is
 * always longer than its field allows and the form's schema refuses it, saying the field's own limit.
 */
const FIELD_BYTES = 40 * 1024;

/**
 * The options of @fastify/multipart, given when the server starts: the limits of every multipart body, and an
 * oversize file reported on the file (`truncated`) rather than thrown, so the form names the field and keeps the rest.
 */
export const multipartOptions = (config: Config) => ({
  limits: { fileSize: config.uploadMaxBytes, files: MAX_FILES, fields: MAX_FIELDS, fieldSize: FIELD_BYTES, parts: MAX_FILES + MAX_FIELDS },
  throwFileSizeLimit: false,
});

/**
 * Consumes a multipart/form-data request: text fields into `values` (repeated names keep every value, in order), each
 * non-empty file streamed to the store's temporary folder (hashing while writing, size limit enforced while
 * streaming, type checked from the content) to wait for `recordEvidenceFile`; a refused file becomes an error under
 * its field name ('evidence.error.tooLarge' with the limit as `{ max }` | 'evidence.error.type' | 'evidence.error.tooMany' |
 * 'evidence.error.empty') and is not kept. A text value longer than `FIELD_BYTES` is kept cut short, for the form's
 * schema to refuse. A form posted url-encoded (no file chosen, no JavaScript needed) gives its values and no files.
 */
export async function readEvidenceForm(request: FastifyRequest, config: Config): Promise<EvidenceForm> {
  const form: EvidenceForm = { values: {}, files: [], errors: {} };
  if (!request.isMultipart()) {
    for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
      const strings = [value].flat().filter((v): v is string => typeof v === 'string');
      if (strings.length > 0) form.values[name] = strings;
    }
    return form;
  }
  let lastFileField = 'form';
  try {
    for await (const part of request.parts() as AsyncIterable<Multipart>) {
      if (part.type === 'field') {
        // PostgreSQL text cannot hold U+0000; other bodies are refused for it before their handler (nul-character-guard).
        if (typeof part.value === 'string' && part.value.includes('\u0000')) form.errors[part.fieldname] ??= 'form.error.invalid';
        else if (typeof part.value === 'string') (form.values[part.fieldname] ??= []).push(part.value);
        continue;
      }
      lastFileField = part.fieldname;
      const stored = await storeFile(part, config);
      if (typeof stored === 'object' && 'sha256' in stored) form.files.push(stored);
      else if (stored) form.errors[part.fieldname] ??= stored;
    }
  } catch (error) {
    // Past the tenth file the plugin stops reading: the form is shown again with the error, and what it lost.
    if (isBodyError(error) && error.code === 'FST_FILES_LIMIT') form.errors[lastFileField] ??= 'evidence.error.tooMany';
    else {
      await discardUnrecorded(form);
      if (!isBodyError(error)) throw error;
      throw new AppError('invalid_input', `unreadable form: ${error.message}`, undefined, undefined, bodyProblem(error.code));
    }
  }
  return form;
}

/** One file part: stored, refused (its error), or nothing when the field was left empty. */
async function storeFile(part: MultipartFile, config: Config): Promise<StoredUpload | FieldError | undefined> {
  const received = await receive(part.file, config.evidenceDir, config.uploadMaxBytes);
  if (received.sizeBytes === 0) {
    await discard(received.tmpPath);
    // A browser sends an empty, nameless part for a file input left empty: that is no file, not an error.
    return part.filename === '' ? undefined : 'evidence.error.empty';
  }
  if (received.tooLarge || part.file.truncated) {
    await discard(received.tmpPath);
    return { key: 'evidence.error.tooLarge', values: { max: { fileSize: config.uploadMaxBytes } } };
  }
  const fileName = cleanFileName(part.filename);
  const mediaType = await acceptedMediaType(received, fileName);
  if (!mediaType) {
    await discard(received.tmpPath);
    return 'evidence.error.type';
  }
  return { field: part.fieldname, fileName, sha256: received.sha256, sizeBytes: received.sizeBytes, mediaType, tmpPath: received.tmpPath };
}

/** Past the fields (or parts) limit the form is no longer read: its page says so; any other breakage, unreadable. */
const bodyProblem = (code: string | undefined): BodyProblem =>
  (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT' ? { kind: 'tooManyFields', max: MAX_FIELDS } : { kind: 'unreadable' });

// What a broken or hostile body raises: the plugin's FST_ errors (limits, prototype names, bad JSON fields), a file
// stream cut short, busboy's parse errors (no code). Disk errors (with a code, ENOSPC...) stay server errors.
function isBodyError(error: unknown): error is Error & { code?: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') return code.startsWith('FST_') || code === 'ERR_STREAM_PREMATURE_CLOSE';
  return /multipart|unexpected end|terminated early|malformed/i.test(error.message);
}

/**
 * Inside the caller's transaction: the evidence_files row for an upload (insert, nothing if present), and the file
 * moved into the store. Should the transaction roll back after the move, the file has no row and the daily sweep
 * removes it.
 */
export async function recordEvidenceFile(trx: Transaction<Database> | Db, upload: StoredUpload): Promise<void> {
  await trx.insertInto('evidence_files')
    .values({ sha256: upload.sha256, size_bytes: String(upload.sizeBytes), media_type: upload.mediaType })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  if (upload.tmpPath) await keep(upload.tmpPath, upload.sha256);
}

/** Removes the files of a form that its command did not record (a recorded one has left its temporary place). */
export async function discardUnrecorded(form: EvidenceForm): Promise<void> {
  await Promise.all(form.files.map((upload) => (upload.tmpPath ? discard(upload.tmpPath) : undefined)));
}
