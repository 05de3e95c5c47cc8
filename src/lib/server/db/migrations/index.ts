import type { Migration, MigrationProvider } from 'kysely';
import * as auditLog from './0001-audit-log';
import * as assessment from './0002-assessment';
import * as chamberCampaign from './0003-chamber-campaign';
import * as accounts from './0004-accounts';
import * as statisticsIndexes from './0005-statistics-indexes';
import * as carbon from './0006-carbon';
import * as twoFactor from './0007-two-factor';
import * as apiTokens from './0008-api-tokens';
import * as assessmentLife from './0009-assessment-life';
import * as idempotencyKey from './0010-idempotency-key';
import * as assessmentRevision from './0011-assessment-revision';
import * as cbamReadiness from './0012-cbam-readiness';
import * as chamberResource from './0013-chamber-resource';
import * as planAction from './0015-plan-action';
import * as participationTargets from './0016-participation-targets';
import * as assessmentNeed from './0017-assessment-need';
import * as mail from './0018-mail';
import * as symbiosis from './0019-symbiosis';
import * as symbiosisIntroduction from './0020-symbiosis-introduction';
import * as symbiosisRegion from './0021-symbiosis-region';
import * as statisticsSummary from './0022-statistics-summary';
import * as statisticsVersion from './0023-statistics-version';

/**
 * Every migration, in order. They are imported rather than read from a folder so that the built server carries them
 * inside its bundle and needs no source files at run time.
 */
const migrations: Record<string, Migration> = {
	'0001-audit-log': auditLog,
	'0002-assessment': assessment,
	'0003-chamber-campaign': chamberCampaign,
	'0004-accounts': accounts,
	'0005-statistics-indexes': statisticsIndexes,
	'0006-carbon': carbon,
	'0007-two-factor': twoFactor,
	'0008-api-tokens': apiTokens,
	'0009-assessment-life': assessmentLife,
	'0010-idempotency-key': idempotencyKey,
	'0011-assessment-revision': assessmentRevision,
	'0012-cbam-readiness': cbamReadiness,
	'0013-chamber-resource': chamberResource,
	'0015-plan-action': planAction,
	'0016-participation-targets': participationTargets,
	'0017-assessment-need': assessmentNeed,
	'0018-mail': mail,
	'0019-symbiosis': symbiosis,
	'0020-symbiosis-introduction': symbiosisIntroduction,
	'0021-symbiosis-region': symbiosisRegion,
	'0022-statistics-summary': statisticsSummary,
	'0023-statistics-version': statisticsVersion
};

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
