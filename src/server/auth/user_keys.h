// parley/server/auth/user_keys.h — the signing key bound to a user of `parley serve`.
//
// What it is for: a party's signature made through the HTTP API (sign an agreement, accept or
// sign a plan) must be made with that party's own key, pinned in the agreement
// (negotiation/party_keys.h). A browser cannot hold an Ed25519 key for parley, so an
// administrator binds one to the user on the server: `parley user key NAME --key FILE` copies
// the key into WORKSPACE/keys/users/NAME.key (mode 0600, stored unencrypted so that the server
// can sign unattended, like the node key). The API then signs that user's party signatures
// with it; a user with no bound key is refused (the node key never signs for a party).
//
// What this does not give: whoever controls the server's files can use the bound key. A
// party that does not trust the server's operator keeps its key on its own node and signs
// there with `--key`, which is what the signatures are meant to show (docs/ledger-integration.md,
// "What each signature proves and what it does not").
//
//   PARLEY_TRY(BindUserKey(ws, "ua-signer", key));
//   PARLEY_ASSIGN_OR_RETURN(std::optional<ledger::SigningKey> k, LoadBoundKey(ws, "ua-signer"));
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ledger/keys.h"
#include "server/api_types.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::server {

[[nodiscard]] std::filesystem::path BoundKeyPath(const std::filesystem::path& workspace_dir,
                                                 std::string_view user);
// kNotFound when there is no such user. Replaces a key bound before.
[[nodiscard]] Result<void> BindUserKey(store::Workspace& ws, std::string_view user,
                                       const ledger::SigningKey& key);
// nullopt when no key is bound to the user.
[[nodiscard]] Result<std::optional<ledger::SigningKey>> LoadBoundKey(const store::Workspace& ws,
                                                                     std::string_view user);

// The actor of an API call that signs for a party: the user's name and bound key (if any).
class SigningActor {
 public:
  [[nodiscard]] static Result<SigningActor> For(const store::Workspace& ws, std::string name);
  // Valid while this object lives.
  [[nodiscard]] store::Actor actor() const { return {name_, key_ ? &*key_ : nullptr}; }

 private:
  std::string name_;
  std::optional<ledger::SigningKey> key_;
};

// How the API answers a party signature it refuses. The mediator's users are authorised to see
// both parties' plans but never to sign for either: 403 `mediator_cannot_sign`. A refusal by
// negotiation/party_keys.h (no bound key, the wrong key; errors with field "key") is 403
// `wrong_key` with its message; other errors keep their usual status.
[[nodiscard]] ApiResponse MediatorCannotSignForAParty();
[[nodiscard]] ApiResponse RespondSigning(Result<ApiResponse> result);

}  // namespace parley::server
