// `parley interview RECORD --outcome ...` and `parley handover RECORD --event ...`: the CLI
// twins of PUT /records/{id}/interview and POST /records/{id}/handovers. Both refuse a stale
// --expect-version / --expect-count exactly as the API answers 409. Each appends its signed
// ledger event (interview.recorded / handover.recorded) in the same transaction.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.h"
#include "cli/record_ref.h"
#include "cli/workspace_open.h"
#include "core/clock.h"
#include "core/try.h"
#include "handover/person_status.h"
#include "negotiation/planned_handover.h"
#include "server/json_shapes.h"

namespace parley::cli {
namespace {

struct InterviewFlags {
  std::string record;
  std::string outcome;
  std::string interviewer;
  std::string at;
  std::string notes;
  std::string key;
  std::int64_t expect = -1;  // -1: the current version
};

struct HandoverFlags {
  std::string record;
  std::string event;
  std::int64_t phase = 1;
  std::string place;
  std::string actor;
  std::string at;
  std::string key;
  std::int64_t expect = -1;  // -1: the current count
};

// The ledger event's signer: the user running the command ($PARLEY_USER), with their own key
// when --key or $PARLEY_KEY names one (else the node key vouches, store/event_log.h).
struct SigningActor {
  std::optional<ledger::SigningKey> key;
  store::Actor Get() const { return {CurrentActor(), key ? &*key : nullptr}; }
};

Result<SigningActor> LoadSigningActor(const std::string& key_file) {
  PARLEY_ASSIGN_OR_RETURN(auto key, LoadActorKey(key_file));
  return SigningActor{std::move(key)};
}

Result<nlohmann::json> Interview(store::Workspace& ws, const InterviewFlags& f) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ResolveRecordRef(ws, f.record));
  PARLEY_ASSIGN_OR_RETURN(SigningActor actor, LoadSigningActor(f.key));
  std::int64_t expect = f.expect;
  if (expect < 0) {
    PARLEY_ASSIGN_OR_RETURN(auto current, handover::CurrentInterview(ws, id));
    expect = current ? current->version : 0;
  }
  handover::Interview i;
  i.interviewer = f.interviewer.empty() ? CurrentActor() : f.interviewer;
  i.at = f.at.empty() ? UtcNow() : f.at;
  i.notes = f.notes;
  PARLEY_ASSIGN_OR_RETURN(i.outcome, handover::ParseInterviewOutcome(f.outcome));
  PARLEY_ASSIGN_OR_RETURN(handover::Interview saved,
                          handover::RecordInterview(ws, id, expect, i, actor.Get()));
  nlohmann::json out = server::InterviewJson(saved);
  PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
  out["status"] = handover::ToString(status);
  return out;
}

Result<nlohmann::json> Handover(store::Workspace& ws, const HandoverFlags& f) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ResolveRecordRef(ws, f.record));
  PARLEY_ASSIGN_OR_RETURN(SigningActor actor, LoadSigningActor(f.key));
  std::int64_t expect = f.expect;
  if (expect < 0) {
    PARLEY_ASSIGN_OR_RETURN(auto events, handover::HandoverEvents(ws, id));
    expect = static_cast<std::int64_t>(events.size());
  }
  handover::HandoverEvent e;
  e.phase = f.phase;
  e.place = f.place;
  e.actor = f.actor.empty() ? CurrentActor() : f.actor;
  e.at = f.at.empty() ? UtcNow() : f.at;
  PARLEY_ASSIGN_OR_RETURN(e.event, handover::ParseHandoverEventKind(f.event));
  PARLEY_ASSIGN_OR_RETURN(handover::HandoverEvent saved,
                          negotiation::RecordPlannedHandover(ws, id, expect, e, actor.Get()));
  nlohmann::json out = server::HandoverJson(saved);
  PARLEY_ASSIGN_OR_RETURN(handover::PersonStatus status, handover::StatusOf(ws, id));
  out["status"] = handover::ToString(status);
  return out;
}

void Report(CliContext& ctx, const Result<nlohmann::json>& out) {
  if (!out) {
    ReportError(out.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << out->dump(2) << "\n";
    return;
  }
  const nlohmann::json& o = *out;
  std::string what =
      o.contains("outcome") ? o["outcome"].get<std::string>() : o["event"].get<std::string>();
  std::cout << "record " << o["record_id"].get<std::int64_t>() << ": " << what
            << " recorded; status " << o["status"].get<std::string>() << "\n";
}

}  // namespace

void RegisterExchangeEventCommands(CLI::App& app, CliContext& ctx) {
  auto i = std::make_shared<InterviewFlags>();
  auto* interview = app.add_subcommand("interview", "Record a person's interview outcome");
  interview->add_option("RECORD", i->record, "Record ID or LIST:ID")->required();
  interview
      ->add_option("--outcome", i->outcome, "consents | refuses | unfit | deceased | not_presented")
      ->required();
  interview->add_option("--interviewer", i->interviewer, "Who interviewed (default: $PARLEY_USER)");
  interview->add_option("--at", i->at, "When, UTC (2026-05-23T10:00:00Z; default now)");
  interview->add_option("--notes", i->notes, "Notes");
  interview->add_option("--key", i->key,
                        "Your private key file: sign the ledger event with it (default "
                        "$PARLEY_KEY; else the node key vouches for $PARLEY_USER)");
  interview->add_option("--expect-version", i->expect,
                        "Refuse unless the current interview version is this (0: none yet)");
  AddWorkspaceOption(*interview, ctx);
  AddJsonOption(*interview, ctx);
  interview->callback([&ctx, i] {
    if (auto ws = OpenWorkspace(ctx)) Report(ctx, Interview(*ws, *i));
  });

  auto h = std::make_shared<HandoverFlags>();
  auto* handover = app.add_subcommand("handover", "Record a handover event for a person");
  handover->add_option("RECORD", h->record, "Record ID or LIST:ID")->required();
  handover->add_option("--event", h->event, "handed_over | received")->required();
  handover->add_option("--phase", h->phase, "Phase number (from 1)")->capture_default_str();
  handover->add_option("--place", h->place, "Where, e.g. the crossing point")->required();
  handover->add_option("--actor", h->actor, "Who recorded it (default: $PARLEY_USER)");
  handover->add_option("--at", h->at, "When, UTC (default now)");
  handover->add_option("--key", h->key,
                       "Your private key file: sign the ledger event with it (default "
                       "$PARLEY_KEY; else the node key vouches for $PARLEY_USER)");
  handover->add_option("--expect-count", h->expect,
                       "Refuse unless the record has exactly this many events");
  AddWorkspaceOption(*handover, ctx);
  AddJsonOption(*handover, ctx);
  handover->callback([&ctx, h] {
    if (auto ws = OpenWorkspace(ctx)) Report(ctx, Handover(*ws, *h));
  });
}

}  // namespace parley::cli
