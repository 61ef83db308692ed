import { languageName, type Intl } from '../i18n/intl.ts';
import { textDir } from '../i18n/text-direction.ts';
import { formatPartialDate } from '../layout/format.ts';
import type { PublicationSummary } from './publication.queries.ts';
import { publicationUrl } from './publication-urls.ts';

/** A text in the reader's language, else in English, else in the first language it has, with the language it is in. */
export function pickText<T extends { locale: string }>(texts: T[], locale: string): T | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

export const publishedDate = (intl: Intl, day: string) => formatPartialDate(intl, { date: day, precision: 'day', raw: null });

/**
 * Publications as a list of links, each titled in the reader's language when it has one (else marked with its own
 * `lang`), with its kind and the day it was published.
 */
export function PublicationLinks({ intl, publications, headingLevel }: { intl: Intl; publications: PublicationSummary[]; headingLevel?: 'h2' | 'h3' }) {
  const t = intl.t;
  return (
    <ul class="publications">
      {publications.map((p) => {
        const title = pickText(p.texts, intl.locale);
        const link = <a href={publicationUrl(intl.locale, p.slug)} lang={title?.locale} dir={textDir(title?.locale)} safe>{title?.title ?? p.slug}</a>;
        return (
          <li>
            {headingLevel === 'h2' ? <h2>{link}</h2> : headingLevel === 'h3' ? <h3>{link}</h3> : link}
            <p class="muted">
              <span safe>{t(`publication.kind.${p.kind}`)}</span>
              {p.publishedOn ? <> · <span safe>{t('publication.publishedOn', { date: publishedDate(intl, p.publishedOn) })}</span></> : ''}
              {title && title.locale !== intl.locale ? <> · <span safe>{t('publication.inLanguage', { language: languageName(title.locale, intl.locale) })}</span></> : ''}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
