#include "store/record_sharing.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/try.h"
#include "ledger/merkle_tree.h"
#include "ledger/proofs.h"
#include "store/event_log.h"
#include "store/received_lists.h"
#include "store/record_codec.h"

namespace parley::store {
namespace {

struct ListEventRow {
  std::uint64_t seq = 0;
  std::string list;
  std::int64_t version = 0;
};

Result<std::vector<ListEventRow>> ListEvents(Database& db, std::uint64_t since,
                                             std::uint64_t size) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT e.seq, l.name, v.version FROM ledger_list_events e "
                 "JOIN list_versions v ON v.id = e.list_version_id JOIN lists l ON l.id = "
                 "v.list_id WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq"));
  st.Bind(1, static_cast<std::int64_t>(since));
  st.Bind(2, static_cast<std::int64_t>(size));
  std::vector<ListEventRow> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({static_cast<std::uint64_t>(st.ColumnInt(0)), st.ColumnText(1), st.ColumnInt(2)});
  }
  return out;
}

Result<ledger::ListCommitmentEvent> ReadOwnListEvent(EventLog& log, std::uint64_t seq) {
  PARLEY_ASSIGN_OR_RETURN(auto leaves, log.Log().Storage().Read(seq, 1));
  return ledger::ReadListEvent(leaves.front(), seq);
}

ledger::DisclosedRecord DiscloseRecord(const ledger::SaltKey& key, const std::string& list,
                                       const StoredRecord& stored,
                                       const std::function<bool(std::string_view)>& shares) {
  ledger::DisclosedRecord out{stored.record.id, stored.record_version, {}};
  const ledger::RecordSaltScope scope{list, out.id, out.version};
  for (auto& [name, value] : CommittedFields(stored.record)) {
    ledger::DisclosedField f;
    f.salt = key.Derive(scope, name);
    f.commitment = ledger::CommitField(f.salt, name, value);
    f.shown = shares(name);
    if (f.shown) f.value = std::move(value);
    f.field = std::move(name);
    if (!f.shown) f.salt = {};
    out.fields.push_back(std::move(f));
  }
  std::sort(out.fields.begin(), out.fields.end(),
            [](const auto& a, const auto& b) { return a.field < b.field; });
  return out;
}

Result<ledger::Hash> RootOf(const ledger::DisclosedList& list) {
  std::vector<ledger::RecordCommitment> records;
  records.reserve(list.records.size());
  for (const auto& r : list.records) {
    ledger::RecordCommitment c{r.id, r.version, {}};
    for (const auto& f : r.fields) c.fields.push_back({f.field, f.commitment});
    PARLEY_TRY(ledger::NormaliseFields(c.fields));
    records.push_back(std::move(c));
  }
  return ledger::RecordsRoot(records);
}

std::unexpected<Error> Rewritten(const ListEventRow& e) {
  return Fail(ErrorCode::kCorruption,
              "list " + e.list + " version " + std::to_string(e.version) +
                  ": the stored records no longer produce the records root signed in entry seq " +
                  std::to_string(e.seq) + "; run `parley check` and `parley verify`");
}

}  // namespace

std::vector<std::pair<std::string, std::string>> CommittedFields(const PersonRecord& record) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(std::size(kCanonicalColumns) + record.extra.size());
  for (std::string_view column : kCanonicalColumns) {
    if (column == "id") continue;
    out.emplace_back(std::string(column), CanonicalField(record, column));
  }
  for (const ExtraField& f : record.extra) out.emplace_back(f.column, f.value);
  return out;
}

