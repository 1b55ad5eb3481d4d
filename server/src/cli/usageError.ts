// The error every command throws for a mistake in its command line or in what it names.

/** A mistake in the command line or in what it names (no such project, a bad option value): exit status 2. */
export class UsageError extends Error {}
