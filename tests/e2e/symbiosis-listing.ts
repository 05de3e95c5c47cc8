import { execFileSync } from 'node:child_process';

/*
 * Writes a firm's symbiosis listing straight into the end-to-end server's database, through the repository the
 * product uses (`db/symbiosis.replace`). A stand-in until the firm's listing step and its API are on this branch;
 * the test then reads what the chamber sees through the pages only.
 */

/** What a test lists for a firm, in the shape of `SymbiosisListing`. */
export interface E2eListing {
	offers: { category: string; quantityPerYear: number; unit: 't' | 'm3' | 'MWh' | 'piece' }[];
	needs: { category: string; quantityPerYear: number; unit: 't' | 'm3' | 'MWh' | 'piece' }[];
	consentIntroduce: boolean;
}

const SCRIPT = `
import { connect } from './src/lib/server/db/connect.ts';
import { hashToken } from './src/lib/server/assessment/tokens.ts';
import * as symbiosis from './src/lib/server/db/symbiosis.ts';
import { parseConfig } from './src/lib/server/config.ts';
const [token, listing] = process.argv.slice(-2);
const db = connect(parseConfig(process.env).database);
const { id } = await db.selectFrom('assessment').select('id').where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
await symbiosis.replace(db, id, JSON.parse(listing));
await db.destroy();
`;

/** Lists these items for the assessment of `token`, with or without consent to be introduced. */
export function listSymbiosis(token: string, listing: E2eListing): void {
	execFileSync(
		'node',
		['--import', 'tsx', '--input-type=module', '-e', SCRIPT, '--', token, JSON.stringify(listing)],
		{
			env: {
				...process.env,
				DATABASE_URL: process.env.E2E_DATABASE_URL,
				ORIGIN: process.env.E2E_ORIGIN
			},
			encoding: 'utf8'
		}
	);
}
