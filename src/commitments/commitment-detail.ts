import type { IrmIndicator, IrmMethod, IrmReport, RatingState } from '../irm/indicators.ts';

/**
 * A commitment as the portal and the API show it: every field, with prose in every language it exists in.
 * This is the wire shape of `/api/v1/commitments/{id}`; change it only with a new API version.
 */
export type ByLocale<T> = Record<string, T>;

export type PartialDateView = { date: string; precision: 'day' | 'month' | 'quarter' | 'year'; raw: string | null };

/**
 * A commitment's own date: read, as precisely as the source gave it, or only the source's words when they could not
 * be read as a date ("Underway", Excel's "7/16/1905"; migration 003): `date` is then null, never a guessed date.
 */
export type DateAsWrittenView = PartialDateView | { date: null; precision: null; raw: string };

export type InstitutionRef = { slug: string; name: string; kind: string };

export type CommitmentDetail = {
  ogpId: string;
  numberInPlan: number | null;
  /** The number as the plan writes it ("1.2", "III.4"), when it is not a whole number. */
  numberLabel: string | null;
  start: DateAsWrittenView | null;
  end: DateAsWrittenView | null;
  status: 'active' | 'completed' | 'withdrawn' | null;
  sourceLocale: string;
  carriedOverFrom: string | null;
  member: { slug: string; name: string; kind: string; ogpPrefix: string; isoAlpha2: string | null; code: string | null };
  actionPlan: { number: number; ogpPlanId: string | null; submissionYear: number; startYear: number; endYear: number };
  texts: ByLocale<{ title: string; description: string | null; objectives: string | null; statusQuo: string | null; ambition: string | null; fullText: string | null }>;
  leadInstitutions: InstitutionRef[];
  supportingInstitutions: { government: InstitutionRef[]; other: InstitutionRef[] };
  policyAreas: { key: string; label: string }[];
  milestones: {
    number: number;
    declaredStatus: 'new' | 'ongoing' | null;
    start: PartialDateView | null;
    end: PartialDateView | null;
    texts: ByLocale<string>;
  }[];
  irmReviews: {
    method: IrmMethod;
    report: IrmReport;
    publishedOn: string | null;
    irmNumber: number | null;
    sourceLocale: string;
    texts: ByLocale<{ irmTitle: string | null; narrative: string | null }>;
    ratings: { indicator: IrmIndicator; state: RatingState; value: string | null }[];
    derived: { ambition: 'high' | 'low' | null; starred: boolean | null };
  }[];
  updatedAt: string;
};

/** OGP's action plan id: `AP_` + the member's code + the plan number on two digits (AP_KEN04). */
export function ogpPlanId(memberCode: string | null, planNumber: number): string | null {
  return memberCode ? `AP_${memberCode}${String(planNumber).padStart(2, '0')}` : null;
}

/** The text in the wanted language if there is one, else in the source language, with the language it is in. */
export function pickLocale<T>(texts: ByLocale<T>, wanted: string, source: string): { value: T; locale: string } | undefined {
  for (const locale of [wanted, source, ...Object.keys(texts)]) {
    const value = texts[locale];
    if (value !== undefined) return { value, locale };
  }
  return undefined;
}

/**
 * The same among the texts that have what `has` asks for. The page picks its title, its prose and its full text each
 * so: a text with a title only (OGP's English title of a Spanish row, decision 006) then does not hide the prose of
 * the text in the language it was written in.
 */
export function pickLocaleWhere<T>(texts: ByLocale<T>, has: (value: T) => boolean, wanted: string, source: string): { value: T; locale: string } | undefined {
  return pickLocale(Object.fromEntries(Object.entries(texts).filter(([, value]) => has(value))), wanted, source);
}
