import { json } from '@sveltejs/kit';
import { viewQuestionnaire } from '$lib/questionnaire/view';
import { apiError } from '$lib/server/http/api';
import { catalogue } from '$lib/server/content';

/** A questionnaire's definition in one language (`?lang=tr|en`). */
export async function GET({ params, locals }) {
	const questionnaire = catalogue().questionnaires.get(params.id);
	if (!questionnaire) return apiError(404, 'questionnaire_not_found', locals.locale);
	return json(viewQuestionnaire(questionnaire, locals.locale), {
		headers: { 'cache-control': 'no-cache', vary: 'Accept-Language, Cookie' }
	});
}
