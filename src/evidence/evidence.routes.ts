import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { AppError, notFound } from '../http/errors.ts';
import { contentDisposition } from './content-disposition.ts';
import { findServedEvidence, type ServedEvidence } from './evidence.queries.ts';
import { storedPath } from './evidence-store.ts';
import { INLINE_TYPES } from './evidence-type.ts';
import { servedFileName } from './file-name.ts';

/**
 * GET /evidence/:id — an evidence file, served so that it can do no harm on our origin (decision 014): the media
 * type found in its content, no sniffing, a sandboxing CSP, inline only for PDF and images, under a name whose
 * extension is that type's. What the public may not see (a restricted item, or any item of a round still open)
 * answers 404 to those the evidence policy does not let in, exactly as an id that does not exist. Links are shown
 * by the pages with their own address: 404 here.
 */
const Params = z.object({ id: z.string().regex(/^[1-9][0-9]{0,17}$/) });

export function registerEvidenceRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/evidence/:id', async (request, reply) => {
    const params = Params.safeParse(request.params);
    if (!params.success) throw notFound('evidence');
    const item = await findServedEvidence(deps.db, params.data.id);
    if (!item || item.kind !== 'file' || !item.sha256 || !item.mediaType) throw notFound('evidence');
    const withheld = item.restricted || !item.published;
    if (withheld && !maySee(await currentUser(deps, request), item)) throw notFound('evidence');

    const file = storedPath(deps.config.evidenceDir, item.sha256);
    try {
      await access(file);
    } catch {
      request.log.error({ sha256: item.sha256 }, 'evidence file missing from the store');
      throw notFound('evidence');
    }
    const etag = `"${item.sha256}"`;
    reply
      .header('cache-control', withheld ? 'private, no-store' : 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('content-disposition', contentDisposition(INLINE_TYPES.has(item.mediaType) ? 'inline' : 'attachment', servedFileName(item.fileName ?? 'evidence', item.mediaType)));
    if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply
      .type(item.mediaType.startsWith('text/') ? `${item.mediaType}; charset=utf-8` : item.mediaType)
      .header('content-length', String(item.sizeBytes))
      .send(createReadStream(file));
  });
}

/** The policy's rule, named like every other check; a refusal of any kind is the same 404 as a missing item. */
function maySee(user: CurrentUser | undefined, item: ServedEvidence): boolean {
  try {
    authorize(user, item.restricted ? 'view_restricted_evidence' : 'view_unpublished_evidence', 'evidence', { institutionIds: item.institutionIds });
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
