// parley/handover/test_workspace.h — for this module's unit tests only: a fresh workspace in a
// temporary folder (store/test_workspace.h) holding two small lists, one of each party
// ("ua-request" of side ua with records UA-1, UA-2; "ru-custody" of side ru with RU-1, RU-2).
#pragma once

#include <string>
#include <vector>

#include "store/test_workspace.h"

namespace parley::handover::testing {

class TestWorkspace : public store::testing::TempWorkspace {
 public:
  TestWorkspace() : TempWorkspace("parley-hand") {
    Import("ua-request", ListKind::kRequest, "ua", People("UA"));
    Import("ru-custody", ListKind::kCustody, "ru", People("RU"));
  }

 private:
  // PREFIX-1 and PREFIX-2, from rows 2 and 3 of their file.
  static std::vector<PersonRecord> People(const std::string& prefix) {
    std::vector<PersonRecord> people;
    for (int i = 1; i <= 2; ++i) {
      PersonRecord r;
      r.id = prefix + "-" + std::to_string(i);
      r.surname = prefix == "UA" ? "Шевченко" : "Иванов";
      r.given_name = prefix == "UA" ? "Дмитро" : "Сергей";
      r.birth_date = PartialDate{1990, 5, 0};
      r.source_row = i + 1;
      people.push_back(r);
    }
    return people;
  }
};

}  // namespace parley::handover::testing
