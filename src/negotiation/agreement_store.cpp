#include "negotiation/agreement_store.h"

#include <string>
#include <utility>

#include "core/clock.h"
#include "core/sha256.h"
#include "core/try.h"
#include "negotiation/event_history.h"
#include "negotiation/party_keys.h"
#include "rules/agreement_parser.h"
#include "store/agreements.h"
#include "store/link_store.h"

namespace parley::negotiation {
namespace {

// The stored rows as negotiation sees them: the state is derived from the signatures.
StoredAgreement FromRow(store::AgreementRow row) {
  StoredAgreement a;
  a.id = row.id;
  a.name = std::move(row.name);
  a.version = row.version;
  a.title = std::move(row.title);
  a.party_a = std::move(row.party_a);
  a.party_b = std::move(row.party_b);
  a.source = std::move(row.source);
  a.sha256 = std::move(row.sha256);
  a.added_by = std::move(row.added_by);
  a.created_at = std::move(row.created_at);
  for (store::AgreementSignatureRow& s : row.signatures) {
    a.signatures.push_back(
        {std::move(s.party), std::move(s.signer), std::move(s.signed_at), s.ledger_seq});
  }
  a.state = a.signatures.empty()       ? AgreementState::kDraft
            : a.signatures.size() == 1 ? AgreementState::kSigned
                                       : AgreementState::kInForce;
  return a;
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

std::string Describe(const StoredAgreement& agreement) {
  return "agreement '" + agreement.name + "' version " + std::to_string(agreement.version);
}

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

Result<std::vector<StoredAgreement>> ListAgreements(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<store::AgreementRow> rows, store::ListAgreementRows(ws));
  std::vector<StoredAgreement> out;
  out.reserve(rows.size());
  for (store::AgreementRow& row : rows) out.push_back(FromRow(std::move(row)));
  return out;
}

Result<StoredAgreement> AgreementById(store::Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::AgreementRow> found,
                          store::AgreementRowById(ws, id));
  if (!found) return Fail(ErrorCode::kNotFound, "no agreement with row id " + std::to_string(id));
  return FromRow(std::move(*found));
}

Result<StoredAgreement> FindAgreement(store::Workspace& ws, const std::string& name,
                                      std::optional<std::int64_t> version) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::AgreementRow> found,
                          store::FindAgreementRow(ws, name, version));
  if (found) return FromRow(std::move(*found));
  if (version) {
    PARLEY_ASSIGN_OR_RETURN(auto latest, FindAgreement(ws, name, std::nullopt));
    return Fail(ErrorCode::kNotFound, "agreement '" + name + "' has no version " +
                                          std::to_string(*version) + "; its latest is " +
                                          std::to_string(latest.version));
  }
  return Fail(ErrorCode::kNotFound, "no agreement named '" + name +
                                        "' in this workspace; `parley agreement list` shows "
                                        "them, `parley agreement add FILE` adds one");
}

Result<std::optional<StoredAgreement>> AgreementInForce(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::AgreementRow> found, store::AgreementRowInForce(ws));
  if (!found) return std::optional<StoredAgreement>{};
  return std::optional<StoredAgreement>{FromRow(std::move(*found))};
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
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  std::int64_t version = 1;
  if (auto latest = FindAgreement(ws, name, std::nullopt); latest) {
    if (latest->sha256 == sha) return AgreementChange{std::move(*latest), true};
    version = latest->version + 1;
  } else if (latest.error().code != ErrorCode::kNotFound) {
    return std::unexpected(latest.error());
  }
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id,
                          store::InsertAgreement(ws, {.name = name,
                                                      .version = version,
                                                      .title = parsed.title,
                                                      .party_a = parsed.party_a,
                                                      .party_b = parsed.party_b,
                                                      .source = std::string(toml_text),
                                                      .sha256 = sha,
                                                      .added_by = actor.name,
                                                      .created_at = UtcNow()}));
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement stored, AgreementById(ws, id));
  nlohmann::json body = AgreementEventBody(stored);
  body["categories"] = parsed.categories.size();
  body["phases"] = parsed.phase_count;
  // The row's other columns, so that `verify --workspace` can check them (store/vouched_rows.h).
  body["title"] = stored.title;
  body["party_a"] = stored.party_a;
  body["party_b"] = stored.party_b;
  body["added_by"] = stored.added_by;
  const nlohmann::json pinned = PinnedKeysBody(parsed);
  for (const auto& [key, value] : pinned.items()) body[key] = value;
  PARLEY_TRY(tx.Commit(actor, "agreement.added", body));
  return AgreementChange{std::move(stored), false};
}

Result<AgreementChange> SignAgreement(store::Workspace& ws, const std::string& name,
                                      std::optional<std::int64_t> version, rules::Side party,
                                      const store::Actor& actor) {
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement a, FindAgreement(ws, name, version));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement rules, ParseStored(a));
  PARLEY_TRY(CheckPartySigner(rules, Describe(a), party, actor, tx.Log().NodeKey().Public()));
  if (a.SignedBy(party)) return AgreementChange{std::move(a), true};
  nlohmann::json body = AgreementEventBody(a);
  body["party"] = rules::SideName(party);
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event, tx.Append(actor, "agreement.signed", body));
  PARLEY_TRY(
      store::InsertAgreementSignature(ws, {.agreement_id = a.id,
                                           .party = rules::SideName(party),
                                           .signer = event.event.actor,
                                           .content_sha256 = a.sha256,
                                           .ledger_seq = static_cast<std::int64_t>(event.event.seq),
                                           .signed_at = UtcNow()}));
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement signed_now, AgreementById(ws, a.id));
  PARLEY_TRY(tx.Commit());
  return AgreementChange{std::move(signed_now), false};
}

Result<WitnessChange> WitnessAgreement(store::Workspace& ws, const std::string& name,
                                       std::optional<std::int64_t> version,
                                       const store::Actor& actor) {
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement a, FindAgreement(ws, name, version));
  PARLEY_ASSIGN_OR_RETURN(rules::Agreement rules, ParseStored(a));
  PARLEY_ASSIGN_OR_RETURN(auto history, AgreementEvents(ws, name));
  store::LoggedTransaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(CheckWitness(rules, Describe(a), actor, tx.Log().NodeKey().Public()));
  for (const HistoryEvent& h : history) {
    const ledger::SignedEvent& e = h.event;
    if (e.event.type == "agreement.witnessed" && e.event.body.value("version", 0) == a.version &&
        e.signer.key == actor.key->Public().key) {
      return WitnessChange{std::move(a), e.signer.name, true};
    }
  }
  nlohmann::json body = AgreementEventBody(a);
  body["witness"] = actor.key->Name();
  PARLEY_ASSIGN_OR_RETURN(ledger::SignedEvent event, tx.Append(actor, "agreement.witnessed", body));
  PARLEY_TRY(tx.Commit());
  return WitnessChange{std::move(a), event.signer.name, false};
}

}  // namespace parley::negotiation
