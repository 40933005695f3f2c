// `parley share LIST --with SIDE [--revoke]`: let another party's users see a list
// (route_table.h states the sharing rule).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "server/auth/share_store.h"
#include "server/json_shapes.h"

namespace parley::cli {
namespace {

struct ShareFlags {
  std::string list;
  std::string side;
  bool revoke = false;
};

void RunShare(CliContext& ctx, const ShareFlags& f) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto shares = server::ListShares(*ws, f.list);
  if (!shares) {
    ReportError(shares.error(), ctx);
    return;
  }
  std::int64_t version = 0;
  for (const auto& s : *shares) {
    if (s.side == f.side) version = s.version;
  }
  auto saved = server::SetShare(*ws, f.list, f.side, !f.revoke, version, CurrentActor());
  if (!saved) {
    ReportError(saved.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << server::ShareJson(*saved).dump(2) << "\n";
  } else {
    std::cout << "list " << saved->list
              << (saved->active ? " is shared with " : " is no longer shared with ") << saved->side
              << "\n";
  }
}

}  // namespace

void RegisterShareCommand(CLI::App& app, CliContext& ctx) {
  auto f = std::make_shared<ShareFlags>();
  auto* cmd = app.add_subcommand("share", "Share a list with another side (or --revoke)");
  cmd->add_option("LIST", f->list, "The list to share")->required();
  cmd->add_option("--with", f->side, "The side that may see it, e.g. ru")->required();
  cmd->add_flag("--revoke", f->revoke, "Stop sharing it");
  AddWorkspaceOption(*cmd, ctx);
  AddJsonOption(*cmd, ctx);
  cmd->callback([&ctx, f] { RunShare(ctx, *f); });
}

}  // namespace parley::cli
