// Sharing lists (#/admin/shares): each list the admin's side owns (the mediator's admin: every
// list) with the sides it is shared with now, sharing it with another side and stopping a share
// after a confirming step. Both are PUT /lists/{list}/shares/{side} with the share's version
// (0 for a side never shared with; a stopped share keeps its row and version, so sharing again
// sends that version) and `active`; the server decides and refuses in its own words.
import { ConfirmStep } from "../components/confirm_step";
import { useState } from "preact/hooks";
import { get, put, type ListVersion } from "../api/client";
import { FocusedButton } from "../components/focused_button";
import { Refusal } from "../components/refusal";
import { formatDate, t } from "../i18n/i18n";
import { href } from "../router";
import { can, useSession } from "../session";
import { useLoad } from "../use_load";
import { knownSides, type Share, type User } from "./admin_data";

interface PlanSides {
  side_a?: string;
  side_b?: string;
}

interface ListShares {
  list: ListVersion;
  shares: Share[];
}

async function loadShares(own: string): Promise<ListShares[]> {
  const { lists } = await get<{ lists: ListVersion[] }>("/lists");
  const mine = lists
    .filter((l) => own === "mediator" || l.side === own)
    .sort((a, b) => (a.list ?? "").localeCompare(b.list ?? ""));
  return Promise.all(
    mine.map(async (list) => {
      const { shares } = await get<{ shares: Share[] }>(`/lists/${encodeURIComponent(list.list ?? "")}/shares`);
      return { list, shares };
    }),
  );
}

export function SharesView() {
  const session = useSession();
  const own = session.user.side ?? "";
  const rows = useLoad(() => loadShares(own), [own]);
  const users = useLoad(() => get<{ users: User[] }>("/users"), []);
  // The sides of the plans the admin's side takes part in: the other party, usually.
  const plans = useLoad(
    () => (can(session, "listPlans") ? get<{ plans: PlanSides[] }>("/plans") : Promise.resolve({ plans: [] })),
    [],
  );
  const [done, setDone] = useState("");
  const [refusal, setRefusal] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const mayShare = can(session, "putShare");

  if (rows.error) return <Refusal error={rows.error} />;
  if (!rows.data) return <p class="loading">{t("common.loading")}</p>;
  const otherSides = [
    ...rows.data.flatMap((r) => r.shares.map((s) => s.side)),
    ...(plans.data?.plans ?? []).flatMap((p) => [p.side_a, p.side_b]),
  ].map((side) => ({ side }));
  // Suggested for sharing: any side but the admin's own and the mediator (who sees every list).
  const sides = knownSides(own, [...(users.data?.users ?? []), ...otherSides], []).filter(
    (s) => s !== own && s !== "mediator",
  );

  const change = async (list: string, side: string, version: number, active: boolean) => {
    setWorking(true);
    setRefusal(null);
    setDone("");
    try {
      await put<Share>(`/lists/${encodeURIComponent(list)}/shares/${encodeURIComponent(side)}`, { version, active });
      setDone(t(active ? "admin.shares.granted" : "admin.shares.stopped", { list, side }));
      rows.reload();
    } catch (e) {
      setRefusal(e);
    } finally {
      setWorking(false);
      setAsking(null);
    }
  };

  return (
    <>
      <p>{t("admin.shares.intro")}</p>
      <datalist id="share-sides">
        {sides.map((s) => (
          <option value={s} />
        ))}
      </datalist>
      {done && (
        <p class="admin-done" role="status">
          {done}
        </p>
      )}
      <Refusal error={refusal} />
      {rows.data.length === 0 && <p>{t("admin.shares.empty")}</p>}
      {rows.data.length > 0 && (
        <table class="admin-shares">
          <thead>
            <tr>
              <th scope="col">{t("admin.shares.col.list")}</th>
              <th scope="col">{t("admin.shares.col.owner")}</th>
              <th scope="col">{t("admin.shares.col.sharedWith")}</th>
              {mayShare && <th scope="col">{t("admin.shares.col.share")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.data.map(({ list, shares }) => {
              const name = list.list ?? "";
              const active = shares.filter((s) => s.active);
              return (
                <tr key={name} data-list={name}>
                  <th scope="row">
                    <a href={href(["lists", name])}>{name}</a>
                  </th>
                  <td>{list.side}</td>
                  <td>
                    {active.length === 0 && <span class="detail">{t("admin.shares.notShared")}</span>}
                    <ul class="shared-with">
                      {active.map((s) => {
                        const key = `${name}/${s.side}`;
                        return (
                          <li data-side={s.side}>
                            <strong>{s.side}</strong>{" "}
                            <span class="detail">
                              {t("admin.shares.since", { at: formatDate(s.updated_at), name: s.updated_by ?? "" })}
                            </span>
                            {mayShare && asking !== key && (
                              <FocusedButton
                                key={`${key}-${cancelled === key}`}
                                class="stop"
                                focus={cancelled === key}
                                disabled={working}
                                onClick={() => setAsking(key)}
                              >
                                {t("admin.shares.stop")}
                                <span class="visually-hidden">
                                  {" "}
                                  {t("admin.shares.stopWhich", { list: name, side: s.side ?? "" })}
                                </span>
                              </FocusedButton>
                            )}
                            {mayShare && asking === key && (
                              <ConfirmStep
                                label={t("admin.shares.stop")}
                                question={t("admin.shares.confirmStop", { list: name, side: s.side ?? "" })}
                                confirm={t("admin.shares.confirmYes")}
                                working={t("admin.working")}
                                cancel={t("admin.cancel")}
                                tone="reject"
                                busy={working}
                                onConfirm={() => void change(name, s.side ?? "", s.version ?? 0, false)}
                                onCancel={() => {
                                  setCancelled(key);
                                  setAsking(null);
                                }}
                              />
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  {mayShare && (
                    <td>
                      <ShareForm
                        list={name}
                        working={working}
                        onShare={(side) => {
                          const earlier = shares.find((s) => s.side === side);
                          void change(name, side, earlier?.version ?? 0, true);
                        }}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function ShareForm({ list, working, onShare }: { list: string; working: boolean; onShare: (side: string) => void }) {
  const [side, setSide] = useState("");
  return (
    <form
      class="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (side.trim()) onShare(side.trim());
      }}
    >
      <label>
        <span class="visually-hidden">{t("admin.shares.side", { list })}</span>
        <input
          name="side"
          list="share-sides"
          required
          size={10}
          autocomplete="off"
          value={side}
          onInput={(e) => setSide((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" disabled={working}>
        {t("admin.shares.share")}
        <span class="visually-hidden"> {list}</span>
      </button>
    </form>
  );
}
