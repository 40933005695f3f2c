// The Belarusian forms of given names and patronymics: written from general knowledge of
// Belarusian naming (akanye: Аляксандр, Мікалай; дз and ц for soft д and т: Дзмітрый, Віталь;
// ў: Яўген, -аўна) and of its romanisations (the national system of 2007 and BGN/PCGN:
// Aliaksandr, Uladzimir, Ryhor, Dzmitry; the patronymic -avich / -evich, -auna / -euna). Each row
// names the table's group by its Ukrainian official form. Russian and Ukrainian forms of the
// same names are in given_names_table.cpp; spellings the key already unifies (Aliaksandr /
// Alyaksandr, Siarhei / Siarhey) need not be listed twice. A native-speaking clerk should
// review additions.
#include "names/internal/belarusian_forms_table.h"

#include <array>

namespace parley::names::internal {
namespace {

constexpr auto kRows = std::to_array<BelarusianFormsRow>({
    // group (Ukrainian), Belarusian forms (Cyrillic and Latin), patronymics (masculine|feminine)
    {"Олександр", "Аляксандр|Aliaksandr|Alyaksandr|Aleksandr",
     "Аляксандравіч|Аляксандраўна|Aliaksandravich|Aliaksandrauna"},
    {"Олексій", "Аляксей|Aliaksei|Aliaksey|Alyaksey",
     "Аляксеевіч|Аляксееўна|Aliakseevich|Aliakseeuna"},
    {"Андрій", "Андрэй|Andrei|Andrey", "Андрэевіч|Андрэеўна|Andreevich|Andreeuna"},
    {"Сергій", "Сяргей|Siarhei|Siarhey|Sergei", "Сяргеевіч|Сяргееўна|Siarheevich|Siarheeuna"},
    {"Володимир", "Уладзімір|Uladzimir|Uladzimer",
     "Уладзіміравіч|Уладзіміраўна|Uladzimiravich|Uladzimirauna"},
    {"Дмитро", "Дзмітрый|Dzmitry|Dzmitryi|Dzmitriy",
     "Дзмітрыевіч|Дзмітрыеўна|Dzmitryevich|Dzmitryeuna|Dzmitrievich|Dzmitrieuna"},
    {"Микола", "Мікалай|Mikalai|Mikalay|Mikola", "Мікалаевіч|Мікалаеўна|Mikalaevich|Mikalaeuna"},
    {"Юрій", "Юрый|Yury|Yuryi", "Юр'евіч|Юр'еўна|Yurevich|Yureuna|Yurievich|Yurieuna"},
    {"Василь", "Васіль|Vasil|Vasil'",
     "Васільевіч|Васільеўна|Vasilevich|Vasileuna|Vasilyevich|Vasilyeuna"},
    {"Михайло", "Міхаіл|Міхась|Mikhail|Mikhas|Mihail",
     "Міхайлавіч|Міхайлаўна|Mikhailavich|Mikhailauna|Mihailavich|Mihailauna"},
    {"Петро", "Пётр|Пятро|Piotr|Piatro|Pyotr",
     "Пятровіч|Пятроўна|Piatrovich|Piatrouna|Pyatrovich|Pyatrouna"},
    {"Павло", "Павел|Pavel|Paval", "Паўлавіч|Паўлаўна|Paulavich|Paulauna"},
    {"Євген", "Яўген|Yauhen|Yauheni|Jauhien",
     "Яўгенавіч|Яўгенаўна|Yauhenavich|Yauhenauna|Yauhenievich|Yauhenieuna"},
    {"Григорій", "Рыгор|Ryhor|Rygor|Hryhory",
     "Рыгоравіч|Рыгораўна|Ryhoravich|Ryhorauna|Ryhorovich|Ryhorouna"},
    {"Федір", "Фёдар|Тодар|Fiodar|Fedar|Todar",
     "Фёдаравіч|Фёдараўна|Fiodaravich|Fiodarauna|Fedaravich|Fedarauna"},
    {"Іван", "Іван|Ivan", "Іванавіч|Іванаўна|Ivanavich|Ivanauna"},
    {"Віктор", "Віктар|Viktar", "Віктаравіч|Віктараўна|Viktaravich|Viktarauna"},
    {"Віталій", "Віталь|Vital|Vitali",
     "Віталевіч|Віталеўна|Vitalevich|Vitaleuna|Vitalyevich|Vitalyeuna"},
    {"Вадим", "Вадзім|Vadzim", "Вадзімавіч|Вадзімаўна|Vadzimavich|Vadzimauna"},
    {"Валерій", "Валерый|Valery|Valeryi",
     "Валер'евіч|Валер'еўна|Valerevich|Valereuna|Valeryevich|Valeryeuna"},
    {"Анатолій", "Анатоль|Anatol",
     "Анатольевіч|Анатольеўна|Anatolevich|Anatoleuna|Anatolyevich|Anatolyeuna"},
    {"Борис", "Барыс|Barys", "Барысавіч|Барысаўна|Barysavich|Barysauna"},
    {"Ігор", "Ігар|Ihar|Igar", "Ігаравіч|Ігараўна|Iharavich|Iharauna"},
    {"Олег", "Алег|Aleh|Aleg", "Алегавіч|Алегаўна|Alehavich|Alehauna"},
    {"Роман", "Раман|Raman", "Раманавіч|Раманаўна|Ramanavich|Ramanauna"},
    {"Станіслав", "Станіслаў|Stanislau",
     "Станіслававіч|Станіславаўна|Stanislavavich|Stanislavauna"},
    {"Владислав", "Уладзіслаў|Uladzislau",
     "Уладзіслававіч|Уладзіславаўна|Uladzislavavich|Uladzislavauna"},
    {"Вʼячеслав", "Вячаслаў|Viachaslau|Vyachaslau",
     "Вячаслававіч|Вячаславаўна|Viachaslavavich|Viachaslavauna|Vyachaslavavich|Vyachaslavauna"},
    {"Максим", "Максім|Maksim", "Максімавіч|Максімаўна|Maksimavich|Maksimauna"},
    {"Артем", "Арцём|Artsiom|Artsem", "Арцёмавіч|Арцёмаўна|Artsiomavich|Artsiomauna"},
    {"Кирило", "Кірыла|Kiryl|Kiryla", "Кірылавіч|Кірылаўна|Kirylavich|Kirylauna"},
    {"Костянтин", "Канстанцін|Kanstantsin",
     "Канстанцінавіч|Канстанцінаўна|Kanstantsinavich|Kanstantsinauna"},
    {"Леонід", "Леанід|Leanid", "Леанідавіч|Леанідаўна|Leanidavich|Leanidauna"},
    {"Геннадій", "Генадзь|Henadz|Genadz|Hienadz",
     "Генадзевіч|Генадзеўна|Henadzevich|Henadzeuna|Genadzevich|Genadzeuna"},
    {"Георгій", "Георгій|Heorhi|Georgi", "Георгіевіч|Георгіеўна|Heorhievich|Heorhieuna"},
    {"Ілля", "Ілья|Illia|Ilya", "Ільіч|Ільінічна|Ilyich|Ilyinichna"},
    {"Йосип", "Іосіф|Язэп|Iosif|Yazep",
     "Іосіфавіч|Іосіфаўна|Iosifavich|Iosifauna|Yazepavich|Yazepauna"},
    {"Гліб", "Глеб|Hleb", "Глебавіч|Глебаўна|Hlebavich|Hlebauna"},
    {"Антон", "Антон|Anton", "Антонавіч|Антонаўна|Antonavich|Antonauna"},
    {"Степан", "Сцяпан|Stsiapan", "Сцяпанавіч|Сцяпанаўна|Stsiapanavich|Stsiapanauna"},
    {"Семен", "Сямён|Siamion|Syamyon", "Сямёнавіч|Сямёнаўна|Siamionavich|Siamionauna"},
    {"Олена", "Алена|Alena|Alyona", ""},
    {"Ганна", "Ганна|Hanna", ""},
    {"Наталія", "Наталля|Natallia|Natalya", ""},
    {"Тетяна", "Таццяна|Tatsiana|Tatsyana", ""},
    {"Катерина", "Кацярына|Katsiaryna|Katsyaryna", ""},
    {"Ольга", "Вольга|Volha|Volga", ""},
    {"Ірина", "Ірына|Iryna", ""},
    {"Світлана", "Святлана|Sviatlana|Svyatlana", ""},
    {"Людмила", "Людміла|Liudmila|Lyudmila", ""},
    {"Лідія", "Лідзія|Lidziya|Lidzia|Lidziia", ""},
    {"Галина", "Галіна|Halina", ""},
    {"Вікторія", "Вікторыя|Viktoryia|Viktoria", ""},
});

}  // namespace

std::span<const BelarusianFormsRow> BelarusianFormsRows() { return kRows; }

}  // namespace parley::names::internal
