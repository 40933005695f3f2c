#include "cli/user_key.h"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "core/file_io.h"
#include "ledger/encoding.h"

namespace parley::cli {
namespace {

// Reads one line from the terminal with echo off; nullopt when stdin is not a terminal.
std::optional<std::string> PromptPassphrase(const std::string& key_file) {
  if (isatty(STDIN_FILENO) == 0) return std::nullopt;
  termios saved{};
  if (tcgetattr(STDIN_FILENO, &saved) != 0) return std::nullopt;
  termios quiet = saved;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  std::cerr << "passphrase for " << key_file << ": " << std::flush;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Result<std::optional<std::string>> ReadPassphraseFile(const std::string& file) {
  if (file.empty()) return std::optional<std::string>{};
  auto text = ReadWholeFile(file);
  if (!text) return std::unexpected(text.error());
  std::string pass = text->substr(0, text->find('\n'));
  sodium_memzero(text->data(), text->size());
  if (!pass.empty() && pass.back() == '\r') pass.pop_back();
  if (pass.empty()) {
    return Fail(ErrorCode::kInvalidInput, "the passphrase file is empty", ledger::InFile(file));
  }
  return std::optional<std::string>(std::move(pass));
}

Result<ledger::SigningKey> LoadUserKey(const std::string& key_file,
                                       const std::string& passphrase_file) {
  auto text = ReadWholeFile(key_file);
  if (!text) return std::unexpected(text.error());
  const bool encrypted = ledger::IsEncryptedKeyFile(*text);
  sodium_memzero(text->data(), text->size());
  if (!encrypted) return ledger::LoadSigningKey(key_file, std::nullopt);
  auto pass = ReadPassphraseFile(passphrase_file);
  if (!pass) return std::unexpected(pass.error());
  if (!*pass) {
    const char* env = std::getenv("PARLEY_PASSPHRASE");
    if (env != nullptr && *env != '\0') *pass = std::string(env);
  }
  if (!*pass) *pass = PromptPassphrase(key_file);
  if (!*pass) {
    return Fail(ErrorCode::kInvalidInput,
                "the key file is passphrase-encrypted: give --passphrase-file FILE, set "
                "$PARLEY_PASSPHRASE, or run on a terminal to be asked",
                ledger::InFile(key_file));
  }
  auto key = ledger::LoadSigningKey(key_file, *pass);
  sodium_memzero((*pass)->data(), (*pass)->size());
  return key;
}

}  // namespace parley::cli
