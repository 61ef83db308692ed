/**
 * The usage texts of `npm run ahadi`: one per command and subcommand, printed by `COMMAND --help` (or `-h`, or
 * `help COMMAND`), plus the list of every command. English, as every other CLI message; operators read them, the
 * portal's visitors never do.
 */
type CommandUsage = {
  /** The command line after `npm run ahadi --`, options in brackets. */
  synopsis: string;
  /** One line for the list of commands. */
  summary: string;
  description: string;
  arguments?: [string, string][];
  options?: [string, string][];
  examples: string[];
};

const IMPORT_RULES = 'Every import is one transaction, all or nothing: a rejected row (listed with its row number and the reason) ' +
  'means nothing is written and the exit code is 1. A summary ends every run; warnings go to stderr. Importing the same ' +
  'file again changes nothing ("unchanged").';
const DRY_RUN: [string, string] = ['--dry-run', 'do the whole import, then roll it back, listing what would be created or updated'];

const COMMANDS: Record<string, CommandUsage> = {
  serve: {
    synopsis: 'serve',
    summary: 'run the portal (what npm start does)',
    description: 'Applies the migrations the database lacks, loads the demo data set into an empty database, then serves ' +
      'the portal on HOST:PORT, with its hourly reminder jobs, until Ctrl-C (SIGINT) or SIGTERM.',
    examples: ['npm run ahadi -- serve', 'PORT=8080 HOST=0.0.0.0 npm run ahadi -- serve'],
  },
  migrate: {
    synopsis: 'migrate',
    summary: 'apply the database migrations',
    description: 'Applies each migration the database lacks, in order, and names them (or says "Database is up to date"). ' +
      'Safe beside a running portal: migrations take a lock.',
    examples: ['npm run ahadi -- migrate', 'DATABASE_URL=postgres://ahadi@db.example.org/ahadi npm run ahadi -- migrate'],
  },
  demo: {
    synopsis: 'demo',
    summary: 'load or refresh the demo data set',
    description: 'Applies the migrations, then loads the demo commitments and reporting rounds, refreshing the ones already there.',
    examples: ['npm run ahadi -- demo'],
  },
  import: {
    synopsis: 'import KIND FILE [options]',
    summary: 'import commitments from a file (KIND: ogp-page, ogp-dataset or spreadsheet)',
    description: `Imports commitments (or milestones) from a file; each KIND has its own usage (import KIND --help). ${IMPORT_RULES}`,
    arguments: [
      ['ogp-page', 'a commitment page of opengovpartnership.org saved as text'],
      ['ogp-dataset', "OGP's commitment dataset, as CSV in its own 171-column layout"],
      ['spreadsheet', 'a sheet of commitments or milestones (CSV or XLSX), read by a column mapping'],
    ],
    examples: ['npm run ahadi -- import ogp-dataset --help', 'npm run ahadi -- import ogp-page ../shared/seeds/KE0031.fr.txt'],
  },
  'import ogp-page': {
    synopsis: 'import ogp-page FILE [--plan-number N] [--dry-run]',
    summary: 'import a commitment page of opengovpartnership.org saved as text',
    description: `Imports one commitment page of opengovpartnership.org, saved from the browser as text (UTF-8). ${IMPORT_RULES}`,
    arguments: [['FILE', 'the page saved as text']],
    options: [
      ['--plan-number N', "the action plan's number, 1 to 99 (needed when the page does not name its plan)"],
      DRY_RUN,
    ],
    examples: ['npm run ahadi -- import ogp-page ../shared/seeds/KE0031.fr.txt --dry-run'],
  },
  'import ogp-dataset': {
    synopsis: 'import ogp-dataset FILE.csv [--dry-run]',
    summary: "import OGP's commitment dataset (its own 171-column layout)",
    description: "Imports OGP's commitment dataset: a CSV file in UTF-8 with OGP's own columns. A workbook (.xlsx) must " +
      `first be saved as "CSV UTF-8". ${IMPORT_RULES}`,
    arguments: [['FILE.csv', 'the dataset, as CSV in UTF-8']],
    options: [DRY_RUN],
    examples: ['npm run ahadi -- import ogp-dataset ../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv --dry-run'],
  },
  'import spreadsheet': {
    synopsis: 'import spreadsheet FILE.csv|FILE.xlsx --mapping MAPPING.json [--dry-run]',
    summary: 'import commitments or milestones from a sheet, by a column mapping',
    description: "Imports commitments or milestones from a secretariat's own sheet: a CSV file in UTF-8, or a workbook " +
      `(.xlsx, its first worksheet or the one the mapping names). The mapping says which column holds what (see ` +
      `docs/import-mappings/README.md). ${IMPORT_RULES}`,
    arguments: [['FILE.csv|FILE.xlsx', 'the sheet, as CSV in UTF-8 or as an Excel workbook']],
    options: [['--mapping MAPPING.json', 'the column mapping (required)'], DRY_RUN],
    examples: ['npm run ahadi -- import spreadsheet ../shared/data/ogp/mexico_plan4_compromisos_2019.csv ' +
      '--mapping docs/import-mappings/mexico-plan4-compromisos.json --dry-run'],
  },
  'create-admin': {
    synopsis: 'create-admin EMAIL',
    summary: 'invite an administrator: prints a one-time link (7 days)',
    description: 'Invites an administrator and prints the one-time link with which they set their password (valid 7 days, ' +
      'nothing is e-mailed). The way in to a new installation, or back in when every administrator is locked out.',
    arguments: [['EMAIL', "the administrator's e-mail address"]],
    examples: ['npm run ahadi -- create-admin chief@example.org'],
  },
  'send-reminders': {
    synopsis: 'send-reminders [--now ISO-DATE]',
    summary: 'send the reminders that are due (a running portal does it hourly)',
    description: 'Sends the reporting reminders that are due, once, as the hourly jobs of a running portal do: for an ' +
      'installation without a long-running server (run it from cron), or to try a date. Without SMTP (AHADI_SMTP_URL), ' +
      "the e-mails wait in the administrators' outbox.",
    options: [['--now ISO-DATE', 'the date to send as of: a day (2026-11-24) or a date-time with its offset (2026-11-24T10:00:00Z)']],
    examples: ['npm run ahadi -- send-reminders', 'npm run ahadi -- send-reminders --now 2026-12-01'],
  },
  generate: {
    synopsis: 'generate [--commitments N] [--members M] [--seed S] [--batch B]',
    summary: 'write a synthetic data set (default 50,000 commitments)',
    description: 'Writes a synthetic data set (members, action plans, commitments, milestones, IRM reviews) for load tests. ' +
      'Records with the same OGP ids are updated, so run it on an empty database (a new AHADI_DATA_DIR or DATABASE_URL) ' +
      'to get exactly the generated set.',
    options: [
      ['--commitments N', 'how many commitments, 1 to 2,000,000 (default 50,000; at most 9,999 a member)'],
      ['--members M', 'how many OGP members, 1 to 400 (default 200)'],
      ['--seed S', 'the seed: the same seed writes the same data set (default "ahadi")'],
      ['--batch B', 'commitments saved per statement, 1 to 10,000 (default 500)'],
    ],
    examples: ['AHADI_DATA_DIR=/tmp/ahadi-load npm run ahadi -- generate --commitments 5000 --members 40'],
  },
  help: {
    synopsis: 'help [COMMAND]',
    summary: 'list the commands, or show the usage of one',
    description: 'Lists the commands, or shows the usage of one (as COMMAND --help does).',
    arguments: [['COMMAND', 'a command, such as migrate or "import spreadsheet"']],
    examples: ['npm run ahadi -- help import spreadsheet'],
  },
};

