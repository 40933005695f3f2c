// parley/ledger/event.h — a ledger event, its canonical bytes, its signature and its leaf.
//
// What it is for: every state change (a list version submitted, a match decision, an
// agreement signed, a plan proposed, a handover) becomes one Event, signed by the acting
// user's key and appended as one leaf of the Merkle log.
//
// Canonical event (RFC 8785, canonical_json.h), members in this (sorted) order:
//   {"actor":NAME,"body":{...},"seq":N,"time":"YYYY-MM-DDTHH:MM:SS[.fff]Z","type":TYPE}
//   seq   the 0-based position in the log (so a signature cannot be replayed elsewhere)
//   actor the signer's key name (the key id below is computed from it: actor and key bind)
//   type  lowercase [a-z0-9._-]+, e.g. "list.version_submitted", "plan.accepted"
//   body  a JSON object; integers within ±(2^53-1), strings, booleans, null, arrays, objects
// Signed message: "parley-event-v1\n" || canonical event   (Ed25519, keys.h)
//
// Leaf data (the bytes hashed into the tree as SHA-256(0x00 || leaf data)):
//   canonical event || 0x00 || KEYID[4, big-endian] || PUBLIC KEY[32] || SIGNATURE[64]
// The 0x00 cannot occur inside canonical JSON (control characters are escaped), so the
// split is unambiguous; the 100-byte trailer has a fixed size. KEYID is the C2SP key id of
// (actor, public key). Carrying the whole public key makes every leaf verifiable on its own;
// whether that key is trusted is decided by the checkpoint and the verifier's key list.
//
//   Event e{.seq = 0, .type = "list.submitted", .actor = "alice",
//           .time = "2026-11-25T10:00:00Z", .body = {{"list", "custody-7"}}};
//   Result<SignedEvent> s = SignEvent(std::move(e), alice_key);
//   Hash leaf = HashLeaf(s->leaf_data);
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/clock.h"  // UtcNow: an event's time
#include "core/error.h"
#include "ledger/keys.h"

namespace parley::ledger {

inline constexpr std::string_view kEventSignatureContext = "parley-event-v1\n";
inline constexpr std::size_t kLeafTrailerSize = 1 + 4 + kPublicKeySize + kSignatureSize;

struct Event {
  std::uint64_t seq = 0;
  std::string type;
  std::string actor;
  std::string time;
  nlohmann::json body = nlohmann::json::object();
};

[[nodiscard]] Result<void> CheckEvent(const Event& event);
[[nodiscard]] Result<std::string> CanonicalEvent(const Event& event);
// Strict: `canonical` must be exactly CanonicalEvent of the event it decodes to.
[[nodiscard]] Result<Event> ParseCanonicalEvent(std::string_view canonical);

struct SignedEvent {
  Event event;
  PublicKey signer;       // name == event.actor
  std::string signature;  // 64 bytes
  std::string leaf_data;  // the exact bytes hashed into the tree
};

[[nodiscard]] Result<SignedEvent> SignEvent(Event event, const SigningKey& key);

// Splits leaf data, checks the event is canonical, that the key id matches (actor, public
// key), and that the signature verifies. `expected_seq` must equal the event's seq.
// Errors name the entry: "entry seq 17: ...".
[[nodiscard]] Result<SignedEvent> OpenLeaf(std::string_view leaf_data, std::uint64_t expected_seq);
// The same checks as OpenLeaf, returning only the signer: for bulk verification, which would
// otherwise copy every entry and its signature only to drop them.
[[nodiscard]] Result<PublicKey> VerifyLeaf(std::string_view leaf_data, std::uint64_t expected_seq);

}  // namespace parley::ledger
