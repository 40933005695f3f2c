// A plan's summary on paper (papers.h): phases and balance, and the handover progress.
#include "core/try.h"
#include "handover/plan_progress.h"
#include "negotiation/plan_store.h"
#include "negotiation/stored_plan_progress.h"
#include "report/paper_checkpoint.h"
#include "report/paper_people.h"
#include "report/papers.h"

namespace parley::report {
namespace {

std::string PhaseLabel(const Languages& languages, int phase) {
  return Label(languages, Word::kPhase) + " " + std::to_string(phase);
}

void AddBalance(std::vector<Block>& b, const plan::Plan& plan, const Languages& languages) {
  const rules::Agreement& a = plan.agreement;
  Table table{.columns = {{StackedLabel(languages, Word::kPhase), 0.8},
                          {a.party_a + "\n" + Label(languages, Word::kHandsOver), 1.4},
                          {a.party_b + "\n" + Label(languages, Word::kHandsOver), 1.4},
                          {StackedLabel(languages, Word::kPools), 3.0}}};
  BarChart chart{
      .caption = Label(languages, Word::kBalancePerPhase),
      .series = {a.party_a + " " + std::string(WordText(languages[0], Word::kHandsOver)),
                 a.party_b + " " + std::string(WordText(languages[0], Word::kHandsOver))}};
  for (const plan::PhaseSummary& s : plan.phases) {
    std::string pools;
    for (const plan::PoolBalance& p : s.pools) {
      pools += (pools.empty() ? "" : "\n") + p.pool + ": " + std::to_string(p.a) + " / " +
               std::to_string(p.b) + " / " + std::to_string(p.owed);
    }
    table.rows.push_back(
        {std::to_string(s.phase), std::to_string(s.a_count), std::to_string(s.b_count), pools});
    chart.groups.push_back({PhaseLabel(languages, s.phase),
                            {static_cast<double>(s.a_count), static_cast<double>(s.b_count)}});
  }
  b.push_back(std::move(table));
  b.push_back(std::move(chart));
}

void AddProgress(std::vector<Block>& b, const rules::Agreement& a,
                 const handover::PlanProgress& progress, const Languages& languages) {
  Table table{.columns = {{StackedLabel(languages, Word::kPhase), 0.7},
                          {StackedLabel(languages, Word::kDirection), 2.4},
                          {StackedLabel(languages, Word::kPromised), 1},
                          {StackedLabel(languages, Word::kHandedOver), 1},
                          {StackedLabel(languages, Word::kReceived), 1},
                          {StackedLabel(languages, Word::kExcluded), 1},
                          {StackedLabel(languages, Word::kOutstanding), 1}}};
  const ReportLanguage first = languages[0];
  BarChart chart{.caption = Label(languages, Word::kHandoverProgress),
                 .series = {std::string(WordText(first, Word::kReceived)),
                            std::string(WordText(first, Word::kHandedOver)),
                            std::string(WordText(first, Word::kExcluded)),
                            std::string(WordText(first, Word::kOutstanding))}};
  auto add = [&](const std::string& phase, const std::string& direction,
                 const handover::ProgressCounts& c) {
    table.rows.push_back({phase, direction, std::to_string(c.promised),
                          std::to_string(c.handed_over), std::to_string(c.received),
                          std::to_string(c.excluded), std::to_string(c.outstanding)});
  };
  for (const handover::ProgressRow& r : progress.rows) {
    add(std::to_string(r.phase), DirectionText(a, r.from), r.counts);
    chart.groups.push_back(
        {std::to_string(r.phase) + ": " + DirectionText(a, r.from),
         {static_cast<double>(r.counts.received),
          static_cast<double>(r.counts.handed_over - r.counts.received),
          static_cast<double>(r.counts.excluded), static_cast<double>(r.counts.outstanding)}});
  }
  add(Label(languages, Word::kTotal), "", progress.totals);
  b.push_back(std::move(table));
  b.push_back(std::move(chart));
}

}  // namespace

Result<Paper> PlanPaper(store::Workspace& ws, std::int64_t plan_id, const Languages& languages) {
  PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan loaded, negotiation::LoadStoredPlan(ws, plan_id));
  PARLEY_ASSIGN_OR_RETURN(handover::PlanProgress progress,
                          negotiation::StoredPlanProgress(ws, plan_id));
  const std::string doc_id = "plan-" + std::to_string(plan_id);
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint cp, CurrentPaperCheckpoint(ws, doc_id));
  const negotiation::StoredPlanInfo& info = loaded.info;
  Paper paper{.title = "Plan summary " + doc_id,
              .doc_id = doc_id,
              .checkpoint_line = FormatPaperCheckpoint(cp),
              .creation_date = info.created_at,
              .languages = languages};
  auto& b = paper.blocks;
  b.push_back(Heading{Label(languages, Word::kPlanSummary) + ": " + Label(languages, Word::kPlan) +
                      " " + std::to_string(plan_id)});
  b.push_back(Paragraph{
      info.agreement_name + " v" + std::to_string(info.agreement_version) + ", " +
      negotiation::PlanKindName(info.kind) + ", " + negotiation::PlanStateName(info.state) +
      ", sha256 " + info.sha256 + "\n" + DirectionText(loaded.plan.agreement, rules::Side::kA) +
      ": " + std::to_string(info.a_count) + "    " +
      DirectionText(loaded.plan.agreement, rules::Side::kB) + ": " + std::to_string(info.b_count)});
  b.push_back(Heading{Label(languages, Word::kBalancePerPhase), 2});
  AddBalance(b, loaded.plan, languages);
  b.push_back(Heading{Label(languages, Word::kHandoverProgress), 2});
  AddProgress(b, loaded.plan.agreement, progress, languages);
  return paper;
}

}  // namespace parley::report
