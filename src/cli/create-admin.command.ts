import type { Config } from '../config/config.ts';
import type { Db } from '../db/connect.ts';
import { EmailSchema } from '../accounts/account-forms.ts';
import { createInvitation, INVITATION_LIFETIME_DAYS } from '../accounts/invitations.ts';
import { parseCommandArgs } from './command-args.ts';
import { UsageError } from './usage-error.ts';

/** `create-admin EMAIL`, read before the database is opened. */
export function createAdminArgs(args: string[]): { email: string } {
  const { positionals } = parseCommandArgs('create-admin', args, {});
  if (positionals.length !== 1) throw new UsageError('create-admin takes exactly one EMAIL');
  const email = EmailSchema.safeParse(positionals[0]);
  if (!email.success) throw new UsageError(`EMAIL: not an e-mail address: ${positionals[0]}`);
  return { email: email.data };
}

/**
 * `create-admin EMAIL`: invites an administrator and prints the one-time link (valid 7 days); nothing is e-mailed.
 * The way in to a new installation, or back in when every administrator is locked out.
 */
export async function createAdminCommand(db: Db, config: Config, { email }: { email: string }): Promise<number> {
  const invited = await createInvitation(db, null, config.baseUrl, {
    email, name: email.split('@')[0]!, role: 'administrator', institutionId: null, locale: 'en', invitedBy: null,
  });
  if (!invited.ok) {
    console.error(`${email} already has an account: an administrator can reset its password from the sign-in page.`);
    return 1;
  }
  console.log(`Invitation for ${email} (administrator). Open this link within ${INVITATION_LIFETIME_DAYS} days; it works once:`);
  console.log(invited.link);
  return 0;
}
