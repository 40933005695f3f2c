#include "store/received_lists.h"

#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/try.h"
#include "ledger/event.h"
#include "lists/list_kind.h"
#include "lists/list_name.h"
#include "store/ledger_storage.h"
#include "store/list_writer.h"
#include "store/record_codec.h"
#include "store/record_sharing.h"

namespace parley::store {
namespace {

// The sender's signed event for a disclosed list (in the replica, just verified).
Result<ledger::Event> SenderEvent(Database& db, const std::string& origin, std::uint64_t seq) {
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(db, origin));
  PARLEY_ASSIGN_OR_RETURN(auto leaves, storage->Read(seq, 1));
  const std::string_view leaf = leaves.front();
  return ledger::ParseCanonicalEvent(leaf.substr(0, leaf.find('\0')));
}

// Sets one disclosed field on the record: a canonical column, else an extra column.
Result<void> SetField(PersonRecord& r, const std::string& field, const std::string& value) {
  if (field == "surname") {
    r.surname = value;
  } else if (field == "given_name") {
    r.given_name = value;
  } else if (field == "patronymic") {
    r.patronymic = value;
  } else if (field == "full_name") {
    r.full_name = value;
  } else if (field == "birth_date") {
    PARLEY_ASSIGN_OR_RETURN(r.birth_date,
                            ParsePartialDate(value, DateBounds{0, PartialDate{9999}}));
  } else if (field == "birth_place") {
    r.birth_place = value;
  } else if (field == "service_number") {
    r.service_number = value;
  } else if (field == "rank") {
    r.rank = value;
  } else if (field == "unit") {
    r.unit = value;
  } else if (field == "sex") {
    r.sex = value;
  } else if (field == "category") {
    r.category = value;
  } else if (field == "notes") {
    r.notes = value;
  } else {
    r.extra.push_back({field, value});
  }
  return {};
}

struct DisclosedRecords {
  std::vector<PersonRecord> records;
  std::set<std::string> withheld;
};

Result<DisclosedRecords> RecordsOf(const ledger::DisclosedList& list) {
  DisclosedRecords out;
  out.records.reserve(list.records.size());
  for (std::size_t i = 0; i < list.records.size(); ++i) {
    const ledger::DisclosedRecord& d = list.records[i];
    PersonRecord r;
    r.id = d.id;
    r.source_row = static_cast<std::int64_t>(i) + 1;  // the position in the disclosure
    for (const ledger::DisclosedField& f : d.fields) {
      if (!f.shown) {
        out.withheld.insert(f.field);
        continue;
      }
      if (auto set = SetField(r, f.field, f.value); !set) {
        return Fail(ErrorCode::kInvalidInput,
                    "list " + list.list + " version " + std::to_string(list.version) + ", record " +
                        d.id + ", field " + f.field + ": " + set.error().message);
      }
    }
    out.records.push_back(std::move(r));
  }
  return out;
}

Result<bool> AlreadyReceived(Database& db, const std::string& origin, std::uint64_t sender_seq) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare("SELECT 1 FROM received_list_versions WHERE "
                                                   "origin = ? AND sender_seq = ?"));
  st.Bind(1, origin);
  st.Bind(2, static_cast<std::int64_t>(sender_seq));
  return st.Step();
}

// Another log's list already under `name`: one name, one sender.
Result<std::optional<std::string>> OtherOriginOf(Database& db, const std::string& name,
                                                 const std::string& origin) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT r.origin FROM received_list_versions r JOIN list_versions v ON v.id = "
                 "r.list_version_id JOIN lists l ON l.id = v.list_id WHERE l.name = ? AND "
                 "r.origin != ? LIMIT 1"));
  st.Bind(1, name);
  st.Bind(2, origin);
  return ReadFirstRow(st, [](const Statement& row) { return row.ColumnText(0); });
}

Result<std::string> LocalName(const ReceivedBundle& bundle, const std::string& sender_list) {
  const std::string prefix =
      bundle.list_prefix.empty() ? SenderNode(bundle.origin) : bundle.list_prefix;
  auto name = CheckListName(prefix + "." + sender_list);
  if (!name) {
    return Fail(ErrorCode::kInvalidInput,
                "the received list '" + sender_list + "' cannot be named '" + prefix + "." +
                    sender_list + "' here: " + name.error().message +
                    ". Import the bundle with another --list-prefix; nothing was imported",
                {"", 0, 0, "--list-prefix"});
  }
  return name;
}

