// parley/ledger/encoding.h — byte helpers the ledger formats share: SHA-256 digests,
// base64 (RFC 4648, padded, as C2SP signed notes use), lowercase hex and big-endian integers.
//
// Contract: decoders are strict. Base64 must be canonical (no whitespace, correct padding)
// so that a changed byte in a file can never decode to the same value: every byte of a
// bundle or checkpoint must matter.
//
//   std::string b64 = EncodeBase64(bytes);
//   Result<std::string> back = DecodeBase64(b64);
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::ledger {

using Hash = std::array<std::uint8_t, 32>;

// SHA-256 of the concatenation of `parts` (OpenSSL: uses the CPU's SHA extensions).
[[nodiscard]] Hash Sha256(std::string_view data);
[[nodiscard]] Hash Sha256(std::initializer_list<std::string_view> parts);

[[nodiscard]] std::string EncodeBase64(std::string_view bytes);
[[nodiscard]] std::string EncodeBase64(std::span<const std::uint8_t> bytes);
[[nodiscard]] Result<std::string> DecodeBase64(std::string_view text);

// Error locations without -Wmissing-field-initializers noise at every call.
[[nodiscard]] inline Location InFile(std::string file) {
  Location where;
  where.file = std::move(file);
  return where;
}
[[nodiscard]] inline Location InField(std::string field) {
  Location where;
  where.field = std::move(field);
  return where;
}

[[nodiscard]] std::string EncodeHex(std::span<const std::uint8_t> bytes);

[[nodiscard]] inline std::string_view AsChars(std::span<const std::uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

void AppendU32(std::string& out, std::uint32_t value);
void AppendU64(std::string& out, std::uint64_t value);
[[nodiscard]] std::uint32_t ReadU32(std::string_view bytes);  // requires size() >= 4
[[nodiscard]] std::uint64_t ReadU64(std::string_view bytes);  // requires size() >= 8

}  // namespace parley::ledger
