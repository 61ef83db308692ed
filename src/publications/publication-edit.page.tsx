import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import type { PageContext } from '../layout/layout.tsx';
import { PostForm, SelectField, TextArea, TextField } from '../layout/form.tsx';
import { CheckboxGroup } from '../layout/checkbox-group.tsx';
import { FormFramePage } from '../layout/form-frame.tsx';
import type { FormState } from '../http/form.ts';
import { bodyField, PUBLICATION_KINDS, titleField } from './commands/publication-form.ts';
import type { PublicationState } from './commands/publication-record.ts';
import { PublicationHistory, type PublicationChange } from './publication-history.view.tsx';
import {
  publicationEditUrl, publicationNewUrl, publicationPublishUrl, publicationsAdminUrl, publicationUrl, publicationWithdrawUrl,
} from './publication-urls.ts';

export type InstitutionChoices = { member: string; institutions: { id: string; name: string }[] }[];
type View = { form: FormState; csrfToken: string; institutions: InstitutionChoices; notice?: string | undefined };

export function publicationLabels(intl: Intl): Record<string, string> {
  const t = intl.t;
  const labels: Record<string, string> = {
    kind: t('publication.field.kind'), commitments: t('publication.field.commitments'), institutions: t('publication.field.institutions'),
    author: t('publication.field.author'), reason: t('edit.reason'), withdrawReason: t('publication.field.withdrawReason'),
  };
  for (const locale of LOCALES) {
    const language = languageName(locale, intl.locale);
    labels[titleField(locale)] = t('publication.field.title', { language });
    labels[bodyField(locale)] = t('publication.field.body', { language });
  }
  return labels;
}

function PublicationFields({ intl, form, institutions }: { intl: Intl; form: FormState; institutions: InstitutionChoices }) {
  const t = intl.t;
  const labels = publicationLabels(intl);
  const groups = institutions.map((g) => ({ label: g.member || t('publication.field.noMember'), options: g.institutions.map((i) => ({ value: i.id, label: i.name })) }));
  return <>
    <SelectField intl={intl} form={form} name="kind" label={labels.kind!} options={PUBLICATION_KINDS.map((k) => ({ value: k, label: t(`publication.kind.${k}`) }))} />
    <p class="hint" safe>{t('publication.hint.languages')}</p>
    {LOCALES.map((locale) => (
      <fieldset class="field">
        <legend safe>{languageName(locale, intl.locale)}</legend>
        <TextField intl={intl} form={form} name={titleField(locale)} label={labels[titleField(locale)]!} textLang={locale} optional />
        <TextArea intl={intl} form={form} name={bodyField(locale)} label={labels[bodyField(locale)]!} textLang={locale} rows={12}
          hint={t('publication.hint.body')} optional />
      </fieldset>
    ))}
    <TextField intl={intl} form={form} name="commitments" label={labels.commitments!} hint={t('publication.hint.commitments')} optional spellcheck={false} />
    <CheckboxGroup intl={intl} form={form} name="institutions" label={labels.institutions!} options={groups} />
    <SelectField intl={intl} form={form} name="author" label={labels.author!} emptyLabel={t('publication.secretariat')} options={groups} />
  </>;
}

const adminCrumbs = (intl: Intl) => [
  { href: `/${intl.locale}/account`, label: intl.t('account.title') },
  { href: publicationsAdminUrl(intl.locale), label: intl.t('publication.admin.title') },
];

/** `/{locale}/admin/publications/new`: a new draft guidance note or story (administrators). */
export function publicationNewPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  return FormFramePage({
    ctx, heading: intl.t('publication.new.title'), breadcrumbs: adminCrumbs(intl),
    action: publicationNewUrl(intl.locale), csrfToken: view.csrfToken, form: view.form, labels: publicationLabels(intl),
    submitLabel: intl.t('publication.new.submit'),
    children: <PublicationFields intl={intl} form={view.form} institutions={view.institutions} />,
  });
}

type EditView = View & {
  slug: string; title: string; state: PublicationState; withdrawnReason: string | null; changes: PublicationChange[];
  /** The refused withdrawal form, if that was the one sent. */
  withdrawForm: FormState;
};

/**
 * `/{locale}/admin/publications/{slug}/edit`: the texts and links, then publishing or withdrawing (each its own
 * form: one deliberate act), then the publication's history.
 */
export function publicationEditPage(ctx: PageContext, view: EditView): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = publicationLabels(intl);
  return FormFramePage({
    ctx, heading: t('publication.edit.title', { title: view.title }), notice: view.notice, breadcrumbs: adminCrumbs(intl),
    links: view.state === 'draft' ? [] : [{ href: publicationUrl(intl.locale, view.slug), label: t('publication.edit.publicPage') }],
    action: publicationEditUrl(intl.locale, view.slug), csrfToken: view.csrfToken, form: view.form, labels, otherErrors: view.withdrawForm.errors,
    submitLabel: t('edit.save'),
    children: <>
      <p safe>{t('publication.edit.state', { state: t(`publication.state.${view.state}`) })}</p>
      {view.withdrawnReason ? <p safe>{t('publication.edit.withdrawnBecause', { reason: view.withdrawnReason })}</p> : ''}
      <PublicationFields intl={intl} form={view.form} institutions={view.institutions} />
      <TextArea intl={intl} form={view.form} name="reason" label={labels.reason!} optional />
    </>,
    after: <>
      {view.state === 'published' ? '' : (
        <section aria-labelledby="publish">
          <h2 id="publish" safe>{t('publication.publish.heading')}</h2>
          <p safe>{t('publication.publish.explain')}</p>
          <PostForm action={publicationPublishUrl(intl.locale, view.slug)} csrfToken={view.csrfToken}>
            <button type="submit" class="button" safe>{t('publication.publish.submit')}</button>
          </PostForm>
        </section>
      )}
      {view.state === 'withdrawn' ? '' : (
        <section aria-labelledby="withdraw">
          <h2 id="withdraw" safe>{t('publication.withdraw.heading')}</h2>
          <p safe>{t('publication.withdraw.explain')}</p>
          <PostForm action={publicationWithdrawUrl(intl.locale, view.slug)} csrfToken={view.csrfToken} class="stack-form">
            <TextArea intl={intl} form={view.withdrawForm} name="withdrawReason" label={labels.withdrawReason!} />
            <button type="submit" class="button secondary" safe>{t('publication.withdraw.submit')}</button>
          </PostForm>
        </section>
      )}
      <PublicationHistory intl={intl} changes={view.changes} />
    </>,
  });
}
