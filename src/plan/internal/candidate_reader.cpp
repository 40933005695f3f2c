#include "plan/internal/candidate_reader.h"

#include "core/try.h"
#include "lists/list_file.h"

namespace parley::plan::internal {

Result<std::vector<PersonRecord>> ReadCandidates(const std::string& path) {
  // Agreements may be historical (examples/agreements/dix-hill-1862.toml plans men born in the
  // 1820s), so the import's 1900 floor on birth years does not apply; the future check does.
  ListReadOptions options;
  options.date_bounds.earliest_year = 1000;
  PARLEY_ASSIGN_OR_RETURN(ListFile file, ReadListFile(path, options));
  if (!file.rejects.empty()) {
    Error first = file.rejects.front().error;
    if (file.rejects.size() > 1) {
      first.message += " (and " + std::to_string(file.rejects.size() - 1) +
                       " more invalid rows; `parley import` lists them all)";
    }
    return std::unexpected(first);
  }
  return std::move(file.records);
}

}  // namespace parley::plan::internal
