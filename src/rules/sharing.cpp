#include "rules/sharing.h"

#include <algorithm>

namespace parley::rules {

const char* RecipientName(Recipient r) {
  return r == Recipient::kMediator ? "mediator" : "other_party";
}

bool SharingPolicy::Shares(Recipient recipient, std::string_view field) const {
  if (std::find(never.begin(), never.end(), field) != never.end()) return false;
  const RecipientFields& r = recipient == Recipient::kMediator ? mediator : other_party;
  return r.all || std::find(r.fields.begin(), r.fields.end(), field) != r.fields.end();
}

bool SharingPolicy::SharesAnything(Recipient recipient) const {
  const RecipientFields& r = recipient == Recipient::kMediator ? mediator : other_party;
  if (r.all) return true;
  return std::any_of(r.fields.begin(), r.fields.end(),
                     [&](const std::string& f) { return Shares(recipient, f); });
}

SharingPolicy DefaultSharingPolicy() {
  SharingPolicy p;
  // GC III Art. 17 identity, and what breaks ties between namesakes: what a mediator needs
  // to carry lists and confirm who is held. Health and free-text notes stay home.
  p.mediator.fields = {"surname",    "given_name",  "patronymic",     "full_name",
                       "birth_date", "birth_place", "service_number", "rank",
                       "unit",       "sex",         "category"};
  p.never = {"health", "notes"};
  return p;
}

}  // namespace parley::rules
