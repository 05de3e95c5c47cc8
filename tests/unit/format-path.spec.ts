import { describe, expect, it } from 'vitest';
import { formatPath } from '$lib/format-path';

describe('formatPath', () => {
	it.each([
		[[], ''],
		[['name'], 'name'],
		[['themes', 2, 'questions', 0, 'text', 'en'], 'themes[2].questions[0].text.en'],
		[[0, 'id'], '[0].id'],
		[['answers', 'q-1'], 'answers.q-1']
	])('writes %j as %s', (path, expected) => {
		expect(formatPath(path)).toBe(expected);
	});

	it('names a symbol key by its description', () => {
		expect(formatPath(['values', Symbol('x')])).toBe('values.Symbol(x)');
	});
});
