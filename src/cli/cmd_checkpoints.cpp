// `parley checkpoints`: this node's checkpoints and who has cosigned each
// (store/checkpoint_cosignatures.h). Cosigning is part of `bundle import`: each node cosigns
// the checkpoint of every bundle it imports and sends the cosignature back in its next
// bundle. A cosigner is named by its key and, when the agreement in force pins that key in
// [parties], by the party or mediator role it pins it for.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "negotiation/agreement_store.h"
#include "negotiation/party_keys.h"
#include "store/checkpoint_cosignatures.h"
#include "store/event_log.h"

namespace parley::cli {
namespace {

// "party ua", "mediator", or "" when the agreement in force does not pin the key.
std::string RoleOf(const ledger::PublicKey& key, const std::optional<rules::Agreement>& agreement) {
  if (!agreement) return "";
  auto same = [&](const ledger::PublicKey& k) { return k.name == key.name && k.key == key.key; };
  if (agreement->key_a && same(*agreement->key_a)) return "party " + agreement->party_a;
  if (agreement->key_b && same(*agreement->key_b)) return "party " + agreement->party_b;
  for (const auto& m : agreement->mediator_keys) {
    if (same(m)) return "mediator";
  }
  return "";
}

std::string Describe(const ledger::PublicKey& key,
                     const std::optional<rules::Agreement>& agreement) {
  const std::string role = RoleOf(key, agreement);
  return negotiation::DescribeKey(key) + (role.empty() ? "" : " (" + role + ")");
}

nlohmann::json KeyJson(const ledger::PublicKey& key,
                       const std::optional<rules::Agreement>& agreement) {
  const std::string role = RoleOf(key, agreement);
  return {{"name", key.name},
          {"key_id", negotiation::DescribeKey(key)},
          {"verifier_key", key.VerifierKey()},
          {"role", role.empty() ? nlohmann::json(nullptr) : nlohmann::json(role)}};
}

Result<std::optional<rules::Agreement>> AgreementPins(store::Workspace& ws) {
  auto in_force = negotiation::AgreementInForce(ws);
  if (!in_force) return std::unexpected(in_force.error());
  if (!*in_force) return std::optional<rules::Agreement>{};
  auto parsed = negotiation::ParseStored(**in_force);
  if (!parsed) return std::unexpected(parsed.error());
  return std::optional<rules::Agreement>(std::move(*parsed));
}

void RunCheckpoints(CliContext& ctx) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  const auto keys_file = store::TrustedKeysPath(ctx.workspace);
  auto trusted = std::filesystem::exists(keys_file)
                     ? ledger::LoadVerifierKeys(keys_file)
                     : Result<std::vector<ledger::PublicKey>>(std::vector<ledger::PublicKey>{});
  auto agreement = trusted
                       ? AgreementPins(*ws)
                       : Result<std::optional<rules::Agreement>>(std::unexpected(trusted.error()));
  auto rows =
      agreement
          ? store::OwnCheckpointsCosigning(*ws, *trusted)
          : Result<std::vector<store::OwnCheckpointCosigning>>(std::unexpected(agreement.error()));
  if (!rows) {
    ReportError(rows.error(), ctx);
    return;
  }
  if (ctx.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *rows) {
      nlohmann::json cosigners = nlohmann::json::array();
      nlohmann::json awaiting = nlohmann::json::array();
      for (const auto& k : r.cosigners) cosigners.push_back(KeyJson(k, *agreement));
      for (const auto& k : r.awaiting) awaiting.push_back(KeyJson(k, *agreement));
      out.push_back({{"size", r.size},
                     {"root", r.root},
                     {"left_the_node", r.pinned},
                     {"cosigned_by", cosigners},
                     {"awaiting", awaiting}});
    }
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& r : *rows) {
      std::cout << "size " << r.size << "  root " << r.root << "\n";
      std::cout << "  cosigned by: ";
      if (r.cosigners.empty()) std::cout << "nobody yet";
      for (std::size_t i = 0; i < r.cosigners.size(); ++i) {
        std::cout << (i ? ", " : "") << Describe(r.cosigners[i], *agreement);
      }
      std::cout << "\n";
      if (!r.awaiting.empty()) {
        std::cout << "  not yet cosigned by: ";
        for (std::size_t i = 0; i < r.awaiting.size(); ++i) {
          std::cout << (i ? ", " : "") << Describe(r.awaiting[i], *agreement);
        }
        std::cout << "\n";
      }
    }
    if (rows->empty()) {
      std::cout << "no checkpoint has left this node yet: `parley bundle export` sends one\n";
    }
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterCheckpointsCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "checkpoints",
      "This node's checkpoints that left it, and which other nodes have cosigned each (they "
      "cosign on `bundle import` and send the cosignature back in their next bundle)");
  AddWorkspaceOption(*cmd, ctx);
  AddJsonOption(*cmd, ctx);
  cmd->callback([&ctx] { RunCheckpoints(ctx); });
}

}  // namespace parley::cli
