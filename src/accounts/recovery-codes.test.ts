import { describe, expect, it } from 'vitest';
import { normalizeRecoveryCode, RECOVERY_CODE } from './recovery-codes.ts';

describe('normalizeRecoveryCode', () => {
  it('reads a code as a person may type it: any case, spaces or hyphens, I, L and O for 1, 1 and 0', () => {
    expect(normalizeRecoveryCode(' 7K2M-QX9P 0AB1-ZZ34 ')).toBe('7k2mqx9p0ab1zz34');
    expect(normalizeRecoveryCode('7K2M-QX9P-OABI-ZZ34')).toBe('7k2mqx9p0ab1zz34');
    expect(normalizeRecoveryCode('7k2m qx9p 0abl zz34')).toBe('7k2mqx9p0ab1zz34');
    expect(normalizeRecoveryCode('7k2m-qx9p-0ab1-zz34')).toMatch(RECOVERY_CODE);
    // U is not in the alphabet; a TOTP code or a short code is not a recovery code.
    for (const other of ['7k2m-qx9p-0ab1-zzu4', '123456', '7k2m-qx9p-0ab1']) expect(normalizeRecoveryCode(other)).not.toMatch(RECOVERY_CODE);
  });
});
