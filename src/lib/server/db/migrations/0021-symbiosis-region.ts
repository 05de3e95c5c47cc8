import type { Kysely } from 'kysely';

/**
 * A chamber's choice to share its anonymised symbiosis supply–demand counts with the other chambers of its
 * development-agency region that chose the same: 1 shares (and sees the region's sums), 0 does not. Off until the
 * chamber's administrators turn it on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.alterTable('chamber')
		.addColumn('shares_supply_demand', 'integer', (column) => column.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('chamber').dropColumn('shares_supply_demand').execute();
}
