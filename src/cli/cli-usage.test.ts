import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../test/helpers/scratch-folder.ts';
import { DEFAULT_DATA_SET } from '../generate/data-set.ts';
import { generateArgs } from '../generate/generate.command.ts';
import { noArguments, wantsHelp } from './command-args.ts';
import { createAdminArgs } from './create-admin.command.ts';
import { importOgpDatasetArgs } from './import-ogp-dataset.command.ts';
import { importOgpPageArgs } from './import-ogp-page.command.ts';
import { importSpreadsheetArgs } from './import-spreadsheet.command.ts';
import { UsageError } from './usage-error.ts';
import { commandUsage, overview } from './usage.ts';

// Help and bad command lines must never reach a database: these runs get one that cannot be reached and a data
// folder that must stay absent, so a command that connected, migrated or served would fail the test.
const scratch = scratchFolder('cli-usage');
const dataDir = path.join(scratch.dir, 'data');
const workbook = path.join(scratch.dir, 'tracker.xlsx');
const workbookNamedCsv = path.join(scratch.dir, 'tracker.csv');
beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1').addRow(['Commitment Unique Identifier', 'Region']);
  fs.writeFileSync(workbook, Buffer.from(await book.xlsx.writeBuffer()));
  fs.copyFileSync(workbook, workbookNamedCsv);
});
afterAll(() => {
  expect(fs.existsSync(dataDir)).toBe(false);
});

// One process per case (tsx start-up): slow on a busy machine.
const SLOW = 120_000;

function ahadi(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8', timeout: 100_000,
    env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/unreachable', AHADI_DATA_DIR: dataDir },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMANDS = ['serve', 'migrate', 'demo', 'import', 'import ogp-page', 'import ogp-dataset', 'import spreadsheet',
  'create-admin', 'send-reminders', 'generate', 'help'];

