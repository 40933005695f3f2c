// `parley agreement add FILE [--name N]`, `agreement list`, `agreement sign NAME --side S
// --key FILE`, `agreement witness NAME --key FILE`: agreements as signed documents of the
// workspace (negotiation/agreement_store.h). A party signs with the key the agreement pins for
// it; the mediator witnesses with a pinned mediator key (negotiation/party_keys.h).
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/negotiation_actor.h"
#include "cli/negotiation_commands.h"
#include "core/file_io.h"
#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/negotiation_json.h"

namespace parley::cli {
namespace {

using Json = nlohmann::ordered_json;
using negotiation::AgreementJson;
using negotiation::StoredAgreement;

std::string Signatures(const StoredAgreement& a) {
  std::string out;
  for (const auto& s : a.signatures) {
    out += (out.empty() ? "" : ", ") + s.party + " by " + s.signer;
  }
  return out.empty() ? "no signature" : "signed: " + out;
}

struct AddFlags {
  std::string file, name, key;
};

Result<void> Add(store::Workspace& ws, const AddFlags& f, bool json) {
  PARLEY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(f.file));
  const std::string name = f.name.empty() ? std::filesystem::path(f.file).stem().string() : f.name;
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(auto change,
                          negotiation::AddAgreement(ws, name, text, f.file, who.actor()));
  const StoredAgreement& a = change.agreement;
  if (json) {
    Json j = AgreementJson(a);
    j["unchanged"] = change.unchanged;
    std::cout << j.dump(2) << "\n";
  } else if (change.unchanged) {
    std::cout << "Agreement '" << a.name << "' unchanged: the text is version " << a.version << " ("
              << negotiation::AgreementStateName(a.state) << ")\n";
  } else {
    std::cout << "Added agreement '" << a.name << "' version " << a.version << ": \"" << a.title
              << "\" between " << a.party_a << " (a) and " << a.party_b << " (b), sha256 "
              << a.sha256.substr(0, 16) << "...; draft until both parties sign it\n";
  }
  return {};
}

Result<void> List(store::Workspace& ws, bool json) {
  PARLEY_ASSIGN_OR_RETURN(auto all, negotiation::ListAgreements(ws));
  if (json) {
    Json list = Json::array();
    for (const auto& a : all) list.push_back(AgreementJson(a));
    std::cout << list.dump(2) << "\n";
    return {};
  }
  if (all.empty()) std::cout << "No agreement yet: `parley agreement add FILE` adds one.\n";
  for (const auto& a : all) {
    std::cout << a.name << "@" << a.version << "  " << negotiation::AgreementStateName(a.state)
              << "  \"" << a.title << "\"  (" << Signatures(a) << ")\n";
  }
  return {};
}

struct SignFlags {
  std::string name, side, key;
  std::int64_t version = 0;
};

Result<void> Sign(store::Workspace& ws, const SignFlags& f, bool json) {
  std::optional<std::int64_t> version;
  if (f.version > 0) version = f.version;
  PARLEY_ASSIGN_OR_RETURN(StoredAgreement a, negotiation::FindAgreement(ws, f.name, version));
  PARLEY_ASSIGN_OR_RETURN(rules::Side party, negotiation::ParsePartySide(a, f.side));
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(auto change,
                          negotiation::SignAgreement(ws, f.name, a.version, party, who.actor()));
  const StoredAgreement& s = change.agreement;
  if (json) {
    Json j = AgreementJson(s);
    j["unchanged"] = change.unchanged;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << (change.unchanged ? "Already signed: " : "Signed: ") << s.name << "@" << s.version
              << " for party " << rules::SideName(party) << " ("
              << (party == rules::Side::kA ? s.party_a : s.party_b) << "); now "
              << negotiation::AgreementStateName(s.state) << " (" << Signatures(s) << ")\n";
  }
  return {};
}

Result<void> Witness(store::Workspace& ws, const SignFlags& f, bool json) {
  std::optional<std::int64_t> version;
  if (f.version > 0) version = f.version;
  PARLEY_ASSIGN_OR_RETURN(CommandActor who, CommandActor::Load(f.key));
  PARLEY_ASSIGN_OR_RETURN(auto change,
                          negotiation::WitnessAgreement(ws, f.name, version, who.actor()));
  const StoredAgreement& a = change.agreement;
  if (json) {
    Json j = AgreementJson(a);
    j["witness"] = change.witness;
    j["unchanged"] = change.unchanged;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << (change.unchanged ? "Already witnessed: " : "Witnessed: ") << a.name << "@"
              << a.version << " by the mediator's key '" << change.witness
              << "' (a witness, not a party's signature; the agreement stays "
              << negotiation::AgreementStateName(a.state) << ")\n";
  }
  return {};
}

template <typename Body>
void InWorkspace(CliContext& ctx, Body body) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  if (auto done = body(*ws); !done) {
    ReportError(done.error(), ctx);
    return;
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterAgreementWorkspaceCommands(CLI::App& agreement, CliContext& ctx) {
  auto* add = agreement.add_subcommand(
      "add", "Add an agreement file to the workspace (validated; identical text: no change)");
  auto add_flags = std::make_shared<AddFlags>();
  add->add_option("FILE", add_flags->file, "Agreement file (.toml)")->required();
  add->add_option("--name", add_flags->name, "Name in the workspace (default: the file's stem)");
  add->add_option("--key", add_flags->key,
                  "Sign the ledger event with this private key file (default: $PARLEY_KEY)");
  AddJsonOption(*add, ctx);
  AddWorkspaceOption(*add, ctx);
  add->callback([&ctx, add_flags] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Add(ws, *add_flags, ctx.json); });
  });

  auto* list = agreement.add_subcommand("list", "Every agreement version and its signatures");
  AddJsonOption(*list, ctx);
  AddWorkspaceOption(*list, ctx);
  list->callback(
      [&ctx] { InWorkspace(ctx, [&](store::Workspace& ws) { return List(ws, ctx.json); }); });

  auto* sign = agreement.add_subcommand(
      "sign", "Sign an agreement for one party (in force once every party has signed)");
  auto sign_flags = std::make_shared<SignFlags>();
  sign->add_option("NAME", sign_flags->name, "Agreement name (`parley agreement list`)")
      ->required();
  sign->add_option("--version", sign_flags->version, "Version to sign (default: the latest)");
  sign->add_option("--side", sign_flags->side, "Party signing: a, b, or the party's name")
      ->required();
  sign->add_option("--key", sign_flags->key,
                   "The party's private key file, the one the agreement pins as a_key/b_key "
                   "(default: $PARLEY_KEY; required: the node key never signs for a party)");
  AddJsonOption(*sign, ctx);
  AddWorkspaceOption(*sign, ctx);
  sign->callback([&ctx, sign_flags] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Sign(ws, *sign_flags, ctx.json); });
  });

  auto* witness = agreement.add_subcommand(
      "witness", "The mediator witnesses an agreement version (never a party's signature)");
  auto witness_flags = std::make_shared<SignFlags>();
  witness->add_option("NAME", witness_flags->name, "Agreement name")->required();
  witness->add_option("--version", witness_flags->version,
                      "Version to witness (default: the latest)");
  witness->add_option("--key", witness_flags->key,
                      "The mediator's private key file, one the agreement pins in "
                      "mediator_keys (default: $PARLEY_KEY)");
  AddJsonOption(*witness, ctx);
  AddWorkspaceOption(*witness, ctx);
  witness->callback([&ctx, witness_flags] {
    InWorkspace(ctx, [&](store::Workspace& ws) { return Witness(ws, *witness_flags, ctx.json); });
  });
}

}  // namespace parley::cli
