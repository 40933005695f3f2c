// The one way the UI talks to the server: the same /api/v1 the scripts use, with the session
// cookie and the CSRF token the server handed out at sign-in (kept in memory only, never in
// localStorage). Every error comes back as an ApiError carrying the server's code, message
// and, where the server named one, the field, so pages can show it where it belongs.
import type { components, operations } from "./schema";

export type Schemas = components["schemas"];
export type User = Schemas["User"];
export type ListVersion = Schemas["ListVersion"];
export type ImportReport = Schemas["ImportReport"];
export type PersonRecord = Schemas["PersonRecord"];
export type Link = Schemas["Link"];
export type Session = operations["getSession"]["responses"][200]["content"]["application/json"];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken = "";
let onSignedOut: () => void = () => {};

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token ?? "";
}

// Called when the server answers 401 to a signed-in page: the session ended.
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

type Body = unknown | FormData | Blob;

export async function call<T>(method: string, path: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || body instanceof Blob) {
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: payload,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "offline", "the server cannot be reached");
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = json?.error ?? {};
    if (response.status === 401 && path !== "/session") onSignedOut();
    throw new ApiError(
      response.status,
      error.code ?? "http_error",
      error.message ?? response.statusText,
      error.field,
      json,
    );
  }
  return json as T;
}

export const get = <T>(path: string) => call<T>("GET", path);
export const post = <T>(path: string, body?: Body) => call<T>("POST", path, body);
export const put = <T>(path: string, body?: Body) => call<T>("PUT", path, body);
export const del = <T>(path: string) => call<T>("DELETE", path);

export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== "");
  if (entries.length === 0) return "";
  return "?" + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
