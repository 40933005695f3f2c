#include "ledger/checkpoint.h"

#include <charconv>

#include "ledger/encoding.h"

namespace parley::ledger {

Result<std::string> FormatCheckpointBody(const Checkpoint& checkpoint) {
  if (checkpoint.origin.empty() || checkpoint.origin.find('\n') != std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "checkpoint origin must be one non-empty line");
  }
  std::string body = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
                     EncodeBase64(checkpoint.root) + "\n";
  for (const std::string& ext : checkpoint.extensions) {
    if (ext.empty() || ext.find('\n') != std::string::npos) {
      return Fail(ErrorCode::kInvalidInput, "checkpoint extension must be one non-empty line");
    }
    body += ext + "\n";
  }
  return body;
}

Result<Checkpoint> ParseCheckpointBody(std::string_view body) {
  auto bad = [](const std::string& why) {
    return Fail(ErrorCode::kCorruption, "checkpoint: " + why);
  };
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    const std::size_t nl = body.find('\n');
    if (nl == std::string_view::npos) return bad("last line has no newline");
    lines.push_back(body.substr(0, nl));
    body.remove_prefix(nl + 1);
  }
  if (lines.size() < 3) return bad("expected origin, size and root lines");
  Checkpoint cp;
  cp.origin = std::string(lines[0]);
  if (cp.origin.empty()) return bad("empty origin");
  const std::string_view size = lines[1];
  if (size.empty() || (size.size() > 1 && size[0] == '0') ||
      std::from_chars(size.data(), size.data() + size.size(), cp.size).ptr !=
          size.data() + size.size()) {
    return bad("tree size '" + std::string(size) + "' is not a decimal number");
  }
  auto root = DecodeBase64(lines[2]);
  if (!root || root->size() != cp.root.size()) return bad("root hash is not 32 bytes of base64");
  std::copy(root->begin(), root->end(), cp.root.begin());
  for (std::size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) return bad("empty extension line");
    cp.extensions.emplace_back(lines[i]);
  }
  return cp;
}

Result<std::string> SignCheckpoint(const Checkpoint& checkpoint, const SigningKey& key) {
  auto body = FormatCheckpointBody(checkpoint);
  if (!body) return std::unexpected(body.error());
  SignedNote note{.text = std::move(*body), .signatures = {}};
  if (auto r = AddSignature(note, key); !r) return std::unexpected(r.error());
  return FormatSignedNote(note);
}

Result<std::string> Cosign(std::string_view note_wire, const SigningKey& key) {
  auto note = ParseSignedNote(note_wire);
  if (!note) return std::unexpected(note.error());
  if (auto cp = ParseCheckpointBody(note->text); !cp) return std::unexpected(cp.error());
  if (auto r = AddSignature(*note, key); !r) return std::unexpected(r.error());
  return FormatSignedNote(*note);
}

Result<OpenedCheckpoint> OpenCheckpoint(std::string_view note_wire,
                                        std::span<const PublicKey> verifiers) {
  auto note = ParseSignedNote(note_wire);
  if (!note) return std::unexpected(note.error());
  auto cp = ParseCheckpointBody(note->text);
  if (!cp) return std::unexpected(cp.error());
  auto verification = VerifySignedNote(*note, verifiers);
  if (!verification) return std::unexpected(verification.error());
  return OpenedCheckpoint{std::move(*cp), std::move(*note), std::move(*verification)};
}

}  // namespace parley::ledger
