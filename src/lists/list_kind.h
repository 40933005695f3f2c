// parley/lists/list_kind.h — what a list is for (SYSTEM.md: custody, request, offer,
// mediator, remains).
#pragma once

#include <string_view>

#include "core/error.h"

namespace parley {

enum class ListKind { kCustody, kRequest, kOffer, kMediator, kRemains };

[[nodiscard]] std::string_view ListKindName(ListKind kind);
// Accepts the lower-case names above; the error lists them.
[[nodiscard]] Result<ListKind> ParseListKind(std::string_view text);

}  // namespace parley
