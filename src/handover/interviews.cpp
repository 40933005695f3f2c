#include "handover/interviews.h"

#include "core/clock.h"
#include "core/try.h"
#include "handover/event_time.h"
#include "store/link_store.h"
#include "store/vouched_rows.h"

namespace parley::handover {
namespace {

Result<std::vector<Interview>> FromRows(const std::vector<store::InterviewRow>& rows) {
  std::vector<Interview> out;
  out.reserve(rows.size());
  for (const store::InterviewRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(Interview i, FromRow(row));
    out.push_back(std::move(i));
  }
  return out;
}

store::InterviewRow ToRow(const Interview& i) {
  return {i.record_id, i.version,    std::string(ToString(i.outcome)), i.interviewer, i.at,
          i.notes,     i.recorded_at};
}

}  // namespace

Result<Interview> FromRow(const store::InterviewRow& row) {
  PARLEY_ASSIGN_OR_RETURN(InterviewOutcome outcome, ParseInterviewOutcome(row.outcome));
  return Interview{row.record_id,      row.version, outcome,        row.interviewer,
                   row.interviewed_at, row.notes,   row.recorded_at};
}

Result<std::optional<Interview>> CurrentInterview(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto row, store::ReadCurrentInterview(ws, record_id));
  if (!row) return std::optional<Interview>{};
  PARLEY_ASSIGN_OR_RETURN(Interview i, FromRow(*row));
  return std::optional<Interview>{std::move(i)};
}

Result<std::vector<Interview>> InterviewHistory(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadInterviewHistory(ws, record_id));
  return FromRows(rows);
}

Result<Interview> RecordInterview(store::Workspace& ws, std::int64_t record_id,
                                  std::int64_t expected_version, const Interview& interview,
                                  const store::Actor& actor) {
  PARLEY_TRY(CheckEventTime(interview.at, "at"));
  if (interview.interviewer.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the interviewer is needed", {"", 0, 0, "interviewer"});
  }
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(store::CheckPersonRecord(ws, record_id));
  PARLEY_ASSIGN_OR_RETURN(auto current, store::ReadCurrentInterview(ws, record_id));
  std::int64_t stored = current ? current->version : 0;
  if (stored != expected_version) {
    return Fail(ErrorCode::kConflict,
                "the interview of record " + std::to_string(record_id) + " is at version " +
                    std::to_string(stored) + ", not " + std::to_string(expected_version) +
                    "; reload and try again",
                {"", 0, 0, "version"});
  }
  Interview saved = interview;
  saved.record_id = record_id;
  saved.version = stored + 1;
  saved.recorded_at = UtcNow();
  PARLEY_TRY(store::InsertInterview(ws, ToRow(saved)));
  // The notes may name people: the event carries a salted commitment to them, never the text.
  PARLEY_ASSIGN_OR_RETURN(std::string notes,
                          store::TextCommitment(tx.Log(), "interviews", record_id, saved.version,
                                                "notes", saved.notes));
  PARLEY_TRY(tx.Commit(actor, "interview.recorded",
                       {{"record_id", record_id},
                        {"version", saved.version},
                        {"outcome", ToString(saved.outcome)},
                        {"at", saved.at},
                        {"interviewer", saved.interviewer},
                        {"notes_commitment", notes},
                        {"recorded_at", saved.recorded_at}}));
  return saved;
}

Result<std::set<std::int64_t>> RecordsExcludedByInterview(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(auto rows, store::ReadCurrentInterviews(ws));
  std::set<std::int64_t> out;
  for (const store::InterviewRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(InterviewOutcome outcome, ParseInterviewOutcome(row.outcome));
    if (ExcludesFromExchange(outcome)) out.insert(row.record_id);
  }
  return out;
}

}  // namespace parley::handover
