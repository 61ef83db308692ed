/** Institution kinds that OGP lists under "other actors" when they support a commitment; the rest are government. */
const OTHER_ACTORS = new Set(['civil_society', 'academia', 'private_sector', 'media', 'international_body']);

export function actorGroupOfKind(kind: string): 'government' | 'other' {
  return OTHER_ACTORS.has(kind) ? 'other' : 'government';
}
