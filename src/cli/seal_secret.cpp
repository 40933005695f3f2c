#include "cli/seal_secret.h"

#include <cstdlib>

#include "cli/user_key.h"
#include "core/try.h"

namespace parley::cli {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

Result<std::optional<store::SealSecret>> FromPassphraseFile(const std::string& file,
                                                            const std::string& source) {
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> line, ReadPassphraseFile(file));
  if (!line || line->empty()) {
    return Fail(ErrorCode::kInvalidInput, "the passphrase file " + file + " (" + source +
                                              ") is empty; put the passphrase on its first line");
  }
  return store::SealSecret{store::SealSecret::kPassphrase, std::move(*line), source};
}

Result<std::optional<store::SealSecret>> FromKeyFile(const std::string& file,
                                                     const std::string& source) {
  PARLEY_ASSIGN_OR_RETURN(std::string bytes, store::ReadSealKeyFile(file));
  return store::SealSecret{store::SealSecret::kKeyFile, std::move(bytes), source};
}

}  // namespace

Result<std::optional<store::SealSecret>> FindSealSecret(const CliContext& ctx) {
  if (!ctx.seal_passphrase_file.empty()) {
    return FromPassphraseFile(ctx.seal_passphrase_file,
                              "--seal-passphrase-file " + ctx.seal_passphrase_file);
  }
  if (!ctx.seal_key_file.empty()) {
    return FromKeyFile(ctx.seal_key_file, "--seal-key-file " + ctx.seal_key_file);
  }
  if (std::string file = Env("PARLEY_SEAL_PASSPHRASE_FILE"); !file.empty()) {
    return FromPassphraseFile(file, "$PARLEY_SEAL_PASSPHRASE_FILE");
  }
  if (std::string pass = Env("PARLEY_SEAL_PASSPHRASE"); !pass.empty()) {
    return store::SealSecret{store::SealSecret::kPassphrase, std::move(pass),
                             "$PARLEY_SEAL_PASSPHRASE"};
  }
  if (std::string file = Env("PARLEY_SEAL_KEY_FILE"); !file.empty()) {
    return FromKeyFile(file, "$PARLEY_SEAL_KEY_FILE");
  }
  return std::optional<store::SealSecret>{};
}

void InstallSealSecretSource(const CliContext& ctx) {
  store::SetSealSecretSource([&ctx] { return FindSealSecret(ctx); });
}

}  // namespace parley::cli
