/** `/{locale}/members/{member}/institutions/{institution}`: an institution's page, under the member it belongs to. */
export const institutionPath = (locale: string, memberSlug: string, institutionSlug: string) =>
  `/${locale}/members/${memberSlug}/institutions/${institutionSlug}`;
