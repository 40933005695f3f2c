// parley/rules/summary.h — the agreement in words a negotiator would sign.
//
// Contract: DescribeAgreement renders every clause that changes who goes home (parties,
// categories and their conditions, values, balance pools, phases and caps, exclusions,
// priorities, the objective) as plain English sentences, in the order the document reads.
// It never omits a clause: if the summary and the TOML disagree, the summary is the bug.
//
// Why generated and not written: the negotiators sign words, the planner executes the TOML;
// deriving the words from the parsed Agreement is what guarantees they say the same thing.
//
//   std::cout << DescribeAgreement(*LoadAgreementFile("dix-hill-1862.toml"));
#pragma once

#include <string>

#include "rules/agreement.h"

namespace parley::rules {

[[nodiscard]] std::string DescribeAgreement(const Agreement& agreement);

// "1 from Union for every 1 from Confederacy, by points": one pool's balance in words.
[[nodiscard]] std::string DescribePool(const Agreement& agreement, const Pool& pool);

}  // namespace parley::rules
