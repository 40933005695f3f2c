// parley/store/workspace.h — a parley workspace: one folder, one SQLite database.
//
// The embedded default store. `parley-data/parley.db` holds sides, lists, list versions and
// versioned person records (schema in migrations.cpp). Contracts every caller relies on:
// - every multi-row change is one transaction: an import is whole or absent, even if the
//   process is killed mid-way (WAL + synchronous=FULL, so a committed import is durable);
// - person records are never edited in place: a changed row is a new record version;
// - a submitted list version is frozen (enforced by triggers, not just by this code).
//
//   auto ws = Workspace::Open("parley-data");
//   auto outcome = ws->ImportList(request);     // new version, or unchanged
//   auto lists = ws->Lists();
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "lists/list_kind.h"
#include "lists/person_record.h"
#include "store/seal.h"
#include "store/sqlite_db.h"

namespace parley::ledger {
class SigningKey;
}

namespace parley::store {

class EventLog;           // store/event_log.h
class LoggedTransaction;  // store/event_log.h

// Where a received list version came from (store/received_lists.h): another party's
// disclosure, checked on import against the records root its signed event holds.
struct ReceivedFrom {
  std::string origin;       // the sender's log
  std::string sender_node;  // the node name in that origin ("parley/NODE/...")
  std::string sender_list;  // the list's name on the sender's node
  std::int64_t sender_version = 0;
  std::uint64_t sender_seq = 0;       // the sender's list.version_submitted event
  std::string bundle_sha256;          // of the bundle file that carried the disclosure
  std::uint64_t checkpoint_size = 0;  // the sender's checkpoint in that bundle
  std::string checkpoint_root;        // hex
  std::vector<std::string> withheld;  // fields the sender withheld (commitments only)
  std::uint64_t seq = 0;              // this node's list.version_received event
};

struct ListVersionInfo {
  std::string list;
  std::string kind;
  std::string side;
  std::int64_t version = 0;
  std::string state;
  std::int64_t record_count = 0;
  std::string content_sha256;
  std::string source_file;
  std::string source_format;
  std::string source_encoding;
  std::string name_order;
  std::string imported_by;
  std::string created_at;
  std::optional<ReceivedFrom> received;  // set for a version made from a disclosure: read-only
};

struct ImportRequest {
  std::string list_name;
  ListKind kind = ListKind::kCustody;
  std::string side;
  std::string source_file;    // as the user named it; provenance only
  std::string source_format;  // "csv" / "xlsx"
  std::string encoding;       // as detected
  std::string name_order;
  std::string actor;  // who ran the import
  std::vector<PersonRecord> records;
  // The actor's own key; null: the node key signs the ledger event under `actor`'s name
  // (store/event_log.h). With a key, the event's actor is the key's name.
  const ledger::SigningKey* actor_key = nullptr;
};

struct WorkspaceOptions {
  // Name of the node key and middle part of the log's origin ("parley/NODE/<random>").
  std::string node_name = "node";
  // Seal a new workspace with this secret (store/seal.h). An existing workspace stays as it
  // was made: sealing one afterwards is refused.
  std::optional<SealSecret> seal = std::nullopt;
};

struct ImportOutcome {
  bool unchanged = false;    // identical content: nothing was written
  std::int64_t version = 0;  // the new version, or the current one when unchanged
  std::int64_t added = 0;    // rows whose id is new to the list
  std::int64_t changed = 0;  // rows whose id is known but whose content changed
  std::int64_t kept = 0;     // rows identical to their previous version
  std::int64_t removed = 0;  // ids in the previous version, absent from this one
};

// One record version as stored, with its place in the list's history.
struct StoredRecord {
  std::int64_t record_id = 0;       // stable across versions: "person record ID"
  std::int64_t record_version = 0;  // 1, 2, ... for this record
  std::string list;
  std::string list_side;  // the side the list belongs to
  std::int64_t created_in_list_version = 0;
  PersonRecord record;
};

struct IntegrityReport {
  std::vector<std::string> problems;  // empty = the store is consistent
  [[nodiscard]] bool ok() const { return problems.empty(); }
};

class Workspace {
 public:
  // Creates the folder and database if absent, migrates to the latest schema, and creates the
  // node identity (key in DIR/keys, log origin) unless it exists: calling it again is a no-op.
  [[nodiscard]] static Result<Workspace> Create(const std::filesystem::path& dir,
                                                const WorkspaceOptions& options = {});
  // Opens an existing workspace (kNotFound with a hint to run `parley init` otherwise). A
  // sealed one takes its key from the process's seal secret source (store/seal.h).
  [[nodiscard]] static Result<Workspace> Open(const std::filesystem::path& dir);

