import { ConfigError } from '../src/lib/server/config';

/** A mistake in the command line: printed as one line, with the usage, and exit code 2. */
export class UsageError extends Error {}

/**
 * Reports what stopped a script and sets its exit code: 2 with the usage for a mistake in the command line or the
 * environment, 1 for anything else. parseArgs explains some mistakes over three lines; a script that wants only
 * the first, which says what is wrong, passes `firstLineOnly`.
 */
export function reportFailure(error: unknown, usage: string, firstLineOnly = false): void {
	// parseArgs refuses unknown or malformed options with an ERR_PARSE_ARGS_* error.
	const badArguments = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
	if (error instanceof UsageError || error instanceof ConfigError || badArguments) {
		const message = (error as Error).message;
		console.error(firstLineOnly ? message.split('\n')[0] : message);
		console.error(usage);
		process.exitCode = 2;
	} else {
		console.error(error instanceof Error ? error.message : String(error));
		process.exitCode = 1;
	}
}
