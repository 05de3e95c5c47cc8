// `node --import tsx tests/e2e/write-listing.ts < {"token", "listing"}`: stores a firm's symbiosis listing in the
// end-to-end server's database through the repository the firm's own API uses, for the chamber's tests.
import { parseConfig } from '../../src/lib/server/config';
import { connect } from '../../src/lib/server/db/connect';
import * as symbiosis from '../../src/lib/server/db/symbiosis';
import { hashToken } from '../../src/lib/server/assessment/tokens';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { token, listing } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const db = connect(parseConfig(process.env).database);
try {
	const assessment = await db
		.selectFrom('assessment')
		.select('id')
		.where('token_hash', '=', hashToken(token))
		.executeTakeFirstOrThrow();
	await symbiosis.replace(db, assessment.id, listing);
} finally {
	await db.destroy();
}
