// parley/cli/user_key.h — loading a user's private key file on the command line, encrypted or
// not.
//
// A key file made by `parley keys init --passphrase-file` is encrypted (ledger/keys.h). Every
// command that takes a user key (`import --key`, $PARLEY_KEY, `checkpoint --cosign`) gets the
// passphrase, in this order, from: `--passphrase-file F` (its first line), $PARLEY_PASSPHRASE,
// or a prompt on the terminal that does not echo. With none of them, or a wrong passphrase,
// the error names the key file and says what to give. An unencrypted key needs nothing.
//
// Why this order: a file or the environment lets scripts run unattended; the prompt keeps
// the passphrase out of shell history and process listings when a person is at the keyboard.
//
//   auto key = LoadUserKey("alice.key", "");   // prompts if alice.key is encrypted
#pragma once

#include <optional>
#include <string>

#include "core/error.h"
#include "ledger/keys.h"

namespace parley::cli {

// The first line of `file` (a trailing "\n" or "\r\n" is not part of it); nullopt for "".
[[nodiscard]] Result<std::optional<std::string>> ReadPassphraseFile(const std::string& file);

[[nodiscard]] Result<ledger::SigningKey> LoadUserKey(const std::string& key_file,
                                                     const std::string& passphrase_file);

}  // namespace parley::cli
