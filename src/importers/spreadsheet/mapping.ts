import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ActionPlanSchema, MemberSchema, OgpIdSchema } from '../../commitments/commitment-record.ts';
import { describeIssues } from '../commitment-target.ts';

/**
 * A column mapping: how a secretariat's own spreadsheet (CSV or XLSX) becomes commitments or milestones.
 * Written by hand as JSON (see docs/import-mappings/), so every field is checked and a mistake names its field.
 */
const Column = z.string().trim().min(1, 'a column name');
const Locale = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as "es"');

/**
 * How a row names its commitment's OGP id; exactly one of:
 * - `column`: the column holds OGP ids ("KE0031");
 * - `template`: an id built from columns, "MX{numero:4}" (a column name in braces, ":4" pads with zeros to 4 digits);
 * - `column` + `map`: the sheet's own id in `column`, and `map` from that id to the OGP id (trackers with their own ids).
 */
const IdRule = z.strictObject({
  column: Column.optional(),
  template: z.string().regex(/\{[^{}]+\}/, 'a template with at least one {column}').optional(),
  map: z.record(z.string().min(1), OgpIdSchema).optional(),
}).superRefine((rule, ctx) => {
  if ((rule.column === undefined) === (rule.template === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give exactly one of "column" and "template"' });
  }
  if (rule.map !== undefined && rule.column === undefined) {
    ctx.addIssue({ code: 'custom', path: ['map'], message: '"map" translates the ids of "column"; give "column" too' });
  }
});
export type IdRule = z.infer<typeof IdRule>;

/**
 * How date cells are written: `iso` 2021-03-31; `day-month-year` 31/3/2021; `month-day-year` 3/31/2021;
 * `text` anything parsePartialDate reads ("March 2021", "Q1 2021", m/d/yyyy).
 */
const DateFormat = z.enum(['iso', 'day-month-year', 'month-day-year', 'text']);
export type DateFormat = z.infer<typeof DateFormat>;

/** Columns appended to a text under a heading, so that nothing of the sheet is lost: "Indicador: ...". */
const LabelledColumns = z.array(z.strictObject({ column: Column, heading: z.string().trim().min(1) }));

const Common = {
  $comment: z.string().optional(),
  /** The worksheet of an XLSX file; the first one when absent. */
  sheet: z.string().min(1).optional(),
  sourceLocale: Locale,
  dateFormat: DateFormat.default('text'),
  /** Template text a tracker leaves in cells nobody filled in ("Descripción del hito..."): read as empty. */
  placeholders: z.array(z.string().trim().min(1, 'a placeholder text')).default([]),
  /** Columns whose XLSX link cells keep their address after their text (evidence); others read as their text. */
  keepLinks: z.array(Column).default([]),
};

const CommitmentsMapping = z.strictObject({
  ...Common,
  kind: z.literal('commitments'),
  member: MemberSchema,
  actionPlan: ActionPlanSchema,
  id: IdRule,
  columns: z.strictObject({
    title: Column,
    description: Column.optional(),
    objectives: Column.optional(),
    statusQuo: Column.optional(),
    ambition: Column.optional(),
    numberInPlan: Column.optional(),
    start: Column.optional(),
    end: Column.optional(),
    leadInstitutions: Column.optional(),
    supportingInstitutions: Column.optional(),
    /** Policy-area keys or labels (any language of the taxonomy), separated by semicolons or line breaks. */
    policyAreas: Column.optional(),
  }),
  /** Every other column worth keeping, in the commitment's full text under its heading. */
  fullText: LabelledColumns.default([]),
  /** Institution lists are split at line breaks and semicolons; a sheet that also uses this (",") says so. */
  listSeparator: z.string().min(1).optional(),
  /** Supporting institutions as government or other actors; "infer" guesses from each name. */
  supportingActorGroup: z.enum(['government', 'other', 'infer']).default('infer'),
});

const MilestonesMapping = z.strictObject({
  ...Common,
  kind: z.literal('milestones'),
  /** How a row names the commitment it belongs to (which must be in Ahadi already). */
  commitment: IdRule,
  /** The milestone's number; when absent, milestones are numbered 1, 2, ... in file order within their commitment. */
  numberColumn: Column.optional(),
  columns: z.strictObject({
    /** The milestone's text: the first of these columns that is not empty. */
    text: z.array(Column).min(1),
    start: Column.optional(),
    end: Column.optional(),
  }),
  details: LabelledColumns.default([]),
  /** Rows whose text columns are all empty are skipped (stub rows of a tracker) instead of rejected. */
  skipRowsWithoutText: z.boolean().default(false),
});

const AnyMapping = z.discriminatedUnion('kind', [CommitmentsMapping, MilestonesMapping]);
export type Mapping = z.infer<typeof AnyMapping>;

/** `keepLinks` names columns the mapping reads: another column is never published, so a name there is a mistake. */
export const MappingSchema = AnyMapping.superRefine((mapping, ctx) => {
  const read = new Set(mappedColumns(mapping));
  mapping.keepLinks.forEach((column, i) => {
    if (!read.has(column)) ctx.addIssue({ code: 'custom', path: ['keepLinks', i], message: `"${column}" is not a column this mapping reads` });
  });
});
export type CommitmentsMapping = z.infer<typeof CommitmentsMapping>;
export type MilestonesMapping = z.infer<typeof MilestonesMapping>;

/** A mapping file that is not valid JSON or not a valid mapping; the message names the file and each field. */
export class MappingError extends Error {
  override name = 'MappingError';
}

export function readMapping(file: string): Mapping {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MappingError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success) throw new MappingError(`${name}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Every column the mapping reads, to check against the sheet's header before reading a row. */
export function mappedColumns(mapping: Mapping): string[] {
  const idColumns = (rule: IdRule) => [
    ...(rule.column ? [rule.column] : []),
    ...[...(rule.template ?? '').matchAll(/\{([^{}:]+)(?::\d+)?\}/g)].map((m) => m[1]!),
  ];
  if (mapping.kind === 'commitments') {
    return [...idColumns(mapping.id), ...Object.values(mapping.columns), ...mapping.fullText.map((c) => c.column)];
  }
  return [
    ...idColumns(mapping.commitment), ...(mapping.numberColumn ? [mapping.numberColumn] : []),
    ...mapping.columns.text, ...(mapping.columns.start ? [mapping.columns.start] : []),
    ...(mapping.columns.end ? [mapping.columns.end] : []), ...mapping.details.map((c) => c.column),
  ];
}
