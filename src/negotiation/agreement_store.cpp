#include "negotiation/agreement_store.h"

#include <string>

#include "core/sha256.h"
#include "core/try.h"
#include "rules/agreement_parser.h"
#include "store/link_store.h"

namespace parley::negotiation {
namespace {

using store::Database;
using store::Statement;

constexpr const char* kAgreementColumns =
    "SELECT a.id, a.name, a.version, a.title, a.party_a, a.party_b, a.source, "
    "a.content_sha256, a.added_by, a.created_at FROM agreements a ";

Result<void> LoadSignatures(Database& db, StoredAgreement& a) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT party, signer, signed_at, ledger_seq FROM "
                                     "agreement_signatures WHERE agreement_id = ? ORDER BY party"));
  st.Bind(1, a.id);
  a.signatures.clear();
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    a.signatures.push_back({st.ColumnText(0), st.ColumnText(1), st.ColumnText(2), st.ColumnInt(3)});
  }
  a.state = a.signatures.empty()       ? AgreementState::kDraft
            : a.signatures.size() == 1 ? AgreementState::kSigned
                                       : AgreementState::kInForce;
  return {};
}

Result<std::vector<StoredAgreement>> Collect(Database& db, Statement& st) {
  std::vector<StoredAgreement> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StoredAgreement a;
    a.id = st.ColumnInt(0);
    a.name = st.ColumnText(1);
    a.version = st.ColumnInt(2);
    a.title = st.ColumnText(3);
    a.party_a = st.ColumnText(4);
    a.party_b = st.ColumnText(5);
    a.source = st.ColumnText(6);
    a.sha256 = st.ColumnText(7);
    a.added_by = st.ColumnText(8);
    a.created_at = st.ColumnText(9);
    out.push_back(std::move(a));
  }
  for (StoredAgreement& a : out) PARLEY_TRY(LoadSignatures(db, a));
  return out;
}

Result<void> CheckName(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 100;
  for (char c : name) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.');
  }
  if (ok) return {};
  return Fail(ErrorCode::kInvalidInput,
              "agreement name '" + name +
                  "' is not valid: use 1 to 100 letters, digits, '-', '_' or '.' (--name)",
              Location{{}, 0, 0, "--name"});
}

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

nlohmann::json AgreementEventBody(const StoredAgreement& a) {
  return {{"agreement", a.name}, {"version", a.version}, {"sha256", a.sha256}};
}

}  // namespace

const char* AgreementStateName(AgreementState state) {
  switch (state) {
    case AgreementState::kDraft:
      return "draft";
    case AgreementState::kSigned:
      return "signed";
    case AgreementState::kInForce:
      return "in_force";
  }
  return "draft";
}

bool StoredAgreement::SignedBy(rules::Side party) const {
  for (const AgreementSignature& s : signatures) {
    if (s.party == rules::SideName(party)) return true;
  }
  return false;
}

std::string ActingSide(const StoredAgreement& agreement, rules::Side party) {
  auto parsed = rules::ParseAgreement(agreement.source);
  // A stored text was validated when it was added; the party's name is the fallback anyway.
  if (!parsed) return party == rules::Side::kA ? agreement.party_a : agreement.party_b;
  return parsed->SideOf(party);
}

Result<rules::Side> ParsePartySide(const StoredAgreement& agreement, std::string_view text) {
  std::string t = FoldAscii(text);
  if (t == "a" || t == FoldAscii(agreement.party_a) ||
      t == FoldAscii(ActingSide(agreement, rules::Side::kA))) {
    return rules::Side::kA;
  }
  if (t == "b" || t == FoldAscii(agreement.party_b) ||
      t == FoldAscii(ActingSide(agreement, rules::Side::kB))) {
    return rules::Side::kB;
  }
  return Fail(ErrorCode::kInvalidInput,
              "--side '" + std::string(text) + "' is not a party of agreement '" + agreement.name +
                  "': use a (" + agreement.party_a + ") or b (" + agreement.party_b + ")",
              Location{{}, 0, 0, "--side"});
}

Result<std::vector<StoredAgreement>> ListAgreements(Database& db) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db.Prepare(std::string(kAgreementColumns) + "ORDER BY a.name, a.version"));
  return Collect(db, st);
}

