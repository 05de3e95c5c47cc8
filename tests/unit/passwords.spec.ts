import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withConfirmedPassword } from '$lib/server/auth/passwords';

describe('a new password typed twice', () => {
	const form = withConfirmedPassword({ name: z.string().min(2, 'admin.error_name') });
	const passphrase = 'Kırklareli sanayi odası 2026';

	it('is accepted when both copies match', () => {
		expect(form.parse({ name: 'Ayşe', password: passphrase, passwordConfirm: passphrase })).toEqual(
			{
				name: 'Ayşe',
				password: passphrase,
				passwordConfirm: passphrase
			}
		);
	});

	it('is refused on the second field when the copies differ, with the other fields’ problems', () => {
		const issues = form.safeParse({
			name: 'A',
			password: passphrase,
			passwordConfirm: `${passphrase} `
		}).error?.issues;
		expect(issues?.map(({ path, message }) => ({ path, message }))).toEqual([
			{ path: ['name'], message: 'admin.error_name' },
			{ path: ['passwordConfirm'], message: 'auth.error_password_mismatch' }
		]);
	});

	it('still refuses a common password, even typed twice alike', () => {
		const issues = form.safeParse({
			name: 'Ayşe',
			password: 'password1',
			passwordConfirm: 'password1'
		}).error?.issues;
		expect(issues?.map(({ path, message }) => ({ path, message }))).toEqual([
			{ path: ['password'], message: 'auth.error_password_common' }
		]);
	});
});
