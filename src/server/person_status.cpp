#include "server/person_status.h"

namespace parley::server {

std::string DerivePersonStatus(const std::optional<Interview>& interview,
                               const std::vector<HandoverEvent>& events) {
  bool handed_over = false;
  for (const auto& e : events) {
    if (e.event == "received") return "received";
    handed_over = handed_over || e.event == "handed_over";
  }
  if (handed_over) return "handed_over";
  if (!interview) return "listed";
  const std::string& o = interview->outcome;
  if (o == "consents") return "interviewed";
  if (o == "refuses") return "refused";
  if (o == "not_presented") return "withheld";
  return o;  // unfit, deceased
}

}  // namespace parley::server
