import { intlFor, type Intl } from '../i18n/intl.ts';
import { isLocale } from '../i18n/locales.ts';
import { AppError } from './errors.ts';

/** The interface language named by a `/{locale}/...` URL; an unknown one is a 404, not a guess. */
export function intlFromParams(params: unknown): Intl {
  const locale = (params as { locale?: string }).locale ?? '';
  if (!isLocale(locale)) throw new AppError('not_found', `no such language: ${locale}`);
  return intlFor(locale);
}

/** The URL with its leading `/{locale}` removed, query kept, so the language switcher keeps the page and its filters. */
export function pathAfterLocale(url: string): string {
  const [path = '/', ...query] = url.split('?');
  const rest = path.replace(/^\/[^/]+/, '') || '/';
  return query.length > 0 ? `${rest}?${query.join('?')}` : rest;
}
