/** Where a piece of evidence is served (evidence.routes.ts): one address whatever the page's language. */
export function evidenceUrl(itemId: string): string {
  return `/evidence/${encodeURIComponent(itemId)}`;
}
