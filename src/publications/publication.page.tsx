import { languageName } from '../i18n/intl.ts';
import { textDir } from '../i18n/text-direction.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { paragraphs } from '../layout/format.ts';
import { pickLocale } from '../commitments/commitment-detail.ts';
import { institutionPath } from '../institutions/institution-url.ts';
import type { PublicationDetail } from './publication.queries.ts';
import { pickText, publishedDate } from './publication-view.tsx';
import { guidanceUrl } from './publication-urls.ts';

const crumbs = (ctx: PageContext) => [
  { href: `/${ctx.intl.locale}/`, label: ctx.intl.t('home.title') },
  { href: guidanceUrl(ctx.intl.locale), label: ctx.intl.t('publication.list.title') },
];

/**
 * `/{locale}/guidance/{slug}`: a published guidance note or story in the reader's language, else in English or the
 * language it was written in, said so under the title and marked with its `lang`; its author, the day it was
 * published, and the commitments and institutions it is about. Its body is plain text: paragraphs, escaped.
 */
export function publicationPage(ctx: PageContext, p: PublicationDetail, editHref?: string): string {
  const { intl } = ctx;
  const t = intl.t;
  const text = pickText(p.texts, intl.locale)!;
  const lang = text.locale;
  return Layout({
    ...ctx,
    title: text.title,
    breadcrumbs: crumbs(ctx),
    children: (
      <article>
        <p class="muted" safe>{t(`publication.kind.${p.kind}`)}</p>
        <h1 lang={lang} dir={textDir(lang)} safe>{text.title}</h1>
        {p.state === 'draft' ? <p class="note" safe>{t('publication.draftNote')}</p> : ''}
        {lang !== intl.locale ? <p class="note" safe>{t('common.shownInOtherLanguage', { language: languageName(lang, intl.locale) })}</p> : ''}
        <dl class="facts">
          <dt safe>{t('publication.author')}</dt>
          <dd>{p.author
            ? (p.author.memberSlug ? <a href={institutionPath(intl.locale, p.author.memberSlug, p.author.slug)} safe>{p.author.name}</a> : <span safe>{p.author.name}</span>)
            : <span safe>{t('publication.secretariat')}</span>}</dd>
          {p.publishedOn ? <><dt safe>{t('publication.published')}</dt><dd safe>{publishedDate(intl, p.publishedOn)}</dd></> : ''}
        </dl>
        <div class="prose" lang={lang} dir={textDir(lang)}>{paragraphs(text.body).map((part) => <p safe>{part}</p>)}</div>
        {p.commitments.length > 0 ? (
          <section aria-labelledby="publication-commitments">
            <h2 id="publication-commitments" safe>{t('publication.commitments')}</h2>
            <ul>{p.commitments.map((c) => {
              const title = pickLocale(Object.fromEntries(c.titles.map((x) => [x.locale, x.title])), intl.locale, c.sourceLocale);
              return <li><a href={`/${intl.locale}/commitments/${c.ogpId}`}>
                <span safe>{c.ogpId}</span>{title ? <>: <span lang={title.locale} dir={textDir(title.locale)} safe>{title.value}</span></> : ''}
              </a></li>;
            })}</ul>
          </section>
        ) : ''}
        {p.institutions.length > 0 ? (
          <section aria-labelledby="publication-institutions">
            <h2 id="publication-institutions" safe>{t('publication.institutions')}</h2>
            <ul>{p.institutions.map((i) => <li>{i.memberSlug
              ? <a href={institutionPath(intl.locale, i.memberSlug, i.slug)} safe>{i.name}</a> : <span safe>{i.name}</span>}</li>)}</ul>
          </section>
        ) : ''}
        {editHref ? <p><a href={editHref} safe>{t('publication.edit.link')}</a></p> : ''}
      </article>
    ),
  });
}

/** A withdrawn publication's address (410): its title, that it was withdrawn and why; not its text. */
export function withdrawnPublicationPage(ctx: PageContext, p: PublicationDetail, editHref?: string): string {
  const { intl } = ctx;
  const t = intl.t;
  const text = pickText(p.texts, intl.locale)!;
  return Layout({
    ...ctx,
    title: t('publication.withdrawn.title'),
    breadcrumbs: crumbs(ctx),
    children: (
      <>
        <h1 safe>{t('publication.withdrawn.title')}</h1>
        <p>
          <span safe>{t('publication.withdrawn.intro')}</span>{' '}
          <cite lang={text.locale} dir={textDir(text.locale)} safe>{text.title}</cite>
        </p>
        <h2 safe>{t('publication.withdrawn.reason')}</h2>
        <p safe>{p.withdrawnReason}</p>
        <p><a href={guidanceUrl(intl.locale)} safe>{t('publication.withdrawn.back')}</a></p>
        {editHref ? <p><a href={editHref} safe>{t('publication.edit.link')}</a></p> : ''}
      </>
    ),
  });
}
