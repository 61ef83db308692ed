/** `/{locale}/members/{member}/institutions/{institution}`: an institution's page, under the member it belongs to. */
export const institutionPath = (locale: string, memberSlug: string, institutionSlug: string) =>
  `/${locale}/members/${memberSlug}/institutions/${institutionSlug}`;

/** The institution's history tab, and the secretariat's forms to rename it and merge it into another. */
export type InstitutionSubpage = 'history' | 'rename' | 'merge';
export const institutionSubpath = (locale: string, memberSlug: string, institutionSlug: string, page: InstitutionSubpage) =>
  `${institutionPath(locale, memberSlug, institutionSlug)}/${page}`;
