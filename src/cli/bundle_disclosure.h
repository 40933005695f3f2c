// parley/cli/bundle_disclosure.h — the sharing policy on the command line: who a bundle is for,
// what it shows them, and printing what a bundle or a replica disclosed.
//
// `--for mediator`, or a name the agreement lists under [parties] mediators, is the mediator;
// anyone else is the other party. The policy is the agreement's [sharing] table
// (`--agreement FILE`) or rules::DefaultSharingPolicy() when no agreement is given.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/disclosure.h"
#include "store/record_sharing.h"

namespace parley::cli {

struct SharingChoice {
  store::DisclosureRequest request;
  bool shares_anything = false;
  std::string policy_source;  // the agreement file, or "the default policy"
};

[[nodiscard]] Result<SharingChoice> ChooseSharing(const std::string& party,
                                                  const std::string& agreement_file);

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
