#include "report/report_language.h"

#include <algorithm>
#include <cstddef>

namespace parley::report {
namespace {

struct WordRow {
  Word word;
  std::array<std::string_view, 4> text;  // uk, ru, en, tr (kReportLanguages' order)
};

// One row per word; the order of the columns is kReportLanguages'.
constexpr WordRow kWords[] = {
    {Word::kAgreement, {"Угода", "Соглашение", "Agreement", "Anlaşma"}},
    {Word::kPlainSummary,
     {"Короткий зміст (англійською)", "Краткое содержание (на английском)",
      "Plain summary (in English)", "Özet (İngilizce)"}},
    {Word::kAgreementText,
     {"Текст угоди", "Текст соглашения", "Text of the agreement", "Anlaşma metni"}},
    {Word::kParties, {"Сторони", "Стороны", "Parties", "Taraflar"}},
    {Word::kPartyA, {"Сторона A", "Сторона A", "Party A", "Taraf A"}},
    {Word::kPartyB, {"Сторона B", "Сторона B", "Party B", "Taraf B"}},
    {Word::kMediator, {"Посередник", "Посредник", "Mediator", "Arabulucu"}},
    {Word::kSignatures, {"Підписи", "Подписи", "Signatures", "İmzalar"}},
    {Word::kSignedBy, {"Підписано", "Подписано", "Signed by", "İmzalayan"}},
    {Word::kNotYetSigned,
     {"Ще не підписано", "Ещё не подписано", "Not yet signed", "Henüz imzalanmadı"}},
    {Word::kSignature, {"Підпис", "Подпись", "Signature", "İmza"}},
    {Word::kDateLine, {"Дата", "Дата", "Date", "Tarih"}},
    {Word::kVersion, {"Версія", "Версия", "Version", "Sürüm"}},
    {Word::kExchangeList, {"Список обміну", "Список обмена", "Exchange list", "Değişim listesi"}},
    {Word::kActOfTransfer, {"Акт передачі", "Акт передачи", "Act of transfer", "Teslim tutanağı"}},
    {Word::kPlanSummary, {"Зведення плану", "Сводка плана", "Plan summary", "Plan özeti"}},
    {Word::kPlan, {"План", "План", "Plan", "Plan"}},
    {Word::kPhase, {"Етап", "Этап", "Phase", "Aşama"}},
    {Word::kDirection, {"Напрямок", "Направление", "Direction", "Yön"}},
    {Word::kNumber, {"№", "№", "No.", "No."}},
    {Word::kName, {"Ім'я", "Имя", "Name", "Ad"}},
    {Word::kRomanisation, {"Латиницею", "Латиницей", "In Latin letters", "Latin harfleriyle"}},
    {Word::kBirthDate, {"Дата народження", "Дата рождения", "Date of birth", "Doğum tarihi"}},
    {Word::kCategory, {"Категорія", "Категория", "Category", "Kategori"}},
    {Word::kRule, {"Правило", "Правило", "Rule", "Kural"}},
    {Word::kStatus, {"Стан", "Статус", "Status", "Durum"}},
    {Word::kTime, {"Час", "Время", "Time", "Saat"}},
    {Word::kPlace, {"Місце", "Место", "Place", "Yer"}},
    {Word::kHandedOverAndReceived,
     {"Передані та прийняті", "Переданные и принятые", "Handed over and received",
      "Teslim edilenler ve teslim alınanlar"}},
    {Word::kRefusals,
     {"Відмови та виключення", "Отказы и исключения", "Refusals and exclusions",
      "Retler ve çıkarılanlar"}},
    {Word::kReasonCode, {"Код причини", "Код причины", "Reason code", "Neden kodu"}},
    {Word::kOutstanding, {"Очікуються", "Ожидаются", "Outstanding", "Bekleyenler"}},
    {Word::kBalancePerPhase,
     {"Баланс за етапами", "Баланс по этапам", "Balance per phase", "Aşamalara göre denge"}},
    {Word::kHandoverProgress,
     {"Хід передачі", "Ход передачи", "Handover progress", "Teslim ilerlemesi"}},
    {Word::kPromised, {"Заплановано", "Запланировано", "Promised", "Planlanan"}},
    {Word::kHandedOver, {"Передано", "Передано", "Handed over", "Teslim edildi"}},
    {Word::kReceived, {"Прийнято", "Принято", "Received", "Teslim alındı"}},
    {Word::kExcluded, {"Виключено", "Исключено", "Excluded", "Çıkarıldı"}},
    {Word::kTotal, {"Разом", "Итого", "Total", "Toplam"}},
    {Word::kHandsOver, {"передає", "передаёт", "hands over", "teslim eder"}},
    {Word::kPeople, {"осіб", "человек", "people", "kişi"}},
    {Word::kNone, {"немає", "нет", "none", "yok"}},
    {Word::kPage,
     {"Сторінка {x} з {y}", "Страница {x} из {y}", "Page {x} of {y}", "Sayfa {x} / {y}"}},
    {Word::kDocument, {"Документ", "Документ", "Document", "Belge"}},
    {Word::kCheckpoint,
     {"Контрольна точка журналу", "Контрольная точка журнала", "Ledger checkpoint",
      "Kayıt defteri kontrol noktası"}},
    {Word::kPools,
     {"Пули (A / B / борг)", "Пулы (A / B / долг)", "Pools (A / B / owed)",
      "Havuzlar (A / B / borç)"}},
    {Word::kPersonId, {"Ідентифікатор", "Идентификатор", "ID", "Kimlik"}},
    {Word::kSurname, {"Прізвище", "Фамилия", "Surname", "Soyadı"}},
    {Word::kGivenName, {"Ім'я", "Имя", "Given name", "Adı"}},
    {Word::kPatronymic, {"По батькові", "Отчество", "Patronymic", "Baba adı"}},
    {Word::kFullName,
     {"Прізвище, ім'я, по батькові", "Фамилия, имя, отчество", "Full name", "Tam adı"}},
    {Word::kBirthPlace, {"Місце народження", "Место рождения", "Place of birth", "Doğum yeri"}},
    {Word::kServiceNumber, {"Особистий номер", "Личный номер", "Service number", "Sicil numarası"}},
    {Word::kRank, {"Звання", "Звание", "Rank", "Rütbe"}},
    {Word::kUnit, {"Частина", "Воинская часть", "Unit", "Birlik"}},
    {Word::kSex, {"Стать", "Пол", "Sex", "Cinsiyet"}},
    {Word::kNotes, {"Примітки", "Примечания", "Notes", "Notlar"}},
    {Word::kLinks, {"Зв'язки", "Связи", "Links", "Eşleşmeler"}},
    {Word::kReviewQueue,
     {"Черга перевірки", "Очередь проверки", "Review queue", "İnceleme kuyruğu"}},
    {Word::kLink, {"Зв'язок", "Связь", "Link", "Eşleşme"}},
    {Word::kProbability, {"Ймовірність", "Вероятность", "Probability", "Olasılık"}},
    {Word::kList, {"Список", "Список", "List", "Liste"}},
    {Word::kReasons,
     {"Причини (поле: рівень, вага)", "Причины (поле: уровень, вес)",
      "Reasons (field: level, weight)", "Gerekçeler (alan: düzey, ağırlık)"}},
    {Word::kDecidedBy, {"Вирішив", "Решил", "Decided by", "Karar veren"}},
    {Word::kAutoAccepted,
     {"прийнято автоматично", "принято автоматически", "accepted automatically",
      "otomatik kabul edildi"}},
    {Word::kNeedsReview,
     {"чекає перевірки", "ждёт проверки", "waiting for review", "inceleme bekliyor"}},
    {Word::kConfirmed, {"підтверджено", "подтверждено", "confirmed", "onaylandı"}},
    {Word::kRejected, {"відхилено", "отклонено", "rejected", "reddedildi"}},
    {Word::kMatchExplanation,
     {"Пояснення збігу: внесок кожного поля", "Объяснение совпадения: вклад каждого поля",
      "Match explanation: what each field added", "Eşleşme açıklaması: her alanın katkısı"}},
    {Word::kPriorOdds,
     {"Апріорно (log2 шансів)", "Априорно (log2 шансов)", "Prior (log2 odds)",
      "Önsel (log2 olasılık oranı)"}},
    {Word::kFinalScore,
     {"Підсумок (log2 шансів)", "Итог (log2 шансов)", "Final score (log2 odds)",
      "Sonuç (log2 olasılık oranı)"}},
    {Word::kOtherCandidates,
     {"Інші кандидати рядка", "Другие кандидаты строки", "Other candidates of the row",
      "Satırın diğer adayları"}},
    {Word::kNamesCrossed,
     {"прізвище та ім'я порівняно навхрест (записані у стовпцях одне одного)",
      "фамилия и имя сравнены крест-накрест (записаны в столбцах друг друга)",
      "surname and given name compared crossed (written in each other's columns)",
      "soyadı ve ad çapraz karşılaştırıldı (birbirinin sütununa yazılmış)"}},
    {Word::kAliasUsed,
     {"Збіг за іншим іменем", "Совпадение по другому имени", "Matched under another name",
      "Başka bir adla eşleşti"}},
    {Word::kSpellingFrench,
     {"французьке написання", "французское написание", "French spelling", "Fransızca yazım"}},
    {Word::kSpellingGerman,
     {"німецьке написання", "немецкое написание", "German spelling", "Almanca yazım"}},
    {Word::kSpellingPolish,
     {"польське написання", "польское написание", "Polish spelling", "Lehçe yazım"}},
    {Word::kSpellingGost,
     {"написання за ГОСТ 7.79 Б", "написание по ГОСТ 7.79 Б", "GOST 7.79 B spelling",
      "GOST 7.79 B yazımı"}},
    {Word::kSpellingSerbianCroatian,
     {"сербське чи хорватське написання", "сербское или хорватское написание",
      "Serbian/Croatian spelling", "Sırpça veya Hırvatça yazım"}},
    {Word::kSpellingBelarusian,
     {"білоруське написання", "белорусское написание", "Belarusian spelling", "Belarusça yazım"}},
    {Word::kSpellingTurkish,
     {"турецьке написання", "турецкое написание", "Turkish spelling", "Türkçe yazım"}},
    {Word::kSpellingUnaccented,
     {"без діакритичних знаків", "без диакритических знаков", "written without diacritics",
      "aksan işaretleri olmadan"}},
    {Word::kField, {"Поле", "Поле", "Field", "Alan"}},
    {Word::kLevel, {"Рівень збігу", "Уровень совпадения", "Agreement level", "Uyum düzeyi"}},
    {Word::kWeight, {"Вага", "Вес", "Weight", "Ağırlık"}},
};
static_assert(std::size(kWords) == static_cast<std::size_t>(Word::kCount_),
              "every Word has one row in kWords");
constexpr bool RowsInEnumOrder() {
  for (std::size_t i = 0; i < std::size(kWords); ++i) {
    if (kWords[i].word != static_cast<Word>(i)) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kWords lists the words in Word's order (WordText indexes it)");

std::size_t Index(ReportLanguage language) { return static_cast<std::size_t>(language); }

std::string Joined(const std::vector<ReportLanguage>& languages, Word word, std::string_view sep) {
  std::string out;
  for (ReportLanguage language : languages) {
    const std::string_view text = WordText(language, word);
    // Two languages that share a word (Етап / Этап differ, План / План do not) print it once.
    bool seen = false;
    for (ReportLanguage earlier : languages) {
      if (earlier == language) break;
      seen = seen || WordText(earlier, word) == text;
    }
    if (seen) continue;
    if (!out.empty()) out += sep;
    out += text;
  }
  return out;
}

void ReplaceAll(std::string& text, std::string_view from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

}  // namespace

std::string_view LanguageCode(ReportLanguage language) {
  static constexpr std::array<std::string_view, 4> kCodes = {"uk", "ru", "en", "tr"};
  return kCodes[Index(language)];
}

Result<std::vector<ReportLanguage>> ParseReportLanguages(std::string_view text) {
  std::vector<ReportLanguage> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view code = text.substr(start, comma - start);
    const auto* found = std::ranges::find_if(
        kReportLanguages, [&](ReportLanguage l) { return LanguageCode(l) == code; });
    if (found == kReportLanguages.end()) {
      return Fail(ErrorCode::kInvalidInput,
                  "unknown language '" + std::string(code) +
                      "' in --lang; use two or three of "
                      "uk, ru, en, tr separated by commas (e.g. uk,ru or uk,ru,en)");
    }
    if (std::ranges::find(out, *found) != out.end()) {
      return Fail(ErrorCode::kInvalidInput,
                  "language '" + std::string(code) + "' is named twice in --lang");
    }
    out.push_back(*found);
    start = comma + 1;
  }
  if (out.size() < 2 || out.size() > 3) {
    return Fail(ErrorCode::kInvalidInput,
                "--lang names " + std::to_string(out.size()) +
                    " language(s); a paper is printed in two or three (e.g. uk,ru or uk,ru,en)");
  }
  return out;
}

std::string_view WordText(ReportLanguage language, Word word) {
  return kWords[static_cast<std::size_t>(word)].text[Index(language)];
}

std::string Label(const std::vector<ReportLanguage>& languages, Word word) {
  return Joined(languages, word, " / ");
}

std::string StackedLabel(const std::vector<ReportLanguage>& languages, Word word) {
  return Joined(languages, word, "\n");
}

std::string PageLabel(const std::vector<ReportLanguage>& languages, int page, int pages) {
  std::string out = Label(languages, Word::kPage);
  ReplaceAll(out, "{x}", std::to_string(page));
  ReplaceAll(out, "{y}", std::to_string(pages));
  return out;
}

}  // namespace parley::report
