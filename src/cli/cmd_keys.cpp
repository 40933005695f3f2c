// `parley keys init`: makes an Ed25519 key for a user or a node (see ledger/keys.h for the
// file format). The private key file is 0600 and never overwritten.
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/user_key.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"

namespace parley::cli {
namespace {

struct KeysInitArgs {
  std::string name;
  std::string out = ".";
  std::string passphrase_file;
};

void RunKeysInit(const KeysInitArgs& args, CliContext& ctx) {
  auto pass = ReadPassphraseFile(args.passphrase_file);
  if (!pass) {
    ReportError(pass.error(), ctx);
    return;
  }
  auto key = ledger::GenerateSigningKey(args.name);
  if (!key) {
    ReportError(key.error(), ctx);
    return;
  }
  auto paths = ledger::WriteKeyFiles(*key, args.out, {.passphrase = *pass});
  if (!paths) {
    ReportError(paths.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << "{\"name\":\"" << key->Name() << "\",\"private_key\":\""
              << paths->private_key.string() << "\",\"public_key\":\"" << paths->public_key.string()
              << "\",\"verifier_key\":\"" << key->Public().VerifierKey()
              << "\",\"encrypted\":" << (*pass ? "true" : "false") << "}\n";
  } else {
    std::cout << "private key: " << paths->private_key.string() << " (mode 0600"
              << (*pass ? ", passphrase-encrypted" : ", not encrypted") << ")\n"
              << "public key:  " << paths->public_key.string() << "\n"
              << "verifier key (give this line to the other parties):\n"
              << key->Public().VerifierKey() << "\n";
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterKeysCommand(CLI::App& app, CliContext& ctx) {
  auto* keys = app.add_subcommand("keys", "Signing keys of users and nodes (Ed25519)");
  keys->require_subcommand(1);
  auto args = std::make_shared<KeysInitArgs>();
  auto* init = keys->add_subcommand("init", "Make a new key pair: NAME.key (0600) and NAME.pub");
  init->add_option("--name", args->name, "Key name: the user or node, no spaces or '+'")
      ->required();
  init->add_option("--out", args->out, "Folder for the key files (default: current folder)");
  init->add_option("--passphrase-file", args->passphrase_file,
                   "Encrypt the private key with the passphrase on this file's first line "
                   "(Argon2id + XChaCha20-Poly1305)");
  AddJsonOption(*init, ctx);
  init->callback([args, &ctx] { RunKeysInit(*args, ctx); });
}

}  // namespace parley::cli
