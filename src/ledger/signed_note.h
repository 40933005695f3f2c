// parley/ledger/signed_note.h — the C2SP signed-note format: a text signed by named keys.
//
// What it is for: checkpoints (and anything else two parties must sign and cosign) travel as
// signed notes, the format of Go's checksum database and of C2SP transparency logs, so that
// an independent tool can check parley's signatures.
//
// Format (C2SP signed-note):
//   TEXT            one or more non-empty UTF-8 lines, each ending in "\n"
//   "\n"            a blank line
//   SIGNATURES      one or more lines "— NAME BASE64(KEYID[4, big-endian] || SIGNATURE[64])\n"
//                   ("—" is U+2014 EM DASH); the signed message is TEXT exactly.
// parley uses signature type 0x01 (Ed25519) for signing and cosigning alike.
//
// Contract: parsing is strict (no trailing bytes, no duplicate signer). Verification follows
// C2SP: signatures by keys the verifier does not know are reported as unknown, not errors;
// a known key's signature that fails is an error; no verified signature at all is an error.
// Callers that must account for every byte (bundles) reject unknown signatures themselves.
//
//   SignedNote note{.text = "hello\n"};
//   AddSignature(note, key);                       // checks nothing, appends "— name ..."
//   std::string wire = FormatSignedNote(note);
//   auto v = VerifySignedNote(*ParseSignedNote(wire), trusted_keys);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/keys.h"

namespace parley::ledger {

struct NoteSignature {
  std::string name;
  std::uint32_t key_id = 0;
  std::string signature;  // 64 bytes
};

struct SignedNote {
  std::string text;  // ends with "\n"
  std::vector<NoteSignature> signatures;
};

struct NoteVerification {
  std::vector<PublicKey> verified_by;  // in signature order
  std::vector<NoteSignature> unknown;  // signatures by keys not in the verifier list
};

[[nodiscard]] Result<SignedNote> ParseSignedNote(std::string_view wire);
[[nodiscard]] std::string FormatSignedNote(const SignedNote& note);

// Signs note.text with `key` and appends the signature; kConflict if `key` already signed.
[[nodiscard]] Result<void> AddSignature(SignedNote& note, const SigningKey& key);

[[nodiscard]] Result<NoteVerification> VerifySignedNote(const SignedNote& note,
                                                        std::span<const PublicKey> verifiers);

}  // namespace parley::ledger
