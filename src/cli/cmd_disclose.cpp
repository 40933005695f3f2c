// `parley disclose LIST[@VERSION] RECORD_ID FIELD --out FILE`: reveals one field of one record of
// a submitted list version — typically one the sharing policy withheld from a bundle — as a
// file another party checks with `parley verify --disclosure FILE --bundle BUNDLE`. The file
// holds the value, its salt, the record's field commitments and the inclusion proof of the
// record against the records root signed in the list version's event (ledger/disclosure.h);
// nothing else of the record or the list is revealed.
#include <iostream>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "ledger/disclosure.h"
#include "store/record_sharing.h"

namespace parley::cli {
namespace {

struct DiscloseArgs {
  std::string list;
  std::string record;
  std::string field;
  std::string out;
};

Result<std::string> Disclose(store::Workspace& ws, const DiscloseArgs& args) {
  auto ref = store::ParseListRef(args.list);
  if (!ref) return std::unexpected(ref.error());
  auto d = store::DiscloseField(ws, ref->list, ref->version, args.record, args.field);
  if (!d) return std::unexpected(d.error());
  auto text = ledger::EncodeFieldDisclosure(*d);
  if (!text) return text;
  if (auto written = WriteFileAtomically(args.out, *text); !written) {
    return std::unexpected(written.error());
  }
  return "wrote " + args.out + ": list " + d->list + " version " + std::to_string(d->list_version) +
         ", record " + d->record.id + ", field " + d->field + " (entry seq " +
         std::to_string(d->seq) + " of " + d->origin + ")";
}

}  // namespace

void RegisterDiscloseCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<DiscloseArgs>();
  auto* cmd = app.add_subcommand(
      "disclose",
      "Reveal one field of one record (value + salt + proof), provable against a bundle that "
      "carried the list version's event");
  cmd->add_option("LIST", args->list, "List, optionally @VERSION (default: the latest)")
      ->required();
  cmd->add_option("RECORD_ID", args->record, "The record's id in the list (its id column)")
      ->required();
  cmd->add_option("FIELD", args->field, "Field to reveal, e.g. health, birth_date")->required();
  cmd->add_option("--out", args->out, "Disclosure file to write")->required();
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, args] {
    auto ws = OpenWorkspace(ctx);
    if (!ws) return;
    auto done = Disclose(*ws, *args);
    if (!done) {
      ReportError(done.error(), ctx);
      return;
    }
    std::cout << *done << "\n";
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
