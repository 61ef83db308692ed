import countries from 'i18n-iso-countries';
import type { CommitmentRecordInput } from '../commitments/commitment-record.ts';
import { slugify } from '../text/slugify.ts';
import type { Random } from './random.ts';
import {
  LOCAL_INSTITUTIONS, NAME_ENDINGS, NAME_ONSETS, NAME_VOWELS, NATIONAL_INSTITUTIONS, REGIONS, inLanguage,
  type Language,
} from './word-lists.ts';

/**
 * The members of the synthetic data set and their action plans: invented names, OGP prefixes that no real member
 * uses (two letters for national members, three or four for local ones), a source language per member, a pool of
 * institutions, and how many commitments each plan holds.
 */
export type Institution = { name: string; kind: string };

export type PlanOutline = {
  number: number;
  submissionYear: number;
  startYear: number;
  endYear: number;
  commitments: number;
  /** The member-wide number of the plan's first commitment (OGP ids count across plans: KE0031 is Kenya's 31st). */
  firstOgpNumber: number;
};

export type MemberOutline = {
  index: number;
  member: CommitmentRecordInput['member'];
  language: Language;
  /** Share of commitments that also have an English translation (members writing in another language). */
  englishShare: number;
  /** Members that number commitments "2.1", "2.2" (sections) rather than 1, 2, 3. */
  sectionNumbers: boolean;
  institutions: Institution[];
  plans: PlanOutline[];
};

const GOVERNMENT_KINDS = new Set(['ministry', 'agency', 'independent_commission', 'parliament', 'judiciary', 'subnational_government']);
export const isGovernment = (kind: string) => GOVERNMENT_KINDS.has(kind);

/** OGP ids have four digits. */
export const MAX_COMMITMENTS_PER_MEMBER = 9999;

// Prefixes real OGP members use that are not ISO codes, and real local members' prefixes: never generated.
const REAL_OGP_PREFIXES = new Set(['UK', 'EL', 'MO', 'SL', 'XK', 'EU', 'UN', 'PNG', 'BUE', 'COT', 'TBI', 'ELG', 'MAD', 'SEO',
  'PAR', 'AUS', 'BOG', 'SAO', 'MEX', 'KAD', 'NAI', 'OST', 'SCO', 'TRN', 'IAS', 'LAP', 'MAK', 'PLA', 'JAL', 'NIC', 'OGP']);

export function outlineMembers(random: Random, memberCount: number, commitmentCount: number): MemberOutline[] {
  if (memberCount < 1) throw new RangeError('at least one member');
  if (commitmentCount > memberCount * MAX_COMMITMENTS_PER_MEMBER) {
    throw new RangeError(`${commitmentCount} commitments do not fit in ${memberCount} members (at most ${MAX_COMMITMENTS_PER_MEMBER} each)`);
  }
  const nationalCount = Math.max(1, Math.round(memberCount * 0.8));
  const r = random.derive('members');
  const names = new Set<string>();
  const usedCodes = new Set<string>();
  const nationalPrefixes = r.shuffle(freeTwoLetterPrefixes());
  if (nationalPrefixes.length < nationalCount) throw new RangeError(`at most ${nationalPrefixes.length} national members`);

  const members: MemberOutline[] = [];
  for (let i = 0; i < memberCount; i++) {
    const national = i < nationalCount;
    const mr = r.derive(i);
    const parent = national ? undefined : members[mr.int(0, nationalCount - 1)]!;
    const region = parent?.member.region ?? mr.weighted<string>(Object.fromEntries(Object.entries(REGIONS).map(([k, v]) => [k, v.weight])));
    const language = parent && mr.chance(0.9) ? parent.language : mr.weighted(REGIONS[region]!.languages as Record<Language, number>);
    const placeName = uniqueName(mr, names);
    let member: CommitmentRecordInput['member'];
    if (national) {
      const prefix = nationalPrefixes[i]!;
      member = { name: placeName, kind: 'national', ogpPrefix: prefix, code: uniqueCode(mr, usedCodes, prefix, 1), slug: slugify(placeName), region };
    } else {
      const name = `${placeName}, ${parent!.member.name}`;
      const prefix = localPrefix(mr, placeName, usedCodes);
      member = {
        name, kind: mr.chance(0.25) ? 'legacy_local' : 'local', ogpPrefix: prefix,
        code: uniqueCode(mr, usedCodes, parent!.member.ogpPrefix, 2), slug: slugify(name), region,
      };
    }
    members.push({
      index: i, member, language,
      englishShare: language === 'en' ? 0 : mr.pick([0, 0.1, 0.3, 0.6, 0.9]),
      sectionNumbers: mr.chance(0.1),
      institutions: institutionPool(mr, national, language),
      plans: outlinePlans(mr, national),
    });
  }
  allocateCommitments(r.derive('allocation'), members, commitmentCount);
  return members.filter((m) => m.plans.length > 0);
}

/** Two-letter prefixes that are no ISO 3166 country code and no real OGP prefix, in a fixed order. */
function freeTwoLetterPrefixes(): string[] {
  const iso = new Set(Object.keys(countries.getAlpha2Codes()));
  const free: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!iso.has(code) && !REAL_OGP_PREFIXES.has(code)) free.push(code);
    }
  }
  return free;
}

function isReserved(code: string): boolean {
  return REAL_OGP_PREFIXES.has(code) || countries.isValid(code);
}

