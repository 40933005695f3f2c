// Administration (#/admin/{section}): users, API tokens, sharing lists and the access log, one
// section a view (admin/*.tsx), each from the API calls its section needs:
//   users        GET /users, POST /users, PATCH /users/{name}
//   tokens       GET, POST /users/{name}/tokens, DELETE /users/{name}/tokens/{token}
//   shares       GET /lists, GET /lists/{list}/shares, PUT /lists/{list}/shares/{side}
//   access-log   GET /access-log?user=&record=&limit=&offset=
// The header offers the page to roles whose session lists `listUsers`; the server decides every
// call (a party's admin manages its own side, the mediator's every side), and anyone else who
// opens the address gets the server's refusal in its own words.
import { t } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { AccessLogView } from "../admin/access_log_view";
import { SharesView } from "../admin/shares_view";
import { TokensView } from "../admin/tokens_view";
import { UsersView } from "../admin/users_view";
import { href } from "../router";
import { useSession } from "../session";
import "./admin_page.css";

const sections: { path: string; title: MessageKey }[] = [
  { path: "users", title: "admin.section.users" },
  { path: "tokens", title: "admin.section.tokens" },
  { path: "shares", title: "admin.section.shares" },
  { path: "access-log", title: "admin.section.accessLog" },
];

export function AdminPage({ section, params }: { section: string | undefined; params: URLSearchParams }) {
  const session = useSession();
  const shown = sections.find((s) => s.path === section) ?? sections[0]!;
  const side = session.user.side ?? "";
  return (
    <div class="admin">
      <h1>{t("admin.title")}</h1>
      <p class="detail">
        {side === "mediator" ? t("admin.scope.mediator") : t("admin.scope.side", { side })}
      </p>
      <nav class="admin-sections" aria-label={t("admin.sections")}>
        {sections.map((s) => (
          <a href={href(["admin", s.path])} aria-current={s === shown ? "page" : undefined}>
            {t(s.title)}
          </a>
        ))}
      </nav>
      <section aria-labelledby="admin-section-title">
        <h2 id="admin-section-title">{t(shown.title)}</h2>
        {shown.path === "users" && <UsersView />}
        {shown.path === "tokens" && <TokensView key={params.get("user") ?? ""} user={params.get("user") ?? ""} />}
        {shown.path === "shares" && <SharesView />}
        {shown.path === "access-log" && (
          <AccessLogView key={`${params.get("user") ?? ""}|${params.get("record") ?? ""}`} params={params} />
        )}
      </section>
    </div>
  );
}
