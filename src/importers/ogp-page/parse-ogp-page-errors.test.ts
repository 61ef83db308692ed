import { describe, it, expect } from 'vitest';
import { errorOf, replaceLine, replaceOnce, seed } from '../../../test/helpers/ogp-seed.ts';

describe('parseOgpPage refuses what it cannot read', () => {
  it('names the missing id when the title has none', () => {
    const error = errorOf(replaceOnce(seed, ' (KE0031)', ''));
    expect(error.missing).toEqual(['commitment id in the title']);
    expect(error.message).toBe('Not an OGP commitment page: missing commitment id in the title');
  });

  it('names the milestone row a truncated table stops in', () => {
    const truncated = replaceOnce(seed, /Partenaires du Gouvernement Ouvert[^\n]*/.exec(seed)?.[0] ?? '', 'Partenaires');
    const error = errorOf(truncated);
    expect(error.missing).toEqual([]);
    expect(error.problems).toEqual(['milestone 4: no status, start date and end date found after its text']);
    expect(error.message).toBe('Cannot read the OGP commitment page: milestone 4: no status, start date and end date found after its text');
  });

  it('names a row that lost its dates instead of merging it with the next rows', () => {
    const error = errorOf(replaceOnce(seed, 'judiciaire Nouveau mars 2021 mai 2022 6.', 'judiciaire 6.'));
    expect(error.problems).toEqual(['milestone 5: no status, start date and end date found after its text']);
  });

  it('names a table header without rows', () => {
    const headerOnly = seed.replace(/(Date de fin) 1\.[^\n]*/, '$1');
    expect(errorOf(headerOnly).problems).toEqual(['milestones table has no rows']);
  });

  it('names the lead institution when its line is removed', () => {
    const error = errorOf(replaceLine(seed, 'Institution responsable', ''));
    expect(error.missing).toEqual(['lead institution']);
    expect(error.message).toBe('Not an OGP commitment page: missing lead institution');
  });

  it('names the lead institution when its value is empty', () => {
    expect(errorOf(replaceLine(seed, 'Institution responsable', 'Institution responsable :')).missing).toEqual(['lead institution']);
  });

  it('names the action plan years when the plan has none', () => {
    const error = errorOf(replaceOnce(seed, "Plan d'action du Kenya 2020-2022", "Plan d'action du Kenya"));
    expect(error.missing).toEqual(['action plan years (such as "2020-2022")']);
  });

  it('names the description when it is missing', () => {
    const withoutDescription = replaceOnce(seed, /\nDescription\n\n[^\n]*\n/.exec(seed)?.[0] ?? '', '\n');
    expect(errorOf(withoutDescription).missing).toEqual(['description']);
  });

  const EVERYTHING = ['member name', 'commitment id in the title', 'action plan', 'lead institution', 'description'];

  it('names every required part for an empty file', () => {
    const error = errorOf('');
    expect(error.missing).toEqual(EVERYTHING);
    expect(error.message).toBe(
      'Not an OGP commitment page: missing member name, commitment id in the title, action plan, lead institution, description',
    );
  });

  it('names every required part for an unrelated text', () => {
    const unrelated = 'Minutes of the meeting\n\nPresent: the board.\n\n1. Budget approved in February 2021.\n2. Next meeting May 2022.\n';
    expect(errorOf(unrelated).missing).toEqual(EVERYTHING);
  });
});
