/**
 * The architecture rules, checked by `npm run lint` (so in CI): see docs/ARCHITECTURE.md for why the layers are
 * cut this way.
 * @type {import('dependency-cruiser').IConfiguration}
 */

module.exports = {
	forbidden: [
		{
			name: 'no-circular',
			severity: 'error',
			comment:
				'A cycle means two modules cannot be understood, tested or moved apart: move the shared part into a ' +
				'module both import.',
			from: {},
			to: { circular: true }
		},
		{
			name: 'pure-modules-stay-pure',
			severity: 'error',
			comment:
				'The questionnaire, scoring, carbon, chart, presenter, i18n and content modules run in the browser, ' +
				'the PDF worker and the scripts, and are unit-tested without a server: they never import $lib/server. ' +
				'A type-only import (the shape of a server view a presenter words) is erased at build time, as ' +
				"SvelteKit's own server-only guard treats it.",
			from: {
				path: '^src/lib/(questionnaire|scoring|carbon|charts|presenters|i18n|content)/'
			},
			to: { path: '^src/lib/server/', dependencyTypesNot: ['type-only'] }
		},
		{
			name: 'questionnaire-below-carbon',
			severity: 'error',
			comment:
				'The questionnaire model is the bottom layer: carbon and scoring read it, and src/lib/content (which ' +
				'loads and checks the files) sits above all three.',
			from: { path: '^src/lib/questionnaire/' },
			to: { path: '^src/lib/(carbon|scoring|content)/' }
		},
		{
			name: 'routes-go-through-services',
			severity: 'error',
			comment:
				'A route asks a service (src/lib/server/{assessment,chamber,...}) and never reads the database itself: ' +
				'the rules about who may see what live in one place.',
			from: { path: '^src/routes/' },
			to: { path: '^src/lib/server/db/' }
		}
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		// `$lib` and the other SvelteKit aliases come from the tsconfig that `svelte-kit sync` writes.
		tsConfig: { fileName: 'tsconfig.depcruise.json' },
		tsPreCompilationDeps: true,
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.json']
		}
	}
};
