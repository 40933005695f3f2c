// parley/ledger/bundle.h — the bundle file: a stretch of the log carried between nodes.
//
// What it is for: parties often have no network between them; the mediator carries files.
// A bundle holds the entries [since, size) of one log, the signed checkpoint at `size`, and
// what a receiver needs to check that it extends the checkpoint it already holds at `since`.
//
// Layout (all integers big-endian; "str" = u32 length + bytes):
//   magic        8 bytes  "PLYBNDL1"
//   version      u32      1
//   origin       str      the log's origin (checkpoint line 1)
//   since        u64      entries before this are not carried
//   size         u64      tree size after the last carried entry
//   frontier     u32 count + count × 32  perfect-subtree roots of [0, since), largest first
//                                         (count = number of one bits of since)
//   proof        u32 count + count × 32  RFC 9162 consistency proof from since to size
//   keys         u32 count + count × str verifier keys (keys.h) of every signer of an entry
//                                         or of the checkpoint
//   checkpoint   str      signed note (checkpoint.h) for `size`
//   entries      (size − since) × str   leaf data (event.h) of seq since, since+1, ...
//   (version 2 only) disclosure  str    disclosure section (disclosure.h), canonical JSON
//   (version 2 only) signature   str    its Ed25519 signature by the key it names
//   (version 3 only) disclosure  str    as in version 2, or empty: no disclosure section
//   (version 3 only) signature   str    as in version 2, or empty with an empty section
//   (version 3 only) cosignatures u32 count + count × str  cosignatures (cosignature.h) the
//                                         sending node made of other logs' checkpoints
//   end          8 bytes  "PLYBNDL."
// A bundle without a disclosure section or cosignatures is written as version 1, one with a
// disclosure section only as version 2, so bundles that carry neither are unchanged.
//
// Contract: DecodeBundle checks the structure only (lengths, counts, magic, version, no
// trailing bytes) and names the part that is malformed; verify.h checks the content. Every
// byte of a bundle is either structure checked here or content covered by a signature, a
// hash or a strict re-encoding, so no single changed byte goes unnoticed.
//
// Why this design: length-prefixed binary has one encoding per value (JSON would let
// whitespace change unseen), reads in one pass without a parser, and a frontier of
// ⌈log2 n⌉ hashes lets a verifier with no copy of the log recompute the new root.
//
//   Bundle b = ...;                        // usually from Ledger::ExportBundle
//   std::string bytes = EncodeBundle(b);
//   Result<Bundle> back = DecodeBundle(bytes);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"

namespace parley::ledger {

inline constexpr std::string_view kBundleMagic = "PLYBNDL1";
inline constexpr std::string_view kBundleEnd = "PLYBNDL.";
inline constexpr std::uint32_t kBundleVersion = 1;
inline constexpr std::uint32_t kBundleVersionWithDisclosure = 2;
inline constexpr std::uint32_t kBundleVersionWithCosignatures = 3;

struct Bundle {
  std::string origin;
  std::uint64_t since = 0;
  std::uint64_t size = 0;
  std::vector<Hash> frontier;
  std::vector<Hash> consistency_proof;
  std::vector<PublicKey> keys;
  std::string checkpoint;
  std::vector<std::string> entries;
  std::string disclosure;                 // empty: none (version 1)
  std::string disclosure_signature;       // 64 bytes when `disclosure` is present
  std::vector<std::string> cosignatures;  // signed notes (cosignature.h); non-empty: version 3
};

[[nodiscard]] std::string EncodeBundle(const Bundle& bundle);
[[nodiscard]] Result<Bundle> DecodeBundle(std::string_view bytes);
// The origin from the header alone (magic, version, origin), without decoding the entries:
// enough to choose which log a bundle is for before verifying it whole.
[[nodiscard]] Result<std::string> PeekBundleOrigin(std::string_view bytes);

}  // namespace parley::ledger
