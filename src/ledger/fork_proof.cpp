#include "ledger/fork_proof.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/try.h"
#include "ledger/canonical_json.h"
#include "ledger/merkle_tree.h"
#include "ledger/signed_note.h"

namespace parley::ledger {
namespace {

using nlohmann::json;

std::unexpected<Error> Bad(const std::string& why) {
  return Fail(ErrorCode::kCorruption, "fork proof: " + why);
}

// Where two sides first disagree: nullopt = they agree; a value of nullopt inside = their
// frontiers (the histories before `start`) already differ.
std::optional<std::optional<std::uint64_t>> FirstDifference(std::uint64_t start, const ForkSide& a,
                                                            const ForkSide& b) {
  if (a.frontier != b.frontier) return std::optional<std::uint64_t>{};
  const std::size_t common = std::min(a.leaf_hashes.size(), b.leaf_hashes.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (a.leaf_hashes[i] != b.leaf_hashes[i]) return std::optional<std::uint64_t>{start + i};
  }
  return std::nullopt;
}

// The side's note, signed by `log_key`, of `origin`, whose root its hashes reproduce.
Result<Checkpoint> CheckSide(const char* label, const ForkSide& side, std::uint64_t start,
                             const PublicKey& log_key, const std::string& origin) {
  const std::string where = std::string("checkpoint ") + label + ": ";
  auto note = ParseSignedNote(side.note);
  if (!note) return Bad(where + note.error().message);
  auto cp = ParseCheckpointBody(note->text);
  if (!cp) return Bad(where + cp.error().message);
  const std::span<const PublicKey> keys(&log_key, 1);
  auto verification = VerifySignedNote(*note, keys);
  if (!verification || verification->verified_by.empty()) {
    return Bad(where + "not validly signed by the log key '" + log_key.name + "'" +
               (verification ? "" : " (" + verification.error().message + ")") +
               ": the note was altered or is not the log's");
  }
  if (cp->origin != origin) {
    return Bad(where + "of log '" + cp->origin + "', not '" + origin + "'");
  }
  auto frontier = MerkleFrontier::FromHashes(start, side.frontier);
  if (!frontier) return Bad(where + "frontier: " + frontier.error().message);
  for (const Hash& h : side.leaf_hashes) frontier->Append(h);
  if (frontier->Size() != cp->size) {
    return Bad(where + "the hashes cover " + std::to_string(frontier->Size()) +
               " entries, the note says " + std::to_string(cp->size));
  }
  if (frontier->Root() != cp->root) {
    return Bad(where + "its hashes do not produce the signed root (a hash was changed)");
  }
  return *cp;
}

json HashesJson(const std::vector<Hash>& hashes) {
  json out = json::array();
  for (const Hash& h : hashes) out.push_back(EncodeBase64(h));
  return out;
}

json SideJson(const ForkSide& side) {
  return {{"note", side.note},
          {"frontier", HashesJson(side.frontier)},
          {"leaf_hashes", HashesJson(side.leaf_hashes)},
          {"entry", side.entry ? json(EncodeBase64(*side.entry)) : json(nullptr)}};
}

json UnsignedJson(const ForkProof& p, const PublicKey& detector) {
  return {{"format", kForkProofFormat},
          {"origin", p.origin},
          {"log_key", p.log_key.VerifierKey()},
          {"start", p.start},
          {"fork_seq", p.fork_seq ? json(*p.fork_seq) : json(nullptr)},
          {"a", SideJson(p.a)},
          {"b", SideJson(p.b)},
          {"detected_by", detector.VerifierKey()}};
}

Result<std::string> SignedMessage(const json& unsigned_proof) {
  PARLEY_ASSIGN_OR_RETURN(std::string canonical, CanonicalJson(unsigned_proof));
  return std::string(kForkProofFormat) + "\n" + canonical;
}

Result<void> ExactKeys(const json& object, std::set<std::string> expected,
                       const std::string& what) {
  if (!object.is_object()) return Bad(what + " is not a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (expected.erase(key) == 0) return Bad(what + ": unexpected field '" + key + "'");
  }
  if (!expected.empty()) return Bad(what + ": field '" + *expected.begin() + "' is missing");
  return {};
}

Result<std::vector<Hash>> HashesFrom(const json& array, const std::string& what) {
  if (!array.is_array()) return Bad(what + " is not a list");
  std::vector<Hash> out;
  for (const json& item : array) {
    auto bytes =
        item.is_string() ? DecodeBase64(item.get<std::string>()) : Result<std::string>(Bad(""));
    if (!bytes || bytes->size() != 32) return Bad(what + ": an item is not a base64 hash");
    Hash h{};
    std::copy(bytes->begin(), bytes->end(), h.begin());
    out.push_back(h);
  }
  return out;
}

Result<ForkSide> SideFrom(const json& j, const std::string& label) {
  PARLEY_TRY(ExactKeys(j, {"note", "frontier", "leaf_hashes", "entry"}, label));
  if (!j["note"].is_string()) return Bad(label + ".note is not a string");
  ForkSide side;
  side.note = j["note"].get<std::string>();
  PARLEY_ASSIGN_OR_RETURN(side.frontier, HashesFrom(j["frontier"], label + ".frontier"));
  PARLEY_ASSIGN_OR_RETURN(side.leaf_hashes, HashesFrom(j["leaf_hashes"], label + ".leaf_hashes"));
  if (j["entry"].is_string()) {
    auto entry = DecodeBase64(j["entry"].get<std::string>());
    if (!entry) return Bad(label + ".entry is not base64");
    side.entry = std::move(*entry);
  } else if (!j["entry"].is_null()) {
    return Bad(label + ".entry is neither base64 nor null");
  }
  return side;
}

Result<PublicKey> KeyFrom(const json& j, const std::string& what) {
  if (!j.is_string()) return Bad(what + " is not a verifier key");
  auto key = ParseVerifierKey(j.get<std::string>());
  if (!key) return Bad(what + ": " + key.error().message);
  return *key;
}

Result<void> CheckEntry(const char* label, const ForkSide& side, std::uint64_t start,
                        std::optional<std::uint64_t> fork_seq) {
  if (!side.entry) return {};
  if (!fork_seq) return Bad(std::string(label) + ".entry given but the proof names no fork seq");
  const std::uint64_t index = *fork_seq - start;
  if (index >= side.leaf_hashes.size() || HashLeaf(*side.entry) != side.leaf_hashes[index]) {
    return Bad(std::string(label) + ".entry is not the entry at seq " + std::to_string(*fork_seq) +
               " of that history");
  }
  return {};
}

bool Holds(std::span<const PublicKey> keys, const PublicKey& key) {
  return std::any_of(keys.begin(), keys.end(),
                     [&](const PublicKey& k) { return k.name == key.name && k.key == key.key; });
}

}  // namespace

Result<ForkProof> MakeForkProof(std::string origin, PublicKey log_key, std::uint64_t start,
                                ForkSide a, ForkSide b) {
  ForkProof proof{.origin = std::move(origin),
                  .log_key = std::move(log_key),
                  .start = start,
                  .fork_seq = std::nullopt,
                  .a = std::move(a),
                  .b = std::move(b)};
  PARLEY_TRY(CheckSide("A", proof.a, start, proof.log_key, proof.origin));
  PARLEY_TRY(CheckSide("B", proof.b, start, proof.log_key, proof.origin));
  auto difference = FirstDifference(start, proof.a, proof.b);
  if (!difference) {
    return Fail(ErrorCode::kInvalidInput,
                "the two checkpoints lie on one history: there is no fork to prove");
  }
  proof.fork_seq = *difference;
  if (!proof.fork_seq) {
    proof.a.entry.reset();
    proof.b.entry.reset();
  }
  PARLEY_TRY(CheckEntry("a", proof.a, start, proof.fork_seq));
  PARLEY_TRY(CheckEntry("b", proof.b, start, proof.fork_seq));
  return proof;
}

Result<std::string> SignForkProof(const ForkProof& proof, const SigningKey& detector) {
  json out = UnsignedJson(proof, detector.Public());
  PARLEY_ASSIGN_OR_RETURN(std::string message, SignedMessage(out));
  out["signature"] = EncodeBase64(detector.Sign(message));
  return out.dump(2) + "\n";
}

Result<ForkFinding> VerifyForkProof(std::string_view text, std::span<const PublicKey> trusted) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Bad("the file is not JSON");
  PARLEY_TRY(ExactKeys(
      j, {"format", "origin", "log_key", "start", "fork_seq", "a", "b", "detected_by", "signature"},
      "the proof"));
  if (j["format"] != kForkProofFormat) {
    return Bad("format is not '" + std::string(kForkProofFormat) + "'");
  }
  if (!j["origin"].is_string() || !j["start"].is_number_unsigned() ||
      !(j["fork_seq"].is_null() || j["fork_seq"].is_number_unsigned()) ||
      !j["signature"].is_string()) {
    return Bad("origin, start, fork_seq or signature has the wrong type");
  }
  ForkProof proof;
  proof.origin = j["origin"].get<std::string>();
  proof.start = j["start"].get<std::uint64_t>();
  if (!j["fork_seq"].is_null()) proof.fork_seq = j["fork_seq"].get<std::uint64_t>();
  PARLEY_ASSIGN_OR_RETURN(proof.log_key, KeyFrom(j["log_key"], "log_key"));
  PARLEY_ASSIGN_OR_RETURN(const PublicKey detector, KeyFrom(j["detected_by"], "detected_by"));
  PARLEY_ASSIGN_OR_RETURN(proof.a, SideFrom(j["a"], "a"));
  PARLEY_ASSIGN_OR_RETURN(proof.b, SideFrom(j["b"], "b"));

