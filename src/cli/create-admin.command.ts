import type { Config } from '../config/config.ts';
import type { Db } from '../db/connect.ts';
import { EmailSchema } from '../accounts/account-forms.ts';
import { createInvitation, INVITATION_LIFETIME_DAYS } from '../accounts/invitations.ts';
import { UsageError } from './usage-error.ts';

/**
 * `create-admin EMAIL`: invites an administrator and prints the one-time link (valid 7 days); nothing is e-mailed.
 * The way in to a new installation, or back in when every administrator is locked out.
 */
export async function createAdminCommand(db: Db, config: Config, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('create-admin takes exactly one EMAIL');
  const email = EmailSchema.safeParse(positionals[0]);
  if (!email.success) throw new UsageError(`EMAIL: not an e-mail address: ${positionals[0]}`);
  const invited = await createInvitation(db, null, config.baseUrl, {
    email: email.data, name: email.data.split('@')[0]!, role: 'administrator', institutionId: null, locale: 'en', invitedBy: null,
  });
  if (!invited.ok) {
    console.error(`${email.data} already has an account: an administrator can reset its password from the sign-in page.`);
    return 1;
  }
  console.log(`Invitation for ${email.data} (administrator). Open this link within ${INVITATION_LIFETIME_DAYS} days; it works once:`);
  console.log(invited.link);
  return 0;
}
