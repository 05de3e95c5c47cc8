import { error, json } from '@sveltejs/kit';
import * as assessmentService from '$lib/server/assessment/assessment-service';
import { db } from '$lib/server/db';
import * as assessments from '$lib/server/db/assessments';
import * as auditLog from '$lib/server/db/audit-log';

/** Everything stored about this assessment, for the SME to keep (KVKK art. 11: the right to information). */
export async function GET({ params }) {
	const opened = await assessmentService.open(params.token);
	if (!opened) error(404, 'Not Found');
	const { assessment } = opened;
	await auditLog.record(db(), {
		actor: 'anonymous',
		action: 'assessment.export',
		target: assessment.id
	});
	return json(
		{
			questionnaire: { id: assessment.questionnaireId, version: assessment.questionnaireVersion },
			status: assessment.status,
			locale: assessment.locale,
			createdAt: assessment.createdAt,
			updatedAt: assessment.updatedAt,
			submittedAt: assessment.submittedAt,
			answers: assessment.answers,
			result: assessment.result,
			consentToShareIdentity: assessment.consentShareIdentity,
			consentNoticeVersion: assessment.consentVersion,
			consentGivenAt: assessment.consentAt,
			/** Every time the consent was given or withdrawn, oldest first: withdrawal keeps this record. */
			consentHistory: await assessments.consentHistory(db(), assessment.id)
		},
		{
			headers: {
				'cache-control': 'private, no-store',
				'content-disposition': 'attachment; filename="yesil-hazirlik-verilerim.json"'
			}
		}
	);
}