const HELP_OPTION: [string, string] = ['-h, --help', 'show this text'];

/** The commands and subcommands, as written on the command line ("import spreadsheet"). */
export function isCommand(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** One command's usage: what it does, its arguments and options, and an example. */
export function commandUsage(name: string): string {
  const usage = COMMANDS[name]!;
  return [
    `Usage: npm run ahadi -- ${usage.synopsis}`,
    '',
    wrap(usage.description, 0),
    ...(usage.arguments ? ['', 'Arguments:', ...table(usage.arguments)] : []),
    '', 'Options:', ...table([...(usage.options ?? []), HELP_OPTION]),
    '', usage.examples.length > 1 ? 'Examples:' : 'Example:', ...usage.examples.map((e) => `  ${e}`),
  ].join('\n');
}

/** A bad command line's reminder: the command's synopsis and where its whole usage is. */
export function usageHint(name: string): string {
  return `Usage: npm run ahadi -- ${COMMANDS[name]!.synopsis}\nRun "npm run ahadi -- ${name} --help" for its arguments, options and an example.`;
}

/** Every command, for `npm run ahadi -- --help`. */
export function overview(): string {
  const commands = Object.values(COMMANDS).filter((c) => c.synopsis !== COMMANDS.import!.synopsis);
  return [
    'Usage: npm run ahadi -- COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Runs the portal and its operator tasks on the configured database (AHADI_DATA_DIR, or DATABASE_URL; see README.md).',
    '',
    'Commands:',
    ...commands.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
    '',
    'Every command that uses the database first applies the migrations it lacks.',
    'Run "npm run ahadi -- COMMAND --help" (or -h) for its arguments, options and an example.',
    'Exit codes: 0 done; 1 failed (such as an import with a rejected row); 2 bad command line or configuration.',
  ].join('\n');
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([term]) => term.length)) + 4;
  return rows.map(([term, meaning]) => `  ${term.padEnd(width - 2)}${wrap(meaning, width).trimStart()}`);
}

/** Wraps a text at 100 columns, indenting every line; help is read in a terminal. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
