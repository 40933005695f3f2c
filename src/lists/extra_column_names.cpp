#include "lists/extra_column_names.h"

#include <unordered_set>

#include "lists/header_map.h"
#include "lists/person_record.h"

namespace parley {

std::vector<std::string> ExtraColumnNames(std::span<const std::string> header,
                                          const std::function<bool(std::string_view)>& is_aliases) {
  std::vector<std::string> names;
  names.reserve(header.size());
  std::unordered_set<std::string_view> headers_seen;
  std::unordered_set<std::string> taken;
  taken.reserve(header.size());
  bool aliases_taken = false;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i];
    std::string suffix = " (" + std::to_string(i + 1) + ")";
    std::string name;
    bool repeated = !headers_seen.insert(h).second;
    if (h.empty()) {
      name = "column " + std::to_string(i + 1);
    } else if (!aliases_taken && (is_aliases ? is_aliases(h) : IsAliasesHeader(h))) {
      name = std::string(kAliasesColumn);
      aliases_taken = true;
    } else {
      name = repeated ? h + suffix : h;
    }
    // Only a header that spells another column's generated name lands here; each round adds
    // a suffix no other column has, so this ends.
    while (taken.contains(name)) name += suffix;
    taken.insert(name);
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace parley
