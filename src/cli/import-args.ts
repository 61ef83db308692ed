import fs from 'node:fs';
import { UsageError } from './usage-error.ts';

/** The one FILE an import takes, which must be a file. */
export function oneExistingFile(command: string, positionals: string[], name = 'FILE'): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one ${name}`);
  return existingFile(name, positionals[0]!);
}

/** A file named on the command line, or a usage error that says what it is instead. */
export function existingFile(name: string, file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${name}: no such file: ${file}`);
  if (stat.isDirectory()) throw new UsageError(`${name}: ${file} is a directory; give a file in it`);
  if (!stat.isFile()) throw new UsageError(`${name}: not a regular file: ${file}`);
  return file;
}

// Every XLSX workbook is a ZIP archive, whose first bytes are these.
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

/**
 * Refuses a workbook where the command reads text (CSV, a saved page): read as text it would be refused as "not
 * UTF-8", which sends the operator after the wrong problem. `instead` says how to import it.
 */
export function refuseWorkbook(name: string, file: string, instead: string): void {
  const start = Buffer.alloc(ZIP_SIGNATURE.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, start, 0, start.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (start.equals(ZIP_SIGNATURE)) throw new UsageError(`${name}: ${file} is a spreadsheet workbook (XLSX), not text: ${instead}`);
}
