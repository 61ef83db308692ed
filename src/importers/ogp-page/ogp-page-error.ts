/**
 * A commitment page that cannot be imported. `missing` names the parts that were not found, `problems` the parts
 * that were found but could not be read, so the person importing knows what to fix in the saved text.
 */
export class OgpPageError extends Error {
  readonly missing: string[];
  readonly problems: string[];

  constructor(missing: readonly string[], problems: readonly string[] = [], heading?: string) {
    super(describe(missing, problems, heading));
    this.name = 'OgpPageError';
    this.missing = [...missing];
    this.problems = [...problems];
  }
}

function describe(missing: readonly string[], problems: readonly string[], heading: string | undefined): string {
  const parts = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...problems,
  ];
  // Without its required parts the text is probably not a commitment page at all; otherwise it is one we misread.
  const opening = heading ?? (missing.length > 0 ? 'Not an OGP commitment page' : 'Cannot read the OGP commitment page');
  return `${opening}: ${parts.join('; ')}`;
}
