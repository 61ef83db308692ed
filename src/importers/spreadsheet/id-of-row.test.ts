import { describe, expect, it } from 'vitest';
import { ogpIdOfRow } from './id-of-row.ts';

describe('ogpIdOfRow', () => {
  it('reads an OGP id from a column, in any case', () => {
    expect(ogpIdOfRow({ column: 'OGP ID' }, { 'OGP ID': ' ke0031 ' })).toBe('KE0031');
    expect(() => ogpIdOfRow({ column: 'OGP ID' }, { 'OGP ID': 'KE-31' })).toThrow('column "OGP ID": "KE-31" is not an OGP commitment id such as KE0031');
  });

  it('builds an id from a template, padding numbers', () => {
    expect(ogpIdOfRow({ template: 'MX{numero:4}' }, { numero: '75' })).toBe('MX0075');
    expect(() => ogpIdOfRow({ template: 'MX{numero:4}' }, { numero: '' })).toThrow('column "numero": empty; the id template "MX{numero:4}" needs it');
    expect(() => ogpIdOfRow({ template: 'MX{numero}' }, { numero: '7.5' })).toThrow(/gives "MX7\.5", which is not an OGP commitment id/);
  });

  it("translates a tracker's own ids through the mapping's map", () => {
    const rule = { column: 'compromiso_id', map: { 'e7edffc2': 'MX0076' } };
    expect(ogpIdOfRow(rule, { compromiso_id: 'e7edffc2' })).toBe('MX0076');
    expect(() => ogpIdOfRow(rule, { compromiso_id: 'other' })).toThrow('column "compromiso_id": "other" is not in the mapping\'s "map" of ids');
  });
});
