// The interface language: chosen per user (kept by the server with the user, and in this
// browser's localStorage as a preference — never anything secret), else the browser's own.
// Names are never translated: people's names are shown as their list wrote them.
import { en, ru, tr, uk, type MessageKey, type Messages } from "./messages";

export const languages = ["uk", "ru", "en", "tr"] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = {
  uk: "Українська",
  ru: "Русский",
  en: "English",
  tr: "Türkçe",
};

const catalogues: Record<Language, Messages> = { en, uk, ru, tr };
const storageKey = "parley.language";

export function isLanguage(code: unknown): code is Language {
  return typeof code === "string" && (languages as readonly string[]).includes(code);
}

// The language to start with before the user is known.
export function initialLanguage(): Language {
  const kept = localStorage.getItem(storageKey);
  if (isLanguage(kept)) return kept;
  for (const wanted of navigator.languages ?? [navigator.language]) {
    const code = wanted.slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return "en";
}

let current: Language = "en";

export function setLanguage(language: Language): void {
  current = language;
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
}

export function language(): Language {
  return current;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

// The word for a value the server names (a field, a comparison level, a state): its
// translation under `prefix.value`, else the value itself, so a value newer than this table
// still shows. `params` fill the translation's placeholders.
export function termFor(
  prefix: string,
  value: string | undefined,
  params: Record<string, string | number> = {},
): string {
  if (!value) return "";
  const key = `${prefix}.${value}` as MessageKey;
  return key in en ? t(key, params) : value;
}

export function hasTerm(prefix: string, value: string | undefined): boolean {
  return !!value && `${prefix}.${value}` in en;
}

// Intl formatters cost far more to make than to use (a list page formats hundreds of dates),
// so each is made once per language and kind.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, make: () => F): F {
  const key = `${current}/${kind}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

// A date as the user's locale writes it. The API sends dates as "YYYY-MM-DD" (possibly
// partial: "1987" or "1987-03") and times as UTC "YYYY-MM-DDTHH:MM:SSZ".
export function formatDate(text: string | undefined): string {
  if (!text) return "";
  const parts = text.split("-");
  if (parts.length < 3 || text.includes("T")) {
    if (!text.includes("T")) return text;
    const when = new Date(text);
    return Number.isNaN(when.getTime())
      ? text
      : formatter("time", () => new Intl.DateTimeFormat(current, { dateStyle: "medium", timeStyle: "short" })).format(when);
  }
  const when = new Date(Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])));
  return Number.isNaN(when.getTime())
    ? text
    : formatter("date", () => new Intl.DateTimeFormat(current, { dateStyle: "medium", timeZone: "UTC" })).format(when);
}

export function formatNumber(value: number, digits = 0): string {
  return formatter(`number${digits}`, () =>
    new Intl.NumberFormat(current, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}
