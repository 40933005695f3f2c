#include "server/route_table.h"

#include "server/handlers/handlers.h"
#include "server/handlers/papers.h"

namespace parley::server {
namespace {

using enum Role;

// Who may have a paper that names people (a list, an act, a workbook): everyone who may export
// a list (exportList), that is every role but the observer.
constexpr RoleSet kNamesPeople{kAdmin,  kClerk,       kAnalyst,   kNegotiator,
                               kSigner, kInterviewer, kCheckpoint};

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>& params) {
  auto want = Segments(pattern);
  auto got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (got[i].empty()) return false;
      found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(got[i]);
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

// Both lists visible (shares count); a write also needs one of them to be the principal's own.
Decision AuthorizePair(const Route& route, const Principal& who, const ResourceSide& resource) {
  if (!resource.other_side) return Decision::kForbidden;
  bool see_both = MaySee(who, resource.owner_side, resource.shared_with_principal) &&
                  MaySee(who, *resource.other_side, resource.other_shared_with_principal);
  bool owns_one =
      MaySee(who, resource.owner_side, false) || MaySee(who, *resource.other_side, false);
  bool allowed = see_both && (IsReadScope(route.scope) || owns_one);
  return allowed ? Decision::kAllow : Decision::kForbidden;
}

// A plan is its two sides' business: either side's users (and the mediator's) may act on it.
Decision AuthorizePlan(const Principal& who, const ResourceSide& resource) {
  if (!resource.other_side) return Decision::kForbidden;
  bool one_of_its_sides =
      MaySee(who, resource.owner_side, false) || MaySee(who, *resource.other_side, false);
  return one_of_its_sides ? Decision::kAllow : Decision::kForbidden;
}

}  // namespace

// One row per route, the only place its path and method are written: dispatch (api.cpp) calls
// the row's handler, and the OpenAPI document (openapi.h) places the operation named by the
// row's id at the row's path and method.
const std::vector<Route>& RouteTable() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/v1/openapi.json", "getOpenApi", Scope::kPublic, RoleSet{},
       Call<&SessionHandlers::GetOpenApi>},
      {"GET", "/api/v1/health", "getHealth", Scope::kPublic, RoleSet{},
       Call<&SessionHandlers::GetHealth>},
      {"POST", "/api/v1/session", "login", Scope::kPublic, RoleSet{},
       Call<&SessionHandlers::Login>},
      {"GET", "/api/v1/session", "getSession", Scope::kSignedIn, RoleSet::All(),
       Call<&SessionHandlers::GetSession>},
      // One's own interface language: a preference of the signed-in user, not data.
      {"PUT", "/api/v1/session/language", "putSessionLanguage", Scope::kSignedIn, RoleSet::All(),
       Call<&SessionHandlers::PutLanguage>},
      {"DELETE", "/api/v1/session", "logout", Scope::kSignedIn, RoleSet::All(),
       Call<&SessionHandlers::Logout>},
      {"GET", "/api/v1/users", "listUsers", Scope::kSignedIn, RoleSet{kAdmin},
       Call<&UserHandlers::ListUsersHandler>},
      {"POST", "/api/v1/users", "createUser", Scope::kUserWrite, RoleSet{kAdmin},
       Call<&UserHandlers::CreateUser>},
      {"PATCH", "/api/v1/users/{name}", "updateUser", Scope::kUserWrite, RoleSet{kAdmin},
       Call<&UserHandlers::UpdateUserHandler>},
      {"POST", "/api/v1/users/{name}/tokens", "createToken", Scope::kUserWrite, RoleSet{kAdmin},
       Call<&UserHandlers::CreateTokenHandler>},
      // A user's tokens are managed like the user: by an admin of the user's side (the
      // mediator's for any). Listing shows ids and times only, never a secret.
      {"GET", "/api/v1/users/{name}/tokens", "listTokens", Scope::kUserWrite, RoleSet{kAdmin},
       Call<&UserHandlers::ListTokensHandler>},
      {"DELETE", "/api/v1/users/{name}/tokens/{token}", "revokeToken", Scope::kUserWrite,
       RoleSet{kAdmin}, Call<&UserHandlers::RevokeTokenHandler>},
      {"GET", "/api/v1/lists", "listLists", Scope::kSignedIn, RoleSet::All(),
       Call<&ListHandlers::ListLists>},
      {"GET", "/api/v1/lists/{list}", "getList", Scope::kListRead, RoleSet::All(),
       Call<&ListHandlers::GetList>},
      {"GET", "/api/v1/lists/{list}/versions", "listVersions", Scope::kListRead, RoleSet::All(),
       Call<&ListHandlers::ListVersions>},
      {"POST", "/api/v1/lists/{list}/versions", "uploadListVersion", Scope::kListWrite,
       RoleSet{kClerk}, Call<&ListHandlers::UploadListVersion>},
      {"GET", "/api/v1/lists/{list}/versions/{version}/records", "listRecords", Scope::kListRead,
       RoleSet::All(), Call<&ListHandlers::ListRecords>},
      {"GET", "/api/v1/lists/{list}/versions/{version}/export", "exportList", Scope::kListRead,
       RoleSet{kAdmin, kClerk, kAnalyst, kNegotiator, kSigner, kInterviewer, kCheckpoint},
       Call<&ListHandlers::ExportList>},
      {"GET", "/api/v1/lists/{list}/versions/{version}/changes", "listChanges", Scope::kListRead,
       RoleSet::All(), Call<&ListHandlers::ListChangesHandler>},
      {"GET", "/api/v1/lists/{list}/shares", "listShares", Scope::kListRead, RoleSet::All(),
       Call<&ListHandlers::ListSharesHandler>},
      {"PUT", "/api/v1/lists/{list}/shares/{side}", "putShare", Scope::kListWrite, RoleSet{kAdmin},
       Call<&ListHandlers::PutShare>},
      {"GET", "/api/v1/records/{id}", "getRecord", Scope::kRecordRead, RoleSet::All(),
       Call<&RecordHandlers::GetRecord>},
      {"GET", "/api/v1/records/{id}/history", "getRecordHistory", Scope::kRecordRead,
       RoleSet::All(), Call<&RecordHandlers::GetRecordHistory>},
      {"GET", "/api/v1/records/{id}/interview", "getInterview", Scope::kRecordRead, RoleSet::All(),
       Call<&RecordHandlers::GetInterview>},
      {"PUT", "/api/v1/records/{id}/interview", "putInterview", Scope::kRecordWrite,
       RoleSet{kInterviewer}, Call<&RecordHandlers::PutInterview>},
      {"GET", "/api/v1/records/{id}/handovers", "listHandovers", Scope::kRecordRead, RoleSet::All(),
       Call<&RecordHandlers::ListHandovers>},
      {"POST", "/api/v1/records/{id}/handovers", "appendHandover", Scope::kRecordWrite,
       RoleSet{kCheckpoint}, Call<&RecordHandlers::AppendHandoverHandler>},
      {"GET", "/api/v1/records/{id}/access-log", "getAccessLog", Scope::kRecordRead,
       RoleSet{kAdmin}, Call<&RecordHandlers::GetAccessLog>},
      // The node's whole access log (ids, users, actions, times; no record contents): a
      // party's admin gets the rows of the records its side may read, the mediator's all.
      {"GET", "/api/v1/access-log", "listAccessLog", Scope::kSignedIn, RoleSet{kAdmin},
       Call<&RecordHandlers::ListAccessLog>},
      {"GET", "/api/v1/records/{id}/events", "getRecordEvents", Scope::kRecordRead, RoleSet::All(),
       Call<&LedgerHandlers::GetRecordEvents>},
      {"GET", "/api/v1/integrity", "checkIntegrity", Scope::kSignedIn, RoleSet{kAdmin},
       Call<&RecordHandlers::CheckIntegrityHandler>},
      // The node's signed record. Its events carry ids, versions, counts and hashes, never
      // record contents, and are what a bundle hands to every party: any signed-in user may
      // read them. Verifying costs a full pass over every signature, so it is for those who
      // answer for the record; exporting hands the record to another party (admin, signer);
      // importing changes which replicas the node holds (admin).
      {"GET", "/api/v1/ledger", "getLedger", Scope::kSignedIn, RoleSet::All(),
       Call<&LedgerHandlers::GetLedger>},
      {"GET", "/api/v1/ledger/entries", "listLedgerEntries", Scope::kSignedIn, RoleSet::All(),
       Call<&LedgerHandlers::ListLedgerEntries>},
      {"POST", "/api/v1/ledger/verify", "verifyLedger", Scope::kSignedIn, RoleSet{kAdmin, kSigner},
       Call<&LedgerHandlers::VerifyLedger>},
      {"POST", "/api/v1/bundles/export", "exportBundle", Scope::kSignedIn, RoleSet{kAdmin, kSigner},
       Call<&LedgerHandlers::ExportBundleHandler>},
      // Verifying a bundle without importing it costs what an import's checks cost.
      {"POST", "/api/v1/bundles/verify", "verifyBundle", Scope::kSignedIn, RoleSet{kAdmin, kSigner},
       Call<&LedgerHandlers::VerifyBundleHandler>},
      {"POST", "/api/v1/bundles/import", "importBundle", Scope::kSignedIn, RoleSet{kAdmin},
       Call<&LedgerHandlers::ImportBundleHandler>},
      {"POST", "/api/v1/reconciliations", "reconcile", Scope::kPairWrite, RoleSet{kAnalyst},
       Call<&LinkHandlers::Reconcile>},
      {"GET", "/api/v1/links", "listLinks", Scope::kSignedIn, RoleSet::All(),
       Call<&LinkHandlers::ListLinks>},
      {"GET", "/api/v1/links/{id}", "getLink", Scope::kLinkRead, RoleSet::All(),
       Call<&LinkHandlers::GetLink>},
      {"POST", "/api/v1/links/{id}/decision", "decideLink", Scope::kLinkWrite, RoleSet{kAnalyst},
       Call<&LinkHandlers::DecideLinkHandler>},
      {"GET", "/api/v1/links/{id}/decisions", "listLinkDecisions", Scope::kLinkRead, RoleSet::All(),
       Call<&LinkHandlers::ListLinkDecisions>},
      {"GET", "/api/v1/agreements", "listAgreements", Scope::kSignedIn, RoleSet::All(),
       Call<&AgreementHandlers::ListAgreementsHandler>},
      {"POST", "/api/v1/agreements", "addAgreement", Scope::kSignedIn, RoleSet{kNegotiator},
       Call<&AgreementHandlers::AddAgreementHandler>},
      {"POST", "/api/v1/agreements/validate", "validateAgreement", Scope::kSignedIn,
       RoleSet{kNegotiator, kSigner}, Call<&AgreementHandlers::ValidateAgreement>},
      {"GET", "/api/v1/agreements/{name}", "getAgreement", Scope::kSignedIn, RoleSet::All(),
       Call<&AgreementHandlers::GetAgreement>},
      {"POST", "/api/v1/agreements/{name}/signatures", "signAgreement", Scope::kPartyWrite,
       RoleSet{kSigner}, Call<&AgreementHandlers::SignAgreementHandler>},
      {"GET", "/api/v1/plans", "listPlans", Scope::kSignedIn, RoleSet::All(),
       Call<&PlanHandlers::ListPlansHandler>},
      {"POST", "/api/v1/plans", "proposePlan", Scope::kPlanWrite, RoleSet{kNegotiator},
       Call<&PlanHandlers::ProposePlanHandler>},
      {"GET", "/api/v1/plans/{plan}", "getPlan", Scope::kPlanRead, RoleSet::All(),
       Call<&PlanHandlers::GetPlan>},
      {"GET", "/api/v1/plans/{plan}/explain", "explainPlan", Scope::kPlanRead, RoleSet::All(),
       Call<&PlanHandlers::ExplainPlan>},
      {"GET", "/api/v1/plans/{plan}/progress", "getPlanProgress", Scope::kPlanRead, RoleSet::All(),
       Call<&PlanHandlers::GetPlanProgress>},
      {"POST", "/api/v1/plans/{plan}/check", "checkPlan", Scope::kPlanRead,
       RoleSet{kNegotiator, kSigner}, Call<&PlanHandlers::CheckPlan>},
      {"POST", "/api/v1/plans/{plan}/counter", "counterPlan", Scope::kPlanWrite,
       RoleSet{kNegotiator}, Call<&PlanHandlers::CounterPlanHandler>},
      {"POST", "/api/v1/plans/{plan}/repair", "repairPlan", Scope::kPlanWrite, RoleSet{kNegotiator},
       Call<&PlanHandlers::RepairPlanHandler>},
      {"POST", "/api/v1/plans/{plan}/acceptances", "acceptPlan", Scope::kPartyWrite,
       RoleSet{kSigner}, Call<&PlanHandlers::AcceptPlan>},
      {"POST", "/api/v1/plans/{plan}/signatures", "signPlan", Scope::kPartyWrite, RoleSet{kSigner},
       Call<&PlanHandlers::SignPlan>},
      // The papers of an exchange (handlers/papers.h). The agreement and a plan's summary name
      // nobody; a list, an act or a workbook names people, so not for observers, and one
      // party's list or workbook only for that party (and the mediator).
      {"GET", "/api/v1/agreements/{name}/paper.pdf", "getAgreementPaper", Scope::kSignedIn,
       RoleSet::All(), Call<&PaperHandlers::AgreementPaperHandler>},
      {"GET", "/api/v1/plans/{plan}/papers/plan.pdf", "getPlanPaper", Scope::kPlanRead,
       RoleSet::All(), Call<&PaperHandlers::PlanPaperHandler>},
      {"GET", "/api/v1/plans/{plan}/papers/plan.xlsx", "getPlanWorkbook", Scope::kPlanSideRead,
       kNamesPeople, Call<&PaperHandlers::PlanWorkbookHandler>},
      {"GET", "/api/v1/plans/{plan}/papers/list.pdf", "getListPaper", Scope::kPlanSideRead,
       kNamesPeople, Call<&PaperHandlers::ListPaperHandler>},
      {"GET", "/api/v1/plans/{plan}/papers/act.pdf", "getActPaper", Scope::kPlanRead, kNamesPeople,
       Call<&PaperHandlers::ActPaperHandler>},
      {"GET", "/api/v1/plans/{plan}/papers/act.xlsx", "getActWorkbook", Scope::kPlanRead,
       kNamesPeople, Call<&PaperHandlers::ActWorkbookHandler>},
      {"GET", "/api/v1/links/{id}/paper.pdf", "getLinkPaper", Scope::kLinkRead, RoleSet::All(),
       Call<&PaperHandlers::LinkPaperHandler>},
  };
  return kRoutes;
}

