import type { Children } from '@kitajs/html';
import type { FormState } from '../http/form.ts';
import { languageName } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { Layout, type PageContext } from './layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm } from './form.tsx';

/**
 * The frame every workspace editing page shares (commitments, milestones, action plans, new or edited): the page
 * title ("Error: …" when the form has errors), the heading, the notice of the last action, links to related pages,
 * the error summary and the posting form with its submit button. A form whose texts are in one language gets a GET
 * chooser of that language above it (it works without JavaScript) and a hidden `lang` field; its text fields mark
 * themselves with that language (`textLang`), for screen readers and spell checkers, leaving their labels in the page's.
 */
export type FormFrameProps = {
  ctx: PageContext;
  heading: string;
  breadcrumbs: { href: string; label: string }[];
  notice?: string | undefined;
  links?: { href: string; label: string }[];
  action: string;
  csrfToken: string;
  form: FormState;
  /** Each field's label by name, for the error summary. */
  labels: Record<string, string>;
  submitLabel: string;
  /**
   * The texts' language; `chooseLabel` is the chooser's button, `statement` says which language is being written,
   * `choices` the languages offered (the interface languages unless given: a commitment adds its own, `textLanguages`).
   */
  language?: { lang: string; chooseLabel: string; statement: string; choices?: readonly string[] };
  /** The fields written in `language`, each given it as `textLang` (inside the form, before `children`). */
  texts?: Children;
  /** The other fields of the form. */
  children?: Children;
  /** Sections after the form (other forms, lists). */
  after?: Children;
  /** Errors of other forms on the page, for the page title. */
  otherErrors?: FormState['errors'];
};

export function FormFramePage(props: FormFrameProps): string {
  const { ctx, form, language } = props;
  const { intl } = ctx;
  const errors = { values: {}, errors: { ...form.errors, ...props.otherErrors } };
  return Layout({
    ...ctx,
    title: formTitle(intl, props.heading, errors),
    breadcrumbs: props.breadcrumbs,
    children: (
      <>
        <h1 safe>{props.heading}</h1>
        <Notice text={props.notice} />
        {(props.links ?? []).map((l) => <p><a href={l.href} safe>{l.label}</a></p>)}
        {language ? <LanguageChooser ctx={ctx} action={props.action} lang={language.lang} choices={language.choices ?? LOCALES} buttonLabel={language.chooseLabel} /> : ''}
        <ErrorSummary intl={intl} form={form} labels={props.labels} />
        <PostForm action={props.action} csrfToken={props.csrfToken} class="stack-form">
          {language ? <>
            <input type="hidden" name="lang" value={language.lang} />
            <p safe>{language.statement}</p>
            {props.texts as 'safe'}
          </> : ''}
          {props.children as 'safe'}
          <button type="submit" class="button" safe>{props.submitLabel}</button>
        </PostForm>
        {props.after as 'safe'}
      </>
    ),
  });
}

/** A GET form that picks the language of the texts the page writes: it works without JavaScript. */
function LanguageChooser({ ctx, action, lang, choices, buttonLabel }: {
  ctx: PageContext; action: string; lang: string; choices: readonly string[]; buttonLabel: string;
}) {
  const { intl } = ctx;
  return (
    <form method="get" action={action}>
      {/* `field-lang`: the error summary links a refused language to the field of its name. */}
      <label for="field-lang" safe>{intl.t('edit.language')}</label>{' '}
      <select id="field-lang" name="lang">
        {choices.map((l) => <option value={l} selected={l === lang} safe>{languageName(l, intl.locale)}</option>)}
      </select>{' '}
      <button type="submit" class="button secondary" safe>{buttonLabel}</button>
    </form>
  );
}

/** The language statement and chooser label of a page that edits existing texts, or writes new ones. */
export function textLanguage(ctx: PageContext, lang: string, mode: 'edit' | 'write'): NonNullable<FormFrameProps['language']> {
  const t = ctx.intl.t;
  const language = languageName(lang, ctx.intl.locale);
  return mode === 'edit'
    ? { lang, chooseLabel: t('edit.chooseLanguage'), statement: t('edit.editingLanguage', { language }) }
    : { lang, chooseLabel: t('edit.writeInLanguage'), statement: t('edit.writingLanguage', { language }) };
}
