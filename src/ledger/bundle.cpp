#include "ledger/bundle.h"

#include <algorithm>

namespace parley::ledger {
namespace {

// Reads the bundle front to back; every failure says which part was being read.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  Result<std::string_view> Take(std::size_t n, const std::string& part) {
    if (rest_.size() < n) {
      return Fail(ErrorCode::kCorruption, "bundle is truncated in " + part);
    }
    std::string_view out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }
  Result<std::uint32_t> U32(const std::string& part) {
    auto b = Take(4, part);
    if (!b) return std::unexpected(b.error());
    return ReadU32(*b);
  }
  Result<std::uint64_t> U64(const std::string& part) {
    auto b = Take(8, part);
    if (!b) return std::unexpected(b.error());
    return ReadU64(*b);
  }
  Result<std::string_view> Str(const std::string& part) {
    auto len = U32(part);
    if (!len) return std::unexpected(len.error());
    return Take(*len, part);
  }
  Result<std::vector<Hash>> Hashes(const std::string& part) {
    auto count = U32(part);
    if (!count) return std::unexpected(count.error());
    auto raw = Take(std::size_t{*count} * 32, part);
    if (!raw) return std::unexpected(raw.error());
    std::vector<Hash> out(*count);
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::copy_n(raw->data() + i * 32, 32, reinterpret_cast<char*>(out[i].data()));
    }
    return out;
  }
  [[nodiscard]] std::size_t Remaining() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

void PutStr(std::string& out, std::string_view s) {
  AppendU32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

void PutHashes(std::string& out, const std::vector<Hash>& hashes) {
  AppendU32(out, static_cast<std::uint32_t>(hashes.size()));
  for (const Hash& h : hashes) out.append(AsChars(h));
}

}  // namespace

std::string EncodeBundle(const Bundle& bundle) {
  std::string out;
  std::size_t total = 256 + bundle.checkpoint.size() + bundle.disclosure.size();
  for (const std::string& e : bundle.entries) total += 4 + e.size();
  out.reserve(total);
  out.append(kBundleMagic);
  const bool disclosed = !bundle.disclosure.empty();
  const bool cosigned = !bundle.cosignatures.empty();
  AppendU32(out, cosigned    ? kBundleVersionWithCosignatures
                 : disclosed ? kBundleVersionWithDisclosure
                             : kBundleVersion);
  PutStr(out, bundle.origin);
  AppendU64(out, bundle.since);
  AppendU64(out, bundle.size);
  PutHashes(out, bundle.frontier);
  PutHashes(out, bundle.consistency_proof);
  AppendU32(out, static_cast<std::uint32_t>(bundle.keys.size()));
  for (const PublicKey& key : bundle.keys) PutStr(out, key.VerifierKey());
  PutStr(out, bundle.checkpoint);
  for (const std::string& e : bundle.entries) PutStr(out, e);
  if (disclosed || cosigned) {
    PutStr(out, bundle.disclosure);
    PutStr(out, bundle.disclosure_signature);
  }
  if (cosigned) {
    AppendU32(out, static_cast<std::uint32_t>(bundle.cosignatures.size()));
    for (const std::string& note : bundle.cosignatures) PutStr(out, note);
  }
  out.append(kBundleEnd);
  return out;
}

Result<std::string> PeekBundleOrigin(std::string_view bytes) {
  Reader in(bytes);
  auto magic = in.Take(kBundleMagic.size(), "the header");
  if (!magic) return std::unexpected(magic.error());
  if (*magic != kBundleMagic) {
    return Fail(ErrorCode::kCorruption, "header: not a parley bundle (bad magic)");
  }
  auto version = in.U32("the header");
  if (!version) return std::unexpected(version.error());
  auto origin = in.Str("the origin");
  if (!origin) return std::unexpected(origin.error());
  return std::string(*origin);
}

