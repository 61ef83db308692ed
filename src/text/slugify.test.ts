import { describe, it, expect } from 'vitest';
import { slugify } from './slugify.ts';
import { foldAccents } from './fold-accents.ts';

describe('slugify', () => {
  it('joins lower-case words with hyphens', () => {
    expect(slugify('United Kingdom')).toBe('united-kingdom');
    expect(slugify('  Kaduna State, Nigeria ')).toBe('kaduna-state-nigeria');
  });

  it('strips accents and punctuation', () => {
    expect(slugify('Côte d’Ivoire')).toBe('cote-d-ivoire');
    expect(slugify('Ministère des Affaires étrangères')).toBe('ministere-des-affaires-etrangeres');
  });

  it('gives an empty slug when nothing is left', () => {
    expect(slugify(' — ')).toBe('');
  });
});

describe('foldAccents', () => {
  it('removes accents without changing the length', () => {
    const text = 'Février, Élevée, œuvre, Limité';
    expect(foldAccents(text)).toBe('Fevrier, Elevee, œuvre, Limite');
    expect(foldAccents(text)).toHaveLength(text.length);
  });
});
