import type { Intl } from '../i18n/intl.ts';
import type { FormState } from '../http/form.ts';
import { errorMessage, fieldId, type SelectGroup, type SelectOption } from './form.tsx';

/**
 * A choice of several values: checkboxes sharing one name, in a fieldset whose legend is the label (optionally in
 * groups, each its own fieldset). The form state holds the checked values joined by commas (`formList` reads them
 * back from a posted body); the error summary links to the fieldset.
 */
export const LIST_SEPARATOR = ',';

export function CheckboxGroup({ intl, form, name, label, hint, options }: {
  intl: Intl; form: FormState; name: string; label: string; hint?: string; options: (SelectOption | SelectGroup)[];
}) {
  const error = form.errors[name];
  const checked = new Set((form.values[name] ?? '').split(LIST_SEPARATOR).filter(Boolean));
  const describedBy = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  let index = 0;
  const box = (o: SelectOption) => {
    const id = `${fieldId(name)}-${index++}`;
    return (
      <li class="checkbox">
        <input type="checkbox" id={id} name={name} value={o.value} checked={checked.has(o.value)} />{' '}
        <label for={id} safe>{o.label}</label>
      </li>
    );
  };
  return (
    <fieldset id={fieldId(name)} tabindex="-1" class={error ? 'field field-invalid' : 'field'} aria-describedby={describedBy}>
      <legend safe>{intl.t('form.optional', { label })}</legend>
      {hint ? <p id={`${fieldId(name)}-hint`} class="hint" safe>{hint}</p> : ''}
      {error ? <p id={`${fieldId(name)}-error`} class="field-error" safe>{errorMessage(intl, error, label)}</p> : ''}
      {options.map((o) => 'options' in o
        ? <fieldset class="checkbox-group"><legend safe>{o.label}</legend><ul class="checkboxes">{o.options.map(box)}</ul></fieldset>
        : <ul class="checkboxes">{box(o)}</ul>)}
    </fieldset>
  );
}

/** Every value posted under a repeated name (checkboxes), trimmed, without blanks or repeats. */
export function formList(body: unknown, name: string): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
  return [...new Set(values)];
}
