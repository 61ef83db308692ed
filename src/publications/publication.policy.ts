import type { CurrentUser } from '../accounts/current-user.ts';
import type { Policy } from '../http/authorize.ts';

const secretariat = (user: CurrentUser | undefined) => user?.role === 'administrator';

/**
 * Who may do what with guidance notes and stories of good practice: the secretariat writes them for every actor, so
 * only administrators create, edit, publish and withdraw them; everyone reads the published ones on the public pages.
 */
export const publicationPolicy = {
  manage_publications: (user: CurrentUser | undefined) => secretariat(user),
  create_publication: (user: CurrentUser | undefined) => secretariat(user),
  edit_publication: (user: CurrentUser | undefined, _publication: { publicationId: string }) => secretariat(user),
  publish_publication: (user: CurrentUser | undefined, _publication: { publicationId: string }) => secretariat(user),
  withdraw_publication: (user: CurrentUser | undefined, _publication: { publicationId: string }) => secretariat(user),
} satisfies Policy;
