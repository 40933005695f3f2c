#include "negotiation/sharing_choice.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "rules/agreement_parser.h"

namespace parley::negotiation {
namespace {

struct ChosenAgreement {
  std::optional<rules::Agreement> rules;  // nullopt: the default policy
  std::string source;
};

std::string StoredName(const StoredAgreement& a) {
  return "agreement " + a.name + " version " + std::to_string(a.version);
}

Result<ChosenAgreement> ChooseAgreement(store::Workspace& ws, const std::string& agreement,
                                        AgreementFiles files) {
  if (files == AgreementFiles::kAllowed && !agreement.empty() &&
      std::filesystem::is_regular_file(agreement)) {
    PARLEY_ASSIGN_OR_RETURN(rules::Agreement parsed, rules::LoadAgreementFile(agreement));
    return ChosenAgreement{std::move(parsed), "agreement file " + agreement};
  }
  if (!agreement.empty()) {
    auto stored = FindAgreement(ws, agreement, std::nullopt);
    if (!stored) {
      Error e = stored.error();
      e.message = (files == AgreementFiles::kAllowed
                       ? "--agreement " + agreement + " is neither a file nor: "
                       : "") +
                  e.message;
      return std::unexpected(e);
    }
    PARLEY_ASSIGN_OR_RETURN(rules::Agreement parsed, ParseStored(*stored));
    return ChosenAgreement{std::move(parsed), StoredName(*stored)};
  }
  PARLEY_ASSIGN_OR_RETURN(auto in_force, AgreementInForce(ws));
  if (!in_force) return ChosenAgreement{std::nullopt, "the default policy"};
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement parsed, ParseStored(*in_force));
  return ChosenAgreement{std::move(parsed), StoredName(*in_force) + " (in force)"};
}

}  // namespace

Result<SharingChoice> ChooseSharing(store::Workspace& ws, const std::string& party,
                                    const std::string& agreement, AgreementFiles files) {
  PARLEY_ASSIGN_OR_RETURN(ChosenAgreement chosen, ChooseAgreement(ws, agreement, files));
  rules::SharingPolicy policy = rules::DefaultSharingPolicy();
  bool mediator = party == "mediator";
  SharingChoice out;
  out.policy_source = chosen.source;
  if (chosen.rules) {
    policy = chosen.rules->sharing;
    const auto& mediators = chosen.rules->mediators;
    mediator = mediator || std::find(mediators.begin(), mediators.end(), party) != mediators.end();
    if (!policy.from_agreement) out.policy_source += " (no [sharing] table: the default policy)";
  }
  const rules::Recipient recipient =
      mediator ? rules::Recipient::kMediator : rules::Recipient::kOtherParty;
  out.shares_anything = policy.SharesAnything(recipient);
  auto shared = std::make_shared<rules::SharingPolicy>(std::move(policy));
  out.request = {party, rules::RecipientName(recipient),
                 [shared, recipient](std::string_view f) { return shared->Shares(recipient, f); }};
  return out;
}

}  // namespace parley::negotiation
