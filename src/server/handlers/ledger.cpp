// Handlers: the node's signed record (the ledger) and bundles (api.h). Who may call them is
// decided in route_table.cpp; what the ledger holds is described in store/event_log.h.
//
// Reads run in one read transaction, so that the entries and the checkpoint written by one
// change are seen together. An export holds the write transaction from opening the log to
// storing its checkpoint, so that no other connection appends in between.
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>

#include "core/try.h"
#include "ledger/bundle.h"
#include "ledger/checkpoint.h"
#include "ledger/encoding.h"
#include "ledger/event.h"
#include "ledger/keys.h"
#include "ledger/merkle_tree.h"
#include "negotiation/event_history.h"
#include "negotiation/sharing_choice.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "server/handlers/json_fields.h"
#include "server/http/content_disposition.h"
#include "store/bundle_check.h"
#include "store/checkpoint_cosignatures.h"
#include "store/event_log.h"
#include "store/ledger_storage.h"
#include "store/read_snapshot.h"
#include "store/received_lists.h"

namespace parley::server {
namespace {

constexpr std::int64_t kDefaultEntryPage = 100;
constexpr std::int64_t kMaxEntryPage = 1000;
constexpr unsigned kVerifyThreads = 2;
// How many of a verified bundle's entries its report shows one by one (all are summarised).
constexpr std::size_t kShownBundleEntries = 500;

nlohmann::json EntryJson(const ledger::SignedEvent& s, std::string_view leaf) {
  const ledger::Event& e = s.event;
  return {{"seq", e.seq},
          {"time", e.time},
          {"actor", e.actor},
          {"type", e.type},
          {"body", e.body},
          {"signer", s.signer.VerifierKey()},
          {"signature", ledger::EncodeBase64(s.signature)},
          {"leaf_hash", ledger::EncodeHex(ledger::HashLeaf(leaf))}};
}

Result<std::string> OriginParam(const ApiRequest& req, store::Workspace& ws) {
  std::string origin = req.QueryParam("origin");
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
  if (origin.empty()) return log->Node().origin;
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, store::LedgerOrigins(ws));
  for (const auto& o : origins) {
    if (o == origin) return origin;
  }
  return Fail(ErrorCode::kNotFound,
              "no log '" + origin + "' in this workspace; GET /api/v1/ledger lists them",
              {"", 0, 0, "origin"});
}

// A bundle is named after who it is for; the name goes into a file name, so it is plain.
Result<void> CheckPartyName(std::string_view party) {
  bool ok = !party.empty() && party.size() <= 64;
  for (char c : party) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.');
  }
  if (ok) return {};
  return Fail(ErrorCode::kInvalidInput,
              "'for' must name the receiving party in 1-64 letters, digits, '.', '_' or '-' "
              "(ua, ru, mediator, ...)",
              {"", 0, 0, "for"});
}

// "... entry seq 17: ..." → 17: the bundle entry a refusal is about, for the error body.
std::optional<std::int64_t> EntryNamedIn(std::string_view message) {
  constexpr std::string_view kMark = "entry seq ";
  std::size_t at = message.find(kMark);
  if (at == std::string_view::npos) return std::nullopt;
  std::int64_t seq = 0;
  const char* first = message.data() + at + kMark.size();
  auto [ptr, ec] = std::from_chars(first, message.data() + message.size(), seq);
  if (ec != std::errc() || ptr == first) return std::nullopt;
  return seq;
}

// The uploaded bundle: the multipart field `file`, or the whole body as octet-stream.
Result<std::pair<std::string, std::string>> UploadedBundle(const ApiRequest& req) {
  if (auto it = req.parts.find("file"); it != req.parts.end()) {
    return std::pair{it->second.filename, it->second.content};
  }
  if (req.Header("content-type").starts_with("application/octet-stream")) {
    return std::pair{std::string(), req.body};
  }
  return Fail(ErrorCode::kInvalidInput,
              "send the bundle as the multipart field 'file' or as an application/octet-stream "
              "body",
              {"", 0, 0, "file"});
}

