#include "ledger/signed_note.h"

#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x94 ";  // U+2014 and a space

Result<void> CheckText(std::string_view text) {
  if (text.empty() || text.back() != '\n') {
    return Fail(ErrorCode::kCorruption, "note text must end with a newline");
  }
  if (text.front() == '\n' || text.find("\n\n") != std::string_view::npos) {
    return Fail(ErrorCode::kCorruption, "note text may not contain blank lines");
  }
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7F) {
      return Fail(ErrorCode::kCorruption, "note text holds a control character");
    }
  }
  return {};
}

}  // namespace

Result<SignedNote> ParseSignedNote(std::string_view wire) {
  const std::size_t split = wire.find("\n\n");
  if (split == std::string_view::npos) {
    return Fail(ErrorCode::kCorruption, "signed note has no blank line before its signatures");
  }
  SignedNote note;
  note.text = std::string(wire.substr(0, split + 1));
  if (auto r = CheckText(note.text); !r) return std::unexpected(r.error());
  std::string_view rest = wire.substr(split + 2);
  if (rest.empty()) return Fail(ErrorCode::kCorruption, "signed note has no signature");
  std::int64_t line_no = 0;
  while (!rest.empty()) {
    ++line_no;
    const std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) {
      return Fail(ErrorCode::kCorruption,
                  "signature line " + std::to_string(line_no) + " does not end with a newline");
    }
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    auto bad = [&](const std::string& why) {
      return Fail(ErrorCode::kCorruption, "signature line " + std::to_string(line_no) + ": " + why);
    };
    if (!line.starts_with(kDash)) return bad("must start with an em dash and a space");
    line.remove_prefix(kDash.size());
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos) return bad("expected NAME BASE64");
    NoteSignature sig;
    sig.name = std::string(line.substr(0, space));
    if (!CheckKeyName(sig.name)) return bad("invalid key name");
    auto raw = DecodeBase64(line.substr(space + 1));
    if (!raw) return bad("signature is not canonical base64");
    if (raw->size() != 4 + kSignatureSize) return bad("signature must be 68 bytes");
    sig.key_id = ReadU32(*raw);
    sig.signature = raw->substr(4);
    for (const NoteSignature& other : note.signatures) {
      if (other.name == sig.name && other.key_id == sig.key_id) {
        return bad("key '" + sig.name + "' signed twice");
      }
    }
    note.signatures.push_back(std::move(sig));
  }
  return note;
}

std::string FormatSignedNote(const SignedNote& note) {
  std::string out = note.text + "\n";
  for (const NoteSignature& sig : note.signatures) {
    std::string raw;
    AppendU32(raw, sig.key_id);
    raw += sig.signature;
    out += std::string(kDash) + sig.name + " " + EncodeBase64(raw) + "\n";
  }
  return out;
}

Result<void> AddSignature(SignedNote& note, const SigningKey& key) {
  if (auto r = CheckText(note.text); !r) return r;
  const std::uint32_t id = key.Public().KeyId();
  for (const NoteSignature& sig : note.signatures) {
    if (sig.name == key.Name() && sig.key_id == id) {
      return Fail(ErrorCode::kConflict, "key '" + key.Name() + "' has already signed this note");
    }
  }
  note.signatures.push_back({key.Name(), id, key.Sign(note.text)});
  return {};
}

Result<NoteVerification> VerifySignedNote(const SignedNote& note,
                                          std::span<const PublicKey> verifiers) {
  if (auto r = CheckText(note.text); !r) return std::unexpected(r.error());
  NoteVerification result;
  for (const NoteSignature& sig : note.signatures) {
    const PublicKey* match = nullptr;
    for (const PublicKey& key : verifiers) {
      if (key.name == sig.name && key.KeyId() == sig.key_id) match = &key;
    }
    if (match == nullptr) {
      result.unknown.push_back(sig);
      continue;
    }
    if (!match->Verify(note.text, sig.signature)) {
      return Fail(ErrorCode::kCorruption,
                  "signature by '" + sig.name + "' does not verify: the note was altered");
    }
    result.verified_by.push_back(*match);
  }
  if (result.verified_by.empty()) {
    std::string names;
    for (const NoteSignature& sig : note.signatures)
      names += (names.empty() ? "" : ", ") + sig.name;
    return Fail(ErrorCode::kCorruption, "no signature by a trusted key (signed by: " + names + ")");
  }
  return result;
}

}  // namespace parley::ledger
