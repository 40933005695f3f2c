// A person's name as their list wrote it, in its own script, and, for a reader of a
// Latin-script interface (English, Turkish), the romanisation the server adds beside it
// (`name_latin`: as a passport of the name's language writes it, KMU 2010 or ICAO 9303). A
// reader of Ukrainian or Russian reads the Cyrillic itself, so it is not repeated to them.
import type { PersonRecord } from "../api/client";
import { language, t } from "../i18n/i18n";

type NameField = "surname" | "given_name" | "patronymic" | "full_name";

function joined(parts: (string | undefined)[]): string {
  return parts.filter((p) => p && p.trim()).join(" ");
}

export function personName(r: PersonRecord | undefined): string {
  if (!r) return "";
  return joined([r.surname, r.given_name, r.patronymic]) || (r.full_name ?? "");
}

function readsLatin(): boolean {
  const lang = language() as string;
  return lang === "en" || lang === "tr";
}

// The romanisation of one name field, when the reader needs it and it differs from the field.
export function latinOf(r: PersonRecord | undefined, field: NameField): string | undefined {
  const latin = readsLatin() ? r?.name_latin?.[field] : undefined;
  return latin && latin !== r?.[field] ? latin : undefined;
}

// The whole name's romanisation, when the reader needs it.
export function latinName(r: PersonRecord | undefined): string | undefined {
  const n = readsLatin() ? r?.name_latin : undefined;
  if (!n) return undefined;
  const latin = joined([n.surname, n.given_name, n.patronymic]) || (n.full_name ?? "");
  return latin && latin !== personName(r) ? latin : undefined;
}

// The romanisation's language tag, so that a screen reader reads it as the name's own language
// written in Latin letters rather than as English: KMU 2010 romanises Ukrainian, ICAO 9303 (as
// the server applies it) Russian.
function latinLang(r: PersonRecord | undefined): string {
  const standard = r?.name_latin?.standard ?? "";
  if (standard.startsWith("KMU")) return "uk-Latn";
  if (standard.startsWith("ICAO")) return "ru-Latn";
  return "und-Latn";
}

// A field's value with its romanisation beneath it (a table cell's content).
export function NameField({ record, field }: { record: PersonRecord | undefined; field: NameField }) {
  const latin = latinOf(record, field);
  return (
    <>
      {record?.[field] ?? ""}
      {latin && (
        <span class="latin" lang={latinLang(record)} title={t("name.latinTitle", { standard: record?.name_latin?.standard ?? "" })}>
          {latin}
        </span>
      )}
    </>
  );
}

// The whole name, and its romanisation after it.
export function PersonName({ record, fallback = "" }: { record: PersonRecord | undefined; fallback?: string }) {
  const latin = latinName(record);
  return (
    <>
      {personName(record) || fallback}
      {latin && (
        <span class="latin" lang={latinLang(record)} title={t("name.latinTitle", { standard: record?.name_latin?.standard ?? "" })}>
          {latin}
        </span>
      )}
    </>
  );
}
