#include "link/renamed_places.h"

#include <array>
#include <string>
#include <unordered_map>

#include "names/romanise_key.h"

namespace parley::link {
namespace {

struct Renaming {
  std::string_view current;
  std::string_view former;  // names separated by '|', Ukrainian and Russian spellings
};

constexpr auto kRenamings = std::to_array<Renaming>({
    {"Бахмут", "Артемівськ|Артёмовск"},
    {"Дніпро", "Дніпропетровськ|Днепропетровск"},
    {"Кропивницький", "Кіровоград|Кировоград"},
    {"Камʼянське", "Дніпродзержинськ|Днепродзержинск"},
    {"Чорноморськ", "Іллічівськ|Ильичёвск"},
    {"Вараш", "Кузнецовськ|Кузнецовск"},
    {"Сновськ", "Щорс"},
    {"Хорошів", "Володарськ-Волинський|Володарск-Волынский"},
    {"Маріуполь", "Жданов"},
    {"Звягель", "Новоград-Волинський|Новоград-Волынский"},
    {"Шептицький", "Червоноград"},
    {"Переяслав", "Переяслав-Хмельницький|Переяслав-Хмельницкий"},
});

// Former name's key -> current name's key, built once (thread-safe: a function-local static).
const std::unordered_map<std::string, std::string>& Table() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> out;
    for (const Renaming& r : kRenamings) {
      const std::string current = names::RomanKey(r.current).value_or("");
      std::string_view former = r.former;
      while (!former.empty()) {
        const std::size_t bar = former.find('|');
        const std::string key = names::RomanKey(former.substr(0, bar)).value_or("");
        if (!key.empty() && !current.empty()) out.emplace(key, current);
        if (bar == std::string_view::npos) break;
        former.remove_prefix(bar + 1);
      }
    }
    return out;
  }();
  return table;
}

}  // namespace

std::string_view CurrentPlaceKey(std::string_view key) {
  const auto& table = Table();
  const auto it = table.find(std::string(key));
  return it == table.end() ? key : std::string_view(it->second);
}

}  // namespace parley::link
