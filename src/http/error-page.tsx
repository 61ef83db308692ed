import { intlFor, negotiateLocale } from '../i18n/intl.ts';
import { isLocale } from '../i18n/locales.ts';
import { Layout } from '../layout/layout.tsx';
import { pathAfterLocale } from './locale-params.ts';

const KEYS: Record<number, string> = { 400: 'badRequest', 403: 'forbidden', 404: 'notFound' };

/** Error pages, in the language of the URL when it names one, else the browser's. */
export function errorPage(status: number, url: string, acceptLanguage: string | undefined, detail?: string): string {
  const first = url.split('/')[1] ?? '';
  const intl = intlFor(isLocale(first) ? first : negotiateLocale(acceptLanguage));
  const key = KEYS[status] ?? (status < 500 ? 'badRequest' : 'serverError');
  return Layout({
    intl,
    pathAfterLocale: isLocale(first) ? pathAfterLocale(url) : '/',
    title: intl.t(`error.${key}.title`),
    children: (
      <>
        <h1 safe>{intl.t(`error.${key}.title`)}</h1>
        <p safe>{intl.t(`error.${key}.body`)}</p>
        {key === 'badRequest' && detail ? <p><code safe>{detail}</code></p> : ''}
        <p><a href={`/${intl.locale}/`} safe>{intl.t('error.backHome')}</a></p>
      </>
    ),
  });
}
