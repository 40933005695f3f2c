// The exchange list of one phase and direction (papers.h): what the escorts carry.
#include "core/try.h"
#include "negotiation/agreement_store.h"
#include "negotiation/plan_store.h"
#include "report/paper_checkpoint.h"
#include "report/paper_people.h"
#include "report/papers.h"

namespace parley::report {

Result<Paper> ExchangeListPaper(store::Workspace& ws, std::int64_t plan_id, int phase,
                                const std::string& side_text, const Languages& languages) {
  PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan loaded, negotiation::LoadStoredPlan(ws, plan_id));
  const rules::Agreement& agreement = loaded.plan.agreement;
  PARLEY_TRY(CheckPhase(agreement, plan_id, phase));
  PARLEY_ASSIGN_OR_RETURN(negotiation::StoredAgreement stored,
                          negotiation::AgreementById(ws, loaded.info.agreement_id));
  auto side = negotiation::ParsePartySide(stored, side_text);
  if (!side) {
    Error e = side.error();
    e.where.field = "--side";
    return std::unexpected(e);
  }
  const std::string doc_id = "list-plan" + std::to_string(plan_id) + "-phase" +
                             std::to_string(phase) + "-" + rules::SideName(*side);
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint cp, CurrentPaperCheckpoint(ws, doc_id));

  Paper paper{.title = "Exchange list " + doc_id,
              .doc_id = doc_id,
              .checkpoint_line = FormatPaperCheckpoint(cp),
              .creation_date = loaded.info.created_at,
              .languages = languages};
  auto& b = paper.blocks;
  b.push_back(
      Heading{Label(languages, Word::kExchangeList) + ": " + DirectionText(agreement, *side)});
  b.push_back(Paragraph{Label(languages, Word::kPlan) + " " + std::to_string(plan_id) + " (" +
                        stored.name + " v" + std::to_string(stored.version) + ")    " +
                        Label(languages, Word::kPhase) + " " + std::to_string(phase)});
  Table table{.columns = {{StackedLabel(languages, Word::kNumber), 0.45},
                          {StackedLabel(languages, Word::kName), 2.6},
                          {StackedLabel(languages, Word::kRomanisation), 2.6},
                          {StackedLabel(languages, Word::kBirthDate), 1.2},
                          {StackedLabel(languages, Word::kCategory), 1.3},
                          {StackedLabel(languages, Word::kRule), 1.3}}};
  for (const plan::Candidate& person : loaded.plan.people) {
    if (person.side != *side || person.phase != phase || !person.dropped.empty()) continue;
    PersonCells cells = DescribePerson(person, agreement);
    table.rows.push_back({std::to_string(table.rows.size() + 1), std::move(cells.name),
                          std::move(cells.latin), std::move(cells.birth_date),
                          std::move(cells.category), std::move(cells.rule)});
  }
  const std::size_t count = table.rows.size();
  b.push_back(std::move(table));
  b.push_back(Paragraph{Label(languages, Word::kTotal) + ": " + std::to_string(count) + " " +
                        Label(languages, Word::kPeople)});
  b.push_back(Heading{Label(languages, Word::kSignatures), 2});
  b.push_back(Signatures{{
      {Label(languages, Word::kPartyA), agreement.party_a, ""},
      {Label(languages, Word::kPartyB), agreement.party_b, ""},
      {Label(languages, Word::kMediator),
       agreement.mediators.empty() ? "" : agreement.mediators.front(), ""},
  }});
  return paper;
}

}  // namespace parley::report
