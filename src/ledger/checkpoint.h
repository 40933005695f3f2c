// parley/ledger/checkpoint.h — signed tree heads in the C2SP tlog-checkpoint format.
//
// What it is for: a checkpoint states "log ORIGIN has SIZE entries with root hash ROOT",
// signed by the node that keeps the log and cosigned by the other parties and the mediator.
// Two checkpoints of one origin either lie on one history (a consistency proof joins them)
// or prove a fork, signed by whoever signed both.
//
// Body (C2SP tlog-checkpoint), carried as the text of a signed note (signed_note.h):
//   ORIGIN\n            a unique log name, e.g. "parley.example/ua-mediator-2026"
//   SIZE\n              decimal, no leading zeros
//   BASE64(ROOT)\n      RFC 9162 root hash of the first SIZE entries (32 bytes)
//   [EXTENSION\n ...]   optional extra lines, signed but not interpreted
//
// Contract: ParseCheckpoint is strict (any change to the body is either an error or changes
// a signed value). OpenCheckpoint verifies the note against trusted keys before returning it.
//
//   Checkpoint cp{.origin = "parley.test/log", .size = tree.Size(), .root = tree.Root()};
//   Result<std::string> wire = SignCheckpoint(cp, node_key);     // note with one signature
//   wire = Cosign(*wire, mediator_key);                           // adds a second
//   Result<OpenedCheckpoint> ok = OpenCheckpoint(*wire, trusted);
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"
#include "ledger/signed_note.h"

namespace parley::ledger {

struct Checkpoint {
  std::string origin;
  std::uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;

  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

[[nodiscard]] Result<std::string> FormatCheckpointBody(const Checkpoint& checkpoint);
[[nodiscard]] Result<Checkpoint> ParseCheckpointBody(std::string_view body);

// A signed note whose text is the checkpoint body, signed by `key`.
[[nodiscard]] Result<std::string> SignCheckpoint(const Checkpoint& checkpoint,
                                                 const SigningKey& key);
// Adds `key`'s signature to an already signed checkpoint note (another party's cosignature).
[[nodiscard]] Result<std::string> Cosign(std::string_view note_wire, const SigningKey& key);

struct OpenedCheckpoint {
  Checkpoint checkpoint;
  SignedNote note;
  NoteVerification verification;
};
// Parses the note and the body and verifies the signatures against `verifiers`.
[[nodiscard]] Result<OpenedCheckpoint> OpenCheckpoint(std::string_view note_wire,
                                                      std::span<const PublicKey> verifiers);

}  // namespace parley::ledger
