#include "handover/handover_event_kind.h"

#include <string>

namespace parley::handover {

std::string_view ToString(HandoverEventKind kind) {
  return kind == HandoverEventKind::kReceived ? "received" : "handed_over";
}

Result<HandoverEventKind> ParseHandoverEventKind(std::string_view text) {
  for (HandoverEventKind k : kHandoverEventKinds) {
    if (ToString(k) == text) return k;
  }
  return Fail(ErrorCode::kInvalidInput,
              "unknown handover event '" + std::string(text) + "'; use handed_over or received",
              {"", 0, 0, "event"});
}

}  // namespace parley::handover