// keys/trusted.keys of the workspace: the other parties' and the mediator's verifier keys.
Result<std::vector<ledger::PublicKey>> TrustedKeys(store::Workspace& ws) {
  const std::filesystem::path keys_file = store::TrustedKeysPath(ws.dir());
  if (!std::filesystem::exists(keys_file)) return std::vector<ledger::PublicKey>{};
  return ledger::LoadVerifierKeys(keys_file);
}

// A checkpoint note taken apart for a reader: its size and root (hex), each signature's key
// name and whether a key this node knows (its own, keys/trusted.keys) verifies it, and the
// time of the last entry it covers (the node signs a checkpoint with every change, so that is
// when it was made). Null when the note does not parse.
nlohmann::json CheckpointDetail(std::string_view note, std::span<const ledger::PublicKey> known,
                                const ledger::EntryStorage& storage) {
  auto opened = ledger::OpenCheckpoint(note, known);
  if (!opened) return nullptr;
  nlohmann::json signers = nlohmann::json::array();
  for (const auto& k : opened->verification.verified_by) {
    signers.push_back({{"name", k.name}, {"verified", true}});
  }
  for (const auto& u : opened->verification.unknown) {
    signers.push_back({{"name", u.name}, {"verified", false}});
  }
  nlohmann::json time = nullptr;
  const std::uint64_t size = opened->checkpoint.size;
  if (size > 0 && size <= storage.Size()) {
    auto leaves = storage.Read(size - 1, 1);
    auto last = leaves ? ledger::OpenLeaf((*leaves)[0], size - 1)
                       : Result<ledger::SignedEvent>(std::unexpected(leaves.error()));
    if (last) time = last->event.time;
  }
  return {{"size", size},
          {"root", ledger::EncodeHex(opened->checkpoint.root)},
          {"signers", signers},
          {"time", time}};
}

// What the entries of a bundle are about, for a person: one row per kind of event and what it
// names (a list, a plan, an agreement, a pair of lists), with how many, their seq range and the
// parties that signed or accepted (plan.*, agreement.signed).
nlohmann::json EntrySummary(const std::vector<ledger::SignedEvent>& events) {
  struct Group {
    std::int64_t count = 0;
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    std::set<std::string> parties;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& s : events) {
    const nlohmann::json& body = s.event.body;
    auto text = [&](const char* key) -> std::string {
      if (!body.contains(key)) return "";
      const auto& v = body[key];
      return v.is_string() ? v.get<std::string>() : v.dump();
    };
    std::string subject = text("list");
    if (subject.empty() && body.contains("left_list")) {
      subject = text("left_list") + " / " + text("right_list");
    }
    if (subject.empty()) subject = text("plan");
    if (subject.empty()) subject = text("agreement");
    auto key = std::pair{s.event.type, subject};
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) {
      order.push_back(key);
      it->second.first = s.event.seq;
    }
    ++it->second.count;
    it->second.last = s.event.seq;
    if (std::string party = text("party"); !party.empty()) it->second.parties.insert(party);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& key : order) {
    const Group& g = groups.at(key);
    out.push_back({{"type", key.first},
                   {"subject", key.second},
                   {"count", g.count},
                   {"first_seq", g.first},
                   {"last_seq", g.last},
                   {"parties", g.parties}});
  }
  return out;
}

nlohmann::json DisclosureJson(const ledger::Disclosure& d) {
  nlohmann::json lists = nlohmann::json::array();
  for (const auto& l : d.lists) {
    std::set<std::string> shown;
    std::set<std::string> withheld;
    for (const auto& r : l.records) {
      for (const auto& f : r.fields) (f.shown ? shown : withheld).insert(f.field);
    }
    lists.push_back({{"seq", l.seq},
                     {"list", l.list},
                     {"version", l.version},
                     {"records", l.records.size()},
                     {"shown_fields", shown},
                     {"withheld_fields", withheld}});
  }
  return {{"recipient", d.recipient}, {"role", d.role}, {"signer", d.signer}, {"lists", lists}};
}

