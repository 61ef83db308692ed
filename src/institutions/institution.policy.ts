import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

const administrator = (user: CurrentUser | undefined) => user?.role === 'administrator';

/**
 * Who may do what with institutions. Renaming and merging change what every commitment of an institution names and
 * who may edit them (its points of contact move with a merge): the secretariat's, as handing over a point of contact is.
 */
export const institutionPolicy = {
  rename_institution: administrator,
  merge_institutions: administrator,
} satisfies Policy;
