// parley/negotiation/sharing_choice.h — which sharing policy a bundle for a party is exported
// under, shared by `parley bundle export` and POST /api/v1/bundles/export.
//
// The policy is, in this order: the agreement the caller names (an agreement file, or the NAME
// of an agreement stored in the workspace, its latest version); else the agreement in force in
// the workspace (a version signed by both parties; the most recently signed one when several
// are); else rules::DefaultSharingPolicy(). `policy_source` says which, for the command's output
// and the endpoint's headers, so nobody has to guess what a bundle was allowed to show.
//
// `for mediator`, or a name the agreement lists under [parties] mediators, is the mediator;
// anyone else is the other party.
//
//   PARLEY_ASSIGN_OR_RETURN(SharingChoice c, ChooseSharing(ws, "mediator", ""));
#pragma once

#include <string>

#include "core/error.h"
#include "store/record_sharing.h"
#include "store/workspace.h"

namespace parley::negotiation {

struct SharingChoice {
  store::DisclosureRequest request;
  bool shares_anything = false;
  // "agreement file deal.toml", "agreement deal version 2 (in force)", "the default policy"...
  std::string policy_source;
};

// `agreement`: empty, an existing file (only when `files` is kAllowed: the HTTP API must not
// read the server's files for a client), or a stored agreement's name.
enum class AgreementFiles { kAllowed, kRefused };
[[nodiscard]] Result<SharingChoice> ChooseSharing(store::Workspace& ws, const std::string& party,
                                                  const std::string& agreement,
                                                  AgreementFiles files = AgreementFiles::kAllowed);

}  // namespace parley::negotiation