Result<ledger::Hash> ListRecordsRoot(const ledger::SaltKey& key, std::string_view list,
                                     const std::vector<PersonRecord>& records,
                                     const std::vector<std::int64_t>& versions) {
  // Two hashes per field (salt, commitment) for every record: split over two threads, the
  // machines parley runs on have at least two cores and an import holds the write lock.
  const std::size_t n = records.size();
  std::vector<ledger::Hash> leaves(n);
  std::vector<std::optional<Error>> errors(2);
  auto work = [&](std::size_t part, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const auto fields = CommittedFields(records[i]);
      auto c = ledger::CommitRecord(key, list, records[i].id, versions[i], fields);
      if (!c) {
        errors[part] = c.error();
        errors[part]->where.row = records[i].source_row;
        return;
      }
      leaves[i] = ledger::HashLeaf(ledger::RecordLeaf(*c));
    }
  };
  {
    std::jthread second(work, 1, n / 2, n);
    work(0, 0, n / 2);
  }
  for (auto& e : errors) {
    if (e) return std::unexpected(std::move(*e));
  }
  ledger::MerkleTree tree;
  tree.Reserve(n);
  for (const ledger::Hash& h : leaves) tree.Append(h);
  return tree.Root();
}

Result<ledger::Disclosure> BuildDisclosure(Workspace& ws, const ledger::SaltKey& key,
                                           const DisclosureRequest& request, std::uint64_t since,
                                           std::uint64_t size, DisclosureSummary* summary) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(auto events, ListEvents(ws.db(), since, size));
  ledger::Disclosure out{request.recipient, request.role, log->NodeKey().Name(), {}};
  for (const ListEventRow& e : events) {
    PARLEY_ASSIGN_OR_RETURN(ledger::ListCommitmentEvent signed_event,
                            ReadOwnListEvent(*log, e.seq));
    if (!signed_event.records_root) {
      if (summary != nullptr) ++summary->lists_without_commitments;
      continue;
    }
    PARLEY_ASSIGN_OR_RETURN(auto records, ws.Records(e.list, e.version));
    ledger::DisclosedList list{e.seq, e.list, e.version, {}};
    list.records.reserve(records.size());
    for (const StoredRecord& r : records) {
      list.records.push_back(DiscloseRecord(key, e.list, r, request.shares));
    }
    PARLEY_ASSIGN_OR_RETURN(ledger::Hash root, RootOf(list));
    if (root != *signed_event.records_root) return Rewritten(e);
    if (summary != nullptr) {
      ++summary->lists;
      summary->records += static_cast<std::int64_t>(list.records.size());
    }
    out.lists.push_back(std::move(list));
  }
  return out;
}

namespace {

// The first record of a rewritten list version whose stored columns no longer give its stored
// content hash; empty when every record's hash still matches (both were rewritten together).
Result<std::string> FirstRewrittenRecord(Database& db, const std::vector<StoredRecord>& records) {
  for (const StoredRecord& r : records) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> stored,
                            StoredContentHash(db, r.record_id, r.record_version));
    if (!stored || *stored != RecordContentHash(r.record)) {
      return "record " + r.record.id + " (record ID " + std::to_string(r.record_id) + ")";
    }
  }
  return std::string();
}

}  // namespace

Result<ListRecordsCheck> VerifyListRecords(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(ledger::SaltKey key, ledger::SaltKey::FromSeed(log->NodeKey().Seed()));
  PARLEY_ASSIGN_OR_RETURN(auto events, ListEvents(ws.db(), 0, log->Size()));
  ListRecordsCheck out;
  for (const ListEventRow& e : events) {
    PARLEY_ASSIGN_OR_RETURN(ledger::ListCommitmentEvent signed_event,
                            ReadOwnListEvent(*log, e.seq));
    if (!signed_event.records_root) {
      ++out.lists_without_commitments;
      continue;
    }
    PARLEY_ASSIGN_OR_RETURN(std::vector<StoredRecord> records, ws.Records(e.list, e.version));
    std::vector<PersonRecord> plain;
    std::vector<std::int64_t> versions;
    plain.reserve(records.size());
    versions.reserve(records.size());
    for (const StoredRecord& r : records) {
      plain.push_back(r.record);
      versions.push_back(r.record_version);
    }
    PARLEY_ASSIGN_OR_RETURN(ledger::Hash root, ListRecordsRoot(key, e.list, plain, versions));
    if (root != *signed_event.records_root) {
      PARLEY_ASSIGN_OR_RETURN(std::string first, FirstRewrittenRecord(ws.db(), records));
      Error error = Rewritten(e).error();
      if (!first.empty()) error.message += "; the first record that differs: " + first;
      return std::unexpected(std::move(error));
    }
    ++out.lists;
    out.records += static_cast<std::int64_t>(records.size());
  }
  return out;
}

