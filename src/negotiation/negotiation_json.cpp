#include "negotiation/negotiation_json.h"

namespace parley::negotiation {

using Json = nlohmann::ordered_json;

Json AgreementJson(const StoredAgreement& a) {
  Json signatures = Json::array();
  for (const auto& s : a.signatures) {
    signatures.push_back({{"party", s.party},
                          {"signer", s.signer},
                          {"signed_at", s.signed_at},
                          {"ledger_seq", s.ledger_seq}});
  }
  return {
      {"name", a.name},          {"version", a.version},   {"title", a.title},
      {"party_a", a.party_a},    {"party_b", a.party_b},   {"state", AgreementStateName(a.state)},
      {"sha256", a.sha256},      {"added_by", a.added_by}, {"created_at", a.created_at},
      {"signatures", signatures}};
}

Json PlanInfoJson(const StoredPlanInfo& p) {
  Json approvals = Json::array();
  for (const auto& a : p.approvals) {
    approvals.push_back({{"action", a.action},
                         {"party", a.party},
                         {"actor", a.actor},
                         {"at", a.at},
                         {"ledger_seq", a.ledger_seq}});
  }
  return {{"id", p.id},
          {"kind", PlanKindName(p.kind)},
          {"parent", p.parent_id > 0 ? Json(p.parent_id) : Json(nullptr)},
          {"state", PlanStateName(p.state)},
          {"version", p.version},
          {"agreement", p.agreement_name},
          {"agreement_version", p.agreement_version},
          {"side_a", p.side_a},
          {"side_b", p.side_b},
          {"objective", p.objective},
          {"a_hands_over", p.a_count},
          {"b_hands_over", p.b_count},
          {"sha256", p.sha256},
          {"created_by", p.created_by},
          {"created_at", p.created_at},
          {"approvals", approvals}};
}

}  // namespace parley::negotiation
