#include "ledger/encoding.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <memory>

namespace parley::ledger {
namespace {

// One fetched digest per process: EVP_sha256() would re-fetch the implementation on every
// init, which costs more than hashing a 65-byte Merkle node.
const EVP_MD* FetchedSha256() {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

struct CtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

EVP_MD_CTX* ThreadContext() {
  // A context per thread: creating one per hash is an allocation on the hot path.
  thread_local std::unique_ptr<EVP_MD_CTX, CtxDeleter> ctx{EVP_MD_CTX_new()};
  return ctx.get();
}

}  // namespace

Hash Sha256(std::initializer_list<std::string_view> parts) {
  Hash out{};
  EVP_MD_CTX* ctx = ThreadContext();
  EVP_DigestInit_ex2(ctx, FetchedSha256(), nullptr);
  for (std::string_view part : parts) EVP_DigestUpdate(ctx, part.data(), part.size());
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, out.data(), &len);
  return out;
}

Hash Sha256(std::string_view data) { return Sha256({data}); }

std::string EncodeBase64(std::string_view bytes) {
  const std::size_t len = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), len, reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(len - 1);  // drop the terminating NUL libsodium writes
  return out;
}

std::string EncodeBase64(std::span<const std::uint8_t> bytes) {
  return EncodeBase64(AsChars(bytes));
}

Result<std::string> DecodeBase64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return Fail(ErrorCode::kInvalidInput, "not valid base64");
  }
  out.resize(len);
  // Reject non-canonical encodings (non-zero unused bits) so that every character matters.
  if (EncodeBase64(out) != text) return Fail(ErrorCode::kInvalidInput, "non-canonical base64");
  return out;
}

std::string EncodeHex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

void AppendU32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(value >> shift));
}

void AppendU64(std::string& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(value >> shift));
}

std::uint32_t ReadU32(std::string_view bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<std::uint8_t>(bytes[i]);
  return v;
}

std::uint64_t ReadU64(std::string_view bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<std::uint8_t>(bytes[i]);
  return v;
}

}  // namespace parley::ledger