Result<Bundle> DecodeBundle(std::string_view bytes) {
  Reader in(bytes);
  auto magic = in.Take(kBundleMagic.size(), "the header");
  if (!magic) return std::unexpected(magic.error());
  if (*magic != kBundleMagic) {
    return Fail(ErrorCode::kCorruption, "header: not a parley bundle (bad magic)");
  }
  auto version = in.U32("the header");
  if (!version) return std::unexpected(version.error());
  if (*version != kBundleVersion && *version != kBundleVersionWithDisclosure &&
      *version != kBundleVersionWithCosignatures) {
    return Fail(ErrorCode::kCorruption,
                "header: bundle version " + std::to_string(*version) + " is not supported");
  }
  Bundle b;
  auto origin = in.Str("the origin");
  if (!origin) return std::unexpected(origin.error());
  b.origin = std::string(*origin);
  auto since = in.U64("the header");
  auto size = since ? in.U64("the header") : since;
  if (!size) return std::unexpected(size.error());
  b.since = *since;
  b.size = *size;
  if (b.since > b.size) {
    return Fail(ErrorCode::kCorruption, "header: since " + std::to_string(b.since) +
                                            " is beyond size " + std::to_string(b.size));
  }
  auto frontier = in.Hashes("the frontier");
  if (!frontier) return std::unexpected(frontier.error());
  b.frontier = std::move(*frontier);
  auto proof = in.Hashes("the consistency proof");
  if (!proof) return std::unexpected(proof.error());
  b.consistency_proof = std::move(*proof);
  auto key_count = in.U32("the keys");
  if (!key_count) return std::unexpected(key_count.error());
  for (std::uint32_t i = 0; i < *key_count; ++i) {
    auto text = in.Str("the keys");
    if (!text) return std::unexpected(text.error());
    auto key = ParseVerifierKey(*text);
    if (!key) {
      return Fail(ErrorCode::kCorruption,
                  "keys: key " + std::to_string(i + 1) + ": " + key.error().message);
    }
    for (const PublicKey& other : b.keys) {
      if (other.name == key->name) {
        return Fail(ErrorCode::kCorruption, "keys: '" + key->name + "' is listed twice");
      }
    }
    b.keys.push_back(std::move(*key));
  }
  auto checkpoint = in.Str("the checkpoint");
  if (!checkpoint) return std::unexpected(checkpoint.error());
  b.checkpoint = std::string(*checkpoint);
  const std::uint64_t count = b.size - b.since;
  // Each entry takes at least 4 bytes: a count beyond that is a corrupt header, not a
  // reason to reserve gigabytes.
  if (count > in.Remaining() / 4) {
    return Fail(ErrorCode::kCorruption,
                "bundle is truncated: the header promises " + std::to_string(count) + " entries");
  }
  b.entries.reserve(count);
  for (std::uint64_t seq = b.since; seq < b.size; ++seq) {
    auto entry = in.Str("entry seq " + std::to_string(seq));
    if (!entry) return std::unexpected(entry.error());
    b.entries.emplace_back(*entry);
  }
  if (*version == kBundleVersionWithDisclosure || *version == kBundleVersionWithCosignatures) {
    auto disclosure = in.Str("the disclosure section");
    if (!disclosure) return std::unexpected(disclosure.error());
    if (disclosure->empty() && *version == kBundleVersionWithDisclosure) {
      return Fail(ErrorCode::kCorruption, "disclosure section: empty in a version 2 bundle");
    }
    b.disclosure = std::string(*disclosure);
    auto signature = in.Str("the disclosure signature");
    if (!signature) return std::unexpected(signature.error());
    // Version 3 may carry no disclosure: then its signature is empty too.
    if (signature->size() != (b.disclosure.empty() ? 0 : kSignatureSize)) {
      return Fail(ErrorCode::kCorruption, b.disclosure.empty()
                                              ? "disclosure signature: present without a section"
                                              : "disclosure signature: not 64 bytes");
    }
    b.disclosure_signature = std::string(*signature);
  }
  if (*version == kBundleVersionWithCosignatures) {
    auto count = in.U32("the cosignatures");
    if (!count) return std::unexpected(count.error());
    if (*count == 0)
      return Fail(ErrorCode::kCorruption, "cosignatures: none in a version 3 bundle");
    if (*count > in.Remaining() / 4) {
      return Fail(ErrorCode::kCorruption, "bundle is truncated: the header promises " +
                                              std::to_string(*count) + " cosignatures");
    }
    for (std::uint32_t i = 0; i < *count; ++i) {
      auto note = in.Str("cosignature " + std::to_string(i + 1));
      if (!note) return std::unexpected(note.error());
      b.cosignatures.emplace_back(*note);
    }
  }
  auto end = in.Take(kBundleEnd.size(), "the end marker");
  if (!end) return std::unexpected(end.error());
  if (*end != kBundleEnd) return Fail(ErrorCode::kCorruption, "end marker is damaged");
  if (in.Remaining() != 0) {
    return Fail(ErrorCode::kCorruption,
                std::to_string(in.Remaining()) + " unexpected bytes after the end marker");
  }
  return b;
}

}  // namespace parley::ledger
