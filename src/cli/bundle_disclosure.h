// parley/cli/bundle_disclosure.h — the sharing policy on the command line: who a bundle is for,
// what it shows them, and printing what a bundle or a replica disclosed.
//
// Which policy a bundle is exported under is negotiation::ChooseSharing
// (negotiation/sharing_choice.h), shared with the HTTP API.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/disclosure.h"
#include "store/record_sharing.h"

namespace parley::cli {

// Field names shown and withheld anywhere in the disclosure, each sorted.
struct FieldSummary {
  std::vector<std::string> shown;
  std::vector<std::string> withheld;
};
[[nodiscard]] FieldSummary SummariseFields(const ledger::Disclosure& disclosure);
[[nodiscard]] std::string JoinNames(const std::vector<std::string>& names);

// Human-readable listing of the disclosed records (shown values; withheld names only).
void PrintDisclosure(const ledger::Disclosure& disclosure);
[[nodiscard]] std::string DisclosureJson(const ledger::Disclosure& disclosure);

}  // namespace parley::cli