  json unsigned_proof = j;
  unsigned_proof.erase("signature");
  PARLEY_ASSIGN_OR_RETURN(std::string message, SignedMessage(unsigned_proof));
  auto signature = DecodeBase64(j["signature"].get<std::string>());
  if (!signature || !detector.Verify(message, *signature)) {
    return Bad("the signature by the detecting node '" + detector.name +
               "' does not verify: the file was changed after it was made");
  }
  if (!trusted.empty() && !Holds(trusted, proof.log_key)) {
    return Fail(ErrorCode::kConflict,
                "fork proof: the log key '" + proof.log_key.name +
                    "' is not among the trusted keys: this proof is about a log you do not "
                    "know, or its key was replaced");
  }
  PARLEY_ASSIGN_OR_RETURN(Checkpoint a,
                          CheckSide("A", proof.a, proof.start, proof.log_key, proof.origin));
  PARLEY_ASSIGN_OR_RETURN(Checkpoint b,
                          CheckSide("B", proof.b, proof.start, proof.log_key, proof.origin));
  auto difference = FirstDifference(proof.start, proof.a, proof.b);
  if (!difference) {
    return Bad("checkpoints A (size " + std::to_string(a.size) + ") and B (size " +
               std::to_string(b.size) + ") lie on one history: this is not a fork");
  }
  if (*difference != proof.fork_seq) {
    return Bad(
        "fork_seq does not match the hashes (they first differ " +
        (*difference ? "at seq " + std::to_string(**difference) : std::string("before start")) +
        ")");
  }
  PARLEY_TRY(CheckEntry("a", proof.a, proof.start, proof.fork_seq));
  PARLEY_TRY(CheckEntry("b", proof.b, proof.start, proof.fork_seq));
  return ForkFinding{.origin = proof.origin,
                     .log_key = proof.log_key,
                     .size_a = a.size,
                     .size_b = b.size,
                     .start = proof.start,
                     .fork_seq = proof.fork_seq,
                     .detected_by = detector,
                     .log_key_trusted = !trusted.empty(),
                     .detector_trusted = Holds(trusted, detector)};
}

}  // namespace parley::ledger
