import { describe, expect, it } from 'vitest';
import { splitInstitutionNames } from './split-institution-names.ts';

describe('splitInstitutionNames', () => {
  it('finds no institution in the words for none', () => {
    for (const cell of ['NA', 'N/A', 'n/a', 'None', 'Unclear', '-', '']) expect(splitInstitutionNames(cell), cell).toEqual([]);
  });

  it('splits at line breaks, semicolons and bullets, keeping commas inside names', () => {
    expect(splitInstitutionNames('Federal Ministry of the Interior, Building and Community')).toEqual(['Federal Ministry of the Interior, Building and Community']);
    expect(splitInstitutionNames('National Housing Development Authority; Ministry of Finance\n Disability Organisations Joint Front (DOJF)'))
      .toEqual(['National Housing Development Authority', 'Ministry of Finance', 'Disability Organisations Joint Front (DOJF)']);
    expect(splitInstitutionNames('●        Office of Transparency\n●        Parliamentary Secretariat.')).toEqual(['Office of Transparency', 'Parliamentary Secretariat']);
    expect(splitInstitutionNames('-Transparencia Mexicana\n-Tutores')).toEqual(['Transparencia Mexicana', 'Tutores']);
  });

  it('names each institution once, and splits at a separator the source declares', () => {
    expect(splitInstitutionNames('Senate; SENATE; Sénat')).toEqual(['Senate', 'Sénat']);
    expect(splitInstitutionNames('SDC, GIZ, CRTA', ',')).toEqual(['SDC', 'GIZ', 'CRTA']);
  });
});
