// Every word the interface shows, in each language it speaks, combined from one file per
// area (messages_AREA.ts). In each area English is the reference: its keys are the type the
// Ukrainian, Russian and Turkish tables must fill, so a missing translation fails the type check
// (the web.typecheck test) instead of showing a key to a user.
import * as admin from "./messages_admin";
import * as common from "./messages_common";
import * as handover from "./messages_handover";
import * as ledger from "./messages_ledger";
import * as plans from "./messages_plans";
import * as records from "./messages_records";

export const en = { ...common.en, ...records.en, ...handover.en, ...plans.en, ...admin.en, ...ledger.en };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export const uk: Messages = { ...common.uk, ...records.uk, ...handover.uk, ...plans.uk, ...admin.uk, ...ledger.uk };
export const ru: Messages = { ...common.ru, ...records.ru, ...handover.ru, ...plans.ru, ...admin.ru, ...ledger.ru };
export const tr: Messages = { ...common.tr, ...records.tr, ...handover.tr, ...plans.tr, ...admin.tr, ...ledger.tr };
