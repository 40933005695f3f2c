#include "negotiation/party_keys.h"

#include <cstdio>

namespace parley::negotiation {
namespace {

std::unexpected<Error> Refuse(std::string message) {
  return Fail(ErrorCode::kInvalidInput, std::move(message), Location{{}, 0, 0, "key"});
}

bool SameKey(const ledger::PublicKey& a, const ledger::PublicKey& b) { return a.key == b.key; }

const ledger::PublicKey* MediatorKeyLike(const rules::Agreement& agreement,
                                         const ledger::PublicKey& key) {
  for (const ledger::PublicKey& m : agreement.mediator_keys) {
    if (SameKey(m, key)) return &m;
  }
  return nullptr;
}

constexpr const char* kHowToGiveAKey =
    " (command line: --key FILE or $PARLEY_KEY; HTTP API: the key bound to the user with "
    "`parley user key USER --key FILE`)";

}  // namespace

std::string DescribeKey(const ledger::PublicKey& key) {
  char id[9];
  std::snprintf(id, sizeof id, "%08x", key.KeyId());
  return "'" + key.name + "' (key id " + id + ")";
}

Result<void> CheckPartySigner(const rules::Agreement& agreement, const std::string& what,
                              rules::Side party, const store::Actor& actor,
                              const ledger::PublicKey& node_key) {
  const std::string side = rules::SideName(party);
  const std::string who = "party " + side + " (" + agreement.PartyName(party) + ")";
  const auto& pinned = agreement.PinnedKey(party);
  if (!pinned) {
    return Refuse(what + " pins no key for " + who +
                  ", so no signature could show it was that party's: add " + side +
                  "_key = \"NAME+KEYID+BASE64\" (the line `parley keys init` printed for the "
                  "party's signer) to [parties] and add the agreement again as a new version; "
                  "nothing was signed");
  }
  if (actor.key == nullptr) {
    return Refuse("signing for " + who + " under " + what + " needs that party's own key " +
                  DescribeKey(*pinned) + kHowToGiveAKey +
                  "; without one the node key would vouch, and the node key never signs for a "
                  "party; nothing was signed");
  }
  const ledger::PublicKey& used = actor.key->Public();
  if (SameKey(used, node_key)) {
    return Refuse("the key " + DescribeKey(used) +
                  " is this node's key; the node key never signs for a party: sign for " + who +
                  " under " + what + " with its key " + DescribeKey(*pinned) +
                  "; nothing was signed");
  }
  if (SameKey(used, *pinned)) return {};
  const rules::Side other = party == rules::Side::kA ? rules::Side::kB : rules::Side::kA;
  if (const auto& theirs = agreement.PinnedKey(other); theirs && SameKey(used, *theirs)) {
    return Refuse("the key " + DescribeKey(used) + " is the key " + what + " pins for party " +
                  rules::SideName(other) + " (" + agreement.PartyName(other) + "), not for " + who +
                  ": each party signs only for itself; nothing was signed");
  }
  if (MediatorKeyLike(agreement, used) != nullptr) {
    return Refuse("the key " + DescribeKey(used) + " is a mediator key of " + what +
                  ": the mediator may witness (`parley agreement witness`, `parley plan "
                  "witness`), never sign for a party; nothing was signed");
  }
  return Refuse("the key " + DescribeKey(used) + " is not the key " + what + " pins for " + who +
                ", " + DescribeKey(*pinned) + "; nothing was signed");
}

Result<void> CheckWitness(const rules::Agreement& agreement, const std::string& what,
                          const store::Actor& actor, const ledger::PublicKey& node_key) {
  if (agreement.mediator_keys.empty()) {
    return Refuse(what +
                  " pins no mediator key: add mediator_keys = [\"NAME+KEYID+BASE64\"] to "
                  "[parties] (a new version) before the mediator witnesses; nothing was signed");
  }
  if (actor.key == nullptr) {
    return Refuse("witnessing " + what + " needs the mediator's own key" + kHowToGiveAKey +
                  "; nothing was signed");
  }
  const ledger::PublicKey& used = actor.key->Public();
  if (SameKey(used, node_key) && MediatorKeyLike(agreement, used) == nullptr) {
    return Refuse("the key " + DescribeKey(used) +
                  " is this node's key, not a mediator key pinned by " + what +
                  "; nothing was signed");
  }
  if (MediatorKeyLike(agreement, used) != nullptr) return {};
  std::string pinned;
  for (const ledger::PublicKey& m : agreement.mediator_keys) {
    pinned += (pinned.empty() ? "" : ", ") + DescribeKey(m);
  }
  return Refuse("the key " + DescribeKey(used) + " is not a mediator key " + what + " pins (" +
                pinned + "); nothing was signed");
}

nlohmann::json PinnedKeysBody(const rules::Agreement& agreement) {
  nlohmann::json body = nlohmann::json::object();
  if (agreement.key_a) body["a_key"] = agreement.key_a->VerifierKey();
  if (agreement.key_b) body["b_key"] = agreement.key_b->VerifierKey();
  if (!agreement.mediator_keys.empty()) {
    nlohmann::json keys = nlohmann::json::array();
    for (const ledger::PublicKey& k : agreement.mediator_keys) keys.push_back(k.VerifierKey());
    body["mediator_keys"] = keys;
  }
  return body;
}

}  // namespace parley::negotiation
