#include "ledger/field_commitment.h"

#include <sodium.h>

#include <algorithm>

#include "ledger/merkle_tree.h"

namespace parley::ledger {
namespace {

constexpr std::string_view kSaltKeyContext = "parley-salt-key-v1";
constexpr std::string_view kSaltContext = "parley-field-salt-v1";
constexpr std::string_view kCommitContext{"parley-field-v1\0", 16};
constexpr std::string_view kRecordMagic = "PLYREC1";

void PutStr(std::string& out, std::string_view s) {
  AppendU32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

}  // namespace

Result<SaltKey> SaltKey::FromSeed(std::string_view seed) {
  if (seed.size() != crypto_generichash_KEYBYTES || sodium_init() < 0) {
    return Fail(ErrorCode::kInternal, "the salt key needs a 32-byte node seed");
  }
  SaltKey key;
  crypto_generichash(key.key_.data(), key.key_.size(),
                     reinterpret_cast<const unsigned char*>(kSaltKeyContext.data()),
                     kSaltKeyContext.size(), reinterpret_cast<const unsigned char*>(seed.data()),
                     seed.size());
  return key;
}

SaltKey::~SaltKey() { sodium_memzero(key_.data(), key_.size()); }
SaltKey::SaltKey(SaltKey&& other) noexcept : key_(other.key_) {
  sodium_memzero(other.key_.data(), other.key_.size());
}
SaltKey& SaltKey::operator=(SaltKey&& other) noexcept {
  if (this != &other) {
    key_ = other.key_;
    sodium_memzero(other.key_.data(), other.key_.size());
  }
  return *this;
}

Hash SaltKey::Derive(const RecordSaltScope& scope, std::string_view field) const {
  std::string message(kSaltContext);
  message.reserve(64 + scope.list.size() + scope.record_id.size() + field.size());
  PutStr(message, scope.list);
  PutStr(message, scope.record_id);
  AppendU64(message, static_cast<std::uint64_t>(scope.record_version));
  PutStr(message, field);
  Hash salt{};
  crypto_generichash(salt.data(), salt.size(),
                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     key_.data(), key_.size());
  return salt;
}

Hash CommitField(const Hash& salt, std::string_view field, std::string_view value) {
  std::string length;
  AppendU32(length, static_cast<std::uint32_t>(field.size()));
  return Sha256({kCommitContext, AsChars(salt), length, field, value});
}

Result<void> NormaliseFields(std::vector<FieldCommitment>& fields) {
  std::sort(fields.begin(), fields.end(),
            [](const FieldCommitment& a, const FieldCommitment& b) { return a.field < b.field; });
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].field.empty()) {
      return Fail(ErrorCode::kInvalidInput, "a record field has an empty name");
    }
    if (i > 0 && fields[i].field == fields[i - 1].field) {
      return Fail(ErrorCode::kInvalidInput, "field '" + fields[i].field + "' appears twice",
                  InField(fields[i].field));
    }
  }
  return {};
}

std::string RecordLeaf(const RecordCommitment& record) {
  std::string out(kRecordMagic);
  out.reserve(32 + record.id.size() + record.fields.size() * 52);
  PutStr(out, record.id);
  AppendU64(out, static_cast<std::uint64_t>(record.version));
  AppendU32(out, static_cast<std::uint32_t>(record.fields.size()));
  for (const FieldCommitment& f : record.fields) {
    PutStr(out, f.field);
    out.append(AsChars(f.commitment));
  }
  return out;
}

Hash RecordsRoot(std::span<const RecordCommitment> records) {
  MerkleTree tree;
  tree.Reserve(records.size());
  for (const RecordCommitment& r : records) tree.Append(HashLeaf(RecordLeaf(r)));
  return tree.Root();
}

Result<RecordCommitment> CommitRecord(const SaltKey& key, std::string_view list, std::string id,
                                      std::int64_t version,
                                      std::span<const std::pair<std::string, std::string>> fields) {
  RecordCommitment out{.id = std::move(id), .version = version, .fields = {}};
  out.fields.reserve(fields.size());
  const RecordSaltScope scope{list, out.id, version};
  for (const auto& [name, value] : fields) {
    out.fields.push_back({name, CommitField(key.Derive(scope, name), name, value)});
  }
  if (auto r = NormaliseFields(out.fields); !r) return std::unexpected(r.error());
  return out;
}

}  // namespace parley::ledger
