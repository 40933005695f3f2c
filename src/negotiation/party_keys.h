// parley/negotiation/party_keys.h — who may sign for a party, and who may witness.
//
// What it is for: a party's signature on an agreement version or a plan (accept, sign) is
// evidence of that party's consent only if no one else could have made it. So it must be made
// with the party's own key, whose public half the agreement pins in [parties] (a_key, b_key),
// and never with the node key (which signs unattended for whoever runs the node) or a mediator
// key. The mediator's signature is a separate kind, a witness, made with a key pinned in
// [parties] mediator_keys; it never counts for a party.
//
// Contract (every refusal is kInvalidInput with field "key", names the agreement, the party
// and the keys involved, and says what to do; the caller has changed nothing yet):
// - CheckPartySigner: the agreement pins a key for `party`; the actor brings a key (no key
//   means the node would vouch); that key is not the node key; and it is the pinned one. A
//   key that is the other party's or a mediator's is named as such.
// - CheckWitness: the agreement pins mediator keys and the actor's key is one of them.
// - Agreements without pinned keys can be stored, read and planned under, but no party can
//   sign them (docs/agreements.md, "Keys"): a demanding reader of a signature must be able to
//   tell it was the party's, and an unpinned agreement gives no way to.
//
//   PARLEY_TRY(CheckPartySigner(rules, "deal@1", rules::Side::kA, actor, node_key));
#pragma once

#include <string>

#include "core/error.h"
#include "ledger/keys.h"
#include "rules/agreement.h"
#include "store/event_log.h"

namespace parley::negotiation {

// `what` names the agreement in messages ("agreement 'deal' version 1").
[[nodiscard]] Result<void> CheckPartySigner(const rules::Agreement& agreement,
                                            const std::string& what, rules::Side party,
                                            const store::Actor& actor,
                                            const ledger::PublicKey& node_key);
[[nodiscard]] Result<void> CheckWitness(const rules::Agreement& agreement, const std::string& what,
                                        const store::Actor& actor,
                                        const ledger::PublicKey& node_key);

// "'NAME' (key id 1a2b3c4d)": how a key is named to people.
[[nodiscard]] std::string DescribeKey(const ledger::PublicKey& key);

// The pinned keys as the agreement.added event body carries them (a_key, b_key,
// mediator_keys; only those present), so that anyone holding the log checks party signatures
// without the agreement's text (ledger/party_signatures.h).
[[nodiscard]] nlohmann::json PinnedKeysBody(const rules::Agreement& agreement);

}  // namespace parley::negotiation