  // A new list version and its signed `list.version_submitted` event (and a checkpoint), in
  // one transaction; an unchanged list writes neither.
  [[nodiscard]] Result<ImportOutcome> ImportList(const ImportRequest& request);

  // The node's signed log, opened on first use (cheaply: see event_log.h). Reopened when
  // another process appended meanwhile, so call it once per change, before creating an
  // EventLog::Change, and keep the pointer for the rest of that change.
  [[nodiscard]] Result<EventLog*> Events();

  // The latest version of every list, ordered by name.
  [[nodiscard]] Result<std::vector<ListVersionInfo>> Lists();
  // Every version of one list, oldest first.
  [[nodiscard]] Result<std::vector<ListVersionInfo>> Versions(const std::string& list);
  // One version (the latest when `version` is empty).
  [[nodiscard]] Result<ListVersionInfo> Version(const std::string& list,
                                                std::optional<std::int64_t> version);
  // The records of one list version, in file order.
  [[nodiscard]] Result<std::vector<StoredRecord>> Records(const std::string& list,
                                                          std::optional<std::int64_t> version);
  // One page of those records (`limit` from position `offset`), read through the list
  // version's members in position order, so a page costs its own rows, not the list's.
  [[nodiscard]] Result<std::vector<StoredRecord>> RecordsPage(const std::string& list,
                                                              std::int64_t version,
                                                              std::int64_t offset,
                                                              std::int64_t limit);
  // Every version of one person record, oldest first, by record ID.
  [[nodiscard]] Result<std::vector<StoredRecord>> RecordHistory(std::int64_t record_id);
  // The latest version number of each of `record_ids` that exists (one index-only query).
  [[nodiscard]] Result<std::map<std::int64_t, std::int64_t>> LatestVersionNumbers(
      std::span<const std::int64_t> record_ids);
  // The latest version of each of `record_ids` that exists, in one query, in no set order.
  [[nodiscard]] Result<std::vector<StoredRecord>> LatestRecords(
      std::span<const std::int64_t> record_ids);
  // Every version of every record ever in LIST (any list version), by record ID and version:
  // what a stored plan's record references resolve against in one query.
  [[nodiscard]] Result<std::vector<StoredRecord>> AllRecordVersions(const std::string& list);
  // The record ID of LIST's row KEY.
  [[nodiscard]] Result<std::int64_t> FindRecord(const std::string& list, const std::string& key);

  // SQLite's integrity and foreign-key checks plus parley's own invariants.
  [[nodiscard]] Result<IntegrityReport> CheckIntegrity();

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  // True when the database is sealed at rest (store/seal.h).
  [[nodiscard]] bool sealed() const { return IsSealedWorkspace(dir_); }
  [[nodiscard]] Database& db() { return *db_; }

  Workspace(Workspace&&) noexcept;
  Workspace& operator=(Workspace&&) noexcept;
  ~Workspace();

 private:
  Workspace(std::filesystem::path dir, Database db);
  [[nodiscard]] Result<void> RecordSubmission(LoggedTransaction& tx, const ImportRequest& req,
                                              std::int64_t version,
                                              const std::string& content_sha256,
                                              std::int64_t version_id,
                                              const std::vector<std::int64_t>& record_versions);
  std::filesystem::path dir_;
  // Behind a pointer so that its address is stable when the Workspace moves: the event log's
  // storage refers to it.
  std::unique_ptr<Database> db_;
  std::unique_ptr<EventLog> events_;  // declared after db_: destroyed before it
};

// "ua-request@2" → {"ua-request", 2}; "ua-request" → {"ua-request", nullopt}.
struct ListRef {
  std::string list;
  std::optional<std::int64_t> version;
};
[[nodiscard]] Result<ListRef> ParseListRef(std::string_view text);

[[nodiscard]] std::filesystem::path DatabasePath(const std::filesystem::path& dir);

}  // namespace parley::store