std::optional<RouteMatch> MatchRoute(std::string_view method, std::string_view path,
                                     bool* method_mismatch) {
  if (method_mismatch != nullptr) *method_mismatch = false;
  for (const Route& r : RouteTable()) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, params)) continue;
    if (r.method == method) return RouteMatch{&r, std::move(params)};
    if (method_mismatch != nullptr) *method_mismatch = true;
  }
  return std::nullopt;
}

bool IsReadScope(Scope scope) {
  return scope == Scope::kListRead || scope == Scope::kRecordRead || scope == Scope::kLinkRead;
}

bool IsPlanScope(Scope scope) { return scope == Scope::kPlanRead || scope == Scope::kPlanWrite; }

bool IsPairScope(Scope scope) {
  return scope == Scope::kPairWrite || scope == Scope::kLinkRead || scope == Scope::kLinkWrite;
}

Decision Authorize(const Route& route, const std::optional<Principal>& who,
                   const std::optional<ResourceSide>& resource) {
  if (route.scope == Scope::kPublic) return Decision::kAllow;
  if (!who) return Decision::kUnauthenticated;
  if (!route.roles.Has(who->role)) return Decision::kForbidden;
  if (route.scope == Scope::kSignedIn) return Decision::kAllow;
  if (!resource) return Decision::kForbidden;
  if (IsPairScope(route.scope)) return AuthorizePair(route, *who, *resource);
  if (IsPlanScope(route.scope)) return AuthorizePlan(*who, *resource);
  bool shared = IsReadScope(route.scope) && resource->shared_with_principal;
  return MaySee(*who, resource->owner_side, shared) ? Decision::kAllow : Decision::kForbidden;
}

bool MaySee(const Principal& who, std::string_view side, bool shared) {
  return who.IsMediator() || side == who.side || shared;
}

}  // namespace parley::server
