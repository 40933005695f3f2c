#include "ledger/cosignature.h"

#include <algorithm>

#include "core/try.h"
#include "ledger/signed_note.h"

namespace parley::ledger {

Result<Cosignature> MakeCosignature(std::string_view checkpoint_note, const SigningKey& key) {
  PARLEY_ASSIGN_OR_RETURN(SignedNote note, ParseSignedNote(checkpoint_note));
  PARLEY_ASSIGN_OR_RETURN(Checkpoint checkpoint, ParseCheckpointBody(note.text));
  SignedNote alone{.text = note.text, .signatures = {}};
  PARLEY_TRY(AddSignature(alone, key));
  return Cosignature{.checkpoint = std::move(checkpoint),
                     .cosigner = key.Public(),
                     .note = FormatSignedNote(alone)};
}

Result<Cosignature> OpenCosignature(std::string_view note, std::span<const PublicKey> keys) {
  auto bad = [](const std::string& why) {
    return Fail(ErrorCode::kCorruption, "cosignature: " + why);
  };
  auto parsed = ParseSignedNote(note);
  if (!parsed) return bad(parsed.error().message);
  if (parsed->signatures.size() != 1) {
    return bad("carries " + std::to_string(parsed->signatures.size()) +
               " signatures; a cosignature carries exactly one");
  }
  auto checkpoint = ParseCheckpointBody(parsed->text);
  if (!checkpoint) return bad(checkpoint.error().message);
  const NoteSignature& signature = parsed->signatures.front();
  const auto known = std::find_if(keys.begin(), keys.end(), [&](const PublicKey& k) {
    return k.name == signature.name && k.KeyId() == signature.key_id;
  });
  if (known == keys.end()) {
    return bad("signed by '" + signature.name + "', whose key is not among the known keys");
  }
  auto verification = VerifySignedNote(*parsed, std::span<const PublicKey>(&*known, 1));
  if (!verification || verification->verified_by.size() != 1) {
    return bad("the signature by '" + signature.name +
               "' does not verify: the cosigned checkpoint was altered");
  }
  return Cosignature{.checkpoint = std::move(*checkpoint),
                     .cosigner = verification->verified_by.front(),
                     .note = std::string(note)};
}

Result<void> CheckCosignatureOfLog(const Cosignature& cosignature, const std::string& origin,
                                   const MerkleTree& tree) {
  const Checkpoint& cp = cosignature.checkpoint;
  const std::string who = "cosignature by '" + cosignature.cosigner.name + "' of size " +
                          std::to_string(cp.size) + ": ";
  if (cp.origin != origin) {
    return Fail(ErrorCode::kConflict,
                who + "it is of log '" + cp.origin + "', not '" + origin + "'");
  }
  auto root = tree.RootAt(cp.size);
  if (!root) {
    return Fail(ErrorCode::kConflict, who + "this log has only " + std::to_string(tree.Size()) +
                                          " entries: the cosigned checkpoint is not of this log "
                                          "(a fork of it, or a forged cosignature)");
  }
  if (*root != cp.root) {
    return Fail(ErrorCode::kConflict,
                who +
                    "its root is not this log's root at that size: the cosigner saw another "
                    "history of this log (a fork of it, or a forged cosignature)");
  }
  return {};
}

}  // namespace parley::ledger
