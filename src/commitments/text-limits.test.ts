import { describe, expect, it } from 'vitest';
import { portugueseCommitment } from '../../test/helpers/portuguese-commitment.ts';
import { commitmentTarget } from '../importers/commitment-target.ts';
import type { CommitmentRecordInput } from './commitment-record.ts';

/** Every importer's records pass CommitmentRecordSchema: it holds their texts to the forms' limits (`TEXT_LIMITS`). */
describe('the limits of an imported record', () => {
  const withTexts = (texts: CommitmentRecordInput['texts'], milestone = 'Publicar os contratos'): CommitmentRecordInput =>
    ({ ...portugueseCommitment, texts, milestones: [{ number: 1, texts: { pt: milestone } }] });

  it('takes texts up to the limits', () => {
    const record = withTexts({ pt: { title: 't'.repeat(1000), description: 'd'.repeat(20_000), ambition: 'a'.repeat(20_000) } }, 'm'.repeat(5000));
    expect(commitmentTarget.check(record)).toBeUndefined();
  });

  it('rejects a text over its limit, naming the field and the limit', () => {
    const cases: [CommitmentRecordInput, string][] = [
      [withTexts({ pt: { title: 't'.repeat(1001) } }), 'texts.pt.title: 1,001 characters; a title has at most 1,000'],
      [withTexts({ pt: { title: 'T' }, en: { title: `  ${'t'.repeat(40_016)}` } }), 'texts.en.title: 40,016 characters; a title has at most 1,000'],
      [withTexts({ pt: { title: 'T', objectives: 'o'.repeat(20_001) } }), 'texts.pt.objectives: 20,001 characters; a section has at most 20,000'],
      [withTexts({ pt: { title: 'T', statusQuo: 's'.repeat(20_001) } }), 'texts.pt.statusQuo: 20,001 characters; a section has at most 20,000'],
      [withTexts({ pt: { title: 'T' } }, 'm'.repeat(5001)), "milestones.0.texts.pt: 5,001 characters; a milestone's text has at most 5,000"],
    ];
    for (const [record, reason] of cases) expect(commitmentTarget.check(record)).toBe(reason);
  });
});
