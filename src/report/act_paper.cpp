// The act of transfer of one phase on paper (papers.h): signed at the crossing point.
#include "core/try.h"
#include "report/act_record.h"
#include "report/paper_checkpoint.h"
#include "report/papers.h"

namespace parley::report {
namespace {

std::string ActId(std::int64_t plan_id, int phase) {
  return "act-plan" + std::to_string(plan_id) + "-phase" + std::to_string(phase);
}

std::string StatusLabel(const Languages& languages, handover::PersonStatus status) {
  return StackedLabel(
      languages, status == handover::PersonStatus::kReceived ? Word::kReceived : Word::kHandedOver);
}

// "2026-05-23T10:05:00Z" as "2026-05-23 10:05:00Z": the same instant, broken at the space.
std::string TimeCell(std::string time) {
  if (time.size() > 10 && time[10] == 'T') time[10] = ' ';
  return time;
}

Table CrossedTable(const ActRecord& act, rules::Side from, const Languages& languages) {
  Table table{.columns = {{StackedLabel(languages, Word::kNumber), 0.45},
                          {StackedLabel(languages, Word::kName), 2.0},
                          {StackedLabel(languages, Word::kRomanisation), 2.0},
                          {StackedLabel(languages, Word::kBirthDate), 1.4},
                          {StackedLabel(languages, Word::kStatus), 1.3},
                          {StackedLabel(languages, Word::kTime), 1.4},
                          {StackedLabel(languages, Word::kPlace), 1.9}}};
  for (const ActPerson& p : act.people) {
    if (p.from != from || !CrossedOver(p.status)) continue;
    table.rows.push_back({std::to_string(table.rows.size() + 1), p.cells.name, p.cells.latin,
                          p.cells.birth_date, StatusLabel(languages, p.status), TimeCell(p.time),
                          p.place});
  }
  return table;
}

Table RefusalTable(const ActRecord& act, const Languages& languages) {
  Table table{.columns = {{StackedLabel(languages, Word::kNumber), 0.45},
                          {StackedLabel(languages, Word::kName), 2.2},
                          {StackedLabel(languages, Word::kRomanisation), 2.2},
                          {StackedLabel(languages, Word::kBirthDate), 1.4},
                          {StackedLabel(languages, Word::kDirection), 2.0},
                          {StackedLabel(languages, Word::kReasonCode), 1.2}}};
  for (const ActPerson& p : act.people) {
    if (!handover::IsExcludedStatus(p.status)) continue;
    table.rows.push_back({std::to_string(table.rows.size() + 1), p.cells.name, p.cells.latin,
                          p.cells.birth_date, DirectionText(act.agreement, p.from),
                          std::string(handover::ToString(p.status))});
  }
  return table;
}

void AddTableOrNone(std::vector<Block>& blocks, Table table, const Languages& languages) {
  if (table.rows.empty()) {
    blocks.push_back(Paragraph{Label(languages, Word::kNone)});
  } else {
    blocks.push_back(std::move(table));
  }
}

}  // namespace

Result<Paper> ActPaper(store::Workspace& ws, std::int64_t plan_id, int phase,
                       const Languages& languages) {
  PARLEY_ASSIGN_OR_RETURN(ActRecord act, LoadActRecord(ws, plan_id, phase));
  const std::string doc_id = ActId(plan_id, phase);
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint cp, CurrentPaperCheckpoint(ws, doc_id));
  Paper paper{.title = "Act of transfer " + doc_id,
              .doc_id = doc_id,
              .checkpoint_line = FormatPaperCheckpoint(cp),
              .creation_date = act.info.created_at,
              .languages = languages};
  auto& b = paper.blocks;
  b.push_back(Heading{Label(languages, Word::kActOfTransfer) + ": " +
                      Label(languages, Word::kPhase) + " " + std::to_string(phase)});
  std::string places;
  for (const std::string& p : act.places) places += (places.empty() ? "" : "; ") + p;
  const std::string none = Label(languages, Word::kNone);
  b.push_back(
      Paragraph{Label(languages, Word::kPlan) + " " + std::to_string(plan_id) + " (" +
                act.info.agreement_name + " v" + std::to_string(act.info.agreement_version) +
                ")\n" + Label(languages, Word::kTime) + ": " +
                (act.first_time.empty() ? none : act.first_time + " – " + act.last_time) + "\n" +
                Label(languages, Word::kPlace) + ": " + (places.empty() ? none : places)});
  std::size_t outstanding = 0;
  for (const ActPerson& p : act.people) {
    outstanding += !CrossedOver(p.status) && !handover::IsExcludedStatus(p.status);
  }
  for (rules::Side from : {rules::Side::kA, rules::Side::kB}) {
    b.push_back(Heading{
        Label(languages, Word::kHandedOverAndReceived) + ": " + DirectionText(act.agreement, from),
        2});
    AddTableOrNone(b, CrossedTable(act, from, languages), languages);
  }
  b.push_back(Heading{Label(languages, Word::kRefusals), 2});
  AddTableOrNone(b, RefusalTable(act, languages), languages);
  b.push_back(Paragraph{Label(languages, Word::kOutstanding) + ": " + std::to_string(outstanding) +
                        " " + Label(languages, Word::kPeople)});
  b.push_back(Heading{Label(languages, Word::kSignatures), 2});
  b.push_back(Signatures{{
      {Label(languages, Word::kPartyA), act.agreement.party_a, ""},
      {Label(languages, Word::kPartyB), act.agreement.party_b, ""},
      {Label(languages, Word::kMediator),
       act.agreement.mediators.empty() ? "" : act.agreement.mediators.front(), ""},
  }});
  return paper;
}

}  // namespace parley::report
