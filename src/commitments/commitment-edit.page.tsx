import { languageName, type Intl } from '../i18n/intl.ts';
import type { PageContext } from '../layout/layout.tsx';
import { ErrorSummary, errorMessage, fieldId, PostForm, SelectField, TextArea, TextField } from '../layout/form.tsx';
import { FormFramePage, textLanguage, type FormFrameProps } from '../layout/form-frame.tsx';
import { paragraphs } from '../layout/format.ts';
import type { FormState } from '../http/form.ts';
import { milestoneEditUrl, milestoneHistoryUrl } from '../milestones/milestone-urls.ts';
import { textDir } from '../i18n/text-direction.ts';

type Frame = { ogpId: string; title: string; lang: string; csrfToken: string; notice?: string | undefined };

export const commitmentEditUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}/edit`;
export const milestoneNewUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}/milestones/new`;
export const historyUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}/history`;

export const commitmentEditLabels = (t: Intl['t']) => ({
  lang: t('edit.language'), title: t('edit.field.title'), description: t('commitment.description'), objectives: t('commitment.objectives'),
  statusQuo: t('commitment.statusQuo'), ambition: t('commitment.ambition'), status: t('commitment.status'), reason: t('edit.reason'),
  version: t('edit.conflict.label'),
});
export const withdrawLabels = (t: Intl['t']) => ({ withdrawReason: t('edit.withdraw.reason') });
export const milestoneEditLabels = (t: Intl['t']) => ({
  lang: t('edit.language'), text: t('milestone.text'), declaredStatus: t('milestone.declaredStatus'),
  start: t('milestone.start'), end: t('milestone.end'), reason: t('edit.reason'), version: t('edit.conflict.label'),
});

/**
 * What a commitment's or milestone's stored text is: in the language the commitment was published in, a translation,
 * or (a commitment's only) a translation with its title only (OGP's English title of a row in another language,
 * decision 006).
 */
export type TextKind = 'source' | 'translation' | 'titleOnly';
/** The edited language among those the form writes (`textLanguages`), and what each stored text is. */
type EditedTexts = { lang: string; languages: readonly string[]; sourceLocale: string; texts: { locale: string; kind: TextKind }[] };
type CommitmentView = Frame & EditedTexts & {
  form: FormState; withdraw: FormState; withdrawn: boolean; milestones: { number: number; text: string | null }[]; fullText: string | null;
};
type MilestoneView = Frame & EditedTexts & { number: number; form: FormState; plannedEnd: string | null };

/**
 * The version the form was opened on, sent back hidden (`commands/edit-version.ts`); after a save refused because
 * someone else changed the record meanwhile, what happened, a link to the history that shows their change, and what
 * saving again does. The error summary links here.
 */
export function VersionField({ intl, form, historyHref }: { intl: Intl; form: FormState; historyHref: string }) {
  const error = form.errors.version;
  return <>
    <input type="hidden" name="version" value={form.values.version ?? ''} />
    {error ? (
      <div id={fieldId('version')} class="field-error" tabindex="-1">
        <p safe>{errorMessage(intl, error)}</p>
        <p><a href={historyHref} safe>{intl.t('edit.conflict.historyLink')}</a></p>
        <p safe>{intl.t('edit.conflict.saveAgain')}</p>
      </div>
    ) : ''}
  </>;
}

const commitmentCrumb = (intl: Intl, view: Frame) => [{ href: `/${intl.locale}/commitments/${view.ogpId}`, label: view.title }];

/**
 * What the edited text (a commitment's or a milestone's) is, after "You are editing the texts in …": the language of
 * publication, a translation (of it), a translation with its title only, or none yet. Without a text in the language
 * of publication, nothing is added. The chooser offers the languages the form writes.
 */
function editedLanguage(ctx: PageContext, view: EditedTexts): NonNullable<FormFrameProps['language']> {
  const { intl } = ctx;
  const language = { ...textLanguage(ctx, view.lang, 'edit'), choices: view.languages };
  const kind = view.texts.find((x) => x.locale === view.lang)?.kind ?? 'missing';
  const source = view.texts.some((x) => x.kind === 'source') ? languageName(view.sourceLocale, intl.locale) : null;
  const what = kind === 'source' ? intl.t('edit.text.source') : source ? intl.t(`edit.text.${kind}`, { source }) : '';
  return what ? { ...language, statement: `${language.statement} ${what}` } : language;
}

/**
 * A link to each other language's text on the edit page at `url`, saying what it is; the text in the language of
 * publication first.
 */
const otherTextLinks = (intl: Intl, view: EditedTexts, url: string) => view.texts.filter((x) => x.locale !== view.lang)
  .toSorted((a, b) => Number(b.kind === 'source') - Number(a.kind === 'source'))
  .map((x) => ({
    href: `${url}?lang=${x.locale}`,
    label: intl.t(`edit.otherText.${x.kind}`, { language: languageName(x.locale, intl.locale) }),
  }));

/**
 * The edited language's full text, which only an import brings (OGP's "Full Text"): read-only, kept on saving. Open
 * when the fields above are empty, where it is the only prose of that language (the 56 Spanish rows of the dataset).
 */
function FullText({ intl, view }: { intl: Intl; view: CommitmentView }) {
  if (!view.fullText) return '';
  const { description, objectives, statusQuo, ambition } = view.form.values;
  return (
    <details class="full-text" open={!(description || objectives || statusQuo || ambition)}>
      <summary safe>{intl.t('commitment.fullText')}</summary>
      <p class="hint" safe>{intl.t('edit.fullText.hint')}</p>
      <div class="prose" lang={view.lang} dir={textDir(view.lang)}>{paragraphs(view.fullText).map((p) => <p safe>{p}</p>)}</div>
    </details>
  );
}

/**
 * `/{locale}/commitments/{id}/edit`: the texts of one language (with its full text, read-only, and links to the other
 * languages' texts), the status, a reason; and withdrawal.
 */
export function commitmentEditPage(ctx: PageContext, view: CommitmentView): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = commitmentEditLabels(t);
  const statusOptions = (['active', 'completed'] as const).map((s) => ({ value: s, label: t(`commitment.status.${s}`) }));
  return FormFramePage({
    ctx, heading: t('edit.commitment.title', { id: view.ogpId }), breadcrumbs: commitmentCrumb(intl, view), notice: view.notice,
    links: [{ href: historyUrl(intl.locale, view.ogpId), label: t('history.link') }, ...otherTextLinks(intl, view, commitmentEditUrl(intl.locale, view.ogpId))],
    action: commitmentEditUrl(intl.locale, view.ogpId), csrfToken: view.csrfToken, form: view.form, labels,
    otherErrors: view.withdraw.errors, submitLabel: t('edit.save'), language: editedLanguage(ctx, view),
    texts: <>
      <VersionField intl={intl} form={view.form} historyHref={historyUrl(intl.locale, view.ogpId)} />
      <TextField intl={intl} form={view.form} name="title" textLang={view.lang} label={labels.title} />
      <TextArea intl={intl} form={view.form} name="description" textLang={view.lang} label={labels.description} optional rows={6} />
      <TextArea intl={intl} form={view.form} name="objectives" textLang={view.lang} label={labels.objectives} hint={t('edit.hint.onePerLine')} optional rows={5} />
      <TextArea intl={intl} form={view.form} name="statusQuo" textLang={view.lang} label={labels.statusQuo} optional rows={5} />
      <TextArea intl={intl} form={view.form} name="ambition" textLang={view.lang} label={labels.ambition} optional rows={5} />
    </>,
    children: <>
      <FullText intl={intl} view={view} />
      <SelectField intl={intl} form={view.form} name="status" label={labels.status} options={statusOptions}
        emptyLabel={view.withdrawn ? t('commitment.status.withdrawn') : t('common.notGiven')} />
      <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('edit.hint.reason')} optional />
    </>,
    after: <>
      <section aria-labelledby="edit-milestones">
        <h2 id="edit-milestones" safe>{t('commitment.milestones')}</h2>
        {view.milestones.length === 0 ? <p safe>{t('commitment.noMilestones')}</p> : (
          <ul>
            {view.milestones.map((m) => (
              <li><a href={milestoneEditUrl(intl.locale, view.ogpId, m.number)} safe>{t('edit.milestone.link', { number: m.number })}</a>
                {m.text ? <>{': '}<span safe>{m.text}</span></> : ''}</li>
            ))}
          </ul>
        )}
        <p><a href={milestoneNewUrl(intl.locale, view.ogpId)} safe>{t('milestone.new.link')}</a></p>
      </section>

      <section aria-labelledby="withdraw">
        <h2 id="withdraw" safe>{t('edit.withdraw.heading')}</h2>
        {view.withdrawn ? <p safe>{t('edit.withdraw.already')}</p> : <>
          <p safe>{t('edit.withdraw.explain')}</p>
          <ErrorSummary intl={intl} form={view.withdraw} labels={withdrawLabels(t)} />
          <PostForm action={`/${intl.locale}/commitments/${view.ogpId}/withdraw`} csrfToken={view.csrfToken} class="stack-form">
            <TextArea intl={intl} form={view.withdraw} name="withdrawReason" label={withdrawLabels(t).withdrawReason} />
            <button type="submit" class="button" safe>{t('edit.withdraw.submit')}</button>
          </PostForm>
        </>}
      </section>
    </>,
  });
}

/** The start and end months of a milestone, new or edited; the end's hint says the planned date once re-planned. */
function MilestoneMonths({ intl, form, plannedEnd }: { intl: Intl; form: FormState; plannedEnd?: string | null }) {
  const t = intl.t;
  const labels = milestoneEditLabels(t);
  return <>
    <TextField intl={intl} form={form} name="start" label={labels.start} hint={t('edit.hint.month')} optional inputmode="numeric" />
    <TextField intl={intl} form={form} name="end" label={labels.end}
      hint={plannedEnd ? `${t('edit.hint.month')} ${t('edit.hint.plannedEnd', { date: plannedEnd })}` : t('edit.hint.month')} optional inputmode="numeric" />
  </>;
}

/**
 * `/{locale}/commitments/{id}/milestones/{number}/edit`: the text of one language (saying what it is, with links to
 * the other languages' texts), declared status, start and end months, a reason.
 */
export function milestoneEditPage(ctx: PageContext, view: MilestoneView): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = milestoneEditLabels(t);
  const url = milestoneEditUrl(intl.locale, view.ogpId, view.number);
  const statusOptions = (['new', 'ongoing'] as const).map((s) => ({ value: s, label: t(`milestone.declaredStatus.${s}`) }));
  return FormFramePage({
    ctx, heading: t('edit.milestone.title', { number: view.number, id: view.ogpId }), breadcrumbs: commitmentCrumb(intl, view), notice: view.notice,
    links: [
      { href: milestoneHistoryUrl(intl.locale, view.ogpId, view.number), label: t('history.milestone.link') },
      { href: historyUrl(intl.locale, view.ogpId), label: t('history.link') },
      ...otherTextLinks(intl, view, url),
    ],
    action: url, csrfToken: view.csrfToken, form: view.form, labels,
    submitLabel: t('edit.save'), language: editedLanguage(ctx, view),
    texts: <>
      <VersionField intl={intl} form={view.form} historyHref={milestoneHistoryUrl(intl.locale, view.ogpId, view.number)} />
      <TextArea intl={intl} form={view.form} name="text" textLang={view.lang} label={labels.text} rows={4} />
    </>,
    children: <>
      <SelectField intl={intl} form={view.form} name="declaredStatus" label={labels.declaredStatus} options={statusOptions} emptyLabel={t('common.notGiven')} />
      <MilestoneMonths intl={intl} form={view.form} plannedEnd={view.plannedEnd} />
      <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('edit.hint.replanReason')} optional />
    </>,
  });
}

/** `/{locale}/commitments/{id}/milestones/new`: the next milestone's text in a chosen language, its start and end. */
export function milestoneNewPage(ctx: PageContext, view: Frame & { languages: readonly string[]; nextNumber: number; form: FormState }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = milestoneEditLabels(t);
  return FormFramePage({
    ctx, heading: t('milestone.new.title', { id: view.ogpId }), breadcrumbs: commitmentCrumb(intl, view),
    links: [{ href: commitmentEditUrl(intl.locale, view.ogpId), label: t('edit.commitment.link') }],
    action: milestoneNewUrl(intl.locale, view.ogpId), csrfToken: view.csrfToken, form: view.form, labels,
    submitLabel: t('milestone.new.submit'), language: { ...textLanguage(ctx, view.lang, 'write'), choices: view.languages },
    texts: <TextArea intl={intl} form={view.form} name="text" textLang={view.lang} label={labels.text} hint={t('milestone.new.number', { number: view.nextNumber })} rows={4} />,
    children: <MilestoneMonths intl={intl} form={view.form} />,
  });
}
