/**
 * The roles of the workspace. The public (anonymous visitors) has no role and no account. An account may also have
 * no role: an old point of contact after a hand-over keeps their sign-in but sees only what the public sees.
 */
export const ROLES = ['administrator', 'point_of_contact', 'civil_society_reviewer', 'irm_researcher'] as const;
export type Role = (typeof ROLES)[number];

/** A point of contact always speaks for one institution. */
export const roleNeedsInstitution = (role: Role): boolean => role === 'point_of_contact';

/** A civil-society reviewer may be tied to a civil-society organisation; the secretariat and the IRM are not. */
export const roleMayHaveInstitution = (role: Role): boolean => role === 'point_of_contact' || role === 'civil_society_reviewer';

/** The error (a message key for the institution field) when a role and an institution do not go together. */
export function institutionError(role: Role, hasInstitution: boolean): string | undefined {
  if (roleNeedsInstitution(role) && !hasInstitution) return 'admin.error.institutionRequired';
  if (!roleMayHaveInstitution(role) && hasInstitution) return 'admin.error.institutionNotForRole';
  return undefined;
}

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
