#include "store/agreements.h"

#include <string>
#include <utility>

#include "core/try.h"

namespace parley::store {
namespace {

constexpr const char* kAgreementColumns =
    "SELECT a.id, a.name, a.version, a.title, a.party_a, a.party_b, a.source, "
    "a.content_sha256, a.added_by, a.created_at FROM agreements a ";

AgreementRow ReadAgreement(const Statement& st) {
  AgreementRow a;
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
  return a;
}

Result<void> LoadSignatures(Database& db, AgreementRow& a) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare("SELECT party, signer, signed_at, ledger_seq FROM "
                                     "agreement_signatures WHERE agreement_id = ? ORDER BY party"));
  st.Bind(1, a.id);
  PARLEY_ASSIGN_OR_RETURN(a.signatures, ReadRows(st, [](const Statement& row) {
                            return AgreementSignatureRow{row.ColumnText(0), row.ColumnText(1),
                                                         row.ColumnText(2), row.ColumnInt(3)};
                          }));
  return {};
}

// The agreements `st` selects (kAgreementColumns), each with its signatures.
Result<std::vector<AgreementRow>> Collect(Database& db, Statement& st) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<AgreementRow> out, ReadRows(st, ReadAgreement));
  for (AgreementRow& a : out) PARLEY_TRY(LoadSignatures(db, a));
  return out;
}

Result<std::optional<AgreementRow>> First(Database& db, Statement& st) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<AgreementRow> found, ReadFirstRow(st, ReadAgreement));
  if (found) PARLEY_TRY(LoadSignatures(db, *found));
  return found;
}

}  // namespace

Result<std::vector<AgreementRow>> ListAgreementRows(Workspace& ws) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, db.Prepare(std::string(kAgreementColumns) + "ORDER BY a.name, a.version"));
  return Collect(db, st);
}

Result<std::optional<AgreementRow>> AgreementRowById(Workspace& ws, std::int64_t id) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          db.Prepare(std::string(kAgreementColumns) + "WHERE a.id = ?"));
  st.Bind(1, id);
  return First(db, st);
}

Result<std::optional<AgreementRow>> FindAgreementRow(Workspace& ws, const std::string& name,
                                                     std::optional<std::int64_t> version) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(Statement st, db.Prepare(std::string(kAgreementColumns) +
                                                   "WHERE a.name = ? AND (? = 0 OR a.version = ?) "
                                                   "ORDER BY a.version DESC LIMIT 1"));
  st.Bind(1, name);
  st.Bind(2, version.value_or(0));
  st.Bind(3, version.value_or(0));
  return First(db, st);
}

Result<std::optional<AgreementRow>> AgreementRowInForce(Workspace& ws) {
  Database& db = ws.db();
  // Both parties signed: two signature rows (one per party, by the table's key).
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      db.Prepare(std::string(kAgreementColumns) +
                 "JOIN (SELECT agreement_id, max(ledger_seq) AS since FROM agreement_signatures "
                 "GROUP BY agreement_id HAVING count(*) >= 2) s ON s.agreement_id = a.id "
                 "ORDER BY s.since DESC LIMIT 1"));
  return First(db, st);
}

Result<std::int64_t> InsertAgreement(Workspace& ws, const NewAgreementRow& row) {
  Database& db = ws.db();
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      db.Prepare("INSERT INTO agreements(name, version, title, party_a, party_b, source, "
                 "content_sha256, added_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
  ins.Bind(1, row.name);
  ins.Bind(2, row.version);
  ins.Bind(3, row.title);
  ins.Bind(4, row.party_a);
  ins.Bind(5, row.party_b);
  ins.Bind(6, row.source);
  ins.Bind(7, row.sha256);
  ins.Bind(8, row.added_by);
  ins.Bind(9, row.created_at);
  PARLEY_TRY(ins.Run());
  return db.LastInsertId();
}

Result<void> InsertAgreementSignature(Workspace& ws, const NewAgreementSignature& signature) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement ins,
      ws.db().Prepare("INSERT INTO agreement_signatures(agreement_id, party, signer, "
                      "content_sha256, ledger_seq, signed_at) VALUES (?,?,?,?,?,?)"));
  ins.Bind(1, signature.agreement_id);
  ins.Bind(2, signature.party);
  ins.Bind(3, signature.signer);
  ins.Bind(4, signature.content_sha256);
  ins.Bind(5, signature.ledger_seq);
  ins.Bind(6, signature.signed_at);
  return ins.Run();
}

}  // namespace parley::store
