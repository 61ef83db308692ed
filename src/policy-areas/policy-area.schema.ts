import { z } from 'zod';
import { LocaleQuerySchema, SlugSchema } from '../http/api/api-schemas.ts';
import { PageQuerySchema } from '../http/api/list-envelope.ts';
import type { PolicyAreaRow } from './policy-area.queries.ts';

/** Wire shapes of `/api/v1/policy-areas` (a promise to API clients: change only with a new API version). */
export const PolicyAreaWireSchema = z.object({
  key: z.string().describe('Stable English key, used by the commitment list\'s `area` filter'),
  parentKey: z.string().nullable(),
  label: z.string().describe('In the language `locale` asks for, else English'),
  labelLocale: z.string().nullable(),
  commitmentCount: z.number().int(),
}).meta({ id: 'PolicyArea' });
export type PolicyAreaWire = z.output<typeof PolicyAreaWireSchema>;

export const PolicyAreaDetailWireSchema = PolicyAreaWireSchema.extend({
  labels: z.record(z.string(), z.string()).describe('The label in every language, by language code'),
  children: z.array(z.string()).describe('Keys of the areas under this one'),
}).meta({ id: 'PolicyAreaDetail' });
export type PolicyAreaDetailWire = z.output<typeof PolicyAreaDetailWireSchema>;

export const PolicyAreaListQuerySchema = LocaleQuerySchema.extend(PageQuerySchema.shape);
export const PolicyAreaKeySchema = z.tuple([z.number().int(), z.string()]);
export const PolicyAreaParamsSchema = z.object({ key: SlugSchema });

export function presentPolicyArea(row: PolicyAreaRow): PolicyAreaWire {
  return { key: row.key, parentKey: row.parentKey, label: row.label, labelLocale: row.labelLocale, commitmentCount: row.commitmentCount };
}

export function presentPolicyAreaDetail(row: PolicyAreaRow, labels: Record<string, string>, children: string[]): PolicyAreaDetailWire {
  return { ...presentPolicyArea(row), labels, children };
}
