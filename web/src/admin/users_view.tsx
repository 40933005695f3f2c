// Users (#/admin/users): every user the admin may manage (GET /users: a party's admin its own
// side's, the mediator's all), changing one's role, side, disabled flag or password
// (PATCH /users/{name} with the version read; the server ends the user's sessions), and adding
// one (POST /users) with a password the admin sets or has made up here. A refusal (a name
// taken, a role the side may not have, a stale version) is shown in the server's words.
import { useRef, useState } from "preact/hooks";
import { call, get, post, type ListVersion } from "../api/client";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { formatDate, t, termFor } from "../i18n/i18n";
import { href } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import { knownSides, languageName, madeUpPassword, roles, type Role, type User } from "./admin_data";

export function UsersView() {
  const session = useSession();
  const users = useLoad(() => get<{ users: User[] }>("/users"), []);
  const lists = useLoad(() => get<{ lists: ListVersion[] }>("/lists"), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const own = session.user.side ?? "";
  const sides = knownSides(own, users.data?.users ?? [], lists.data?.lists ?? []);

  if (users.error) return <Refusal error={users.error} />;
  if (!users.data) return <p class="loading">{t("common.loading")}</p>;
  const all = users.data.users;
  const chosen = all.find((u) => u.name === editing);
  return (
    <>
      <datalist id="admin-sides">
        {sides.map((s) => (
          <option value={s} />
        ))}
      </datalist>
      {all.length === 0 && <p>{t("admin.users.empty")}</p>}
      {all.length > 0 && (
        <table class="admin-users">
          <thead>
            <tr>
              <th scope="col">{t("admin.users.col.name")}</th>
              <th scope="col">{t("admin.users.col.side")}</th>
              <th scope="col">{t("admin.users.col.role")}</th>
              <th scope="col">{t("admin.users.col.state")}</th>
              <th scope="col">{t("admin.users.col.language")}</th>
              <th scope="col">{t("admin.users.col.changed")}</th>
              <th scope="col">{t("admin.users.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((u) => (
              <tr key={u.name} data-user={u.name} aria-current={u.name === editing ? "true" : undefined}>
                <th scope="row">{u.name}</th>
                <td>{u.side}</td>
                <td>{termFor("role", u.role)}</td>
                <td class={u.disabled ? "account disabled" : "account"}>
                  {u.disabled ? t("admin.users.disabled") : t("admin.users.active")}
                </td>
                <td>{languageName(u.language) ?? <span class="detail">{t("admin.users.noLanguage")}</span>}</td>
                <td>{formatDate(u.updated_at)}</td>
                <td>
                  <div class="row-actions">
                    {can(session, "updateUser") && (
                      <FocusedButton
                        key={`${u.name}-${closed === u.name}`}
                        class="edit"
                        focus={closed === u.name}
                        disabled={false}
                        onClick={() => {
                          setDone("");
                          setEditing(u.name ?? null);
                        }}
                      >
                        {t("admin.users.edit")}
                        <span class="visually-hidden"> {u.name}</span>
                      </FocusedButton>
                    )}
                    {can(session, "listTokens") && (
                      <a href={href(["admin", "tokens"], { user: u.name })}>
                        {t("admin.users.tokens")}
                        <span class="visually-hidden"> {u.name}</span>
                      </a>
                    )}
                  </div>
                </td>
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
      {chosen && (
        <EditUser
          key={`${chosen.name}-${chosen.version}`}
          user={chosen}
          onSaved={(saved) => {
            setDone(t("admin.users.saved", { name: saved.name ?? "" }));
            setEditing(null);
            users.reload();
          }}
          onCancel={() => {
            setClosed(chosen.name ?? null);
            setEditing(null);
          }}
        />
      )}
      {can(session, "createUser") && <AddUser own={own} onAdded={() => users.reload()} />}
    </>
  );
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  return (
    <select name="role" value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as Role)}>
      {roles.map((r) => (
        <option value={r}>{termFor("role", r)}</option>
      ))}
    </select>
  );
}

function EditUser({ user, onSaved, onCancel }: { user: User; onSaved: (u: User) => void; onCancel: () => void }) {
  const [role, setRole] = useState<Role>(user.role ?? "observer");
  const [side, setSide] = useState(user.side ?? "");
  const [disabled, setDisabled] = useState(!!user.disabled);
  const [password, setPassword] = useState("");
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingRef = (el: HTMLHeadingElement | null) => {
    if (el && heading.current !== el) {
      heading.current = el;
      el.focus();
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setRefusal(null);
    const change: Record<string, unknown> = { version: user.version };
    if (role !== user.role) change["role"] = role;
    if (side !== user.side) change["side"] = side.trim();
    if (disabled !== !!user.disabled) change["disabled"] = disabled;
    if (password) change["password"] = password;
    try {
      onSaved(await call<User>("PATCH", `/users/${encodeURIComponent(user.name ?? "")}`, change));
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="admin-form edit-user" onSubmit={save} aria-labelledby="edit-user-title">
      <h3 id="edit-user-title" tabIndex={-1} ref={headingRef}>
        {t("admin.users.editTitle", { name: user.name ?? "" })}
      </h3>
      <label>
        {t("admin.users.role")}
        <RoleSelect value={role} onChange={setRole} />
      </label>
      <label>
        {t("admin.users.side")}
        <input name="side" list="admin-sides" required value={side} onInput={(e) => setSide((e.target as HTMLInputElement).value)} />
      </label>
      <label class="inline">
        <input type="checkbox" name="disabled" checked={disabled} onChange={(e) => setDisabled((e.target as HTMLInputElement).checked)} />
        {t("admin.users.disable")}
      </label>
      <label>
        {t("admin.users.newPassword")}
        <input
          type="password"
          name="new-password"
          autocomplete="new-password"
          minLength={10}
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
      </label>
      <Refusal error={refusal} />
      <div class="actions">
        <button type="submit" disabled={working}>
          {working ? t("admin.working") : t("admin.users.save")}
        </button>
        <button type="button" disabled={working} onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}

function AddUser({ own, onAdded }: { own: string; onAdded: () => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("observer");
  const [side, setSide] = useState(own);
  const [password, setPassword] = useState("");
  const [madeUp, setMadeUp] = useState(false);
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [added, setAdded] = useState<{ user: User; password?: string } | null>(null);

  const add = async (event: Event) => {
    event.preventDefault();
    setWorking(true);
    setRefusal(null);
    setAdded(null);
    try {
      const user = await post<User>("/users", { name: name.trim(), role, side: side.trim(), password });
      setAdded(madeUp ? { user, password } : { user });
      setName("");
      setPassword("");
      setMadeUp(false);
      onAdded();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form class="admin-form add-user" onSubmit={add} aria-labelledby="add-user-title">
      <h3 id="add-user-title">{t("admin.users.addTitle")}</h3>
      <label>
        {t("admin.users.name")}
        <input
          name="name"
          required
          maxLength={64}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="add-user-name-hint"
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </label>
      <p id="add-user-name-hint" class="detail hint">
        {t("admin.users.nameHint")}
      </p>
      <label>
        {t("admin.users.role")}
        <RoleSelect value={role} onChange={setRole} />
      </label>
      <label>
        {t("admin.users.side")}
        <input name="side" list="admin-sides" required value={side} onInput={(e) => setSide((e.target as HTMLInputElement).value)} />
      </label>
      <div class="password-row">
        <label>
          {t("admin.users.password")}
          <input
            type={madeUp ? "text" : "password"}
            name="password"
            autocomplete="new-password"
            spellcheck={false}
            required
            minLength={10}
            value={password}
            onInput={(e) => {
              setPassword((e.target as HTMLInputElement).value);
              setMadeUp(false);
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => {
            setPassword(madeUpPassword());
            setMadeUp(true);
          }}
        >
          {t("admin.users.generate")}
        </button>
      </div>
      {madeUp && <p class="notice">{t("admin.users.generated")}</p>}
      <Refusal error={refusal} />
      <button type="submit" disabled={working}>
        {working ? t("admin.working") : t("admin.users.add")}
      </button>
      {added && (
        <div class="admin-done" role="status">
          <p>
            {t("admin.users.added", {
              name: added.user.name ?? "",
              role: termFor("role", added.user.role),
              side: added.user.side ?? "",
            })}
          </p>
          {added.password && (
            <p>
              {t("admin.users.theirPassword")} <code class="secret">{added.password}</code>
            </p>
          )}
        </div>
      )}
    </form>
  );
}
