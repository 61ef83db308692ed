/** A bad command line: printed with the synopsis of its command, exit code 2. */
export class UsageError extends Error {}
