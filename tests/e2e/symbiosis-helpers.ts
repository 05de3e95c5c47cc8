import { execFileSync } from 'node:child_process';
import type { SymbiosisListing } from '../../src/lib/symbiosis/listing';

/**
 * Stores a submitted firm's listing in the end-to-end database, as its symbiosis step would, through the same
 * repository (`db/symbiosis.replace`). The chamber's tests need listings, not the firm's form.
 */
export function writeListing(token: string, listing: SymbiosisListing): void {
	execFileSync('node', ['--import', 'tsx', 'tests/e2e/write-listing.ts'], {
		env: {
			...process.env,
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			ORIGIN: process.env.E2E_ORIGIN,
			SMTP_URL: process.env.E2E_SMTP_URL
		},
		input: JSON.stringify({ token, listing }),
		encoding: 'utf8'
	});
}
