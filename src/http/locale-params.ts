import { intlFor, type Intl } from '../i18n/intl.ts';
import { isLocale } from '../i18n/locales.ts';
import { AppError } from './errors.ts';

/** The interface language named by a `/{locale}/...` URL; an unknown one is a 404, not a guess. */
export function intlFromParams(params: unknown): Intl {
  const locale = (params as { locale?: string }).locale ?? '';
  if (!isLocale(locale)) throw new AppError('not_found', `no such language: ${locale}`);
  return intlFor(locale);
}

/** The URL path with its leading `/{locale}` removed, for the language switcher. */
export function pathAfterLocale(url: string): string {
  const path = url.split('?')[0] ?? '/';
  return path.replace(/^\/[^/]+/, '') || '/';
}
