import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import type { CurrentUser } from './current-user.ts';
import { roleDescription } from './account-mail.ts';
import { qrCodeSvg } from './qr-code.ts';
import { groupSecret } from './totp.ts';
import { irmReviewPolicy } from '../irm/irm-review.policy.ts';
import type { PublicationSummary } from '../publications/publication.queries.ts';
import { PublicationLinks } from '../publications/publication-view.tsx';
import { guidanceUrl, publicationsAdminUrl } from '../publications/publication-urls.ts';

type AccountView = {
  user: CurrentUser; sessions: number; recoveryCodes: number; csrfToken: string; notice?: string | undefined;
  /** The newest published guidance notes: how to report, what counts as evidence. */
  guidance: PublicationSummary[];
  /** The refused form of this page, if any: turning TOTP off (`code`) or making new recovery codes (`confirmCode`). */
  form: FormState;
};

/**
 * `/{locale}/account`: who you are, your password, your second factor and recovery codes, your sessions; links to the
 * administration for administrators.
 */
export function accountPage(ctx: PageContext, view: AccountView): string {
  const { intl } = ctx;
  const t = intl.t;
  const { user } = view;
  const base = `/${intl.locale}`;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.title'), view.form),
    children: (
      <>
        <h1 safe>{t('account.title')}</h1>
        <Notice text={view.notice} />
        <ErrorSummary intl={intl} form={view.form} labels={{ code: t('account.code'), confirmCode: t('account.code') }} />
        <dl class="facts">
          <dt safe>{t('account.name')}</dt><dd safe>{user.name}</dd>
          <dt safe>{t('account.email')}</dt><dd safe>{user.email}</dd>
          <dt safe>{t('account.role')}</dt><dd safe>{roleDescription(intl, user.role, user.institutionName)}</dd>
        </dl>
        {user.role ? <p><a href={`${base}/reporting`} safe>{t('account.reportingRounds')}</a></p> : ''}
        {irmReviewPolicy.record_irm_review(user) ? <p><a href={`${base}/irm`} safe>{t('irmAssessment.account.heading')}</a></p> : ''}
        <p><a href={`${base}/account/password`} safe>{t('account.changePassword.title')}</a></p>

        {view.guidance.length > 0 ? (
          <section aria-labelledby="guidance">
            <h2 id="guidance" safe>{t('publication.account.heading')}</h2>
            <p safe>{t('publication.account.intro')}</p>
            <PublicationLinks intl={intl} publications={view.guidance} headingLevel="h3" />
            <p><a href={guidanceUrl(intl.locale)} safe>{t('publication.account.all')}</a></p>
          </section>
        ) : ''}

        {user.role === 'administrator' ? (
          <section aria-labelledby="administration">
            <h2 id="administration" safe>{t('admin.title')}</h2>
            <ul>
              <li><a href={`${base}/admin/invitations`} safe>{t('admin.invitations.title')}</a></li>
              <li><a href={`${base}/admin/accounts`} safe>{t('admin.accounts.title')}</a></li>
              <li><a href={`${base}/admin/outbox`} safe>{t('admin.outbox.title')}</a></li>
              <li><a href={publicationsAdminUrl(intl.locale)} safe>{t('publication.admin.title')}</a></li>
            </ul>
          </section>
        ) : ''}

        <section aria-labelledby="second-factor">
          <h2 id="second-factor" safe>{t('account.secondFactor.heading')}</h2>
          {user.totpEnabled ? (
            <>
              <p safe>{t('account.secondFactor.on')}</p>
              {user.role === 'administrator' ? <p class="muted" safe>{t('account.secondFactor.cannotDisable')}</p> : (
                <PostForm action={`${base}/account/two-factor/disable`} csrfToken={view.csrfToken} class="stack-form">
                  <TextField intl={intl} form={view.form} name="code" label={t('account.code')} hint={t('account.code.hint')}
                    inputmode="numeric" autocomplete="one-time-code" spellcheck={false} />
                  <button type="submit" class="button secondary" safe>{t('account.secondFactor.disable')}</button>
                </PostForm>
              )}
              <h3 safe>{t('account.recoveryCodes.heading')}</h3>
              <p safe>{t('account.recoveryCodes.left', { count: view.recoveryCodes })}</p>
              <PostForm action={`${base}/account/recovery-codes`} csrfToken={view.csrfToken} class="stack-form">
                <TextField intl={intl} form={view.form} name="confirmCode" label={t('account.code')} hint={t('account.recoveryCodes.confirmHint')}
                  inputmode="numeric" autocomplete="one-time-code" spellcheck={false} />
                <button type="submit" class="button secondary" safe>{t('account.recoveryCodes.regenerate')}</button>
              </PostForm>
            </>
          ) : (
            <>
              <p safe>{t('account.secondFactor.off')}</p>
              <p><a href={`${base}/account/two-factor`} safe>{t('account.secondFactor.setUp')}</a></p>
            </>
          )}
        </section>

        <section aria-labelledby="sessions">
          <h2 id="sessions" safe>{t('account.sessions.heading')}</h2>
          <p safe>{t('account.sessions.count', { count: view.sessions })}</p>
          <PostForm action={`${base}/account/sign-out-everywhere`} csrfToken={view.csrfToken}>
            <button type="submit" class="button secondary" safe>{t('account.sessions.signOutEverywhere')}</button>
          </PostForm>
        </section>
      </>
    ),
  });
}

