// parley/report/report_language.h — the languages a paper is printed in and the one table of
// its words (headings, labels, column heads), complete in Ukrainian, Russian, English and
// Turkish.
//
// What it is for: an exchange's papers are signed by two parties who read different
// languages, and a mediator who may read neither; each heading and label is printed in every
// chosen language, one after the other ("Акт передачі / Акт передачи"). Names are never
// translated: they are printed as the list wrote them, with the passport romanisation beside.
//
// Contract: ParseReportLanguages accepts two or three distinct codes of uk, ru, en, tr,
// separated by commas ("uk,ru", "uk,ru,en"); anything else is kInvalidInput naming the code.
// Every Word has a text in every language (a unit test walks the table).
//
//   PARLEY_ASSIGN_OR_RETURN(auto langs, ParseReportLanguages("uk,ru"));
//   std::string heading = Label(langs, Word::kActOfTransfer);  // "Акт передачі / Акт передачи"
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace parley::report {

enum class ReportLanguage { kUk, kRu, kEn, kTr };
inline constexpr std::array<ReportLanguage, 4> kReportLanguages = {
    ReportLanguage::kUk, ReportLanguage::kRu, ReportLanguage::kEn, ReportLanguage::kTr};

[[nodiscard]] std::string_view LanguageCode(ReportLanguage language);  // "uk", "ru", ...
[[nodiscard]] Result<std::vector<ReportLanguage>> ParseReportLanguages(std::string_view text);

enum class Word {
  kAgreement,
  kPlainSummary,
  kAgreementText,
  kParties,
  kPartyA,
  kPartyB,
  kMediator,
  kSignatures,
  kSignedBy,
  kNotYetSigned,
  kSignature,
  kDateLine,
  kVersion,
  kExchangeList,
  kActOfTransfer,
  kPlanSummary,
  kPlan,
  kPhase,
  kDirection,
  kNumber,
  kName,
  kRomanisation,
  kBirthDate,
  kCategory,
  kRule,
  kStatus,
  kTime,
  kPlace,
  kHandedOverAndReceived,
  kRefusals,
  kReasonCode,
  kOutstanding,
  kBalancePerPhase,
  kHandoverProgress,
  kPromised,
  kHandedOver,
  kReceived,
  kExcluded,
  kTotal,
  kHandsOver,
  kPeople,
  kNone,
  kPage,  // "page {x} of {y}"
  kDocument,
  kCheckpoint,
  kPools,     // "pools (a / b / owed)"
  kPersonId,  // the person's id in their side's list (a plan workbook's key column)
  // The columns of a list (people_list.h), beside kBirthDate and kCategory above.
  kSurname,
  kGivenName,
  kPatronymic,
  kFullName,
  kBirthPlace,
  kServiceNumber,
  kRank,
  kUnit,
  kSex,
  kNotes,
  // The links workbook (links_workbook.h).
  kLinks,
  kReviewQueue,
  kLink,
  kProbability,
  kList,
  kReasons,
  kDecidedBy,
  kAutoAccepted,
  kNeedsReview,
  kConfirmed,
  kRejected,
  // The match explanation of a link (link_paper.cpp); kLink, kProbability and the name
  // fields above serve it too.
  kMatchExplanation,
  kPriorOdds,
  kFinalScore,
  kOtherCandidates,  // the explanation row of a request's other candidates
  kNamesCrossed,     // surname and given name compared crossed (written in each other's columns)
  kAliasUsed,        // the pair matched under an alias, an earlier or respelled name
  // A Latin name read by another language's habit (names/latin_readings.h, LatinHabit order).
  kSpellingFrench,
  kSpellingGerman,
  kSpellingPolish,
  kSpellingGost,
  kSpellingSerbianCroatian,
  kSpellingBelarusian,
  kSpellingTurkish,
  kSpellingUnaccented,
  kField,
  kLevel,
  kWeight,
  kCount_,  // the number of words; not a word
};

// The word in one language.
[[nodiscard]] std::string_view WordText(ReportLanguage language, Word word);
// The word in every chosen language, joined by " / ".
[[nodiscard]] std::string Label(const std::vector<ReportLanguage>& languages, Word word);
// The word in every chosen language, one per line (column heads).
[[nodiscard]] std::string StackedLabel(const std::vector<ReportLanguage>& languages, Word word);
// "Сторінка 2 з 5 / Страница 2 из 5": kPage with its {x} and {y} filled in.
[[nodiscard]] std::string PageLabel(const std::vector<ReportLanguage>& languages, int page,
                                    int pages);

}  // namespace parley::report
