// API tokens (#/admin/tokens?user=NAME): a user's tokens as the server lists them (number, when
// made, in use or revoked: never a secret), a new one made (POST /users/{name}/tokens) and
// shown exactly once, with a copy button and the warning that it will not be shown again (it
// lives in this view's state only, gone when the admin dismisses it or leaves), and revoking one
// after a confirming step (DELETE /users/{name}/tokens/{token}).
import { ConfirmStep } from "../components/confirm_step";
import { useEffect, useRef, useState } from "preact/hooks";
import { del, get, post } from "../api/client";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { formatDate, t } from "../i18n/i18n";
import { navigate } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import type { ApiToken, NewToken, User } from "./admin_data";

export function TokensView({ user }: { user: string }) {
  const session = useSession();
  const users = useLoad(() => get<{ users: User[] }>("/users"), []);
  const [chosen, setChosen] = useState(user);
  if (users.error) return <Refusal error={users.error} />;
  return (
    <>
      <p>{t("admin.tokens.intro")}</p>
      <form
        class="admin-form choose-user"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(["admin", "tokens"], { user: chosen });
        }}
      >
        <label>
          {t("admin.tokens.user")}
          <select name="user" value={chosen} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            <option value="">{t("admin.tokens.choose")}</option>
            {(users.data?.users ?? []).map((u) => (
              <option value={u.name}>{u.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!chosen}>
          {t("admin.tokens.show")}
        </button>
      </form>
      {user && <UserTokens user={user} mayCreate={can(session, "createToken")} mayRevoke={can(session, "revokeToken")} />}
    </>
  );
}

function UserTokens({ user, mayCreate, mayRevoke }: { user: string; mayCreate: boolean; mayRevoke: boolean }) {
  const path = `/users/${encodeURIComponent(user)}/tokens`;
  const tokens = useLoad(() => get<{ tokens: ApiToken[] }>(path), [user]);
  const [made, setMade] = useState<NewToken | null>(null);
  const [asking, setAsking] = useState<number | null>(null);
  const [cancelled, setCancelled] = useState<number | null>(null);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [done, setDone] = useState("");
  const [dismissed, setDismissed] = useState(false);

  const create = async () => {
    setWorking(true);
    setRefusal(null);
    setDone("");
    try {
      setMade(await post<NewToken>(path));
      tokens.reload();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
    }
  };
  const revoke = async (id: number) => {
    setWorking(true);
    setRefusal(null);
    setDone("");
    try {
      await del<ApiToken>(`${path}/${id}`);
      setDone(t("admin.tokens.revokedNow", { id }));
      tokens.reload();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
      setAsking(null);
    }
  };

  const list = tokens.data?.tokens ?? [];
  return (
    <section class="user-tokens" aria-labelledby="user-tokens-title">
      <h3 id="user-tokens-title">{t("admin.tokens.of", { name: user })}</h3>
      {tokens.error ? <Refusal error={tokens.error} /> : null}
      {tokens.data && list.length === 0 && <p>{t("admin.tokens.none", { name: user })}</p>}
      {list.length > 0 && (
        <table class="admin-tokens">
          <thead>
            <tr>
              <th scope="col">{t("admin.tokens.col.token")}</th>
              <th scope="col">{t("admin.tokens.col.created")}</th>
              <th scope="col">{t("admin.tokens.col.state")}</th>
              {mayRevoke && <th scope="col">{t("admin.tokens.col.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={k.id} data-token={k.id}>
                <th scope="row">{t("admin.tokens.number", { id: k.id ?? "" })}</th>
                <td>{formatDate(k.created_at)}</td>
                <td class={k.revoked ? "token-state revoked" : "token-state active"}>
                  {k.revoked ? t("admin.tokens.revokedState") : t("admin.tokens.active")}
                </td>
                {mayRevoke && (
                  <td>
                    {!k.revoked && asking !== k.id && (
                      <FocusedButton
                        key={`${k.id}-${cancelled === k.id}`}
                        class="revoke"
                        focus={cancelled === k.id}
                        disabled={working}
                        onClick={() => setAsking(k.id ?? null)}
                      >
                        {t("admin.tokens.revoke")}
                        <span class="visually-hidden"> {t("admin.tokens.revokeWhich", { id: k.id ?? "" })}</span>
                      </FocusedButton>
                    )}
                    {!k.revoked && asking === k.id && (
                      <ConfirmStep
                        label={t("admin.tokens.revoke")}
                        question={t("admin.tokens.confirmRevoke", { id: k.id ?? "", name: user })}
                        confirm={t("admin.tokens.confirmYes")}
                        working={t("admin.working")}
                        cancel={t("admin.cancel")}
                        tone="reject"
                        busy={working}
                        onConfirm={() => void revoke(k.id ?? 0)}
                        onCancel={() => {
                          setCancelled(k.id ?? null);
                          setAsking(null);
                        }}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {done && (
        <p class="admin-done" role="status">
          {done}
        </p>
      )}
      <Refusal error={refusal} />
      {made && (
        <ShownOnce
          token={made}
          onDismiss={() => {
            setMade(null);
            setDismissed(true);
          }}
        />
      )}
      {mayCreate && !made && (
        <FocusedButton class="accept" focus={dismissed} disabled={working} onClick={() => void create()}>
          {t("admin.tokens.create", { name: user })}
        </FocusedButton>
      )}
    </section>
  );
}

// The new token's secret, the one time it exists outside the script that will hold it.
function ShownOnce({ token, onDismiss }: { token: NewToken; onDismiss: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"" | "yes" | "no">("");
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token ?? "");
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("no");
    }
  };
  return (
    <div class="shown-once" role="group" aria-labelledby="shown-once-title">
      <h4 id="shown-once-title">{t("admin.tokens.newTitle", { name: token.user ?? "" })}</h4>
      <p class="notice" id="shown-once-warning">
        {t("admin.tokens.once", { name: token.user ?? "" })}
      </p>
      <label>
        {t("admin.tokens.secret")}
        <input
          ref={field}
          class="secret"
          name="new-token"
          readOnly
          spellcheck={false}
          autocomplete="off"
          aria-describedby="shown-once-warning"
          value={token.token ?? ""}
        />
      </label>
      <div class="actions">
        <button type="button" class="accept" onClick={() => void copy()}>
          {t("admin.tokens.copy")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("admin.tokens.dismiss")}
        </button>
        <span role="status">
          {copied === "yes" && t("admin.tokens.copied")}
          {copied === "no" && t("admin.tokens.copyFailed")}
        </span>
      </div>
    </div>
  );
}