Result<StoredAgreement> AgreementById(Database& db, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare(std::string(kAgreementColumns) + "WHERE a.id = ?"));
  st.Bind(1, id);
  PARLEY_ASSIGN_OR_RETURN(auto found, Collect(db, st));
  if (found.empty()) {
    return Fail(ErrorCode::kNotFound, "no agreement with row id " + std::to_string(id));
  }
  return std::move(found.front());
}

Result<StoredAgreement> FindAgreement(Database& db, const std::string& name,
                                      std::optional<std::int64_t> version) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kAgreementColumns) +
                                                   "WHERE a.name = ? AND (? = 0 OR a.version = ?) "
                                                   "ORDER BY a.version DESC LIMIT 1"));
  st.Bind(1, name);
  st.Bind(2, version.value_or(0));
  st.Bind(3, version.value_or(0));
  PARLEY_ASSIGN_OR_RETURN(auto found, Collect(db, st));
  if (!found.empty()) return std::move(found.front());
  if (version) {
    PARLEY_ASSIGN_OR_RETURN(auto latest, FindAgreement(db, name, std::nullopt));
    return Fail(ErrorCode::kNotFound, "agreement '" + name + "' has no version " +
                                          std::to_string(*version) + "; its latest is " +
                                          std::to_string(latest.version));
  }
  return Fail(ErrorCode::kNotFound, "no agreement named '" + name +
                                        "' in this workspace; `parley agreement list` shows "
                                        "them, `parley agreement add FILE` adds one");
}

Result<rules::Agreement> ParseStored(const StoredAgreement& agreement) {
  return rules::ParseAgreement(
      agreement.source, "agreement " + agreement.name + "@" + std::to_string(agreement.version));
}

Result<AgreementChange> AddAgreement(store::Workspace& ws, const std::string& name,
                                     std::string_view toml_text, std::string_view file_for_errors,
                                     const store::Actor& actor) {
  PARLEY_TRY(CheckName(name));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement parsed,
                          rules::ParseAgreement(toml_text, file_for_errors));
  const std::string sha = Sha256Hex(toml_text);
  Database& db = ws.db();
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  std::int64_t version = 1;
  if (auto latest = FindAgreement(db, name, std::nullopt); latest) {
    if (latest->sha256 == sha) return AgreementChange{std::move(*latest), true};
    version = latest->version + 1;
  } else if (latest.error().code != ErrorCode::kNotFound) {
    return std::unexpected(latest.error());
  }
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      db.Prepare("INSERT INTO agreements(name, version, title, party_a, party_b, source, "
                 "content_sha256, added_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, name);
  ins.Bind(2, version);
  ins.Bind(3, parsed.title);
  ins.Bind(4, parsed.party_a);
  ins.Bind(5, parsed.party_b);
  ins.Bind(6, toml_text);
  ins.Bind(7, sha);
  ins.Bind(8, actor.name);
  ins.Bind(9, UtcNow());
  PARLEY_TRY(ins.Run());
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement stored, AgreementById(db, db.LastInsertId()));
  nlohmann::json body = AgreementEventBody(stored);
  body["categories"] = parsed.categories.size();
  body["phases"] = parsed.phase_count;
  PARLEY_TRY(tx.Commit(actor, "agreement.added", body));
  return AgreementChange{std::move(stored), false};
}

Result<AgreementChange> SignAgreement(store::Workspace& ws, const std::string& name,
                                      std::optional<std::int64_t> version, rules::Side party,
                                      const store::Actor& actor) {
  Database& db = ws.db();
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement a, FindAgreement(db, name, version));
  if (a.SignedBy(party)) return AgreementChange{std::move(a), true};
  nlohmann::json body = AgreementEventBody(a);
  body["party"] = rules::SideName(party);
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event, tx.Append(actor, "agreement.signed", body));
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      db.Prepare("INSERT INTO agreement_signatures(agreement_id, party, signer, content_sha256, "
                 "ledger_seq, signed_at) VALUES (?,?,?,?,?,?)"));
  ins.Bind(1, a.id);
  ins.Bind(2, rules::SideName(party));
  ins.Bind(3, event.event.actor);
  ins.Bind(4, a.sha256);
  ins.Bind(5, static_cast<std::int64_t>(event.event.seq));
  ins.Bind(6, UtcNow());
  PARLEY_TRY(ins.Run());
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement signed_now, AgreementById(db, a.id));
  PARLEY_TRY(tx.Commit());
  return AgreementChange{std::move(signed_now), false};
}

}  // namespace parley::negotiation
