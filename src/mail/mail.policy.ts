import type { Policy } from '../http/authorize.ts';

/** Who may do what with the portal's e-mail. */
export const mailPolicy = {
  /** The outbox holds invitation and reset links: the secretariat only. */
  read_outbox: (user) => user?.role === 'administrator',
} satisfies Policy;