// The bundle's verdict for POST /bundles/verify (store/bundle_check.h), in the words of the
// report: what it is, what it proves, and the first problem if any.
Result<nlohmann::json> BundleReport(const store::BundleCheck& check, std::string_view bytes) {
  nlohmann::json out;
  if (!check.verified) {
    Error e = check.verified.error();
    if (e.where.field.empty()) e.where.field = "file";
    nlohmann::json error = ErrorJson(e);
    if (auto seq = EntryNamedIn(e.message)) error["entry"] = *seq;
    out = {{"ok", false}, {"intact", false}, {"error", error}};
    // What a bundle that decodes but fails its checks says it is (unproven).
    if (auto claimed = ledger::DecodeBundle(bytes)) {
      out["claimed"] = {
          {"origin", claimed->origin}, {"since", claimed->since}, {"size", claimed->size}};
    }
    return out;
  }
  const ledger::BundleVerification& v = *check.verified;
  const ledger::Bundle& b = v.bundle;
  std::vector<ledger::SignedEvent> events;
  events.reserve(b.entries.size());
  nlohmann::json shown = nlohmann::json::array();
  for (std::size_t i = 0; i < b.entries.size(); ++i) {
    // Verified whole above; opened again only to read each event.
    PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent s, ledger::OpenLeaf(b.entries[i], b.since + i));
    if (i < kShownBundleEntries) shown.push_back(EntryJson(s, b.entries[i]));
    events.push_back(std::move(s));
  }
  nlohmann::json signers = nlohmann::json::array();
  for (const auto& name : v.checkpoint_signers) {
    const bool trusted = std::find(check.trusted_signers.begin(), check.trusted_signers.end(),
                                   name) != check.trusted_signers.end();
    signers.push_back({{"name", name}, {"trusted", trusted}});
  }
  nlohmann::json fit = {{"ok", check.fit && *check.fit}};
  if (check.fit && *check.fit) {
    fit["held"] = (*check.fit)->held;
    fit["already_held"] = (*check.fit)->already_held;
    fit["adds"] = (*check.fit)->adds;
  } else if (check.fit) {
    fit["error"] = ErrorJson(check.fit->error());
  }
  const bool fits = check.fit && *check.fit;
  out = {{"ok", v.trusted_signature && fits},
         {"intact", true},
         {"origin", b.origin},
         {"own_log", check.own_log},
         {"replica_held", check.replica_held},
         {"since", b.since},
         {"size", b.size},
         {"entry_count", b.entries.size()},
         {"checkpoint",
          {{"note", b.checkpoint},
           {"size", v.checkpoint.size},
           {"root", ledger::EncodeHex(v.checkpoint.root)},
           {"signers", signers}}},
         {"trusted", v.trusted_signature},
         {"fit", fit},
         {"summary", EntrySummary(events)},
         {"entries", shown},
         {"entries_truncated", b.entries.size() > kShownBundleEntries},
         {"disclosure", v.disclosure ? DisclosureJson(*v.disclosure) : nullptr}};
  return out;
}

