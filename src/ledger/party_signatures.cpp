#include "ledger/party_signatures.h"

#include <cstdio>
#include <map>
#include <optional>
#include <string_view>

#include "ledger/event.h"
#include "ledger/keys.h"

namespace parley::ledger {
namespace {

struct Pinned {
  std::optional<PublicKey> a, b;
  std::vector<PublicKey> mediators;
};

using AgreementKey = std::pair<std::string, std::int64_t>;  // name, version

std::string Describe(const PublicKey& key) {
  char id[9];
  std::snprintf(id, sizeof id, "%08x", key.KeyId());
  return "'" + key.name + "' (key id " + id + ")";
}

std::optional<PublicKey> KeyField(const nlohmann::json& body, const char* field) {
  auto it = body.find(field);
  if (it == body.end() || !it->is_string()) return std::nullopt;
  auto key = ParseVerifierKey(it->get<std::string>());
  return key ? std::optional<PublicKey>(*key) : std::nullopt;
}

Pinned PinnedOf(const nlohmann::json& body) {
  Pinned p;
  p.a = KeyField(body, "a_key");
  p.b = KeyField(body, "b_key");
  if (auto it = body.find("mediator_keys"); it != body.end() && it->is_array()) {
    for (const auto& line : *it) {
      if (!line.is_string()) continue;
      if (auto key = ParseVerifierKey(line.get<std::string>())) p.mediators.push_back(*key);
    }
  }
  return p;
}

bool IsPartySignature(std::string_view type) {
  return type == "agreement.signed" || type == "plan.accepted" || type == "plan.signed";
}

bool IsWitness(std::string_view type) {
  return type == "agreement.witnessed" || type == "plan.witnessed";
}

// Only entries that may be one of these events are opened (a cheap scan of the bytes).
bool MayConcern(std::string_view leaf) {
  return leaf.find("\"type\":\"agreement.") != std::string_view::npos ||
         leaf.find("\"type\":\"plan.") != std::string_view::npos;
}

std::string What(const Event& e, const AgreementKey& agreement) {
  std::string out = "entry seq " + std::to_string(e.seq) + " (" + e.type;
  if (e.body.contains("plan")) out += " of plan " + e.body["plan"].dump();
  out += ", agreement '" + agreement.first + "' version " + std::to_string(agreement.second);
  if (auto party = e.body.find("party"); party != e.body.end() && party->is_string()) {
    out += ", party " + party->get<std::string>();
  }
  return out + ")";
}

void Judge(const SignedEvent& s, const std::map<AgreementKey, Pinned>& pinned,
           PartySignatureReport& report) {
  const Event& e = s.event;
  const bool witness = IsWitness(e.type);
  (witness ? report.witnesses : report.party_signatures) += 1;
  const AgreementKey agreement{e.body.value("agreement", std::string()),
                               e.type.starts_with("agreement.")
                                   ? e.body.value("version", std::int64_t{0})
                                   : e.body.value("agreement_version", std::int64_t{0})};
  auto found = pinned.find(agreement);
  if (found == pinned.end()) {
    ++report.unchecked;
    return;
  }
  const Pinned& keys = found->second;
  if (witness) {
    if (keys.mediators.empty()) {
      ++report.unpinned;
      return;
    }
    for (const PublicKey& m : keys.mediators) {
      if (m == s.signer) {
        ++report.witnesses_matched;
        return;
      }
    }
    report.mismatches.push_back(What(e, agreement) + " is signed by " + Describe(s.signer) +
                                ", which is not a mediator key the agreement pins");
    return;
  }
  const std::string party = e.body.value("party", std::string());
  const std::optional<PublicKey>* want = party == "a" ? &keys.a : party == "b" ? &keys.b : nullptr;
  if (want == nullptr) {
    report.mismatches.push_back(What(e, agreement) + " names no party a or b");
    return;
  }
  if (!*want) {
    ++report.unpinned;
    return;
  }
  if (**want == s.signer) {
    ++report.matched;
    return;
  }
  report.mismatches.push_back(What(e, agreement) + " is signed by " + Describe(s.signer) +
                              ", not by the key pinned for party " + party + ", " +
                              Describe(**want));
}

}  // namespace

Result<PartySignatureReport> CheckPartySignatures(std::span<const std::string> leaves,
                                                  std::uint64_t first_seq) {
  PartySignatureReport report;
  std::map<AgreementKey, Pinned> pinned;
  for (std::size_t i = 0; i < leaves.size(); ++i) {
    if (!MayConcern(leaves[i])) continue;
    auto opened = OpenLeaf(leaves[i], first_seq + i);
    if (!opened) return std::unexpected(opened.error());
    const Event& e = opened->event;
    if (e.type == "agreement.added") {
      pinned[{e.body.value("agreement", std::string()), e.body.value("version", std::int64_t{0})}] =
          PinnedOf(e.body);
    } else if (IsPartySignature(e.type) || IsWitness(e.type)) {
      Judge(*opened, pinned, report);
    }
  }
  return report;
}

}  // namespace parley::ledger
