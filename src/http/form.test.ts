import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intlFor } from '../i18n/intl.ts';
import { errorMessage } from '../layout/form.tsx';
import { parseForm, REQUIRED } from './form.ts';

const Form = z.object({
  title: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(300, 'form.error.tooLong'),
  note: z.string().max(10_000, 'form.error.tooLong').optional(),
  kind: z.enum(['a', 'b'], { error: 'form.error.invalid' }),
  other: z.string().regex(/^x$/, 'not a message key').optional(),
});

describe('parseForm', () => {
  it('gives each field its message key, and a maximum the schema sets with it', () => {
    expect(parseForm(Form, { title: ' ', kind: 'c', other: 'y' })).toMatchObject({
      ok: false, errors: { title: REQUIRED, kind: 'form.error.invalid', other: 'form.error.invalid' },
    });
    expect(parseForm(Form, { title: 't'.repeat(301), note: 'n'.repeat(10_001), kind: 'a' })).toMatchObject({
      ok: false, errors: { title: { key: 'form.error.tooLong', values: { max: 300 } }, note: { key: 'form.error.tooLong', values: { max: 10_000 } } },
    });
  });
});

describe('errorMessage', () => {
  it('names the field and says the values in the page language, numbers and file sizes alike', () => {
    const tooLong = { key: 'form.error.tooLong', values: { max: 10_000 } };
    expect(errorMessage(intlFor('en'), tooLong, 'Title')).toBe('Title: this is too long. Use at most 10,000 characters.');
    expect(errorMessage(intlFor('es'), tooLong, 'Título')).toBe(`Título: es demasiado largo. Use como máximo ${new Intl.NumberFormat('es').format(10_000)} caracteres.`);
    const tooLarge = { key: 'evidence.error.tooLarge', values: { max: { fileSize: 20 * 1024 ** 2 } } };
    expect(errorMessage(intlFor('en'), tooLarge, 'Evidence file')).toBe('Evidence file: the file is larger than the 20 MB allowed.');
    const swMegabytes = new Intl.NumberFormat('sw', { style: 'unit', unit: 'megabyte', unitDisplay: 'short' }).format(20);
    expect(errorMessage(intlFor('sw'), tooLarge, 'Faili la ushahidi')).toBe(`Faili la ushahidi: faili ni kubwa kuliko kiwango kinachoruhusiwa cha ${swMegabytes}.`);
    // A plain key, as every form wrote them before values, renders as before.
    expect(errorMessage(intlFor('en'), REQUIRED, 'Title')).toBe('Title: this field is required.');
  });
});