// ?subject=list:NAME | plan:ID | agreement:NAME — the events of the node's own log about one
// thing, selected as `parley log --plan/--agreement` select them (negotiation/event_history.h),
// from seq `from` on, `limit` at a time. A record's events are GET /records/{id}/events, which
// checks that the caller's side may see the record.
Result<ApiResponse> SubjectEntries(const ApiRequest& req, store::Workspace& ws,
                                   const std::string& subject, std::int64_t from,
                                   std::int64_t limit) {
  auto bad = [&](const std::string& why) -> Result<ApiResponse> {
    return Fail(ErrorCode::kInvalidInput, why, {"", 0, 0, "subject"});
  };
  if (!req.QueryParam("origin").empty()) {
    return bad("subject selects from this node's own log: drop origin");
  }
  const std::size_t colon = subject.find(':');
  const std::string kind = subject.substr(0, colon);
  const std::string name = colon == std::string::npos ? "" : subject.substr(colon + 1);
  if (name.empty())
    return bad("subject is KIND:NAME, e.g. list:ua-request, plan:3 or agreement:deal");
  PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
  Result<std::vector<negotiation::HistoryEvent>> history = std::vector<negotiation::HistoryEvent>{};
  if (kind == "list") {
    history = negotiation::ListEvents(ws, name);
  } else if (kind == "agreement") {
    history = negotiation::AgreementEvents(ws, name);
  } else if (kind == "plan") {
    std::int64_t plan = 0;
    auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), plan);
    if (ec != std::errc() || ptr != name.data() + name.size() || plan <= 0) {
      return bad("plan:ID takes a plan number, e.g. plan:3");
    }
    history = negotiation::PlanEvents(ws, plan);
  } else if (kind == "record") {
    return bad("a record's events are GET /api/v1/records/{id}/events");
  } else {
    return bad("subject '" + kind + "' is not one of list, plan, agreement");
  }
  if (!history) {
    Error e = history.error();
    e.where.field = "subject";
    return std::unexpected(e);
  }
  nlohmann::json entries = nlohmann::json::array();
  nlohmann::json next = nullptr;
  for (const auto& h : *history) {
    if (static_cast<std::int64_t>(h.event.event.seq) < from) continue;
    if (static_cast<std::int64_t>(entries.size()) == limit) {
      next = h.event.event.seq;
      break;
    }
    entries.push_back(EntryJson(h.event, h.leaf));
  }
  return JsonResponse(200, {{"origin", log->Node().origin},
                            {"size", log->Size()},
                            {"from", from},
                            {"subject", subject},
                            {"matching", history->size()},
                            {"entries", entries},
                            {"next", next}});
}
// What became of each disclosed list version (store/received_lists.h).
nlohmann::json ReceivedListsJson(const std::vector<store::ReceivedListVersion>& received) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : received) {
    out.push_back({{"list", r.list},
                   {"version", r.version},
                   {"sender_list", r.sender_list},
                   {"sender_version", r.sender_version},
                   {"records", r.records},
                   {"unchanged", r.unchanged},
                   {"already_held", r.already_held}});
  }
  return out;
}

}  // namespace

ApiResponse LedgerHandlers::GetRecordEvents(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    // The API layer has already parsed and resolved {id} (ResolveResource).
    const std::int64_t id = std::stoll(req.path_params.at("id"));
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
    PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
    // The same selection as `parley log --record` (negotiation/event_history.h).
    PARLEY_ASSIGN_OR_RETURN(auto history, negotiation::RecordEvents(ws, id));
    nlohmann::json events = nlohmann::json::array();
    for (const auto& h : history) events.push_back(EntryJson(h.event, h.leaf));
    return JsonResponse(200,
                        {{"record_id", id}, {"origin", log->Node().origin}, {"events", events}});
  }());
}

ApiResponse LedgerHandlers::GetLedger(ApiRequest&, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
    PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
    PARLEY_ASSIGN_OR_RETURN(auto note, log->Log().LatestCheckpoint());
    // The keys this node knows a checkpoint's signers by: its own and keys/trusted.keys.
    PARLEY_ASSIGN_OR_RETURN(std::vector<ledger::PublicKey> known, TrustedKeys(ws));
    known.push_back(log->NodeKey().Public());
    nlohmann::json replicas = nlohmann::json::array();
    PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, store::LedgerOrigins(ws));
    for (const auto& origin : origins) {
      if (origin == log->Node().origin) continue;
      PARLEY_ASSIGN_OR_RETURN(auto storage, store::SqliteEntryStorage::Open(ws, origin));
      PARLEY_ASSIGN_OR_RETURN(auto replica_note, storage->LoadCheckpoint());
      replicas.push_back(
          {{"origin", origin},
           {"size", storage->Size()},
           {"checkpoint", replica_note ? nlohmann::json(*replica_note) : nullptr},
           {"checkpoint_detail",
            replica_note ? CheckpointDetail(*replica_note, known, *storage) : nullptr}});
    }
    return JsonResponse(200,
                        {{"origin", log->Node().origin},
                         {"node", log->Node().key_name},
                         {"verifier_key", log->Node().verifier_key},
                         {"size", log->Size()},
                         {"root", ledger::EncodeHex(log->Log().Root())},
                         {"checkpoint", note ? nlohmann::json(*note) : nullptr},
                         {"checkpoint_detail",
                          note ? CheckpointDetail(*note, known, log->Log().Storage()) : nullptr},
                         {"replicas", replicas}});
  }());
}