Result<void> InsertProvenance(Database& db, std::int64_t version_id, std::uint64_t seq,
                              const ReceivedBundle& bundle, const ledger::DisclosedList& list,
                              const nlohmann::json& withheld) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("INSERT INTO received_list_versions(list_version_id, seq, origin, sender_node, "
                 "sender_list, sender_version, sender_seq, bundle_sha256, checkpoint_size, "
                 "checkpoint_root, withheld_json, received_at) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  st.Bind(1, version_id);
  st.Bind(2, static_cast<std::int64_t>(seq));
  st.Bind(3, bundle.origin);
  st.Bind(4, SenderNode(bundle.origin));
  st.Bind(5, list.list);
  st.Bind(6, list.version);
  st.Bind(7, static_cast<std::int64_t>(list.seq));
  st.Bind(8, bundle.bundle_sha256);
  st.Bind(9, static_cast<std::int64_t>(bundle.checkpoint_size));
  st.Bind(10, bundle.checkpoint_root);
  st.Bind(11, withheld.dump());
  st.Bind(12, UtcNow());
  return st.Run();
}

Result<ReceivedListVersion> ReceiveOne(LoggedTransaction& tx, Workspace& ws,
                                       const ReceivedBundle& bundle,
                                       const ledger::DisclosedList& list) {
  Database& db = ws.db();
  ReceivedListVersion out;
  out.sender_list = list.list;
  out.sender_version = list.version;
  out.records = static_cast<std::int64_t>(list.records.size());
  PARLEY_ASSIGN_OR_RETURN(out.list, LocalName(bundle, list.list));
  PARLEY_ASSIGN_OR_RETURN(out.already_held, AlreadyReceived(db, bundle.origin, list.seq));
  if (out.already_held) return out;
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> other,
                          OtherOriginOf(db, out.list, bundle.origin));
  if (other) {
    return Fail(ErrorCode::kConflict,
                "list '" + out.list + "' holds records received from log " + *other +
                    ", not from " + bundle.origin +
                    "; import the bundle with another --list-prefix; nothing was imported",
                {"", 0, 0, "--list-prefix"});
  }
  PARLEY_ASSIGN_OR_RETURN(ledger::Event sender_event, SenderEvent(db, bundle.origin, list.seq));
  PARLEY_ASSIGN_OR_RETURN(ListKind kind,
                          ParseListKind(sender_event.body.value("kind", std::string())));
  PARLEY_ASSIGN_OR_RETURN(DisclosedRecords disclosed, RecordsOf(list));
  ImportRequest req;
  req.list_name = out.list;
  req.kind = kind;
  req.side = sender_event.body.value("side", std::string());
  req.source_file = "bundle sha256:" + bundle.bundle_sha256;
  req.source_format = "disclosure";
  req.encoding = "UTF-8";
  req.name_order = "split columns";
  req.actor = tx.Log().NodeKey().Name();
  req.records = std::move(disclosed.records);
  PARLEY_ASSIGN_OR_RETURN(WrittenListVersion written,
                          WriteListVersion(db, req, ListOrigin::kReceived));
  out.version = written.outcome.version;
  out.unchanged = written.outcome.unchanged;
  if (out.unchanged) return out;
  nlohmann::json withheld = nlohmann::json::array();
  for (const std::string& f : disclosed.withheld) withheld.push_back(f);
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event,
                          tx.Append({req.actor, nullptr}, "list.version_received",
                                    {{"list", req.list_name},
                                     {"kind", std::string(ListKindName(req.kind))},
                                     {"side", req.side},
                                     {"version", out.version},
                                     {"record_count", out.records},
                                     {"content_sha256", written.content_sha256},
                                     {"withheld", withheld},
                                     {"from",
                                      {{"origin", bundle.origin},
                                       {"list", list.list},
                                       {"version", list.version},
                                       {"seq", list.seq},
                                       {"bundle_sha256", bundle.bundle_sha256},
                                       {"checkpoint_size", bundle.checkpoint_size},
                                       {"checkpoint_root", bundle.checkpoint_root}}}}));
  PARLEY_TRY(InsertProvenance(db, written.version_id, event.event.seq, bundle, list, withheld));
  return out;
}

// The first record whose columns no longer give its stored hash or differ from the values the
// disclosure showed (kept in received_records); empty when none can be named.
Result<std::string> FirstChangedRecord(Database& db, const ReceivedFrom& from,
                                       const std::vector<StoredRecord>& records) {
  for (const StoredRecord& r : records) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                            StoredContentHash(db, r.record_id, r.record_version));
    if (!stored || *stored != RecordContentHash(r.record)) {
      return "record " + r.record.id + " (record ID " + std::to_string(r.record_id) + ")";
    }
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<ReceivedRecord> shown, ReceivedRecords(db, from.sender_list));
  for (const ReceivedRecord& s : shown) {
    if (s.origin != from.origin || s.seq != from.sender_seq) continue;
    if (s.position < 0 || static_cast<std::size_t>(s.position) >= records.size()) continue;
    const StoredRecord& r = records[static_cast<std::size_t>(s.position)];
    const auto fields = CommittedFields(r.record);
    for (const auto& [field, value] : s.shown) {
      for (const auto& [name, stored] : fields) {
        if (name == field && stored != value) {
          return "record " + r.record.id + " (record ID " + std::to_string(r.record_id) +
                 "), field " + field;
        }
      }
    }
  }
  return std::string();
}

}  // namespace

