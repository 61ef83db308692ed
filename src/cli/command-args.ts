import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { UsageError } from './usage-error.ts';

/** parseArgs for a command, with its mistakes (an unknown option, a missing value) as usage errors that name it. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    // Node's advice on a positional that starts with "-" is noise when the option is a typo.
    throw new UsageError(`${command}: ${(error as Error).message.split('. To specify a positional')[0]}`);
  }
}

/** For a command that takes neither arguments nor options. */
export function noArguments(command: string, args: string[]): void {
  const { positionals } = parseCommandArgs(command, args, {});
  if (positionals.length > 0) throw new UsageError(`${command}: unexpected argument: ${positionals[0]}`);
}

/** Whether the command line asks for help: `--help` or `-h` anywhere before a `--`, whatever else it holds. */
export function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** An option that holds a whole number from min to max, or a usage error that names it and what was given. */
export function wholeNumberOption(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().min(min).max(max)).safeParse(value);
  if (!number.success) throw new UsageError(`--${option}: give a whole number from ${min} to ${max.toLocaleString('en')}, not "${value}"`);
  return number.data;
}
