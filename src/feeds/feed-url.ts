import { filtersToQuery, type CommitmentFilters } from '../commitments/commitment-filters.ts';

/** Paths of the Atom feeds, for `<link rel="alternate">` in pages and for the feeds' own `self` links. */
export const commitmentsFeedPath = (locale: string, filters: CommitmentFilters) =>
  // Feeds are always newest first: a sort of the list is not part of the feed's address.
  `/${locale}/feeds/commitments.atom${filtersToQuery({ ...filters, sort: undefined })}`;
export const memberFeedPath = (locale: string, memberSlug: string) => `/${locale}/members/${memberSlug}/feed.atom`;
export const policyAreaFeedPath = (locale: string, key: string) => `/${locale}/policy-areas/${key}/feed.atom`;
