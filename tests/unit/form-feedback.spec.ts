import { describe, expect, it } from 'vitest';
import { formFeedback } from '$lib/form-feedback';

const t = (key: string, values?: Record<string, unknown>) =>
	values ? `${key} ${JSON.stringify(values)}` : key;

describe('formFeedback', () => {
	it('reads no problems from no form and from a success', () => {
		for (const form of [null, undefined, { created: 'Ankara TSO' }]) {
			const feedback = formFeedback(form, t);
			expect(feedback.errors).toEqual({});
			expect(feedback.values).toEqual({});
		}
	});

	it('translates an error key and leaves a field without one empty', () => {
		const feedback = formFeedback(
			{ values: { name: 'Ayşe' }, errors: { email: 'auth.error_email' } },
			t
		);
		expect(feedback.values).toEqual({ name: 'Ayşe' });
		expect(feedback.message(feedback.errors.email)).toBe('auth.error_email');
		expect(feedback.message(feedback.errors.name)).toBeUndefined();
	});

	it('names the minutes a throttled sign-in must wait', () => {
		const feedback = formFeedback({ errors: { form: 'auth.error_throttled' }, minutes: 3 }, t);
		expect(feedback.message(feedback.errors.form)).toBe('auth.error_throttled {"minutes":3}');
	});
});
