const OPTIONS = ['Not at all', 'Started', 'Mostly', 'Fully'];

/** Eight questions of four options each, as one step of the questionnaire has. */
export function load() {
	return {
		questions: Array.from({ length: 8 }, (_, index) => ({
			id: `q${index + 1}`,
			label: `Question ${index + 1}: how far has the firm come on this practice?`,
			options: OPTIONS
		}))
	};
}

export const actions = {
	default: async ({ request }) => ({ saved: (await request.formData()).size })
};