Result<std::string> ExportBundleFor(Workspace& ws, std::optional<std::string_view> since_note,
                                    const DisclosureRequest& request, DisclosureSummary* summary) {
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(ledger::SaltKey key, ledger::SaltKey::FromSeed(log->NodeKey().Seed()));
  auto disclose = [&](std::uint64_t since,
                      std::uint64_t size) -> Result<std::optional<ledger::SignedDisclosure>> {
    PARLEY_ASSIGN_OR_RETURN(ledger::Disclosure d,
                            BuildDisclosure(ws, key, request, since, size, summary));
    if (d.lists.empty()) return std::optional<ledger::SignedDisclosure>{};
    PARLEY_ASSIGN_OR_RETURN(std::string text, ledger::EncodeDisclosure(d));
    std::string signature = ledger::SignDisclosure(text, log->NodeKey());
    return std::optional<ledger::SignedDisclosure>(
        ledger::SignedDisclosure{std::move(text), std::move(signature)});
  };
  return log->ExportBundle(since_note, disclose);
}

Result<std::int64_t> KeepReceivedRecords(Database& db, const std::string& origin,
                                         const ledger::Disclosure& disclosure) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("INSERT OR IGNORE INTO received_records(origin, seq, list, list_version, "
                 "position, record_key, record_version, shown_json, withheld_json, recipient, "
                 "role) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  std::int64_t kept = 0;
  for (const auto& list : disclosure.lists) {
    for (std::size_t i = 0; i < list.records.size(); ++i) {
      const auto& r = list.records[i];
      nlohmann::json shown = nlohmann::json::object();
      nlohmann::json withheld = nlohmann::json::array();
      for (const auto& f : r.fields) {
        if (f.shown) {
          shown[f.field] = f.value;
        } else {
          withheld.push_back(f.field);
        }
      }
      st.Bind(1, origin);
      st.Bind(2, static_cast<std::int64_t>(list.seq));
      st.Bind(3, list.list);
      st.Bind(4, list.version);
      st.Bind(5, static_cast<std::int64_t>(i));
      st.Bind(6, r.id);
      st.Bind(7, r.version);
      st.Bind(8, shown.dump());
      st.Bind(9, withheld.dump());
      st.Bind(10, disclosure.recipient);
      st.Bind(11, disclosure.role);
      PARLEY_TRY(st.Run());
      ++kept;
    }
  }
  return kept;
}

Result<std::vector<ReceivedRecord>> ReceivedRecords(Workspace& ws, const std::string& list) {
  return ReceivedRecords(ws.db(), list);
}

Result<std::vector<ReceivedRecord>> ReceivedRecords(Database& db, const std::string& list) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare("SELECT origin, seq, list, list_version, position, record_key, record_version, "
                 "shown_json, withheld_json FROM received_records WHERE ? = '' OR list = ? "
                 "ORDER BY origin, list, list_version, position"));
  st.Bind(1, list);
  st.Bind(2, list);
  std::vector<ReceivedRecord> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ReceivedRecord r{st.ColumnText(0),
                     static_cast<std::uint64_t>(st.ColumnInt(1)),
                     st.ColumnText(2),
                     st.ColumnInt(3),
                     st.ColumnInt(4),
                     st.ColumnText(5),
                     st.ColumnInt(6),
                     {},
                     {}};
    auto shown = nlohmann::json::parse(st.ColumnText(7), nullptr, false);
    auto withheld = nlohmann::json::parse(st.ColumnText(8), nullptr, false);
    if (!shown.is_object() || !withheld.is_array()) {
      return Fail(ErrorCode::kCorruption, "received record " + r.list + ":" + r.record_key +
                                              " has malformed stored fields");
    }
    for (const auto& [k, v] : shown.items()) {
      r.shown.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    for (const auto& f : withheld) r.withheld.push_back(f.is_string() ? f.get<std::string>() : "");
    out.push_back(std::move(r));
  }
  return out;
}

