import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

// The ~49,000 most common passwords of zxcvbn's common dictionary, lower-cased (NIST SP 800-63B §5.1.1.2: refuse
// passwords found in lists of commonly used or compromised values).
const common = new Set(
	(dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase())
);

/** True for a password on the common-passwords list, whatever its case. */
export function isCommonPassword(password: string): boolean {
	return common.has(password.toLocaleLowerCase('en'));
}

/** A new password: 8 to 256 characters (long passphrases welcome), not a common one. Messages are i18n keys. */
export const newPassword = z
	.string()
	.min(8, 'auth.error_password_short')
	.max(256, 'auth.error_password_long')
	.refine((password) => !isCommonPassword(password), 'auth.error_password_common');

/** An e-mail address, lower-cased without a locale (Turkish rules would turn `I` into `ı`). */
export const email = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email('auth.error_email').max(254, 'auth.error_email'));

/** A new password typed twice: the mismatch is an error on the second field (`passwordConfirm`). */
const passwordTwice = z
	.object({ password: newPassword, passwordConfirm: z.string().max(256) })
	.refine((form) => form.password === form.passwordConfirm, {
		path: ['passwordConfirm'],
		message: 'auth.error_password_mismatch'
	});

/**
 * A form that sets a new password, typed twice (`password`, `passwordConfirm`) besides its own fields: a typing
 * mistake in a masked field would lock the person out of the account they just made. A mismatch is reported
 * together with any problem of the other fields, so one submission shows them all.
 */
export function withConfirmedPassword<T extends z.ZodRawShape>(fields: T) {
	return z.object(fields).and(passwordTwice);
}