ApiResponse LedgerHandlers::ListLedgerEntries(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t from, QueryInt(req, "from", 0, INT64_MAX));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t limit,
                            QueryInt(req, "limit", kDefaultEntryPage, kMaxEntryPage));
    const std::string subject = req.QueryParam("subject");
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
    if (!subject.empty()) return SubjectEntries(req, ws, subject, from, limit);
    PARLEY_ASSIGN_OR_RETURN(std::string origin, OriginParam(req, ws));
    PARLEY_ASSIGN_OR_RETURN(auto storage, store::SqliteEntryStorage::Open(ws, origin));
    const auto size = static_cast<std::int64_t>(storage->Size());
    if (from > size) {
      return Fail(ErrorCode::kInvalidInput,
                  "from is past the end of the log (" + std::to_string(size) + " entries)",
                  {"", 0, 0, "from"});
    }
    const std::int64_t count = std::min(limit, size - from);
    PARLEY_ASSIGN_OR_RETURN(auto leaves, storage->Read(static_cast<std::uint64_t>(from),
                                                       static_cast<std::uint64_t>(count)));
    nlohmann::json entries = nlohmann::json::array();
    for (std::int64_t i = 0; i < count; ++i) {
      // Each entry is opened (canonical form and signature checked): the API never shows an
      // entry that would fail verification as if it were sound.
      const std::string& leaf = leaves[static_cast<std::size_t>(i)];
      PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent s,
                              ledger::OpenLeaf(leaf, static_cast<std::uint64_t>(from + i)));
      entries.push_back(EntryJson(s, leaf));
    }
    const std::int64_t next = from + count;
    return JsonResponse(200, {{"origin", origin},
                              {"size", size},
                              {"from", from},
                              {"entries", entries},
                              {"next", next < size ? nlohmann::json(next) : nullptr}});
  }());
}

ApiResponse LedgerHandlers::VerifyLedger(ApiRequest&, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
    auto logs = store::VerifyWorkspaceLedger(ws, kVerifyThreads);
    if (!logs) {
      // A record that fails its checks is the answer to the question, not a failed request.
      if (logs.error().code != ErrorCode::kCorruption) return std::unexpected(logs.error());
      return JsonResponse(200, {{"ok", false}, {"error", ErrorJson(logs.error())}});
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& log : *logs) {
      out.push_back({{"origin", log.origin},
                     {"size", log.size},
                     {"own", log.own},
                     {"checkpoint_checked", log.checkpoint_checked}});
    }
    return JsonResponse(200, {{"ok", true}, {"logs", out}});
  }());
}

