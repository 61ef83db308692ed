import type { LightMyRequestResponse } from 'fastify';
import type { WebClient } from './web-client.ts';

/** The version an edit form carries in its hidden `version` field (src/commitments/commands/edit-version.ts). */
export const versionIn = (html: string): string | undefined => /name="version" value="([^"]*)"/.exec(html)?.[1];

/**
 * Opens an edit form at `page` and sends it to `action` with `fields`, as a browser does: with the page's CSRF token
 * and the version the form was opened on (unless `fields` gives one).
 */
export async function submitEdit(client: WebClient, page: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  const version = versionIn((await client.get(page)).body) ?? '';
  return client.submit(page, action, { version, ...fields });
}
