/**
 * Names a warning shown beside a field (`energy_gas_sm3:separator_slip`). The page sends back the ones it showed, so
 * saving the same figures again moves on instead of stopping at the same warning twice.
 */
export function warningKey(warning: { question: string; code: string }): string {
	return `${warning.question}:${warning.code}`;
}
