import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { insertReminderWorld, insertRound } from '../../test/helpers/reminder-data.ts';
import { UsageError } from '../cli/usage-error.ts';
import { sendRemindersArgs } from './send-reminders.command.ts';

const t = useTestDatabase();
beforeAll(async () => {
  const world = await insertReminderWorld(t.db);
  await insertRound(t.db, world.planId, '2026 Q4', new Date('2026-11-26T23:59:59.999Z'));
});

function ahadi(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'send-reminders', ...args], {
    encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.url, AHADI_SMTP_URL: '', AHADI_BASE_URL: 'https://ahadi.example.org' }, timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ahadi -- send-reminders', () => {
  it('sends what is due as of --now, prints it, and sends nothing the second time', { timeout: 90_000 }, () => {
    const run = ahadi('--now', '2026-11-24T10:00:00Z');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('Sent')).sort()).toEqual([
      'Sent milestone overdue reminder (2026-10-01) to roads@example.org: Hatua muhimu 1 ya RM0002 imepita tarehe yake ya mwisho',
      'Sent milestone overdue reminder (2026-11-20) to water@example.org: Le jalon 2 de RM0001 a dépassé sa date de fin',
      'Sent round deadline reminder (2026-11-23) to roads@example.org: Kikumbusho: mzunguko wa ripoti “2026 Q4” unafungwa tarehe 26 Novemba 2026',
      'Sent round deadline reminder (2026-11-23) to water@example.org: Rappel : le cycle de rapport « 2026 Q4 » se termine le 26 novembre 2026',
    ]);
    expect(run.stdout).toContain('4 reminder(s) as of 2026-11-24T10:00:00.000Z, kept in the outbox (no SMTP): https://ahadi.example.org/en/admin/outbox');
    expect(ahadi('--now', '2026-11-24').stdout).toContain('0 reminder(s) as of 2026-11-24T00:00:00.000Z');
  });

  it('refuses a bad --now with exit code 2 and says why', () => {
    const run = ahadi('--now', 'tomorrow');
    expect(run.stderr).toMatch(/--now: not an ISO date or date-time with offset .*: tomorrow/);
    expect(run.code).toBe(2);
  });
});

describe('sendRemindersArgs', () => {
  it.each([
    [['--now', '2026-02-30'], /--now: not an ISO date/],
    [['--now', '2026-11-24T10:00:00'], /--now: not an ISO date or date-time with offset/],
    [['--now'], /send-reminders: Option '--now <value>' argument missing/],
    [['--later', '2026-11-24'], /send-reminders: Unknown option '--later'/],
    [['2026-11-24'], /send-reminders: unexpected argument: 2026-11-24/],
  ] as [string[], RegExp][])('refuses %j as a usage error', (args, message) => {
    expect(() => sendRemindersArgs(args)).toThrow(UsageError);
    expect(() => sendRemindersArgs(args)).toThrow(message);
  });

  it('reads a day as its first instant, UTC, and a date-time with its offset', () => {
    expect(sendRemindersArgs(['--now', '2026-11-24']).now.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(sendRemindersArgs(['--now', '2026-11-24T10:00:00+03:00']).now.toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });
});
