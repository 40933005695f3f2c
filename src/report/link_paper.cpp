// A link's match explanation on paper (papers.h): the two records side by side, each field's
// agreement level and weight, and the waterfall from the prior to the final score.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "lists/person_record.h"
#include "names/latin_readings.h"
#include "report/paper_checkpoint.h"
#include "report/papers.h"
#include "store/link_store.h"

namespace parley::report {
namespace {

struct FieldWord {
  std::string_view field;  // as the explanation JSON names it (link::FieldName)
  Word word;
};
constexpr FieldWord kFieldWords[] = {{"surname", Word::kSurname},
                                     {"given_name", Word::kGivenName},
                                     {"patronymic", Word::kPatronymic},
                                     {"birth_date", Word::kBirthDate},
                                     {"service_number", Word::kServiceNumber},
                                     {"birth_place", Word::kBirthPlace},
                                     {"rank", Word::kRank},
                                     {"other_candidates", Word::kOtherCandidates}};

// The field in the first language (the chart's rows are short), or its code if unknown.
std::string FieldLabel(const Languages& languages, std::string_view field) {
  for (const FieldWord& f : kFieldWords) {
    if (f.field == field) return std::string(WordText(languages[0], f.word));
  }
  return std::string(field);
}

std::string Fixed(double value, const char* format) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// The name as the list wrote it: its parts in order, or the full name when it has no parts.
std::string DisplayName(const PersonRecord& r) {
  std::string name;
  for (const std::string* part : {&r.surname, &r.given_name, &r.patronymic}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name.empty() ? r.full_name : name;
}

Result<PersonRecord> LatestRecord(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(auto history, ws.RecordHistory(record_id));
  if (history.empty()) {
    return Fail(ErrorCode::kCorruption,
                "a link names record " + std::to_string(record_id) + ", which is not stored");
  }
  return history.back().record;
}

// The model's prior (log2 odds that a pair matches before any field is compared). The link
// keeps its probability and weight, and probability = 1 / (1 + 2^-(prior + weight)), so the
// prior is read back from them; when the probability is too close to 0 or 1 for that (it is
// stored from a float), the last reconciliation run's match proportion λ gives it instead.
Result<double> PriorLog2Odds(store::LinkStore& links, const store::StoredLink& link) {
  const double p = link.probability;
  if (p > 1e-6 && p < 1 - 1e-6) return std::log2(p / (1 - p)) - link.match_weight;
  PARLEY_ASSIGN_OR_RETURN(auto run, links.LastRun(link.left_list, link.right_list));
  double lambda = 1e-4;
  if (run) {
    const auto model = nlohmann::json::parse(run->model, nullptr, false);
    if (model.is_object()) lambda = model.value("match_proportion", lambda);
  }
  lambda = std::clamp(lambda, 1e-15, 1.0 - 1e-9);
  return std::log2(lambda / (1 - lambda));
}

// The per-field rows of the stored explanation; `name_used` is not a weight and goes into the
// paragraph instead (NamesUsedLine).
struct ExplainedField {
  std::string field;
  std::string level;
  double weight = 0;
};

std::vector<ExplainedField> ExplainedFields(const std::string& explanation) {
  std::vector<ExplainedField> out;
  for (const auto& f : nlohmann::json::parse(explanation, nullptr, false)) {
    if (!f.is_object()) continue;
    const std::string field = f.value("field", "");
    if (field == "name_used") continue;
    const auto weight = f.find("weight");
    out.push_back({field, f.value("level", ""),
                   weight != f.end() && weight->is_number() ? weight->get<double>() : 0.0});
  }
  return out;
}

}  // namespace

Word LinkStateWord(store::LinkState state) {
  switch (state) {
    case store::LinkState::kAutoAccepted:
      return Word::kAutoAccepted;
    case store::LinkState::kNeedsReview:
      return Word::kNeedsReview;
    case store::LinkState::kConfirmed:
      return Word::kConfirmed;
    case store::LinkState::kRejected:
      return Word::kRejected;
  }
  return Word::kNeedsReview;
}

std::string NameAsRead(std::string_view text, const Languages& languages) {
  const names::NameWithHabit read = names::SplitHabitNote(text);
  if (!read.habit) return std::string(text);
  const auto index = static_cast<std::size_t>(*read.habit);
  static_assert(names::kLatinHabits.size() == static_cast<std::size_t>(Word::kSpellingUnaccented) -
                                                  static_cast<std::size_t>(Word::kSpellingFrench) +
                                                  1,
                "a spelling word for every Latin habit");
  const auto word = static_cast<Word>(static_cast<std::size_t>(Word::kSpellingFrench) + index);
  return std::string(read.name) + " (" + Label(languages, word) + ")";
}

std::string NamesUsedLine(std::string_view explanation, const Languages& languages) {
  std::string line;
  for (const auto& f : nlohmann::json::parse(explanation, nullptr, false)) {
    if (!f.is_object() || f.value("field", "") != "name_used") continue;
    line = f.value("level", "") == "crossed"
               ? Label(languages, Word::kNamesCrossed)
               : Label(languages, Word::kAliasUsed) + ": " +
                     NameAsRead(f.value("left", ""), languages) + " ~ " +
                     NameAsRead(f.value("right", ""), languages);
  }
  return line;
}

Result<Paper> LinkPaper(store::Workspace& ws, std::int64_t link_id, const Languages& languages) {
  store::LinkStore links(ws);
  PARLEY_ASSIGN_OR_RETURN(store::StoredLink link, links.Link(link_id));
  PARLEY_ASSIGN_OR_RETURN(PersonRecord left, LatestRecord(ws, link.left_record_id));
  PARLEY_ASSIGN_OR_RETURN(PersonRecord right, LatestRecord(ws, link.right_record_id));
  PARLEY_ASSIGN_OR_RETURN(double prior, PriorLog2Odds(links, link));
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::ReconcileRun> run,
                          links.LastRun(link.left_list, link.right_list));
  const std::string doc_id = "link-" + std::to_string(link_id);
  PARLEY_ASSIGN_OR_RETURN(PaperCheckpoint cp, CurrentPaperCheckpoint(ws, doc_id));
  // The date from the data: the link's latest decision, else the run that scored it.
  const std::string date = link.last_decision ? link.last_decision->at
                           : run              ? run->created_at
                                              : std::string();
  Paper paper{.title = "Match explanation " + doc_id,
              .doc_id = doc_id,
              .checkpoint_line = FormatPaperCheckpoint(cp),
              .creation_date = date,
              .languages = languages};
  auto& b = paper.blocks;
  b.push_back(Heading{Label(languages, Word::kLink) + " " + std::to_string(link_id) + ": " +
                      Label(languages, Word::kMatchExplanation)});
  const std::string alias = NamesUsedLine(link.explanation, languages);
  const std::vector<ExplainedField> fields = ExplainedFields(link.explanation);
  b.push_back(Paragraph{link.left_list + " " + link.left_key + "  ~  " + link.right_list + " " +
                        link.right_key + "\n" + Label(languages, LinkStateWord(link.state)) + ", " +
                        Label(languages, Word::kProbability) + " " +
                        Fixed(link.probability, "%.4f") + ", " + Label(languages, Word::kWeight) +
                        " " + Fixed(link.match_weight, "%+.2f") +
                        (alias.empty() ? "" : "\n" + alias)});
  Table table{.columns = {{StackedLabel(languages, Word::kField), 1.2},
                          {link.left_list, 2},
                          {link.right_list, 2},
                          {StackedLabel(languages, Word::kLevel), 1.1},
                          {StackedLabel(languages, Word::kWeight), 0.7}}};
  table.rows.push_back(
      {StackedLabel(languages, Word::kName), DisplayName(left), DisplayName(right), "", ""});
  for (const ExplainedField& f : fields) {
    table.rows.push_back({FieldLabel(languages, f.field), CanonicalField(left, f.field),
                          CanonicalField(right, f.field), f.level, Fixed(f.weight, "%+.2f")});
  }
  b.push_back(std::move(table));
  WaterfallChart chart{.caption = Label(languages, Word::kMatchExplanation),
                       .start_label = std::string(WordText(languages[0], Word::kPriorOdds)),
                       .start = prior,
                       .end_label = std::string(WordText(languages[0], Word::kFinalScore)) +
                                    ", p = " + Fixed(link.probability, "%.4f")};
  double explained = 0;
  for (const ExplainedField& f : fields) {
    chart.steps.push_back({FieldLabel(languages, f.field) + ": " + f.level, f.weight});
    explained += f.weight;
  }
  // The explanation's weights are rounded to 0.001; what rounding leaves is not drawn as a
  // step of its own unless it is visible.
  if (std::abs(link.match_weight - explained) >= 0.01) {
    chart.steps.push_back({"±", link.match_weight - explained});
  }
  b.push_back(std::move(chart));
  return paper;
}

}  // namespace parley::report
