// parley/report/paper_checkpoint.h — the ledger checkpoint printed on every page of a paper,
// and the check of a printed copy against a workspace's log.
//
// What it is for: a printed act or list must be checkable offline against the signed record.
// Each page carries, as text and as a QR code, one line:
//
//   parley-checkpoint v1 ORIGIN SIZE ROOT-HEX DOC-ID
//
//   ORIGIN   the node's log origin ("parley/NODE/<16 hex>"), no spaces
//   SIZE     the number of log entries the paper was made from (decimal)
//   ROOT-HEX the RFC 9162 root hash of those entries, 64 lower-case hex digits
//   DOC-ID   the document's id ("act-plan1-phase2"), no spaces
//
// The paper's data was read before the checkpoint was taken, so every change it shows is
// within the first SIZE entries. VerifyPaperCheckpoint accepts the line when ORIGIN is the
// workspace's own log, SIZE is at most its size and the root of its first SIZE entries is
// ROOT: the log has passed through that state (later entries do not change it). A forged
// root, an unknown origin or a size the log never reached is refused, naming which.
//
//   PaperCheckpoint cp = ...;  std::string line = FormatPaperCheckpoint(cp);
//   PARLEY_ASSIGN_OR_RETURN(PaperCheck ok, VerifyPaperCheckpoint(ws, line));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::report {

inline constexpr std::string_view kPaperCheckpointTag = "parley-checkpoint";

struct PaperCheckpoint {
  std::string origin{};
  std::uint64_t size = 0;
  std::string root_hex{};
  std::string doc_id{};

  friend bool operator==(const PaperCheckpoint&, const PaperCheckpoint&) = default;
};

[[nodiscard]] std::string FormatPaperCheckpoint(const PaperCheckpoint& checkpoint);
// Strict: the tag, "v1", and four fields separated by single spaces (surrounding white
// space, as a scanner adds, is ignored); kInvalidInput names the field at fault.
[[nodiscard]] Result<PaperCheckpoint> ParsePaperCheckpoint(std::string_view text);

// The workspace's log as it stands (origin, size, root), for a paper named `doc_id`.
[[nodiscard]] Result<PaperCheckpoint> CurrentPaperCheckpoint(store::Workspace& ws,
                                                             std::string doc_id);

struct PaperCheck {
  PaperCheckpoint paper{};
  std::uint64_t log_size = 0;  // the workspace log's size now
};
[[nodiscard]] Result<PaperCheck> VerifyPaperCheckpoint(store::Workspace& ws, std::string_view text);

}  // namespace parley::report