Result<ledger::FieldDisclosure> DiscloseField(Workspace& ws, const std::string& list,
                                              std::optional<std::int64_t> version,
                                              const std::string& record_key,
                                              const std::string& field) {
  PARLEY_ASSIGN_OR_RETURN(ListVersionInfo info, ws.Version(list, version));
  if (info.received) {
    // Its salts are the sender's: only the sender's node can reveal one of its fields.
    return Fail(ErrorCode::kInvalidInput,
                "list " + list + " version " + std::to_string(info.version) + " was " +
                    DescribeReceivedFrom(*info.received) +
                    "; only that node can disclose a field of it (ask them for a field "
                    "disclosure file)");
  }
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT e.seq FROM ledger_list_events e JOIN list_versions v ON v.id = "
                      "e.list_version_id JOIN lists l ON l.id = v.list_id WHERE l.name = ? AND "
                      "v.version = ?"));
  st.Bind(1, list);
  st.Bind(2, info.version);
  PARLEY_ASSIGN_OR_RETURN(bool found, st.Step());
  const std::string where = "list " + list + " version " + std::to_string(info.version);
  if (!found) return Fail(ErrorCode::kNotFound, where + " has no ledger event");
  const ListEventRow e{static_cast<std::uint64_t>(st.ColumnInt(0)), list, info.version};
  PARLEY_ASSIGN_OR_RETURN(ledger::ListCommitmentEvent signed_event, ReadOwnListEvent(*log, e.seq));
  if (!signed_event.records_root) {
    return Fail(ErrorCode::kUnsupported,
                where +
                    " was submitted before record commitments existed: its event signs no "
                    "record contents, so nothing of it can be proven");
  }
  PARLEY_ASSIGN_OR_RETURN(auto records, ws.Records(list, info.version));
  auto at = std::find_if(records.begin(), records.end(),
                         [&](const StoredRecord& r) { return r.record.id == record_key; });
  if (at == records.end()) {
    return Fail(ErrorCode::kNotFound, where + " has no record with id '" + record_key + "'");
  }
  PARLEY_ASSIGN_OR_RETURN(ledger::SaltKey key, ledger::SaltKey::FromSeed(log->NodeKey().Seed()));
  std::vector<ledger::RecordCommitment> commitments;
  commitments.reserve(records.size());
  for (const StoredRecord& r : records) {
    PARLEY_ASSIGN_OR_RETURN(auto c, ledger::CommitRecord(key, list, r.record.id, r.record_version,
                                                         CommittedFields(r.record)));
    commitments.push_back(std::move(c));
  }
  ledger::MerkleTree tree;
  for (const auto& c : commitments) tree.Append(ledger::HashLeaf(ledger::RecordLeaf(c)));
  if (tree.Root() != *signed_event.records_root) return Rewritten(e);
  const auto index = static_cast<std::uint64_t>(at - records.begin());
  const auto fields = CommittedFields(at->record);
  auto value =
      std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == field; });
  if (value == fields.end()) {
    std::string known;
    for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f.first;
    return Fail(
        ErrorCode::kInvalidInput,
        where + ", record " + record_key + " has no field '" + field + "'; its fields: " + known,
        ledger::InField(field));
  }
  PARLEY_ASSIGN_OR_RETURN(auto proof, ledger::InclusionProof(tree, index, tree.Size()));
  ledger::FieldDisclosure d;
  d.origin = log->Node().origin;
  d.seq = e.seq;
  d.list = list;
  d.list_version = info.version;
  d.index = index;
  d.count = tree.Size();
  d.record = commitments[index];
  d.proof = std::move(proof);
  d.field = field;
  d.value = value->second;
  d.salt = key.Derive({list, record_key, at->record_version}, field);
  return d;
}

}  // namespace parley::store
