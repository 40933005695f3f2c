#include "store/bundle_check.h"

#include <algorithm>

#include "core/try.h"
#include "store/event_log.h"
#include "store/ledger_storage.h"
#include "store/read_snapshot.h"

namespace parley::store {

namespace {

// The names of the checkpoint's signers whose keys, as the bundle lists them, are trusted.
std::vector<std::string> TrustedSigners(const ledger::BundleVerification& v,
                                        const std::vector<ledger::PublicKey>& trusted) {
  std::vector<std::string> out;
  for (const std::string& name : v.checkpoint_signers) {
    for (const ledger::PublicKey& key : v.bundle.keys) {
      if (key.name == name && std::find(trusted.begin(), trusted.end(), key) != trusted.end()) {
        out.push_back(name);
        break;
      }
    }
  }
  return out;
}

}  // namespace

Result<BundleCheck> CheckBundle(Workspace& ws, std::string_view bytes,
                                std::vector<ledger::PublicKey> trusted, unsigned threads) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<NodeIdentity> node, LoadNodeIdentity(ws));
  if (node) {
    PARLEY_ASSIGN_OR_RETURN(ledger::PublicKey own, ledger::ParseVerifierKey(node->verifier_key));
    if (std::find(trusted.begin(), trusted.end(), own) == trusted.end()) trusted.push_back(own);
  }
  BundleCheck out;
  out.verified = ledger::VerifyBundle(
      bytes, {.trusted = trusted, .threads = threads, .require_trusted = false});
  if (!out.verified) return out;
  const ledger::BundleVerification& verified = *out.verified;
  out.trusted_signers = TrustedSigners(verified, trusted);
  const std::string& origin = verified.bundle.origin;

  ReadSnapshot snapshot(ws);
  PARLEY_TRY(snapshot.Begin());
  PARLEY_ASSIGN_OR_RETURN(EventLog * log, ws.Events());
  if (log->Node().origin == origin) {
    out.own_log = true;
    out.fit = log->Log().FitBundle(verified);
    return out;
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> origins, LedgerOrigins(ws));
  out.replica_held = std::find(origins.begin(), origins.end(), origin) != origins.end();
  // An origin not held opens as an empty log: the bundle then fits only from its start.
  PARLEY_ASSIGN_OR_RETURN(auto storage, SqliteEntryStorage::Open(ws, origin));
  PARLEY_ASSIGN_OR_RETURN(
      ledger::Ledger replica,
      ledger::Ledger::Open(
          std::move(storage),
          {.origin = origin, .trusted = trusted, .threads = threads, .verify_on_open = false}));
  out.fit = replica.FitBundle(verified);
  return out;
}

}  // namespace parley::store
