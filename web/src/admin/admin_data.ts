// What the admin views share: the API's shapes they use, the sides the workspace knows of, a
// language's name, and a made-up password. Nothing here is kept beyond the page: no secret
// (a password, a token) is ever written to localStorage or sent anywhere but to the API.
import type { operations } from "../api/schema";
import type { ListVersion, Schemas, User } from "../api/client";
import { isLanguage, languageNames } from "../i18n/i18n";

export type { User };
export type Role = Schemas["Role"];
export type ApiToken = Schemas["ApiToken"];
export type Share = Schemas["Share"];
export type AccessLogEntry = Schemas["AccessLogEntry"];
export type NewToken = operations["createToken"]["responses"][201]["content"]["application/json"];
export type AccessLogPage =
  operations["listAccessLog"]["responses"][200]["content"]["application/json"];

export const roles: readonly Role[] = [
  "admin",
  "clerk",
  "analyst",
  "negotiator",
  "signer",
  "observer",
  "interviewer",
  "checkpoint",
];

// Every side named by a user or a list the admin can see, and the admin's own, sorted: the
// suggestions for a side field (the server accepts a new side too).
export function knownSides(own: string, users: User[], lists: ListVersion[]): string[] {
  const sides = new Set<string>([own]);
  for (const u of users) if (u.side) sides.add(u.side);
  for (const l of lists) if (l.side) sides.add(l.side);
  sides.delete("");
  return [...sides].sort();
}

export function languageName(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  return isLanguage(code) ? languageNames[code] : code;
}

// 20 characters from an alphabet of 56 without look-alikes (0/O, 1/l/I), from the browser's
// cryptographic generator, each byte used only below 224 (4 x 56) so that every character is
// equally likely: about 116 bits, well past the server's 10-character minimum.
export function madeUpPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const limit = alphabet.length * Math.floor(256 / alphabet.length);
  let out = "";
  while (out.length < 20) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      if (b < limit && out.length < 20) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
