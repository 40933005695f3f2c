// parley/cli/demo_users.h — the demo workspace's people, so that the browser UI can be tried
// by every role straight after `parley demo`.
//
// Contract: EnsureDemoUsers() adds one user per role and side (ua-clerk, ru-analyst,
// mediator-checkpoint, ...; interviewer and checkpoint exist on the mediator's side only), all
// with one random password that it writes to DIR/demo-users.txt (mode 0600) beside a table of
// the users. A second run keeps the users and the file as they are, so the demo stays
// deterministic. The password is never printed.
//
//   PARLEY_ASSIGN_OR_RETURN(DemoUsers users, EnsureDemoUsers(ws, dir));
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::cli {

struct DemoUsers {
  std::vector<std::string> names;
  std::filesystem::path password_file;
  bool added = false;  // false when an earlier run had made them
};

[[nodiscard]] Result<DemoUsers> EnsureDemoUsers(store::Workspace& ws,
                                                const std::filesystem::path& dir);

}  // namespace parley::cli