type SetUpView = { user: CurrentUser; secret: string; uri: string; form: FormState; csrfToken: string };

/**
 * `/{locale}/account/two-factor`: the secret as a QR code, as text and as an otpauth URI (for those who cannot scan
 * or see the picture), and the code that confirms it.
 */
export function secondFactorSetUpPage(ctx: PageContext, view: SetUpView): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: formTitle(intl, t('account.secondFactor.setUpTitle'), view.form),
    children: (
      <>
        <h1 safe>{t('account.secondFactor.setUpTitle')}</h1>
        {view.user.role === 'administrator' ? <p class="note" safe>{t('account.secondFactor.requiredForAdministrators')}</p> : ''}
        <ErrorSummary intl={intl} form={view.form} labels={{ code: t('account.code') }} />
        <ol class="steps">
          <li safe>{t('account.secondFactor.step1')}</li>
          <li>
            <p safe>{t('account.secondFactor.step2')}</p>
            {/* Safe: an SVG drawn from the URI (qr-code.ts), whose only text is its escaped label. */}
            {qrCodeSvg(view.uri, t('account.secondFactor.qrLabel')) as 'safe'}
            <dl class="facts">
              <dt safe>{t('account.secondFactor.key')}</dt><dd><code class="secret" safe>{groupSecret(view.secret)}</code></dd>
              <dt safe>{t('account.secondFactor.uri')}</dt><dd><code class="secret" safe>{view.uri}</code></dd>
            </dl>
          </li>
          <li safe>{t('account.secondFactor.step3')}</li>
        </ol>
        <SetUpForm intl={intl} form={view.form} csrfToken={view.csrfToken} />
      </>
    ),
  });
}

function SetUpForm({ intl, form, csrfToken }: { intl: Intl; form: FormState; csrfToken: string }) {
  const t = intl.t;
  return (
    <PostForm action={`/${intl.locale}/account/two-factor`} csrfToken={csrfToken} class="stack-form">
      <TextField intl={intl} form={form} name="code" label={t('account.code')} hint={t('account.code.hint')}
        inputmode="numeric" autocomplete="one-time-code" spellcheck={false} />
      <button type="submit" class="button" safe>{t('account.secondFactor.confirm')}</button>
    </PostForm>
  );
}

/** Shown once, after turning TOTP on or asking for new codes: the recovery codes, which are never shown again. */
export function recoveryCodesPage(ctx: PageContext, view: { codes: string[]; notice?: string | undefined }): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('account.recoveryCodes.title'),
    children: (
      <>
        <h1 safe>{t('account.recoveryCodes.title')}</h1>
        <Notice text={view.notice} />
        <p safe>{t('account.recoveryCodes.explain')}</p>
        <p class="note" safe>{t('account.recoveryCodes.onlyNow')}</p>
        <ol class="recovery-codes">
          {view.codes.map((code) => <li><code class="secret" safe>{code}</code></li>)}
        </ol>
        <p><a href={`/${intl.locale}/account`} class="button" safe>{t('account.recoveryCodes.done')}</a></p>
      </>
    ),
  });
}
