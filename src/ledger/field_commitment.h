// parley/ledger/field_commitment.h — salted commitments to the fields of a person record, and
// the records root a `list.version_submitted` event signs.
//
// What it is for: a party's bundle shows the other side only the fields the agreement's
// sharing policy allows (disclosure.h), yet everything it withholds must stay provable later:
// "on 3 May we had his birth date as 1990-02-01" must be checkable against what was signed on
// 3 May. So when a list version is submitted, its event signs one root over every record's
// field commitments; a field is later revealed by giving its value and salt.
//
// Definitions (all hashes SHA-256, all integers big-endian):
//   salt(list, record id, record version, field) = BLAKE2b-256 keyed with the node's salt key,
//       over "parley-field-salt-v1" || str(list) || str(id) || u64(version) || str(field)
//       (str = u32 length || bytes). The salt key is BLAKE2b-256 keyed with the node's signing
//       seed over "parley-salt-key-v1": salts are re-derived on demand, nothing extra is stored.
//   commitment(salt, field, value) = SHA-256("parley-field-v1" || 0x00 || salt || str(field)
//       || value)
//   record leaf = "PLYREC1" || str(id) || u64(version) || u32(n) || n × (str(field) ||
//       commitment), fields sorted by name (bytewise), names unique
//   records root = RFC 9162 Merkle tree hash over HashLeaf(record leaf), in list order
//
// Why this design: a 32-byte random-looking salt per field makes a commitment to a short,
// guessable value (a birth year, "seriously_wounded") impossible to brute-force without the
// salt, and a per-field salt means revealing one field reveals nothing about another. The
// salt is keyed from the node seed, so the node can reveal a field years later without having
// stored a million salts. One root in the event keeps events small and free of personal data;
// an RFC 9162 inclusion proof then proves one record against it.
//
//   auto key = SaltKey::FromSeed(node_key.Seed());
//   Hash salt = key->Derive({"ua-custody", "17", 1}, "surname");
//   Hash c = CommitField(salt, "surname", "Шевченко");
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"

namespace parley::ledger {

// Which record version a salt belongs to.
struct RecordSaltScope {
  std::string_view list;
  std::string_view record_id;
  std::int64_t record_version = 0;
};

class SaltKey {
 public:
  // `seed`: the node's 32-byte Ed25519 seed (SigningKey::Seed()).
  [[nodiscard]] static Result<SaltKey> FromSeed(std::string_view seed);
  [[nodiscard]] Hash Derive(const RecordSaltScope& scope, std::string_view field) const;
  ~SaltKey();
  SaltKey(SaltKey&& other) noexcept;
  SaltKey& operator=(SaltKey&& other) noexcept;
  SaltKey(const SaltKey&) = delete;
  SaltKey& operator=(const SaltKey&) = delete;

 private:
  SaltKey() = default;
  Hash key_{};
};

[[nodiscard]] Hash CommitField(const Hash& salt, std::string_view field, std::string_view value);

struct FieldCommitment {
  std::string field;
  Hash commitment{};
};

// One record version's commitments; `fields` sorted by name, unique.
struct RecordCommitment {
  std::string id;
  std::int64_t version = 0;
  std::vector<FieldCommitment> fields;
};

// Sorts `fields` by name; kInvalidInput if a name repeats or is empty.
[[nodiscard]] Result<void> NormaliseFields(std::vector<FieldCommitment>& fields);

[[nodiscard]] std::string RecordLeaf(const RecordCommitment& record);
[[nodiscard]] Hash RecordsRoot(std::span<const RecordCommitment> records);

// Commits every field of one record version (value pairs: field name, value).
[[nodiscard]] Result<RecordCommitment> CommitRecord(
    const SaltKey& key, std::string_view list, std::string id, std::int64_t version,
    std::span<const std::pair<std::string, std::string>> fields);

}  // namespace parley::ledger
