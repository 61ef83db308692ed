import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config/config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { loadDemo, loadDemoRounds } from '../demo/load-demo.ts';
import { importOgpPageCommand } from './import-ogp-page.command.ts';
import { importOgpDatasetArgs, importOgpDatasetCommand } from './import-ogp-dataset.command.ts';
import { importSpreadsheetArgs, importSpreadsheetCommand } from './import-spreadsheet.command.ts';
import { createAdminCommand } from './create-admin.command.ts';
import { UsageError } from './usage-error.ts';

const USAGE = `Usage: npm run ahadi -- <command>

Commands:
  serve                          migrate, load the demo data on an empty database, and run the portal
  migrate                        apply the database migrations
  demo                           load (or refresh) the demo data set
  import ogp-page FILE [--plan-number N] [--dry-run]
                                 import a commitment page from opengovpartnership.org saved as text
  import ogp-dataset FILE.csv [--dry-run]
                                 import OGP's commitment dataset (its own 171-column layout)
  import spreadsheet FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run]
                                 import commitments or milestones from a sheet, by a column mapping
                                 (every import is all or nothing: a rejected row writes nothing, exit 1)
  create-admin EMAIL             invite an administrator: prints a one-time link to set their password
  send-reminders [--now ISO-DATE]
                                 send the due reporting reminders once (a running portal does it every hour)
  generate [--commitments N] [--members M] [--seed S]
                                 write a synthetic data set (default 50000 commitments, 200 members)
  help                           show this text

Every command that uses the database first applies the migrations it lacks.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = readConfig();
  const log = (line: string) => console.error(line);
  switch (command) {
    case 'serve':
      // Loaded on demand: the server's modules are most of the start-up time of every other command.
      await (await import('./serve.ts')).serve(config, log);
      return 0;
    case 'migrate':
    case 'demo':
      return withDatabase(config, log, async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied ${applied.map((m) => `${m.version}_${m.name}`).join(', ')}` : 'Database is up to date');
        if (command === 'demo') console.log(`Loaded ${await loadDemo(db)} demo commitments, ${await loadDemoRounds(db)} demo reporting rounds`);
      }, { migrated: false });
    case 'import': {
      const [kind, ...args] = rest;
      if (kind === 'ogp-dataset') {
        const parsed = importOgpDatasetArgs(args);
        return withDatabase(config, log, (db) => importOgpDatasetCommand(db, parsed));
      }
      if (kind === 'spreadsheet') {
        const parsed = importSpreadsheetArgs(args);
        return withDatabase(config, log, (db) => importSpreadsheetCommand(db, parsed));
      }
      if (kind !== 'ogp-page') throw new UsageError(`Unknown import kind: ${kind ?? '(none)'}`);
      const { values, positionals } = parseArgs({
        args, allowPositionals: true,
        options: { 'plan-number': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      });
      return withDatabase(config, log, (db) => importOgpPageCommand(db, positionals, values));
    }
    case 'create-admin':
      return withDatabase(config, log, (db) => createAdminCommand(db, config, rest));
    case 'send-reminders': {
      const { sendRemindersArgs, sendRemindersCommand } = await import('../reminders/send-reminders.command.ts');
      const parsed = sendRemindersArgs(rest);
      return withDatabase(config, log, (db) => sendRemindersCommand(db, config, parsed));
    }
    case 'generate': {
      const { values } = parseArgs({
        args: rest,
        options: { commitments: { type: 'string' }, members: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' } },
      });
      return withDatabase(config, log, async (db) => (await import('../generate/generate.command.ts')).generateCommand(db, values));
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

/**
 * Runs a command on the configured database, first bringing its schema up to date as `serve` does (unless the
 * command migrates itself): on a new data folder or database, `import` would otherwise reject every row for a
 * missing table. Migrations take an advisory lock, so this is safe beside a running portal.
 */
async function withDatabase(config: ReturnType<typeof readConfig>, log: (l: string) => void,
  work: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<unknown>, { migrated = true } = {}): Promise<number> {
  const connection = await connect(config, log);
  try {
    if (migrated) {
      const applied = await migrate(connection.db);
      if (applied.length) log(`Applied migrations: ${applied.map((m) => m.version).join(', ')}`);
    }
    const result = await work(connection.db);
    return typeof result === 'number' ? result : 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  },
);
