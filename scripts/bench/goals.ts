/** A figure of the performance issue's table, measured and compared with its goal. */
export interface Goal {
	name: string;
	value: string;
	goal: string;
	met: boolean;
}

const goals: Goal[] = [];

const KB = 1000;
export const kilobytes = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** Prints a figure with its goal and whether it is met, and keeps it for the summary. */
export function checkGoal(name: string, value: string, goal: string, met: boolean) {
	goals.push({ name, value, goal, met });
	console.log(`${name}: ${value} (goal ${goal}): ${met ? 'met' : 'not met'}`);
}

/** A size in bytes against a ceiling in kilobytes (1 KB = 1,000 bytes). */
export function checkSize(name: string, bytes: number, maxKilobytes: number) {
	checkGoal(name, kilobytes(bytes), `≤ ${maxKilobytes} KB`, bytes <= maxKilobytes * KB);
}

/** A duration against a ceiling. */
export function checkTime(name: string, ms: number, maxMs: number) {
	checkGoal(name, `${Math.round(ms)} ms`, `≤ ${maxMs} ms`, ms <= maxMs);
}

/** Every goal checked so far, one line each, and how many are met. */
export function printGoals() {
	console.log('\nGoals:');
	for (const goal of goals)
		console.log(
			`  ${goal.met ? 'met    ' : 'not met'}  ${goal.name}: ${goal.value} (${goal.goal})`
		);
	console.log(`${goals.filter((goal) => goal.met).length} of ${goals.length} goals met`);
}
