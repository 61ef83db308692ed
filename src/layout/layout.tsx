import type { Intl } from '../i18n/intl.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { icon, stylesheet } from './assets.ts';

export type PageContext = {
  intl: Intl;
  /** The path after the locale ("/commitments/KE0031"), so the language switcher keeps the page. */
  pathAfterLocale: string;
  /** The signed-in person, shown in the header with a sign-out form (src/http/page-context.ts fills it in). */
  user?: { name: string; csrfToken: string };
};

type LayoutProps = PageContext & {
  title: string; breadcrumbs?: { href: string; label: string }[]; children?: JSX.Element;
  /** Atom feeds of what the page shows, announced in the head for feed readers. */
  feeds?: { href: string; title: string }[];
};

export function Layout({ intl, pathAfterLocale, user, title, breadcrumbs, children, feeds }: LayoutProps): string {
  const t = intl.t;
  return '<!doctype html>' + (
    <html lang={intl.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title safe>{`${title} · Ahadi`}</title>
        <link rel="stylesheet" href={stylesheet.url} />
        <link rel="icon" href={icon.url} type="image/svg+xml" />
        {LOCALES.map((locale) => (
          <link rel="alternate" hreflang={locale} href={`/${locale}${pathAfterLocale}`} />
        ))}
        {(feeds ?? []).map((feed) => <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />)}
      </head>
      <body>
        <a class="skip-link" href="#main" safe>{t('layout.skipToContent')}</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={`/${intl.locale}/`}>Ahadi</a>
            <nav class="languages" aria-label={t('layout.languages')}>
              <ul>
                {LOCALES.map((locale) => <li><LanguageLink locale={locale} current={intl.locale} path={pathAfterLocale} /></li>)}
              </ul>
            </nav>
            {user ? (
              <div class="account-bar">
                <a href={`/${intl.locale}/account`} safe>{user.name}</a>
                <form method="post" action={`/${intl.locale}/sign-out`}>
                  <input type="hidden" name="_csrf" value={user.csrfToken} />
                  <button type="submit" class="link-button" safe>{t('layout.signOut')}</button>
                </form>
              </div>
            ) : ''}
          </div>
        </header>
        {breadcrumbs && breadcrumbs.length > 0 ? (
          <nav class="breadcrumbs" aria-label={t('layout.breadcrumbs')}>
            <ol>{breadcrumbs.map((b) => <li><a href={b.href} safe>{b.label}</a></li>)}</ol>
          </nav>
        ) : ''}
        <main id="main" tabindex="-1">{children as 'safe'}</main>
        <footer class="site-footer">
          <p safe>{t('layout.footer')}</p>
          <p><a href={`/${intl.locale}/guidance`} safe>{t('layout.guidance')}</a></p>
          <p><a href={`/${intl.locale}/open-data`} safe>{t('openData.footerLink')}</a></p>
          <p><a href={`/${intl.locale}/api`} safe>{t('layout.api')}</a></p>
          <p><a href={`/${intl.locale}/sign-in`} safe>{t('layout.workspace')}</a></p>
        </footer>
      </body>
    </html>
  );
}

// Each language's name in itself ("français"), computed once: building Intl.DisplayNames per request showed in profiles.
const OWN_NAMES = new Map(LOCALES.map((l) => [l, new globalThis.Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l]));

function LanguageLink({ locale, current, path }: { locale: Locale; current: Locale; path: string }) {
  const name = OWN_NAMES.get(locale) ?? locale;
  return (
    <a href={`/${locale}${path}`} lang={locale} hreflang={locale} aria-current={locale === current ? 'true' : undefined} safe>
      {name}
    </a>
  );
}