/** A member's code (OGP's "Code" column, unique): its prefix's letters and one or two more. */
function uniqueCode(r: Random, used: Set<string>, stem: string, extra: number): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = stem;
    while (code.length < stem.length + extra) code += String.fromCharCode(65 + r.int(0, 25));
    if (code.length <= 4 && !used.has(code) && !isReserved(code)) {
      used.add(code);
      return code;
    }
  }
  throw new Error(`no free code for ${stem}`);
}

/** A local member's prefix from its name's letters ("Vantora" → "VAN", then "VANT"), else random letters. */
function localPrefix(r: Random, name: string, used: Set<string>): string {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, '');
  const candidates = [letters.slice(0, 3), letters.slice(0, 4), letters.slice(0, 2) + letters.slice(-1)];
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = candidates[attempt] ?? Array.from({ length: r.int(3, 4) }, () => String.fromCharCode(65 + r.int(0, 25))).join('');
    if (/^[A-Z]{3,4}$/.test(candidate) && !used.has(candidate) && !isReserved(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  throw new Error(`no free prefix for ${name}`);
}

const englishRegionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const REAL_COUNTRY_NAMES = new Set(Object.keys(countries.getAlpha2Codes()).map((code) => englishRegionNames.of(code)));

function uniqueName(r: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const syllables = r.int(1, 2);
    let name = '';
    for (let s = 0; s < syllables; s++) name += r.pick(NAME_ONSETS) + r.pick(NAME_VOWELS);
    name += r.pick(NAME_ONSETS) + r.pick(NAME_ENDINGS);
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (!used.has(name) && !REAL_COUNTRY_NAMES.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('ran out of names');
}

function institutionPool(r: Random, national: boolean, language: Language): Institution[] {
  const entries = national ? NATIONAL_INSTITUTIONS : LOCAL_INSTITUTIONS;
  const government = entries.filter((e) => isGovernment(e.kind));
  const others = entries.filter((e) => !isGovernment(e.kind));
  const chosen = [
    ...r.sample(government, national ? r.int(12, government.length) : r.int(5, government.length)),
    ...r.sample(others, r.int(5, others.length)),
  ];
  return chosen.map((e) => ({ name: inLanguage(e.name, language), kind: e.kind }));
}

const LAST_START_YEAR = 2024;


function outlinePlans(r: Random, national: boolean): PlanOutline[] {
  const maxPlans = national ? r.weighted({ 1: 5, 2: 10, 3: 15, 4: 20, 5: 25, 6: 25 }) : r.weighted({ 1: 40, 2: 35, 3: 25 });
  let start = national ? 2011 + Math.min(12, Math.floor(Math.abs(r.normal()) * 4)) : r.int(2016, 2022);
  const plans: PlanOutline[] = [];
  while (plans.length < Number(maxPlans) && start <= LAST_START_YEAR) {
    const length = Number(r.weighted({ 1: 10, 2: 60, 3: 15, 4: 15 }));
    const end = start + length;
    plans.push({
      number: plans.length + 1, submissionYear: start > 2011 && r.chance(0.3) ? start - 1 : start,
      startYear: start, endYear: end, commitments: 0, firstOgpNumber: 0,
    });
    start = r.chance(0.75) ? end : end + 1;
  }
  return plans;
}

/**
 * Spreads the commitments over members (skewed: a few members have many) and their plans, every member and plan
 * getting at least one while there are enough; plans that get none are dropped.
 */
function allocateCommitments(r: Random, members: MemberOutline[], total: number): void {
  const weights = members.map((m) => Math.exp(0.7 * r.normal()) * (m.member.kind === 'national' ? 1 : 0.4) * Math.sqrt(m.plans.length));
  const perMember = apportion(weights, total, members.length <= total ? 1 : 0, MAX_COMMITMENTS_PER_MEMBER);
  members.forEach((m, i) => {
    const planWeights = m.plans.map(() => 0.5 + r.next());
    const perPlan = apportion(planWeights, perMember[i]!, m.plans.length <= perMember[i]! ? 1 : 0, MAX_COMMITMENTS_PER_MEMBER);
    m.plans.forEach((plan, j) => { plan.commitments = perPlan[j]!; });
    m.plans = m.plans.filter((p) => p.commitments > 0);
    let next = 1;
    m.plans.forEach((plan, j) => {
      plan.number = j + 1;
      plan.firstOgpNumber = next;
      next += plan.commitments;
    });
  });
}

/** Integer shares of `total` proportional to `weights` (largest remainder), each at least `min` and at most `max`. */
export function apportion(weights: number[], total: number, min: number, max: number): number[] {
  const shares = weights.map(() => min);
  let left = total - min * weights.length;
  if (left < 0) {
    // Fewer than one each: the heaviest get one.
    const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0]);
    return weights.map((_, i) => (order.findIndex(([, j]) => j === i) < total ? 1 : 0));
  }
  for (let round = 0; left > 0 && round < 50; round++) {
    const open = shares.map((s, i) => (s < max ? i : -1)).filter((i) => i >= 0);
    const sum = open.reduce((s, i) => s + weights[i]!, 0);
    const exact = open.map((i) => ({ i, value: (weights[i]! / sum) * left }));
    let given = 0;
    for (const { i, value } of exact) {
      const add = Math.min(Math.floor(value), max - shares[i]!);
      shares[i]! += add;
      given += add;
    }
    const remainders = exact.filter(({ i }) => shares[i]! < max).sort((a, b) => (b.value % 1) - (a.value % 1));
    for (const { i } of remainders) {
      if (given >= left) break;
      shares[i]! += 1;
      given += 1;
    }
    left -= given;
  }
  return shares;
}
