#include "handover/handover_event_kind.h"

#include <string>

#include "handover/internal/parse_by_name.h"

namespace parley::handover {

std::string_view ToString(HandoverEventKind kind) {
  return kind == HandoverEventKind::kReceived ? "received" : "handed_over";
}

Result<HandoverEventKind> ParseHandoverEventKind(std::string_view text) {
  return internal::ParseByName(text, kHandoverEventKinds, "handover event", "event");
}

}  // namespace parley::handover
