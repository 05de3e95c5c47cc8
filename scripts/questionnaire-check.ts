// `npm run questionnaire:check`: prints every problem of the files in questionnaires/ and exits non-zero on any;
// warnings (a resource about to expire) are printed but do not fail.
import { CatalogueError, formatProblem } from '../src/lib/content/load';
import { findQuestionnairesFolder, loadCatalogue } from '../src/lib/server/content';

const folder = process.argv[2] ?? findQuestionnairesFolder();
try {
	const { questionnaires, resources, warnings } = loadCatalogue(folder);
	for (const warning of warnings) console.warn(`warning: ${formatProblem(warning)}`);
	for (const questionnaire of questionnaires.values()) {
		const questions = questionnaire.themes.reduce((sum, theme) => sum + theme.questions.length, 0);
		console.log(
			`${questionnaire.id} ${questionnaire.version}: ${questionnaire.themes.length} themes, ${questions} scored questions, ${questionnaire.recommendations.length} recommendations`
		);
	}
	console.log(`${resources.size} resources. No problems.`);
} catch (error) {
	if (!(error instanceof CatalogueError)) throw error;
	for (const problem of error.problems) console.error(formatProblem(problem));
	console.error(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}.`);
	process.exit(1);
}
