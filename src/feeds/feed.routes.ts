import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { notFound } from '../http/errors.ts';
import { sendDataVersionedDocument } from '../http/public-page-cache.ts';
import type { Intl } from '../i18n/intl.ts';
import { parseQuery } from '../http/query.ts';
import { CommitmentFiltersSchema, NO_FILTERS, filtersToQuery, type CommitmentFilters } from '../commitments/commitment-filters.ts';
import { findMemberHead } from '../members/member.queries.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { findFeedItems, findPolicyAreaLabel, type FeedItem } from './feed.queries.ts';
import { commitmentsFeedPath, memberFeedPath, policyAreaFeedPath } from './feed-url.ts';
import { renderAtom } from './atom.ts';

const FEED_SIZE = 50;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type FeedRequest = { filters: CommitmentFilters; title: string; selfPath: string; alternatePath: string };

/**
 * Atom feeds of new and changed commitments: `/{locale}/feeds/commitments.atom?<list filters>`,
 * `/{locale}/members/{slug}/feed.atom` and `/{locale}/policy-areas/{key}/feed.atom`. Links are absolute, on
 * AHADI_BASE_URL.
 */
export function registerFeedRoutes(app: FastifyInstance, { db, config, pageCache }: AppDeps): void {
  /**
   * Feed readers poll: a feed is kept per public data version, and a reader that sends its ETag back gets a 304.
   * The version is read before `describe` reads what the feed shows (a member's name, an area's label).
   */
  const send = async (request: FastifyRequest, reply: FastifyReply, intl: Intl, describe: () => Promise<FeedRequest>) => {
    const dataVersion = await pageCache.dataVersion(true);
    const feed = await describe();
    return sendDataVersionedDocument(request, reply, pageCache, `feed ${intl.locale} ${feed.selfPath}`, 'application/atom+xml; charset=utf-8',
      dataVersion, async () => atomOf(intl, config.baseUrl, feed, await findFeedItems(db, feed.filters, intl.locale, FEED_SIZE)));
  };

  app.get<{ Params: { locale: string } }>('/:locale/feeds/commitments.atom', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const filters = parseQuery(CommitmentFiltersSchema, request.query);
    // The feed has its own order (latest change first), so a sort is no part of what it shows.
    const query = filtersToQuery({ ...filters, sort: undefined });
    return send(request, reply, intl, async () => ({
      filters,
      title: intl.t(query !== '' ? 'feed.titleFiltered' : 'feed.titleAll'),
      selfPath: commitmentsFeedPath(intl.locale, filters),
      // The list of the same filters in its default order: the list has no "latest change" sort, and "newest" means
      // newest plans, not latest changes. Adding that sort would take a keyset order and index of its own.
      alternatePath: `/${intl.locale}/commitments${query}`,
    }));
  });

  app.get<{ Params: { locale: string; slug: string } }>('/:locale/members/:slug/feed.atom', async (request, reply) => {
    const intl = intlFromParams(request.params);
    return send(request, reply, intl, async () => {
      const member = await findMemberHead(db, request.params.slug);
      if (!member) throw notFound('member');
      return {
        filters: { ...NO_FILTERS, member: [member.slug] },
        title: intl.t('feed.titleOf', { name: memberName(member, intl.locale) }),
        selfPath: memberFeedPath(intl.locale, member.slug),
        alternatePath: `/${intl.locale}/members/${member.slug}`,
      };
    });
  });

  app.get<{ Params: { locale: string; key: string } }>('/:locale/policy-areas/:key/feed.atom', async (request, reply) => {
    const intl = intlFromParams(request.params);
    const { key } = request.params;
    return send(request, reply, intl, async () => {
      const label = SLUG.test(key) ? await findPolicyAreaLabel(db, key, intl.locale) : undefined;
      if (label === undefined) throw notFound('policy area');
      const filters = { ...NO_FILTERS, area: [key] };
      return {
        filters,
        title: intl.t('feed.titleOf', { name: label }),
        selfPath: policyAreaFeedPath(intl.locale, key),
        alternatePath: `/${intl.locale}/commitments${filtersToQuery(filters)}`,
      };
    });
  });
}

function atomOf(intl: Intl, base: string, feed: FeedRequest, items: FeedItem[]): string {
  return renderAtom({
    id: `${base}${feed.selfPath}`,
    lang: intl.locale,
    title: feed.title,
    subtitle: intl.t('feed.subtitle', { count: FEED_SIZE }),
    selfLink: `${base}${feed.selfPath}`,
    alternateLink: `${base}${feed.alternatePath}`,
    authorName: 'Ahadi',
    authorUri: `${base}/`,
    rights: intl.t('feed.rights'),
    updated: items[0]?.updatedAt ?? new Date(),
    entries: items.map((item) => entry(intl, base, item)),
  });
}

function entry(intl: Intl, base: string, item: FeedItem) {
  const url = `${base}/${intl.locale}/commitments/${item.ogpId}`;
  const plan = actionPlanTitle(intl, memberName(item.member, intl.locale), item.actionPlan);
  const led = item.leadInstitutions.length > 0
    ? ` ${intl.t('browse.ledBy', { institutions: intl.formatList(item.leadInstitutions, { type: 'conjunction' }) as string })}.`
    : '';
  return {
    id: url,
    title: `${item.title} (${item.ogpId})`,
    titleLang: item.titleLocale,
    link: url,
    published: item.createdAt,
    updated: item.updatedAt,
    summary: `${plan}.${led}`,
    categories: item.policyAreas.map((a) => ({ term: a.key, label: a.label })),
  };
}