ApiResponse LedgerHandlers::ExportBundleHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(req.body));
    PARLEY_ASSIGN_OR_RETURN(std::string party, RequiredString(body, "for"));
    PARLEY_TRY(CheckPartyName(party));
    PARLEY_ASSIGN_OR_RETURN(auto since, OptionalString(body, "since"));
    PARLEY_ASSIGN_OR_RETURN(auto agreement, OptionalString(body, "agreement"));
    if (since) {
      auto note = ledger::ParseSignedNote(*since);
      auto checkpoint = note ? ledger::ParseCheckpointBody(note->text)
                             : Result<ledger::Checkpoint>(std::unexpected(note.error()));
      if (!checkpoint) {
        return Fail(ErrorCode::kInvalidInput,
                    "since is not a checkpoint (" + checkpoint.error().message +
                        "); send the signed note text as GET /api/v1/ledger returns it",
                    {"", 0, 0, "since"});
      }
    }
    store::Transaction tx(ws);
    PARLEY_TRY(tx.Begin());
    PARLEY_ASSIGN_OR_RETURN(store::EventLog * log, ws.Events());
    auto sharing = negotiation::ChooseSharing(ws, party, agreement.value_or(""),
                                              negotiation::AgreementFiles::kRefused);
    if (!sharing) {
      Error e = sharing.error();
      e.where.field = "agreement";
      return std::unexpected(e);
    }
    auto bytes = sharing->shares_anything
                     ? store::ExportBundleFor(ws, since, sharing->request, nullptr)
                     : log->ExportBundle(since);
    if (!bytes) {
      Error e = bytes.error();
      if (since && e.message.starts_with("--since: ")) {
        e.message = "since: " + e.message.substr(9);
        e.where.field = "since";
      }
      return std::unexpected(e);
    }
    PARLEY_TRY(tx.Commit());
    ApiResponse r;
    r.content_type = "application/octet-stream";
    r.body = std::move(*bytes);
    r.headers.emplace_back(
        "Content-Disposition",
        AttachmentDisposition(log->Node().key_name + "-for-" + party + ".bundle"));
    // Which agreement's [sharing] table decided what the bundle shows (the body is binary).
    r.headers.emplace_back("X-Parley-Sharing-Policy", sharing->policy_source);
    return r;
  }());
}

ApiResponse LedgerHandlers::ImportBundleHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto upload, UploadedBundle(req));
    auto& [filename, bytes] = upload;
    PARLEY_ASSIGN_OR_RETURN(std::vector<ledger::PublicKey> trusted, TrustedKeys(ws));
    if (trusted.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "this node trusts no other party's key yet: add their verifier keys to "
                  "keys/trusted.keys in the workspace, one per line",
                  {"", 0, 0, "file"});
    }
    std::vector<store::ReceivedListVersion> received;
    auto done =
        store::ImportAndCosign(ws, bytes, trusted, {.list_prefix = "", .received = &received});
    if (!done) {
      Error e = done.error();
      // A bundle that fails its checks is the upload's fault (400), not the server's.
      if (e.code == ErrorCode::kCorruption) e.code = ErrorCode::kInvalidInput;
      if (e.where.field.empty()) e.where.field = "file";
      nlohmann::json error = ErrorJson(e);
      if (!filename.empty()) error["file"] = filename;
      if (auto seq = EntryNamedIn(e.message)) error["entry"] = *seq;
      return JsonResponse(HttpStatusFor(e.code), {{"error", error}});
    }
    const ledger::ImportReport* report = &done->report;
    PARLEY_ASSIGN_OR_RETURN(ledger::Bundle bundle, ledger::DecodeBundle(bytes));
    return JsonResponse(200, {{"origin", bundle.origin},
                              {"previous_size", report->previous_size},
                              {"size", report->new_size},
                              {"checkpoint_signers", report->checkpoint_signers},
                              {"received_lists", ReceivedListsJson(received)}});
  }());
}

ApiResponse LedgerHandlers::VerifyBundleHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto upload, UploadedBundle(req));
    auto& [filename, bytes] = upload;
    PARLEY_ASSIGN_OR_RETURN(std::vector<ledger::PublicKey> trusted, TrustedKeys(ws));
    // The same checks as `parley verify --bundle` and an import, against this workspace's
    // logs, writing nothing (store/bundle_check.h). A bundle that fails them is the answer
    // (ok false, the problem named), not a failed request.
    PARLEY_ASSIGN_OR_RETURN(store::BundleCheck check,
                            store::CheckBundle(ws, bytes, std::move(trusted), kVerifyThreads));
    PARLEY_ASSIGN_OR_RETURN(nlohmann::json report, BundleReport(check, bytes));
    if (!filename.empty()) report["file"] = filename;
    report["bytes"] = bytes.size();
    return JsonResponse(200, report);
  }());
}

}  // namespace parley::server
