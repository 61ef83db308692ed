/** Where publications live: public pages under `/guidance`, the secretariat's forms under `/admin/publications`. */
export const guidanceUrl = (locale: string) => `/${locale}/guidance`;
export const publicationUrl = (locale: string, slug: string) => `${guidanceUrl(locale)}/${slug}`;
export const publicationsAdminUrl = (locale: string) => `/${locale}/admin/publications`;
export const publicationNewUrl = (locale: string) => `${publicationsAdminUrl(locale)}/new`;
export const publicationEditUrl = (locale: string, slug: string) => `${publicationsAdminUrl(locale)}/${slug}/edit`;
export const publicationPublishUrl = (locale: string, slug: string) => `${publicationsAdminUrl(locale)}/${slug}/publish`;
export const publicationWithdrawUrl = (locale: string, slug: string) => `${publicationsAdminUrl(locale)}/${slug}/withdraw`;
export const PUBLICATION_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
