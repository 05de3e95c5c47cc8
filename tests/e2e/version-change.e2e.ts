import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { answerStep, startAssessment } from './assessment-helpers';
import { expect, test } from './test';

/** The version a draft is brought up to: the questionnaire file's, whatever content change bumped it last. */
const CURRENT: string = parse(
	readFileSync('questionnaires/green-deal-readiness.yaml', 'utf8')
).version;

/**
 * Turns a draft into one started under an earlier questionnaire version, as if it had been left open over an
 * upgrade: its row names 1.1.0, and the stored 1.1.0 definition lacked one current question and asked one the
 * current version no longer has (which the draft had answered).
 */
function startedUnderEarlierVersion(token: string) {
	const db = new Database(process.env.E2E_DATABASE_URL!);
	try {
		db.pragma('busy_timeout = 5000');
		const row = db
			.prepare(
				"SELECT definition FROM questionnaire_version WHERE questionnaire_id = 'green-deal-readiness'" +
					" AND version <> '1.1.0' ORDER BY stored_at DESC LIMIT 1"
			)
			.get() as { definition: string };
		const earlier = JSON.parse(row.definition);
		earlier.version = '1.1.0';
		const management = earlier.themes.find((theme: { id: string }) => theme.id === 'management');
		management.questions = management.questions.filter(
			(question: { id: string }) => question.id !== 'mgt_env_permit'
		);
		management.questions.push({
			...management.questions[0],
			id: 'mgt_old_question',
			text: { tr: 'Eski soru', en: 'Old question' }
		});
		const definition = JSON.stringify(earlier);
		db.prepare(
			'INSERT INTO questionnaire_version (questionnaire_id, version, definition, hash, stored_at)' +
				" VALUES ('green-deal-readiness', '1.1.0', ?, ?, ?) ON CONFLICT DO NOTHING"
		).run(
			definition,
			createHash('sha256').update(definition).digest('hex'),
			new Date().toISOString()
		);
		const hash = createHash('sha256').update(token).digest('hex');
		const { answers } = db
			.prepare('SELECT answers FROM assessment WHERE token_hash = ?')
			.get(hash) as {
			answers: string;
		};
		db.prepare(
			"UPDATE assessment SET questionnaire_version = '1.1.0', answers = ? WHERE token_hash = ?"
		).run(JSON.stringify({ ...JSON.parse(answers), mgt_old_question: 'none' }), hash);
	} finally {
		db.close();
	}
}

test('a draft left open over a questionnaire upgrade says what changed and keeps its answers', async ({
	page
}) => {
	await startAssessment(page, 'tr');
	await page.getByRole('textbox', { name: 'Firma adı' }).fill('Sürüm Mobilya');
	await answerStep(page);
	await page
		.getByRole('button', { name: /Kaydet ve/ })
		.first()
		.click();
	await expect(page).not.toHaveURL(/\/profile$/);
	const token = /\/assessment\/([A-Za-z0-9_-]{43})\//.exec(page.url())![1];

	startedUnderEarlierVersion(token);

	await page.goto(`/assessment/${token}/profile`);
	const note = page
		.getByRole('status')
		.filter({ hasText: `Anket ${CURRENT} sürümüne güncellendi` });
	await expect(note).toHaveText(
		`Anket ${CURRENT} sürümüne güncellendi: 1 yeni soru eklendi, 1 soru kaldırıldı. Önceki yanıtlarınız korundu; kaldırılan sorulara ve seçeneklere verdiğiniz yanıtlar silindi.`
	);
	// The earlier answers are still there.
	await expect(page.getByRole('textbox', { name: 'Firma adı' })).toHaveValue('Sürüm Mobilya');

	// The review page says it too.
	await page.goto(`/assessment/${token}/review`);
	await expect(page.getByRole('status').filter({ hasText: `Anket ${CURRENT}` })).toBeVisible();
});
