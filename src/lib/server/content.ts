import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogue, type Catalogue } from '$lib/content/load';

const FOLDER = 'questionnaires';

/** The questionnaire an assessment uses unless a campaign names another. */
export const DEFAULT_QUESTIONNAIRE = 'green-deal-readiness';

/**
 * Finds `questionnaires/` from where the process was started, else from where this module lives (so `node build`
 * works whatever the working directory), walking up the parents.
 */
export function findQuestionnairesFolder(): string {
	const starts = [process.cwd(), dirname(fileURLToPath(import.meta.url))];
	for (const start of starts) {
		for (let dir = resolve(start); ; dir = dirname(dir)) {
			const candidate = join(dir, FOLDER);
			if (existsSync(join(candidate, 'resources.yaml'))) return candidate;
			if (dirname(dir) === dir) break;
		}
	}
	throw new Error(`no ${FOLDER}/ folder with resources.yaml found from ${starts.join(' or ')}`);
}

/** Reads every YAML file of the folder; throws a CatalogueError listing all problems. */
export function loadCatalogue(folder = findQuestionnairesFolder()): Catalogue {
	const files = Object.fromEntries(
		readdirSync(folder)
			.filter((name) => name.endsWith('.yaml'))
			.map((name) => [name, readFileSync(join(folder, name), 'utf8')])
	);
	return parseCatalogue(files);
}

let cached: Catalogue | undefined;

/** The questionnaires and resources of this process: read and checked once at start, immutable afterwards. */
export function catalogue(): Catalogue {
	cached ??= loadCatalogue();
	return cached;
}

/** A questionnaire by id; throws when it is not loaded (ids come from code or stored records, not from users). */
export function questionnaire(id = DEFAULT_QUESTIONNAIRE) {
	const found = catalogue().questionnaires.get(id);
	if (!found) throw new Error(`questionnaire "${id}" is not loaded`);
	return found;
}
