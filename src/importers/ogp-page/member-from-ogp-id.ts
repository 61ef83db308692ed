import countries from 'i18n-iso-countries';
import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { slugify } from '../../text/slugify.ts';

type Member = CommitmentRecordInput['member'];

/** OGP's national prefixes that are not the ISO 3166 alpha-2 code of the country. */
const ISO_CODE_OF_PREFIX: Readonly<Record<string, string>> = { UK: 'GB', MO: 'MA', PNG: 'PG' };

const englishRegionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * The member a commitment id belongs to: "KE0031" is Kenya, a national member; three- and four-letter prefixes
 * other than PNG are local members ("BUE" Buenos Aires). National members are named in English whatever the page's
 * language, so that the French and English pages of a country land on the same member.
 */
export function memberFromOgpId(ogpId: string, nameOnPage: string, warnings: string[]): Member {
  const ogpPrefix = ogpId.replace(/\d+$/, '');
  const national = ogpPrefix.length === 2 || ogpPrefix === 'PNG';
  if (!national) return { name: nameOnPage, kind: 'local', ogpPrefix, slug: slugify(nameOnPage) };
  const isoAlpha2 = ISO_CODE_OF_PREFIX[ogpPrefix] ?? ogpPrefix;
  const code = countries.alpha2ToAlpha3(isoAlpha2);
  if (code === undefined) {
    warnings.push(`member prefix ${ogpPrefix} is not a country code we know; kept the page's name "${nameOnPage}" and no ISO code`);
    return { name: nameOnPage, kind: 'national', ogpPrefix, slug: slugify(nameOnPage) };
  }
  const name = englishRegionNames.of(isoAlpha2) ?? nameOnPage;
  return { name, kind: 'national', ogpPrefix, isoAlpha2, code, slug: slugify(name) };
}
