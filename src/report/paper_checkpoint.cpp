#include "report/paper_checkpoint.h"

#include <charconv>
#include <vector>

#include "core/try.h"
#include "ledger/encoding.h"
#include "store/event_log.h"
#include "store/read_snapshot.h"

namespace parley::report {
namespace {

std::vector<std::string_view> SplitOnSpaces(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t space = std::min(text.find(' ', start), text.size());
    out.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

std::string_view Trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool IsLowerHex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string FormatPaperCheckpoint(const PaperCheckpoint& cp) {
  return std::string(kPaperCheckpointTag) + " v1 " + cp.origin + " " + std::to_string(cp.size) +
         " " + cp.root_hex + " " + cp.doc_id;
}

Result<PaperCheckpoint> ParsePaperCheckpoint(std::string_view text) {
  const std::vector<std::string_view> f = SplitOnSpaces(Trimmed(text));
  const Location where{"", 0, 0, "paper checkpoint"};
  if (f.size() != 6 || f[0] != kPaperCheckpointTag) {
    return Fail(ErrorCode::kInvalidInput,
                "not a paper checkpoint: expected 'parley-checkpoint v1 ORIGIN SIZE ROOT-HEX "
                "DOC-ID' (six fields separated by single spaces), as printed under each page's "
                "QR code",
                where);
  }
  if (f[1] != "v1") {
    return Fail(ErrorCode::kUnsupported,
                "paper checkpoint format '" + std::string(f[1]) +
                    "' is not known; this parley "
                    "reads v1",
                where);
  }
  PaperCheckpoint cp{.origin = std::string(f[2]), .doc_id = std::string(f[5])};
  const auto [end, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), cp.size);
  if (ec != std::errc{} || end != f[3].data() + f[3].size() || f[3].empty() ||
      (f[3].size() > 1 && f[3][0] == '0')) {
    return Fail(ErrorCode::kInvalidInput,
                "paper checkpoint size '" + std::string(f[3]) + "' is not a decimal number", where);
  }
  if (f[4].size() != 64 || !IsLowerHex(f[4])) {
    return Fail(ErrorCode::kInvalidInput,
                "paper checkpoint root '" + std::string(f[4]) +
                    "' is not 64 lower-case hex digits; copy it exactly as printed",
                where);
  }
  cp.root_hex = std::string(f[4]);
  if (cp.origin.empty() || cp.doc_id.empty()) {
    return Fail(ErrorCode::kInvalidInput, "paper checkpoint has an empty origin or document id",
                where);
  }
  return cp;
}

Result<PaperCheckpoint> CurrentPaperCheckpoint(store::Workspace& ws, std::string doc_id) {
  store::ReadSnapshot snapshot(ws);
  PARLEY_TRY(snapshot.Begin());
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * events, ws.Events());
  return PaperCheckpoint{.origin = events->Node().origin,
                         .size = events->Size(),
                         .root_hex = ledger::EncodeHex(events->Log().Root()),
                         .doc_id = std::move(doc_id)};
}

Result<PaperCheck> VerifyPaperCheckpoint(store::Workspace& ws, std::string_view text) {
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint paper, ParsePaperCheckpoint(text));
  store::ReadSnapshot snapshot(ws);
  PARLEY_TRY(snapshot.Begin());
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * events, ws.Events());
  const std::string& origin = events->Node().origin;
  if (paper.origin != origin) {
    return Fail(ErrorCode::kConflict, "the paper was made from log '" + paper.origin +
                                          "', but this workspace keeps log '" + origin +
                                          "': check it against the workspace that made it");
  }
  const std::uint64_t size = events->Size();
  if (paper.size > size) {
    return Fail(ErrorCode::kConflict, "the paper names " + std::to_string(paper.size) +
                                          " log entries, but this "
                                          "workspace's log holds only " +
                                          std::to_string(size) +
                                          ": the paper is not from this record");
  }
  PARLEY_ASSIGN_OR_RETURN(ledger::Hash root, events->Log().Tree().RootAt(paper.size));
  if (ledger::EncodeHex(root) != paper.root_hex) {
    return Fail(ErrorCode::kCorruption,
                "the paper's root hash for the first " + std::to_string(paper.size) +
                    " entries is " + paper.root_hex + ", but the log's is " +
                    ledger::EncodeHex(root) + ": the printed copy does not match the record");
  }
  return PaperCheck{.paper = std::move(paper), .log_size = size};
}

}  // namespace parley::report
