#include "ledger/event.h"

#include <cstring>

#include "ledger/canonical_json.h"
#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// YYYY-MM-DDTHH:MM:SS[.fraction]Z — a fixed shape so that equal instants compare as text.
bool IsUtcTime(std::string_view t) {
  if (t.size() < 20 || t.back() != 'Z') return false;
  if (!IsDigits(t.substr(0, 4)) || t[4] != '-' || !IsDigits(t.substr(5, 2)) || t[7] != '-' ||
      !IsDigits(t.substr(8, 2)) || t[10] != 'T' || !IsDigits(t.substr(11, 2)) || t[13] != ':' ||
      !IsDigits(t.substr(14, 2)) || t[16] != ':' || !IsDigits(t.substr(17, 2))) {
    return false;
  }
  if (t.size() == 20) return true;
  return t[19] == '.' && IsDigits(t.substr(20, t.size() - 21));
}

std::string SeqLabel(std::uint64_t seq) { return "entry seq " + std::to_string(seq) + ": "; }

}  // namespace

Result<void> CheckEvent(const Event& event) {
  const std::string label = SeqLabel(event.seq);
  if (event.type.empty()) return Fail(ErrorCode::kInvalidInput, label + "event type is empty");
  for (char c : event.type) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return Fail(ErrorCode::kInvalidInput,
                  label + "event type '" + event.type + "' must be lowercase [a-z0-9._-]");
    }
  }
  if (auto r = CheckKeyName(event.actor); !r) {
    return Fail(ErrorCode::kInvalidInput, label + "actor: " + r.error().message);
  }
  if (!IsUtcTime(event.time)) {
    return Fail(ErrorCode::kInvalidInput,
                label + "time '" + event.time + "' must be UTC, YYYY-MM-DDTHH:MM:SSZ");
  }
  if (!event.body.is_object()) {
    return Fail(ErrorCode::kInvalidInput, label + "event body must be a JSON object");
  }
  if (event.seq > static_cast<std::uint64_t>(kMaxSafeInteger)) {
    return Fail(ErrorCode::kInvalidInput, label + "seq is beyond 2^53-1");
  }
  return {};
}

Result<std::string> CanonicalEvent(const Event& event) {
  if (auto r = CheckEvent(event); !r) return std::unexpected(r.error());
  // The members in their canonical (sorted) order, written directly: copying the body into
  // a temporary JSON object would cost as much as the rest of the serialisation.
  std::string out;
  out.reserve(256);
  out += "{\"actor\":";
  (void)AppendCanonicalString(event.actor, out);  // CheckEvent: a valid key name
  out += ",\"body\":";
  if (auto r = AppendCanonicalJson(event.body, out); !r) {
    Error e = r.error();
    e.message = SeqLabel(event.seq) + e.message;
    e.where.field = e.where.field.empty() ? "body" : "body." + e.where.field;
    return std::unexpected(std::move(e));
  }
  out += ",\"seq\":" + std::to_string(event.seq) + ",\"time\":";
  (void)AppendCanonicalString(event.time, out);  // CheckEvent: ASCII digits and separators
  out += ",\"type\":";
  (void)AppendCanonicalString(event.type, out);  // CheckEvent: [a-z0-9._-]
  out += "}";
  return out;
}

Result<Event> ParseCanonicalEvent(std::string_view canonical) {
  auto value = ParseCanonicalJson(canonical);
  if (!value) return std::unexpected(value.error());
  auto& v = *value;
  if (!v.is_object() || v.size() != 5 || !v.contains("actor") || !v["actor"].is_string() ||
      !v.contains("body") || !v.contains("seq") || !v["seq"].is_number_unsigned() ||
      !v.contains("time") || !v["time"].is_string() || !v.contains("type") ||
      !v["type"].is_string()) {
    return Fail(ErrorCode::kCorruption, "event must hold exactly actor, body, seq, time and type");
  }
  // Moved out of the parsed value, not copied: bulk verification parses every entry.
  Event e{.seq = v["seq"].get<std::uint64_t>(),
          .type = std::move(v["type"].get_ref<std::string&>()),
          .actor = std::move(v["actor"].get_ref<std::string&>()),
          .time = std::move(v["time"].get_ref<std::string&>()),
          .body = std::move(v["body"])};
  if (auto r = CheckEvent(e); !r) return Fail(ErrorCode::kCorruption, r.error().message);
  return e;
}

