import type { Locale } from '$lib/i18n/locales';
import { localize } from '$lib/questionnaire/localize';
import { db } from '../db';
import * as auditLog from '../db/audit-log';
import * as chamberResources from '../db/chamber-resources';
import type { ChamberResource } from '../db/chamber-resources';
import { questionnaire } from '../content';
import { chamberResourceInput, type ChamberResourceInput } from './chamber-resource-input';
import { fitsProfile, inDate, isoDay, type FirmPlace } from '$lib/questionnaire/resource-scope';

/*
 * A chamber's own resources for the routes and the results: who sees which, and every change audit-logged with the
 * resource's id as its target.
 */

/** Whether firms see a resource now: `active`, or why not. */
export type ChamberResourceState = 'active' | 'expired' | 'retired';

export type ChamberResourceWithState = ChamberResource & { state: ChamberResourceState };

function stateOf(resource: ChamberResource, now: Date): ChamberResourceState {
	if (resource.retiredAt !== null) return 'retired';
	return inDate(resource, isoDay(now)) ? 'active' : 'expired';
}

let schema: ReturnType<typeof chamberResourceInput> | undefined;

/** The input schema for the questionnaire campaigns use: its themes, sectors and size classes. */
export function resourceSchema() {
	schema ??= chamberResourceInput(questionnaire());
	return schema;
}

/** The themes and size classes a resource may name, in the reader's language, for the dashboard's form. */
export function resourceChoices(locale: Locale) {
	const { themes, sizeClasses } = questionnaire();
	return {
		themes: themes.map((theme) => ({ id: theme.id, label: localize(theme.title, locale) })),
		sizeClasses: sizeClasses.map((size) => ({ id: size.id, label: localize(size.label, locale) }))
	};
}

/**
 * The chamber's resources, newest first, each with its state. Viewers (and everyone not editing) see the active
 * ones only; administrators also see expired and retired ones, to renew or look back at them.
 */
export async function resourcesOf(
	chamberId: string,
	options: { all: boolean },
	now = new Date()
): Promise<ChamberResourceWithState[]> {
	const resources = (await chamberResources.listForChamber(db(), chamberId)).map((resource) => ({
		...resource,
		state: stateOf(resource, now)
	}));
	return options.all ? resources : resources.filter((resource) => resource.state === 'active');
}

/** One resource of the chamber with its state; another chamber's id is unknown here. */
export async function resourceOf(
	chamberId: string,
	id: string,
	now = new Date()
): Promise<ChamberResourceWithState | undefined> {
	const resource = await chamberResources.findForChamber(db(), chamberId, id);
	return resource && { ...resource, state: stateOf(resource, now) };
}

/** Adds a resource to the chamber; audited. */
export async function addResource(
	actor: string,
	chamberId: string,
	input: ChamberResourceInput
): Promise<string> {
	const id = await chamberResources.create(db(), chamberId, input, actor);
	await auditLog.record(db(), { actor, action: 'chamber_resource.create', target: id });
	return id;
}

/** Replaces what an active resource of the chamber says; false (and nothing logged) when there is none such. */
export async function editResource(
	actor: string,
	chamberId: string,
	id: string,
	input: ChamberResourceInput
): Promise<boolean> {
	const updated = await chamberResources.update(db(), chamberId, id, input, actor);
	if (updated)
		await auditLog.record(db(), { actor, action: 'chamber_resource.update', target: id });
	return updated;
}

/** Retires an active resource of the chamber: firms no longer see it; audited. False when there is none such. */
export async function retireResource(
	actor: string,
	chamberId: string,
	id: string
): Promise<boolean> {
	const retired = await chamberResources.retire(db(), chamberId, id, actor);
	if (retired)
		await auditLog.record(db(), { actor, action: 'chamber_resource.retire', target: id });
	return retired;
}

/** The chamber's active, in-date resources that fit the firm (any theme: each card picks its own). */
export async function resourcesForFirm(
	chamberId: string,
	firm: FirmPlace,
	now = new Date()
): Promise<ChamberResource[]> {
	const active = await resourcesOf(chamberId, { all: false }, now);
	return active.filter((resource) => fitsProfile(resource, firm));
}
