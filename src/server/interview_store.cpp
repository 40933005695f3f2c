#include "server/interview_store.h"

#include "core/try.h"
#include "server/share_store.h"
#include "server/timestamp.h"

namespace parley::server {
namespace {

constexpr const char* kColumns =
    "SELECT record_id, version, outcome, interviewer, interviewed_at, notes, recorded_at "
    "FROM interviews WHERE record_id = ? ";

Interview ReadInterview(const store::Statement& st) {
  return {st.ColumnInt(0),  st.ColumnInt(1),  st.ColumnText(2), st.ColumnText(3),
          st.ColumnText(4), st.ColumnText(5), st.ColumnText(6)};
}

}  // namespace

Result<void> CheckInterviewOutcome(std::string_view outcome) {
  for (std::string_view ok : {"consents", "refuses", "unfit", "deceased", "not_presented"}) {
    if (outcome == ok) return {};
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown outcome '" + std::string(outcome) +
                  "'; use consents, refuses, unfit, deceased or not_presented",
              {"", 0, 0, "outcome"});
}

Result<std::optional<Interview>> CurrentInterview(store::Database& db, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare(std::string(kColumns) + "ORDER BY version DESC LIMIT 1"));
  st.Bind(1, record_id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Interview>{};
  return std::optional<Interview>{ReadInterview(st)};
}

Result<std::vector<Interview>> InterviewHistory(store::Database& db, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare(std::string(kColumns) + "ORDER BY version"));
  st.Bind(1, record_id);
  std::vector<Interview> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(ReadInterview(st));
  }
  return out;
}

Result<Interview> RecordInterview(store::Workspace& ws, std::int64_t record_id,
                                  std::int64_t expected_version, const Interview& interview,
                                  const store::Actor& actor) {
  PARLEY_TRY(CheckInterviewOutcome(interview.outcome));
  PARLEY_TRY(CheckTimestamp(interview.at, "at"));
  if (interview.interviewer.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the interviewer is needed", {"", 0, 0, "interviewer"});
  }
  store::Database& db = ws.db();
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(FindRecordOwner(ws, record_id));
  PARLEY_ASSIGN_OR_RETURN(auto current, CurrentInterview(db, record_id));
  std::int64_t stored = current ? current->version : 0;
  if (stored != expected_version) {
    return Fail(ErrorCode::kConflict,
                "the interview of record " + std::to_string(record_id) + " is at version " +
                    std::to_string(stored) + ", not " + std::to_string(expected_version) +
                    "; reload and try again",
                {"", 0, 0, "version"});
  }
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("INSERT INTO interviews(record_id, version, outcome, interviewer, "
                 "interviewed_at, notes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  Interview saved = interview;
  saved.record_id = record_id;
  saved.version = stored + 1;
  saved.recorded_at = UtcNow();
  st.Bind(1, record_id);
  st.Bind(2, saved.version);
  st.Bind(3, saved.outcome);
  st.Bind(4, saved.interviewer);
  st.Bind(5, saved.at);
  st.Bind(6, saved.notes);
  st.Bind(7, saved.recorded_at);
  PARLEY_TRY(st.Run());
  PARLEY_TRY(tx.Commit(actor, "interview.recorded",
                       {{"record_id", record_id},
                        {"version", saved.version},
                        {"outcome", saved.outcome},
                        {"at", saved.at},
                        {"interviewer", saved.interviewer}}));
  return saved;
}

}  // namespace parley::server
