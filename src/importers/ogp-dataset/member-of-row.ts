import countries from 'i18n-iso-countries';
import type { CommitmentRecordInput } from '../../commitments/commitment-record.ts';
import { slugify } from '../../text/slugify.ts';
import { byCell } from '../table/by-cell.ts';
import { CellError } from '../table/cell-error.ts';
import { COLUMN } from './dataset-columns.ts';

type Member = CommitmentRecordInput['member'];

const KIND: Readonly<Record<string, Member['kind']>> = { national: 'national', 'legacy local': 'legacy_local', local: 'local', other: 'other' };

/**
 * The member a row belongs to, as OGP names it: the dataset's own name ("Slovak Republic", "Buenos Aires,
 * Argentina"), its kind and region, its OGP code ("ARBA") and the prefix of its commitment ids ("BUE").
 * National members also get their ISO alpha-2 code, from the alpha-3 code OGP uses for them.
 */
export function memberOfRow(cells: Readonly<Record<string, string>>, ogpId: string): Member {
  // The member's four cells as one key: every row of a plan repeats them, so they are read once.
  const key = JSON.stringify(MEMBER_COLUMNS.map((column) => cells[column] ?? ''));
  return { ...memberOfCells(key), ogpPrefix: ogpId.replace(/\d+$/, '') };
}

const MEMBER_COLUMNS = [COLUMN.memberName, COLUMN.memberKind, COLUMN.memberCode, COLUMN.region] as const;

const memberOfCells = byCell((key): Omit<Member, 'ogpPrefix'> => {
  const [nameCell, kindCell, codeCell, regionCell] = JSON.parse(key) as [string, string, string, string];
  const name = nameCell.trim();
  if (slugify(name) === '') throw new CellError(COLUMN.memberName, 'empty');
  const kind = KIND[kindCell.trim().toLowerCase()];
  if (!kind) throw new CellError(COLUMN.memberKind, `"${kindCell}" is not National, Local, Legacy Local or Other`);
  const code = codeCell.trim().toUpperCase();
  if (!/^[A-Z]{3,4}$/.test(code)) throw new CellError(COLUMN.memberCode, `"${code}" is not an OGP member code such as KEN`);
  const region = regionCell.trim();
  const isoAlpha2 = kind === 'national' ? countries.alpha3ToAlpha2(code) : undefined;
  return {
    name, kind, code, slug: slugify(name),
    ...(isoAlpha2 ? { isoAlpha2 } : {}),
    ...(region && !/^(nd|na)$/i.test(region) ? { region } : {}),
  };
});
