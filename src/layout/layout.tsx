import type { Intl } from '../i18n/intl.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { stylesheet } from './assets.ts';

export type PageContext = {
  intl: Intl;
  /** The path after the locale ("/commitments/KE0031"), so the language switcher keeps the page. */
  pathAfterLocale: string;
};

type LayoutProps = PageContext & { title: string; breadcrumbs?: { href: string; label: string }[]; children?: JSX.Element };

export function Layout({ intl, pathAfterLocale, title, breadcrumbs, children }: LayoutProps): string {
  const t = intl.t;
  return '<!doctype html>' + (
    <html lang={intl.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title safe>{`${title} · Ahadi`}</title>
        <link rel="stylesheet" href={stylesheet.url} />
        {LOCALES.map((locale) => (
          <link rel="alternate" hreflang={locale} href={`/${locale}${pathAfterLocale}`} />
        ))}
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
        </footer>
      </body>
    </html>
  );
}

function LanguageLink({ locale, current, path }: { locale: Locale; current: Locale; path: string }) {
  const name = new globalThis.Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return (
    <a href={`/${locale}${path}`} lang={locale} hreflang={locale} aria-current={locale === current ? 'true' : undefined} safe>
      {name}
    </a>
  );
}
