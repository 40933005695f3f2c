#include "rules/eligibility.h"

#include <algorithm>

#include "rules/text.h"

namespace parley::rules {
namespace {

bool IsCanonical(std::string_view field) {
  for (std::string_view c : kCanonicalColumns) {
    if (c == field) return true;
  }
  return false;
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

bool Truthy(std::string_view v) {
  std::string f = FoldAscii(v);
  return f == "yes" || f == "true" || f == "1" || f == "y";
}

// The latest full date a partial date allows.
PartialDate Latest(PartialDate d) {
  if (d.month == 0) return {d.year, 12, 31};
  if (d.day == 0) return {d.year, d.month, DaysInMonth(d.year, d.month)};
  return d;
}
PartialDate Earliest(PartialDate d) {
  return {d.year, d.month == 0 ? 1 : d.month, d.day == 0 ? 1 : d.day};
}

int FullAge(const PartialDate& birth, const PartialDate& on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

}  // namespace

const char* StatusName(Status status) {
  switch (status) {
    case Status::kEligible:
      return "eligible";
    case Status::kExcluded:
      return "excluded";
    case Status::kIneligible:
      return "ineligible";
  }
  return "ineligible";
}

std::string FieldOf(const PersonRecord& record, std::string_view field) {
  if (IsCanonical(field)) return CanonicalField(record, field);
  return std::string(record.Extra(field));
}

std::int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil, written out from the published derivation.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t yoe = year - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::optional<AgeRange> AgeOn(const PartialDate& birth, const PartialDate& on) {
  if (birth.IsUnknown()) return std::nullopt;
  return AgeRange{FullAge(Latest(birth), on), FullAge(Earliest(birth), on)};
}

std::optional<std::int64_t> CaptivityDays(const PersonRecord& record, const PartialDate& on) {
  std::string_view cell = record.Extra("capture_date");
  if (cell.empty()) return std::nullopt;
  DateBounds bounds;
  bounds.earliest_year = 1600;  // agreements reach back to 1862
  bounds.today = on;
  auto d = ParsePartialDate(cell, bounds);
  if (!d || d->IsUnknown()) return std::nullopt;
  PartialDate latest = Latest(*d);
  return DaysFromCivil(on.year, on.month, on.day) -
         DaysFromCivil(latest.year, latest.month, latest.day);
}

std::string DescribePredicate(const Predicate& p) {
  switch (p.kind) {
    case Predicate::Kind::kFieldIn:
      return p.field +
             (p.values.size() == 1 ? " is " + p.values[0] : " is one of: " + JoinValues(p.values));
    case Predicate::Kind::kAgeBetween:
      return "aged " + std::to_string(p.min_age) + " to " + std::to_string(p.max_age) +
             (p.age_on.IsUnknown() ? " on the agreement date" : " on " + p.age_on.ToIso());
    case Predicate::Kind::kCaptivityAtLeast:
      return "held at least " + std::to_string(p.min_days) + " days";
    case Predicate::Kind::kRequested:
      return p.requested ? "requested by name" : "not requested by name";
  }
  return "";
}

bool Matches(const Predicate& p, const PersonRecord& record, const PartialDate& on,
             std::string* why_not) {
  switch (p.kind) {
    case Predicate::Kind::kFieldIn: {
      std::string v = FoldAscii(FieldOf(record, p.field));
      for (const std::string& want : p.values) {
        if (FoldAscii(want) == v) return true;
      }
      if (why_not != nullptr) {
        *why_not =
            p.field + " is '" + FieldOf(record, p.field) + "', the rule needs " +
            (p.values.size() == 1 ? "'" + p.values[0] + "'" : "one of: " + JoinValues(p.values));
      }
      return false;
    }
    case Predicate::Kind::kAgeBetween: {
      auto age = AgeOn(record.birth_date, p.age_on.IsUnknown() ? on : p.age_on);
      if (age && age->youngest >= p.min_age && age->oldest <= p.max_age) return true;
      if (why_not != nullptr) {
        if (!age) {
          *why_not = "birth date unknown, the rule needs age " + std::to_string(p.min_age) + "-" +
                     std::to_string(p.max_age);
        } else if (age->youngest == age->oldest) {
          *why_not = "aged " + std::to_string(age->youngest) + ", the rule needs " +
                     std::to_string(p.min_age) + "-" + std::to_string(p.max_age);
        } else {
          *why_not = "aged " + std::to_string(age->youngest) + " or " +
                     std::to_string(age->oldest) + " (birth date incomplete), the rule needs " +
                     "certainly " + std::to_string(p.min_age) + "-" + std::to_string(p.max_age);
        }
      }
      return false;
    }
    case Predicate::Kind::kCaptivityAtLeast: {
      auto days = CaptivityDays(record, on);
      if (days && *days >= p.min_days) return true;
      if (why_not != nullptr) {
        *why_not = days ? "held " + std::to_string(*days) + " days, the rule needs " +
                              std::to_string(p.min_days)
                        : "capture_date missing or unreadable, the rule needs " +
                              std::to_string(p.min_days) + " days in captivity";
      }
      return false;
    }
    case Predicate::Kind::kRequested: {
      bool requested = Truthy(record.Extra("requested"));
      if (requested == p.requested) return true;
      if (why_not != nullptr) {
        *why_not = requested ? "requested by name, the rule is for those not requested"
                             : "not requested by name (column 'requested')";
      }
      return false;
    }
  }
  return false;
}

bool ExclusionMatches(const Exclusion& e, Side side, const PersonRecord& record,
                      const PartialDate& on) {
  bool by_id = false;
  for (const std::string& id : e.ids) {
    std::string_view v = id;
    if (v.size() > 2 && v[1] == ':' && (v[0] == 'a' || v[0] == 'b')) {
      if ((v[0] == 'a') != (side == Side::kA)) continue;
      v.remove_prefix(2);
    }
    if (v == record.id) {
      by_id = true;
      break;
    }
  }
  if (by_id) return true;
  if (e.when.empty()) return false;
  for (const Predicate& p : e.when) {
    if (!Matches(p, record, on)) return false;
  }
  return true;
}

Classification Classify(const Agreement& agreement, Side side, const PersonRecord& record) {
  Classification c;
  for (size_t i = 0; i < agreement.exclusions.size(); ++i) {
    if (ExclusionMatches(agreement.exclusions[i], side, record, agreement.date)) {
      c.status = Status::kExcluded;
      c.exclusion = static_cast<int>(i);
      return c;
    }
  }
  for (size_t i = 0; i < agreement.categories.size(); ++i) {
    const Category& cat = agreement.categories[i];
    if (!cat.Applies(side)) continue;
    bool all = true;
    for (const Predicate& p : cat.when) {
      if (!Matches(p, record, agreement.date)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    c.status = Status::kEligible;
    c.category = static_cast<int>(i);
    c.value = ValueOf(agreement, c.category, record);
    return c;
  }
  return c;
}

std::int64_t ValueOf(const Agreement& agreement, int category, const PersonRecord& record) {
  if (category >= 0 && agreement.categories[category].value) {
    return *agreement.categories[category].value;
  }
  if (!agreement.value.present) return 1;
  auto it = agreement.value.points.find(FoldAscii(FieldOf(record, agreement.value.field)));
  return it == agreement.value.points.end() ? agreement.value.default_value : it->second;
}

PriorityKey MakePriorityKey(const Agreement& agreement, const PersonRecord& record,
                            std::int64_t value) {
  PriorityKey key;
  key.reserve(agreement.priority.size());
  for (const PriorityCriterion& c : agreement.priority) {
    PriorityPart part;
    if (!c.order.empty()) {
      std::string v = FoldAscii(FieldOf(record, c.by));
      part.known = true;
      part.number = static_cast<std::int64_t>(c.order.size());
      for (size_t i = 0; i < c.order.size(); ++i) {
        if (FoldAscii(c.order[i]) == v) {
          part.number = static_cast<std::int64_t>(i);
          break;
        }
      }
    } else if (c.by == "age") {
      auto age = AgeOn(record.birth_date, agreement.date);
      part.known = age.has_value();
      if (age) part.number = age->youngest;
    } else if (c.by == "captivity_days") {
      auto days = CaptivityDays(record, agreement.date);
      part.known = days.has_value();
      if (days) part.number = *days;
    } else if (c.by == "value") {
      part.known = true;
      part.number = value;
    } else {
      part.text = FoldAscii(FieldOf(record, c.by));
      part.known = !part.text.empty();
    }
    key.push_back(std::move(part));
  }
  return key;
}

bool PriorityBefore(const Agreement& agreement, const PriorityKey& x, std::string_view id_x,
                    const PriorityKey& y, std::string_view id_y) {
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    const PriorityPart& a = x[i];
    const PriorityPart& b = y[i];
    if (a.known != b.known) return a.known;
    if (!a.known) continue;
    // An explicit `order` list always ranks listed-first first, whatever the direction.
    bool desc = agreement.priority[i].descending && agreement.priority[i].order.empty();
    if (a.number != b.number) return desc ? a.number > b.number : a.number < b.number;
    if (a.text != b.text) return desc ? a.text > b.text : a.text < b.text;
  }
  return id_x < id_y;
}

}  // namespace parley::rules