describe('npm run ahadi -- --help', () => {
  it('lists every command and says how to get the usage of one', () => {
    const run = ahadi('--help');
    for (const command of COMMANDS.filter((c) => c !== 'import')) expect(run.stdout).toContain(`\n  ${command}`);
    expect(run.stdout).toContain('Run "npm run ahadi -- COMMAND --help"');
    expect(run.code).toBe(0);
  }, SLOW);

  it.each([
    [['demo', '--help'], 'demo'],
    [['migrate', '-h'], 'migrate'],
    [['serve', '--help'], 'serve'],
    [['import', '--help'], 'import'],
    [['import', 'spreadsheet', '--help'], 'import spreadsheet'],
    [['import', 'ogp-dataset', 'no-such.csv', '--verbose', '-h'], 'import ogp-dataset'],
    [['generate', '--help'], 'generate'],
    [['help', 'import', 'ogp-page'], 'import ogp-page'],
    [['help', '--help'], 'help'],
  ] as [string[], string][])('%j prints the usage of %s and exits 0 without opening the database', (args, command) => {
    const run = ahadi(...args);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(commandUsage(command));
    expect(run.code).toBe(0);
  }, SLOW);

  it('every usage says what the command does, its options and an example', () => {
    for (const command of COMMANDS) {
      const usage = commandUsage(command);
      expect(usage, command).toMatch(new RegExp(`^Usage: npm run ahadi -- ${command}\\b`));
      expect(usage, command).toMatch(/\n\nOptions:\n(.+\n)*  -h, --help +show this text\n/);
      expect(usage, command).toMatch(/\nExamples?:\n  (\S+=\S+ )*npm run ahadi -- /);
      expect(overview(), command).toContain(command === 'import' ? 'import ogp-page' : `  ${command}`);
    }
    expect(commandUsage('generate')).toContain(`default ${DEFAULT_DATA_SET.commitments.toLocaleString('en')};`);
    expect(commandUsage('generate')).toContain(`default ${DEFAULT_DATA_SET.members})`);
    expect(commandUsage('generate')).toContain(`default "${DEFAULT_DATA_SET.seed}"`);
  });

  it('reads --help before a "--", after which it is an argument', () => {
    expect(wantsHelp(['x.csv', '-h'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
    expect(wantsHelp(['--helpful'])).toBe(false);
  });
});

describe('npm run ahadi with a bad command line', () => {
  // Usage errors exit 2, name the option or argument, and end with the command's synopsis.
  it.each([
    [['help', 'frobnicate'], /^Unknown command: frobnicate\n\nUsage: npm run ahadi -- COMMAND/],
    [['import'], /^import: give the KIND of file: ogp-page, ogp-dataset or spreadsheet\n\nUsage: npm run ahadi -- import KIND/],
    [['migrate', 'now'], /^migrate: unexpected argument: now\n\nUsage: npm run ahadi -- migrate\nRun "npm run ahadi -- migrate --help"/],
    [['generate', '--commitments', 'many'], /^--commitments: give a whole number from 1 to 2,000,000, not "many"\n\nUsage: npm run ahadi -- generate/],
    [['import', 'ogp-dataset', workbook], /^FILE\.csv: .*tracker\.xlsx is a spreadsheet workbook \(XLSX\), not text: save it as "CSV UTF-8" .*import spreadsheet FILE\.xlsx --mapping/],
  ] as [string[], RegExp][])('refuses %j with exit code 2 and says why', (args, message) => {
    const run = ahadi(...args);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  }, SLOW);

  // The same checks, read in this process: every command reads its arguments before it opens the database.
  it.each([
    [() => importOgpDatasetArgs(['src']), /^FILE\.csv: src is a directory; give a file in it$/],
    [() => importSpreadsheetArgs(['src.csv', '--mapping', 'src']), /^FILE: no such file: src\.csv$/],
    [() => importSpreadsheetArgs(['README.md', '--mapping', 'docs']), /^FILE: a spreadsheet must be a \.csv or \.xlsx file/],
    [() => importSpreadsheetArgs([workbookNamedCsv, '--mapping', 'x.json']), /^FILE: .*tracker\.csv is a spreadsheet workbook \(XLSX\), not text: rename it to \.xlsx/],
    [() => importSpreadsheetArgs([workbook, '--mapping', 'docs']), /^--mapping: docs is a directory/],
    [() => importOgpPageArgs([workbook]), /^FILE: .*is a spreadsheet workbook \(XLSX\), not text: save the commitment page/],
    [() => importOgpPageArgs(['README.md', '--plan-numbr', '4']), /^import ogp-page: Unknown option '--plan-numbr'$/],
    [() => importOgpPageArgs(['README.md', '--plan-number', '4.5']), /^--plan-number: give a whole number from 1 to 99, not "4\.5"$/],
    [() => generateArgs(['--members', '0']), /^--members: give a whole number from 1 to 400, not "0"$/],
    [() => generateArgs(['--batch', '-5']), /^generate: Option '--batch' argument is ambiguous/],
    [() => generateArgs(['--batch=-5']), /^--batch: give a whole number from 1 to 10,000, not "-5"$/],
    [() => generateArgs(['--commitments', '20000', '--members', '2']), /^--commitments: at most 9999 commitments a member/],
    [() => generateArgs(['--seed']), /^generate: Option '--seed <value>' argument missing$/],
    [() => generateArgs(['--seed=']), /^--seed: give 1 to 100 characters$/],
    [() => generateArgs(['50000']), /^generate: unexpected argument: 50000$/],
    [() => noArguments('demo', ['--force']), /^demo: Unknown option '--force'$/],
    [() => noArguments('serve', ['--port', '8080']), /^serve: Unknown option '--port'$/],
    [() => createAdminArgs(['--role', 'x', 'a@example.org']), /^create-admin: Unknown option '--role'$/],
  ] as [() => unknown, RegExp][])('refuses a bad command line: %#', (read, message) => {
    expect(read).toThrow(UsageError);
    expect(read).toThrow(message);
  });

  it('reads good command lines', () => {
    expect(generateArgs(['--commitments', '300', '--members', '40', '--seed', 's'])).toEqual({ commitments: 300, members: 40, seed: 's', batch: 500 });
    expect(importOgpPageArgs(['README.md', '--plan-number', '4', '--dry-run'])).toEqual({ file: 'README.md', planNumber: 4, dryRun: true });
    expect(importSpreadsheetArgs([workbook, '--mapping', 'package.json'])).toEqual({ file: workbook, mapping: 'package.json', dryRun: false });
  });
});
