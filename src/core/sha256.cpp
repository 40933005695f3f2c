#include "core/sha256.h"

namespace parley {

Sha256::Sha256() {
  // sodium_init is idempotent and thread-safe; calling it here keeps callers from forgetting.
  // It fails only when the system has no usable randomness source, which SHA-256 does not
  // need, so its result is deliberately not acted on here.
  [[maybe_unused]] int ready = sodium_init();
  crypto_hash_sha256_init(&state_);
}

void Sha256::Update(std::string_view bytes) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

Digest Sha256::Finish() {
  Digest out{};
  crypto_hash_sha256_final(&state_, out.data());
  return out;
}

std::string Sha256::FinishHex() { return ToHex(Finish()); }

std::string ToHex(const Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (std::uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.FinishHex();
}

}  // namespace parley
