import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** parseArgs for an import command, with its mistakes as usage errors (exit code 2) that name the option. */
export function parseImportArgs<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/** The one FILE an import takes, which must exist. */
export function oneExistingFile(command: string, positionals: string[], name = 'FILE'): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one ${name}`);
  const file = positionals[0]!;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${name}: no such file: ${file}`);
  return file;
}
