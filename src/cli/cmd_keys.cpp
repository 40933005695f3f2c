// `parley keys init`: makes an Ed25519 key for a user or a node (see ledger/keys.h for the
// file format). The private key file is 0600 and never overwritten.
// `parley keys trust FILE`: adds the verifier keys in FILE (another party's or the mediator's
// NAME.pub, got from them) to the workspace's trusted keys, which bundle import checks
// checkpoints against.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/user_key.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"
#include "store/event_log.h"

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

struct KeysTrustArgs {
  std::string file;
};

// Each key is printed with its key id, so that the person trusting it can read the id back to
// the sender over another channel (a phone call) before relying on it.
void RunKeysTrust(const KeysTrustArgs& args, CliContext& ctx) {
  auto keys = ledger::LoadVerifierKeys(args.file);
  if (!keys) {
    ReportError(keys.error(), ctx);
    return;
  }
  if (keys->empty()) {
    ReportError(Error{ErrorCode::kInvalidInput,
                      "no verifier key in this file: it should hold the line NAME+HEX+BASE64 "
                      "that `parley keys init` printed on the sender's machine (their NAME.pub)",
                      Location{args.file, 0, 0, {}}},
                ctx);
    return;
  }
  const std::filesystem::path dir = ctx.workspace;
  if (!std::filesystem::is_directory(dir)) {
    ReportError(Error{ErrorCode::kNotFound,
                      "no workspace here: run `parley init` first, or pass --workspace DIR",
                      Location{dir.string(), 0, 0, {}}},
                ctx);
    return;
  }
  for (const ledger::PublicKey& key : *keys) {
    if (auto r = store::AddTrustedKey(dir, key); !r) {
      ReportError(r.error(), ctx);
      return;
    }
    std::printf("trusted %s (key id %08x) in %s\n", key.name.c_str(), key.KeyId(),
                store::TrustedKeysPath(dir).string().c_str());
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

  auto trust_args = std::make_shared<KeysTrustArgs>();
  auto* trust = keys->add_subcommand(
      "trust", "Trust another party's or the mediator's verifier key (their NAME.pub) for bundles");
  trust->add_option("FILE", trust_args->file, "File with the verifier key(s), one per line")
      ->required();
  AddWorkspaceOption(*trust, ctx);
  trust->callback([trust_args, &ctx] { RunKeysTrust(*trust_args, ctx); });
}

}  // namespace parley::cli
