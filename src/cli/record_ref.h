// parley/cli/record_ref.h — naming a person record on the command line.
//
// Contract: "1234" is a record ID (as `parley show` prints it); "LIST:KEY" is the row whose
// id column is KEY in LIST. kInvalidInput for anything else, kNotFound for an unknown row.
//
//   PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ResolveRecordRef(ws, "ru-custody:R-0042"));
#pragma once

#include <cstdint>
#include <string>

#include "store/workspace.h"

namespace parley::cli {

[[nodiscard]] Result<std::int64_t> ResolveRecordRef(store::Workspace& ws, const std::string& text);

}  // namespace parley::cli
