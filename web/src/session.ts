// Who is signed in, and what the server says their role may do (GET /api/v1/session lists the
// operation ids from the route table). Pages offer an action only when `can` says so; the
// server still decides every call, side by side.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { User } from "./api/client";

export interface SignedIn {
  user: User;
  operations: ReadonlySet<string>;
}

export const SessionContext = createContext<SignedIn | null>(null);

export function useSession(): SignedIn {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

export function can(session: SignedIn, operationId: string): boolean {
  return session.operations.has(operationId);
}
