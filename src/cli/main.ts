import { ConfigError, readConfig, type Config } from '../config/config.ts';
import { connect } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { loadDemo, loadDemoRounds } from '../demo/load-demo.ts';
import { noArguments, wantsHelp } from './command-args.ts';
import { createAdminArgs, createAdminCommand } from './create-admin.command.ts';
import { importOgpDatasetArgs, importOgpDatasetCommand } from './import-ogp-dataset.command.ts';
import { importOgpPageArgs, importOgpPageCommand } from './import-ogp-page.command.ts';
import { importSpreadsheetArgs, importSpreadsheetCommand } from './import-spreadsheet.command.ts';
import { commandUsage, isCommand, overview, usageHint } from './usage.ts';
import { UsageError } from './usage-error.ts';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') return printHelp([]);
  if (command === 'help') return printHelp(rest);
  // "import KIND" is a command of its own, with its own usage; "import --help" is the list of kinds.
  const kind = command === 'import' && rest[0] !== undefined && !rest[0].startsWith('-') ? rest[0] : undefined;
  const name = kind === undefined ? command : `${command} ${kind}`;
  const args = kind === undefined ? rest : rest.slice(1);
  if (!isCommand(name)) return unknownCommand(kind === undefined ? `Unknown command: ${command}` : `Unknown import kind: ${kind}`);
  // Before anything else, so that "--help" never migrates, imports or serves, even beside a typo.
  if (wantsHelp(args)) {
    console.log(commandUsage(name));
    return 0;
  }
  try {
    return await run(name, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usageHint(name)}`);
    return 2;
  }
}

/** `help [COMMAND]`: the list of commands, or one command's usage ("help --help" is help's own). */
function printHelp(words: string[]): number {
  const name = words.filter((word) => !wantsHelp([word])).join(' ') || (words.length > 0 ? 'help' : '');
  if (name === '') {
    console.log(overview());
    return 0;
  }
  if (!isCommand(name)) return unknownCommand(`Unknown command: ${name}`);
  console.log(commandUsage(name));
  return 0;
}

/** A command line naming no command we have: the list of them, exit code 2. */
function unknownCommand(message: string): number {
  console.error(`${message}\n\n${overview()}`);
  return 2;
}

/** Runs a known command: its arguments are read (and refused) before the database is opened. */
async function run(name: string, args: string[]): Promise<number> {
  const log = (line: string) => console.error(line);
  switch (name) {
    case 'serve':
      noArguments(name, args);
      // Loaded on demand: the server's modules are most of the start-up time of every other command.
      await (await import('./serve.ts')).serve(readConfig(), log);
      return 0;
    case 'migrate':
    case 'demo':
      noArguments(name, args);
      return withDatabase(readConfig(), log, async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied ${applied.map((m) => `${m.version}_${m.name}`).join(', ')}` : 'Database is up to date');
        if (name === 'demo') console.log(`Loaded ${await loadDemo(db)} demo commitments, ${await loadDemoRounds(db)} demo reporting rounds`);
      }, { migrated: false });
    case 'import':
      throw new UsageError('import: give the KIND of file: ogp-page, ogp-dataset or spreadsheet');
    case 'import ogp-page': {
      const parsed = importOgpPageArgs(args);
      return withDatabase(readConfig(), log, (db) => importOgpPageCommand(db, parsed));
    }
    case 'import ogp-dataset': {
      const parsed = importOgpDatasetArgs(args);
      return withDatabase(readConfig(), log, (db) => importOgpDatasetCommand(db, parsed));
    }
    case 'import spreadsheet': {
      const parsed = importSpreadsheetArgs(args);
      return withDatabase(readConfig(), log, (db) => importSpreadsheetCommand(db, parsed));
    }
    case 'create-admin': {
      const parsed = createAdminArgs(args);
      const config = readConfig();
      return withDatabase(config, log, (db) => createAdminCommand(db, config, parsed));
    }
    case 'send-reminders': {
      const { sendRemindersArgs, sendRemindersCommand } = await import('../reminders/send-reminders.command.ts');
      const parsed = sendRemindersArgs(args);
      const config = readConfig();
      return withDatabase(config, log, (db) => sendRemindersCommand(db, config, parsed));
    }
    case 'generate': {
      const { generateArgs, generateCommand } = await import('../generate/generate.command.ts');
      const parsed = generateArgs(args);
      return withDatabase(readConfig(), log, (db) => generateCommand(db, parsed));
    }
    default:
      throw new Error(`No runner for the command ${name}`);
  }
}

/**
 * Runs a command on the configured database, first bringing its schema up to date as `serve` does (unless the
 * command migrates itself): on a new data folder or database, `import` would otherwise reject every row for a
 * missing table. Migrations take an advisory lock, so this is safe beside a running portal.
 */
async function withDatabase(config: Config, log: (l: string) => void,
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
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  },
);
