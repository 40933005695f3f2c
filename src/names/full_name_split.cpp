#include "names/full_name_split.h"

#include <cstdint>

namespace parley::names {

NameOrder DetectNameOrder(std::span<const std::string_view> full_names) {
  std::int64_t surname_first = 0;
  std::int64_t given_first = 0;
  for (std::string_view name : full_names) {
    const std::optional<NameOrder> vote = PatronymicOrderEvidence(name);
    if (vote == NameOrder::kSurnameFirst) ++surname_first;
    if (vote == NameOrder::kGivenFirst) ++given_first;
  }
  return given_first > surname_first ? NameOrder::kGivenFirst : NameOrder::kSurnameFirst;
}

NameParts SplitFullName(std::string_view full_name, NameOrderPrior prior) {
  auto parts = FindWrittenParts(full_name, prior);
  if (!parts) return NameParts{std::string(full_name), {}, {}};
  return NameParts{std::string(parts->surname.In(full_name)),
                   std::string(parts->given.In(full_name)),
                   std::string(parts->patronymic.In(full_name))};
}

}  // namespace parley::names
