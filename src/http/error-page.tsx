import type { Intl } from '../i18n/intl.ts';
import { intlFor, negotiateLocale } from '../i18n/intl.ts';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales.ts';
import { Layout } from '../layout/layout.tsx';
import type { AppError } from './errors.ts';
import { pathAfterLocale } from './locale-params.ts';

const KEYS: Record<number, string> = { 400: 'badRequest', 403: 'forbidden', 404: 'notFound' };
/** Addresses that carry the list's filters (the list, its downloads, its feed): their way back is the list. */
const LIST_ADDRESS = /^\/(commitments(\/download\.[a-z]+)?|feeds\/commitments\.atom)$/;
const NAME_MARK = '\u{E000}';

export type ErrorPageRequest = { url: string; method: string; headers: { 'accept-language'?: string } };

/** Error pages, in the language of the URL when it names one, else the browser's. */
export function errorPage(status: number, request: ErrorPageRequest, error?: AppError): string {
  const first = request.url.split('/')[1] ?? '';
  const intl = intlFor(isLocale(first) ? first : negotiateLocale(request.headers['accept-language']));
  const after = isLocale(first) ? pathAfterLocale(request.url) : '/';
  const key = KEYS[status] ?? (status < 500 ? 'badRequest' : 'serverError');
  const refused = key === 'badRequest' ? refusal(intl, request.method, after, error) : undefined;
  const title = refused?.title ?? intl.t(`error.${key}.title`);
  return Layout({
    intl,
    pathAfterLocale: after,
    title,
    children: (
      <>
        <h1 safe>{title}</h1>
        {refused ? refused.what as 'safe' : <p safe>{intl.t(`error.${key}.body`)}</p>}
        {refused?.detail ? <p><code safe>{refused.detail}</code></p> : ''}
        {refused ? refused.back as 'safe' : <p><a href={`/${intl.locale}/`} safe>{intl.t('error.backHome')}</a></p>}
      </>
    ),
  });
}

/**
 * A refused request said in the page's language, as a form's problem (a body that was sent) or an address's: what
 * was wrong, naming the field or the address's parameter when known. The error's own message, English and at times
 * a library's ("reach fields limit"), is shown on English pages only. An address of the list leads back to the list.
 */
function refusal(intl: Intl, method: string, after: string, error: AppError | undefined) {
  const detail = intl.locale === DEFAULT_LOCALE ? error?.message : undefined;
  const home = <p><a href={`/${intl.locale}/`} safe>{intl.t('error.backHome')}</a></p>;
  if (method !== 'GET' && method !== 'HEAD') {
    const problem = error?.problem;
    const what = problem
      ? <p safe>{intl.t(`error.form.${problem.kind}`, problem)}</p>
      : error?.field ? <p>{naming(intl, 'error.form.field', error.field)}</p> : '';
    return { title: intl.t('error.form.title'), what: <>{what}<p safe>{intl.t('error.form.body')}</p></>, detail, back: home };
  }
  const path = after.split('?')[0] ?? '/';
  const back = LIST_ADDRESS.test(path) ? <p><a href={`/${intl.locale}/commitments`} safe>{intl.t('error.backToList')}</a></p> : home;
  const what = error?.field ? <p>{naming(intl, 'error.address.parameter', error.field)}</p> : <p safe>{intl.t('error.badRequest.body')}</p>;
  return { title: intl.t('error.badRequest.title'), what, detail, back };
}

/**
 * A message naming a field or parameter, the name in `<code>` as it is written in the form or the address (`irm`
 * for the error's path `irm.0`, a repeated parameter's first value).
 */
function naming(intl: Intl, key: string, path: string) {
  const [before = '', after = ''] = intl.t(key, { name: NAME_MARK }).split(NAME_MARK);
  return <><span safe>{before}</span><code safe>{path.split('.')[0]}</code><span safe>{after}</span></>;
}