Result<SignedEvent> SignEvent(Event event, const SigningKey& key) {
  if (event.actor != key.Name()) {
    return Fail(ErrorCode::kInvalidInput, SeqLabel(event.seq) + "actor '" + event.actor +
                                              "' cannot sign with the key of '" + key.Name() + "'");
  }
  auto canonical = CanonicalEvent(event);
  if (!canonical) return std::unexpected(canonical.error());
  SignedEvent s{std::move(event), key.Public(), {}, {}};
  std::string message;
  message.reserve(kEventSignatureContext.size() + canonical->size());
  message.append(kEventSignatureContext).append(*canonical);
  s.signature = key.Sign(message);
  s.leaf_data = std::move(*canonical);
  s.leaf_data.reserve(s.leaf_data.size() + kLeafTrailerSize);
  s.leaf_data.push_back('\0');
  AppendU32(s.leaf_data, s.signer.KeyId());
  s.leaf_data.append(AsChars(s.signer.key));
  s.leaf_data.append(s.signature);
  return s;
}

namespace {

// What OpenLeaf and VerifyLeaf share: the checks, with the parts pointing into `leaf_data`.
struct CheckedLeaf {
  Event event;
  PublicKey signer;
  std::string_view signature;
};

Result<CheckedLeaf> CheckLeaf(std::string_view leaf_data, std::uint64_t expected_seq) {
  auto bad = [&](const std::string& why) {
    return Fail(ErrorCode::kCorruption, SeqLabel(expected_seq) + why);
  };
  if (leaf_data.size() < kLeafTrailerSize + 2) return bad("entry is too short");
  const std::size_t split = leaf_data.size() - kLeafTrailerSize;
  if (leaf_data[split] != '\0') return bad("entry has no separator before its signature");
  const std::string_view canonical = leaf_data.substr(0, split);
  auto event = ParseCanonicalEvent(canonical);
  if (!event) return bad(event.error().message);
  if (event->seq != expected_seq) {
    return bad("event says seq " + std::to_string(event->seq) + " (entries out of order?)");
  }
  CheckedLeaf out{std::move(*event), {}, leaf_data.substr(split + 5 + kPublicKeySize)};
  out.signer.name = out.event.actor;
  std::memcpy(out.signer.key.data(), leaf_data.data() + split + 5, kPublicKeySize);
  if (ReadU32(leaf_data.substr(split + 1)) != out.signer.KeyId()) {
    return bad("key id does not match the actor '" + out.event.actor + "' and public key");
  }
  // One buffer per thread: verifying a log builds this message once per entry.
  thread_local std::string message;
  message.assign(kEventSignatureContext).append(canonical);
  if (!out.signer.Verify(message, out.signature)) {
    return bad("signature by '" + out.event.actor + "' does not verify");
  }
  return out;
}

}  // namespace

Result<SignedEvent> OpenLeaf(std::string_view leaf_data, std::uint64_t expected_seq) {
  auto checked = CheckLeaf(leaf_data, expected_seq);
  if (!checked) return std::unexpected(checked.error());
  SignedEvent s;
  s.event = std::move(checked->event);
  s.signer = std::move(checked->signer);
  s.signature = std::string(checked->signature);
  s.leaf_data = std::string(leaf_data);
  return s;
}

Result<PublicKey> VerifyLeaf(std::string_view leaf_data, std::uint64_t expected_seq) {
  auto checked = CheckLeaf(leaf_data, expected_seq);
  if (!checked) return std::unexpected(checked.error());
  return std::move(checked->signer);
}

}  // namespace parley::ledger
