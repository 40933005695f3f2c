#include "lists/list_kind.h"

#include <string>

namespace parley {

std::string_view ListKindName(ListKind kind) {
  switch (kind) {
    case ListKind::kCustody: return "custody";
    case ListKind::kRequest: return "request";
    case ListKind::kOffer: return "offer";
    case ListKind::kMediator: return "mediator";
    case ListKind::kRemains: return "remains";
  }
  return "custody";
}

Result<ListKind> ParseListKind(std::string_view text) {
  for (ListKind k : {ListKind::kCustody, ListKind::kRequest, ListKind::kOffer,
                     ListKind::kMediator, ListKind::kRemains}) {
    if (ListKindName(k) == text) return k;
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown list kind '" + std::string(text) +
                  "'; use custody, request, offer, mediator or remains",
              {"", 0, 0, "--kind"});
}

}  // namespace parley
