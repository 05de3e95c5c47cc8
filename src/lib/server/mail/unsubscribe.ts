import { db } from '../db';
import { hasPendingReminders, stopReminders } from './reminders';

/** Whether the unsubscribe link of a reminder mail still stands for reminders to come. */
export function remindersPending(token: string): Promise<boolean> {
	return hasPendingReminders(db(), token);
}

/** Stops them and forgets the address at once; the same for a link already used. */
export function unsubscribe(token: string): Promise<void> {
	return stopReminders(db(), token);
}
