// Handlers: the node's signed record (the ledger) and bundles (api.h). Who may call them is
// decided in route_table.cpp; what the ledger holds is described in store/event_log.h.
//
// Reads run in one read transaction, so that the entries and the checkpoint written by one
// change are seen together. An export holds the write transaction from opening the log to
// storing its checkpoint, so that no other connection appends in between.
#include <charconv>
#include <cstdint>
#include <filesystem>
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
#include "store/event_log.h"
#include "store/ledger_storage.h"
#include "store/read_snapshot.h"

namespace parley::server {
namespace {

constexpr std::int64_t kDefaultEntryPage = 100;
constexpr std::int64_t kMaxEntryPage = 1000;
constexpr unsigned kVerifyThreads = 2;

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
    nlohmann::json replicas = nlohmann::json::array();
    PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, store::LedgerOrigins(ws));
    for (const auto& origin : origins) {
      if (origin == log->Node().origin) continue;
      PARLEY_ASSIGN_OR_RETURN(auto storage, store::SqliteEntryStorage::Open(ws, origin));
      PARLEY_ASSIGN_OR_RETURN(auto replica_note, storage->LoadCheckpoint());
      replicas.push_back({{"origin", origin},
                          {"size", storage->Size()},
                          {"checkpoint", replica_note ? nlohmann::json(*replica_note) : nullptr}});
    }
    return JsonResponse(200, {{"origin", log->Node().origin},
                              {"node", log->Node().key_name},
                              {"verifier_key", log->Node().verifier_key},
                              {"size", log->Size()},
                              {"root", ledger::EncodeHex(log->Log().Root())},
                              {"checkpoint", note ? nlohmann::json(*note) : nullptr},
                              {"replicas", replicas}});
  }());
}

ApiResponse LedgerHandlers::ListLedgerEntries(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t from, QueryInt(req, "from", 0, INT64_MAX));
    PARLEY_ASSIGN_OR_RETURN(std::int64_t limit,
                            QueryInt(req, "limit", kDefaultEntryPage, kMaxEntryPage));
    store::ReadSnapshot snapshot(ws);
    PARLEY_TRY(snapshot.Begin());
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
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + log->Node().key_name +
                                                      "-for-" + party + ".bundle\"");
    // Which agreement's [sharing] table decided what the bundle shows (the body is binary).
    r.headers.emplace_back("X-Parley-Sharing-Policy", sharing->policy_source);
    return r;
  }());
}

ApiResponse LedgerHandlers::ImportBundleHandler(ApiRequest& req, store::Workspace& ws) {
  return Respond([&]() -> Result<ApiResponse> {
    PARLEY_ASSIGN_OR_RETURN(auto upload, UploadedBundle(req));
    auto& [filename, bytes] = upload;
    const std::filesystem::path keys_file = store::TrustedKeysPath(ws.dir());
    std::vector<ledger::PublicKey> trusted;
    if (std::filesystem::exists(keys_file)) {
      PARLEY_ASSIGN_OR_RETURN(trusted, ledger::LoadVerifierKeys(keys_file));
    }
    if (trusted.empty()) {
      return Fail(ErrorCode::kInvalidInput,
                  "this node trusts no other party's key yet: add their verifier keys to "
                  "keys/trusted.keys in the workspace, one per line",
                  {"", 0, 0, "file"});
    }
    auto report = store::ImportReplicaBundle(ws, bytes, trusted);
    if (!report) {
      Error e = report.error();
      // A bundle that fails its checks is the upload's fault (400), not the server's.
      if (e.code == ErrorCode::kCorruption) e.code = ErrorCode::kInvalidInput;
      if (e.where.field.empty()) e.where.field = "file";
      nlohmann::json error = ErrorJson(e);
      if (!filename.empty()) error["file"] = filename;
      if (auto seq = EntryNamedIn(e.message)) error["entry"] = *seq;
      return JsonResponse(HttpStatusFor(e.code), {{"error", error}});
    }
    PARLEY_ASSIGN_OR_RETURN(ledger::Bundle bundle, ledger::DecodeBundle(bytes));
    return JsonResponse(200, {{"origin", bundle.origin},
                              {"previous_size", report->previous_size},
                              {"size", report->new_size},
                              {"checkpoint_signers", report->checkpoint_signers}});
  }());
}

}  // namespace parley::server
