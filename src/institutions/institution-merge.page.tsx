import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, SelectField, TextArea, type SelectOption } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';
import { memberName } from '../members/member-name.ts';
import type { InstitutionHead } from './institution.queries.ts';
import type { MergeCounts } from './institution-merge.queries.ts';
import { institutionPath, institutionSubpath } from './institution-url.ts';

export const mergeLabels = (t: Intl['t']) => ({ into: t('institution.field.mergeInto'), reason: t('edit.reason') });

const COUNTS: (keyof MergeCounts)[] = ['commitments', 'pointsOfContact', 'reviewers', 'invitations', 'openReports', 'formerNames'];

function frame(ctx: PageContext, institution: InstitutionHead, heading: string, form: FormState, children: JSX.Element): string {
  const { intl } = ctx;
  return Layout({
    ...ctx,
    title: formTitle(intl, heading, form),
    breadcrumbs: [
      { href: `/${intl.locale}/members/${institution.member.slug}`, label: memberName(institution.member, intl.locale) },
      { href: institutionPath(intl.locale, institution.member.slug, institution.slug), label: institution.name },
    ],
    children: <><h1 safe>{heading}</h1>{children}</>,
  });
}

/**
 * `/{locale}/members/{slug}/institutions/{institution}/merge`, first step: the institution to merge this one into,
 * chosen among the member's institutions that have commitments. A GET form: choosing changes nothing, the next
 * page says what will move and asks for confirmation.
 */
export function mergeChoosePage(ctx: PageContext, view: { institution: InstitutionHead; options: SelectOption[]; form: FormState }): string {
  const { intl } = ctx;
  const t = intl.t;
  const { institution, form } = view;
  const labels = mergeLabels(t);
  return frame(ctx, institution, t('institution.merge.title', { institution: institution.name }), form, <>
    <p safe>{t('institution.merge.explain', { institution: institution.name })}</p>
    <ErrorSummary intl={intl} form={form} labels={labels} />
    <form method="get" action={institutionSubpath(intl.locale, institution.member.slug, institution.slug, 'merge')} class="stack-form">
      <SelectField intl={intl} form={form} name="into" label={labels.into} options={view.options} emptyLabel={t('commitment.chooseInstitution')} />
      <button type="submit" class="button" safe>{t('institution.merge.continue')}</button>
    </form>
  </>);
}

/** The second step: what will move from this institution to the chosen one, counted, and the button that merges. */
export function mergeConfirmPage(ctx: PageContext, view: {
  institution: InstitutionHead; into: { id: string; name: string }; counts: MergeCounts; form: FormState; csrfToken: string;
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const { institution, into, form } = view;
  const url = institutionSubpath(intl.locale, institution.member.slug, institution.slug, 'merge');
  return frame(ctx, institution, t('institution.merge.confirmTitle', { institution: institution.name, into: into.name }), form, <>
    <ErrorSummary intl={intl} form={form} labels={mergeLabels(t)} />
    <h2 safe>{t('institution.merge.willMove', { into: into.name })}</h2>
    <ul>{COUNTS.map((key) => <li safe>{t(`institution.merge.count.${key}`, { count: view.counts[key] })}</li>)}</ul>
    <p class="note" safe>{t('institution.merge.consequence', { institution: institution.name, into: into.name })}</p>
    <PostForm action={url} csrfToken={view.csrfToken} class="stack-form">
      <input type="hidden" name="into" value={into.id} />
      <TextArea intl={intl} form={form} name="reason" label={t('edit.reason')} optional />
      <button type="submit" class="button" safe>{t('institution.merge.submit', { into: into.name })}</button>
    </PostForm>
    <p><a href={url} safe>{t('institution.merge.chooseAnother')}</a></p>
  </>);
}
