// Handlers: agreements kept in the workspace (negotiation/agreement_store.h) — draft (upload),
// validate, read with the plain-language summary, sign for a party (api.h). Who may sign for
// which party is decided in route_table.cpp (kPartyWrite) before the handler runs.

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/negotiation_json.h"
#include "rules/agreement_parser.h"
#include "rules/summary.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/auth/user_keys.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"

namespace parley::server {
namespace {

// The stored text in words, as negotiators read and sign it.
Result<nlohmann::json> AgreementWithSummary(const negotiation::StoredAgreement& a) {
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement parsed, negotiation::ParseStored(a));
  nlohmann::json out = negotiation::AgreementJson(a);
  out["summary"] = rules::DescribeAgreement(parsed);
  out["text"] = a.source;
  return out;
}

}  // namespace

ApiResponse AgreementHandlers::ListAgreementsHandler(ApiRequest&, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto all, negotiation::ListAgreements(ws));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : all) out.push_back(nlohmann::json(negotiation::AgreementJson(a)));
    return JsonResponse(200, {{"agreements", out}});
  }());
}

ApiResponse AgreementHandlers::AddAgreementHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string name, RequiredString(body, "name"));
    PARLEY_ASSIGN_OR_RETURN(std::string text, RequiredString(body, "text"));
    PARLEY_ASSIGN_OR_RETURN(auto change,
                            negotiation::AddAgreement(ws, name, text, name + ".toml",
                                                      store::Actor{req.principal->name, nullptr}));
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json out, AgreementWithSummary(change.agreement));
    out["unchanged"] = change.unchanged;
    return JsonResponse(change.unchanged ? 200 : 201, out);
  }());
}

// Validation changes nothing: a broken text is a 200 with valid=false and the error (line,
// column), so an editor can show it beside the draft.
ApiResponse AgreementHandlers::ValidateAgreement(ApiRequest& req, store::Workspace&) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string text, RequiredString(body, "text"));
    auto parsed = rules::ParseAgreement(text, "agreement.toml");
    if (!parsed) return JsonResponse(200, {{"valid", false}, {"error", ErrorJson(parsed.error())}});
    return JsonResponse(200, {{"valid", true},
                              {"title", parsed->title},
                              {"party_a", parsed->party_a},
                              {"party_b", parsed->party_b},
                              {"summary", rules::DescribeAgreement(*parsed)}});
  }());
}

ApiResponse AgreementHandlers::GetAgreement(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto version, VersionQuery(req));
    PARLEY_ASSIGN_OR_RETURN(auto agreement,
                            negotiation::FindAgreement(ws, req.path_params.at("name"), version));
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json out, AgreementWithSummary(agreement));
    return JsonResponse(200, out);
  }());
}

ApiResponse AgreementHandlers::SignAgreementHandler(ApiRequest& req, store::Workspace& ws) {
  if (req.principal->IsMediator()) return MediatorCannotSignForAParty();
  return RespondSigning([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string party_text, RequiredString(body, "party"));
    PARLEY_ASSIGN_OR_RETURN(auto version, OptionalInt(body, "agreement_version"));
    const std::string& name = req.path_params.at("name");
    PARLEY_ASSIGN_OR_RETURN(auto agreement, negotiation::FindAgreement(ws, name, version));
    PARLEY_ASSIGN_OR_RETURN(rules::Side party, negotiation::ParsePartySide(agreement, party_text));
    PARLEY_ASSIGN_OR_RETURN(SigningActor signer, SigningActor::For(ws, req.principal->name));
    PARLEY_ASSIGN_OR_RETURN(auto change, negotiation::SignAgreement(ws, name, agreement.version,
                                                                    party, signer.actor()));
    nlohmann::json out = negotiation::AgreementJson(change.agreement);
    out["unchanged"] = change.unchanged;
    return JsonResponse(change.unchanged ? 200 : 201, out);
  }());
}

}  // namespace parley::server
