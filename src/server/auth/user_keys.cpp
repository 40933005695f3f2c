#include "server/auth/user_keys.h"

#include "core/file_io.h"
#include "core/try.h"
#include "server/api_error.h"
#include "store/users.h"

namespace parley::server {

std::filesystem::path BoundKeyPath(const std::filesystem::path& workspace_dir,
                                   std::string_view user) {
  return workspace_dir / "keys" / "users" / (std::string(user) + ".key");
}

Result<void> BindUserKey(store::Workspace& ws, std::string_view user,
                         const ledger::SigningKey& key) {
  PARLEY_ASSIGN_OR_RETURN(auto row, store::UserNamed(ws, user));
  if (!row) {
    return Fail(ErrorCode::kNotFound, "no user named '" + std::string(user) +
                                          "': `parley user list` shows them, `parley user add` "
                                          "adds one");
  }
  PARLEY_ASSIGN_OR_RETURN(std::string text, ledger::FormatKeyFile(key, {}));
  const std::filesystem::path path = BoundKeyPath(ws.dir(), row->name);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    return Fail(ErrorCode::kIoError,
                "cannot create " + path.parent_path().string() + ": " + ec.message());
  }
  return WriteFileAtomically(path, text);
}

Result<std::optional<ledger::SigningKey>> LoadBoundKey(const store::Workspace& ws,
                                                       std::string_view user) {
  const std::filesystem::path path = BoundKeyPath(ws.dir(), user);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<ledger::SigningKey>{};
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key, ledger::LoadSigningKey(path, std::nullopt));
  return std::optional<ledger::SigningKey>(std::move(key));
}

Result<SigningActor> SigningActor::For(const store::Workspace& ws, std::string name) {
  SigningActor a;
  PARLEY_ASSIGN_OR_RETURN(a.key_, LoadBoundKey(ws, name));
  a.name_ = std::move(name);
  return a;
}

ApiResponse MediatorCannotSignForAParty() {
  return HttpError(403, "mediator_cannot_sign",
                   "the mediator may witness an agreement or a plan, never sign or accept it for "
                   "a party: each party signs with its own key (`parley agreement witness` and "
                   "`parley plan witness` record the mediator's witness); nothing was signed",
                   "party");
}

ApiResponse RespondSigning(Result<ApiResponse> result) {
  if (!result && result.error().where.field == "key") {
    return HttpError(403, "wrong_key", result.error().message, "key");
  }
  return Respond(std::move(result));
}

}  // namespace parley::server
