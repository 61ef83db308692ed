import type { Children } from '@kitajs/html';
import type { Intl } from '../i18n/intl.ts';
import { CSRF_FIELD, multipartAction } from '../http/csrf.ts';
import type { FieldError, FormState } from '../http/form.ts';
import { formatFileSize } from '../evidence/file-size.ts';
import { textDir } from '../i18n/text-direction.ts';

/**
 * Form building blocks for every page with a form: each field has a label, its hint and error are tied to it by
 * `aria-describedby`, an error names its field and sits above the input, and a summary at the top of the form
 * links to each field in error. Forms post without JavaScript and carry the CSRF token.
 */
export const fieldId = (name: string) => `field-${name}`;

/** An error's message, naming its field (`field`, its label) and saying its values in the page's language. */
export function errorMessage(intl: Intl, error: FieldError, field = ''): string {
  if (typeof error === 'string') return intl.t(error, { field });
  const values = Object.fromEntries(Object.entries(error.values)
    .map(([name, value]) => [name, typeof value === 'object' ? formatFileSize(intl, value.fileSize) : value]));
  return intl.t(error.key, { ...values, field });
}

/** A form posted with its CSRF token; `multipart` for file uploads, whose token rides in the action's query (csrf.ts). */
export function PostForm({ action, csrfToken, children, class: className, multipart }: {
  action: string; csrfToken: string; children?: Children; class?: string; multipart?: boolean;
}) {
  return (
    <form method="post" action={multipart ? multipartAction(action, csrfToken) : action}
      enctype={multipart ? 'multipart/form-data' : undefined} novalidate class={className}>
      {multipart ? '' : <input type="hidden" name={CSRF_FIELD} value={csrfToken} />}
      {children as 'safe'}
    </form>
  );
}

export function ErrorSummary({ intl, form, labels }: { intl: Intl; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return '';
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title" safe>{intl.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([name, error]) => {
          const label = labels[name];
          const message = errorMessage(intl, error, label);
          return <li>{label ? <a href={`#${fieldId(name)}`} safe>{message}</a> : <span safe>{message}</span>}</li>;
        })}
      </ul>
    </div>
  );
}

type FieldProps = {
  intl: Intl; form: FormState; name: string; label: string; hint?: string; optional?: boolean;
  /**
   * The language of the text typed in the field (a commitment's Arabic title on a French page), set on the field
   * alone: its label and hint are in the page's language, and a screen reader must read them in it.
   */
  textLang?: string;
};

function describedBy(name: string, hint: string | undefined, error: FieldError | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({ intl, form, name, label, hint, optional, children }: FieldProps & { children?: Children }) {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={fieldId(name)} safe>{optional ? intl.t('form.optional', { label }) : label}</label>
      {hint ? <p id={`${fieldId(name)}-hint`} class="hint" safe>{hint}</p> : ''}
      {error ? <p id={`${fieldId(name)}-error`} class="field-error" safe>{errorMessage(intl, error, label)}</p> : ''}
      {children as 'safe'}
    </div>
  );
}

/** A text input. Passwords are never written back into the page. */
export function TextField(props: FieldProps & {
  type?: 'text' | 'email' | 'password'; autocomplete?: string; inputmode?: 'numeric' | 'email' | 'text'; spellcheck?: boolean;
}) {
  const { form, name, hint, type = 'text' } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <input id={fieldId(name)} name={name} type={type} value={type === 'password' ? undefined : form.values[name] ?? ''}
        lang={props.textLang} dir={textDir(props.textLang)}
        autocomplete={props.autocomplete} inputmode={props.inputmode} spellcheck={props.spellcheck === false ? 'false' : undefined}
        aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? 'true' : undefined} />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { form, name, hint } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <textarea id={fieldId(name)} name={name} rows={String(props.rows ?? 3)} lang={props.textLang} dir={textDir(props.textLang)}
        aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? 'true' : undefined} safe>{form.values[name] ?? ''}</textarea>
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/** A select; options may come in groups (`optgroup`). The empty first option stands for "none". */
export function SelectField(props: FieldProps & { options: (SelectOption | SelectGroup)[]; emptyLabel?: string }) {
  const { form, name, hint, options, emptyLabel } = props;
  const error = form.errors[name];
  const current = form.values[name] ?? '';
  const option = (o: SelectOption) => <option value={o.value} selected={o.value === current} safe>{o.label}</option>;
  return (
    <FieldFrame {...props}>
      <select id={fieldId(name)} name={name} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? 'true' : undefined}>
        {emptyLabel !== undefined ? <option value="" selected={current === ''} safe>{emptyLabel}</option> : ''}
        {options.map((o) => 'options' in o
          ? <optgroup label={o.label}>{o.options.map(option)}</optgroup>
          : option(o))}
      </select>
    </FieldFrame>
  );
}

/** A page title that starts with "Error:" when the form on it has errors, as screen-reader users expect. */
export function formTitle(intl: Intl, title: string, form?: FormState): string {
  return form && Object.keys(form.errors).length > 0 ? intl.t('form.errorTitle', { title }) : title;
}

/** A short message after an action ("Invitation sent"), read out by screen readers when the page loads. */
export function Notice({ text }: { text: string | undefined }) {
  return text ? <p class="notice" role="status" safe>{text}</p> : '';
}
