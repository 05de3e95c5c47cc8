import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SQLITE_PATH, parseConfig } from '$lib/server/config';

describe('parseConfig', () => {
	it('works with nothing set: port 3000 and the embedded SQLite file', () => {
		const config = parseConfig({});
		expect(config.port).toBe(3000);
		expect(config.database).toEqual({ kind: 'sqlite', path: DEFAULT_SQLITE_PATH });
		expect(config.minGroupSize).toBe(5);
	});

	it.each([
		['postgres://u@127.0.0.1:5432/test', 'postgres'],
		['postgresql://u@db/prod', 'postgres'],
		['file:./data/x.db', 'sqlite'],
		['/var/lib/yh/app.db', 'sqlite']
	])('reads DATABASE_URL %s as %s', (url, kind) => {
		expect(parseConfig({ DATABASE_URL: url }).database.kind).toBe(kind);
	});

	it('strips the file: prefix from a SQLite path', () => {
		expect(parseConfig({ DATABASE_URL: 'file:./data/x.db' }).database).toEqual({
			kind: 'sqlite',
			path: './data/x.db'
		});
	});

	it.each([
		[{ PORT: 'eighty' }, /^PORT: /],
		[{ MIN_GROUP_SIZE: '2' }, /^MIN_GROUP_SIZE: /],
		[{ ORIGIN: 'not a url' }, /^ORIGIN: /],
		[{ BODY_SIZE_LIMIT: 'lots' }, /^BODY_SIZE_LIMIT: /],
		[{ SMTP_URL: 'https://mail.example.org' }, /^SMTP_URL: /],
		[{ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'nobody' }, /^MAIL_FROM: /]
	])('refuses %o with one line naming the variable', (env, message) => {
		expect(() => parseConfig(env)).toThrow(ConfigError);
		expect(() => parseConfig(env)).toThrow(message);
	});

	it('treats an empty variable as unset', () => {
		expect(parseConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
	});

	it('sends no mail without SMTP_URL, and signs mail as no-reply at ORIGIN by default', () => {
		expect(parseConfig({}).mail).toBeUndefined();
		expect(
			parseConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', ORIGIN: 'https://h.example.org' })
				.mail
		).toEqual({
			smtpUrl: 'smtps://u:p@mail.example.org:465',
			from: 'Yeşil Hazırlık <no-reply@h.example.org>'
		});
		expect(
			parseConfig({ SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: 'Oda <oda@example.org>' })
				.mail?.from
		).toBe('Oda <oda@example.org>');
	});
});