std::string SenderNode(std::string_view origin) {
  constexpr std::string_view kPrefix = "parley/";
  if (!origin.starts_with(kPrefix)) return "";
  origin.remove_prefix(kPrefix.size());
  return std::string(origin.substr(0, origin.find('/')));
}

Result<std::vector<ReceivedListVersion>> ReceiveDisclosedLists(LoggedTransaction& tx, Workspace& ws,
                                                               const ReceivedBundle& bundle) {
  std::vector<ReceivedListVersion> out;
  if (bundle.disclosure == nullptr) return out;
  if (bundle.list_prefix.empty() && SenderNode(bundle.origin).empty()) {
    return Fail(ErrorCode::kInvalidInput,
                "the bundle's log '" + bundle.origin +
                    "' names no node; import it with --list-prefix "
                    "NAME; nothing was imported",
                {"", 0, 0, "--list-prefix"});
  }
  for (const ledger::DisclosedList& list : bundle.disclosure->lists) {
    PARLEY_ASSIGN_OR_RETURN(ReceivedListVersion one, ReceiveOne(tx, ws, bundle, list));
    out.push_back(std::move(one));
  }
  return out;
}

std::string DescribeReceivedFrom(const ReceivedFrom& from) {
  return "received from node " + from.sender_node + " (log " + from.origin + ", its list " +
         from.sender_list + " version " + std::to_string(from.sender_version) +
         ") in bundle sha256 " + from.bundle_sha256.substr(0, 16) +
         "..., under its checkpoint of size " + std::to_string(from.checkpoint_size);
}

Result<std::optional<std::string>> ReceivedListProvenance(Database& db, std::int64_t list_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT r.origin, r.sender_node, r.sender_list, r.sender_version, r.sender_seq, "
                 "r.bundle_sha256, r.checkpoint_size FROM received_list_versions r JOIN "
                 "list_versions v ON v.id = r.list_version_id WHERE v.list_id = ? ORDER BY "
                 "v.version DESC LIMIT 1"));
  st.Bind(1, list_id);
  return ReadFirstRow(st, [](const Statement& row) {
    ReceivedFrom from;
    from.origin = row.ColumnText(0);
    from.sender_node = row.ColumnText(1);
    from.sender_list = row.ColumnText(2);
    from.sender_version = row.ColumnInt(3);
    from.sender_seq = static_cast<std::uint64_t>(row.ColumnInt(4));
    from.bundle_sha256 = row.ColumnText(5);
    from.checkpoint_size = static_cast<std::uint64_t>(row.ColumnInt(6));
    return DescribeReceivedFrom(from);
  });
}

Result<ReceivedListsCheck> VerifyReceivedLists(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(std::vector<ListVersionInfo> lists, ws.Lists());
  ReceivedListsCheck out;
  for (const ListVersionInfo& latest : lists) {
    if (!latest.received) continue;
    PARLEY_ASSIGN_OR_RETURN(std::vector<ListVersionInfo> versions, ws.Versions(latest.list));
    for (const ListVersionInfo& v : versions) {
      if (!v.received) continue;
      const std::string where = "received list " + v.list + " version " +
                                std::to_string(v.version) + " (" +
                                DescribeReceivedFrom(*v.received) + ")";
      if (v.received->seq >= log->Size()) {
        return Fail(ErrorCode::kCorruption, where + ": its list.version_received event seq " +
                                                std::to_string(v.received->seq) +
                                                " is not in the log");
      }
      PARLEY_ASSIGN_OR_RETURN(auto leaves, log->Log().Storage().Read(v.received->seq, 1));
      const std::string_view leaf = leaves.front();
      PARLEY_ASSIGN_OR_RETURN(ledger::Event e,
                              ledger::ParseCanonicalEvent(leaf.substr(0, leaf.find('\0'))));
      PARLEY_ASSIGN_OR_RETURN(std::vector<StoredRecord> records, ws.Records(v.list, v.version));
      std::vector<PersonRecord> plain;
      std::vector<std::string> hashes;
      for (const StoredRecord& r : records) {
        plain.push_back(r.record);
        hashes.push_back(RecordContentHash(r.record));
      }
      const std::string signed_hash = e.body.value("content_sha256", std::string());
      if (e.type != "list.version_received" || ListContentHash(plain, hashes) != signed_hash) {
        PARLEY_ASSIGN_OR_RETURN(std::string first,
                                FirstChangedRecord(ws.db(), *v.received, records));
        return Fail(
            ErrorCode::kCorruption,
            where +
                ": the stored records no longer give the content hash signed in "
                "entry seq " +
                std::to_string(v.received->seq) +
                (first.empty() ? std::string() : "; the first record that differs: " + first) +
                "; run `parley check` and import the sender's bundle again into a "
                "fresh workspace");
      }
      ++out.lists;
      out.records += static_cast<std::int64_t>(records.size());
    }
  }
  return out;
}

}  // namespace parley::store
