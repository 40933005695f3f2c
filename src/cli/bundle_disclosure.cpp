#include "cli/bundle_disclosure.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

namespace parley::cli {

FieldSummary SummariseFields(const ledger::Disclosure& disclosure) {
  std::set<std::string> shown, withheld;
  for (const auto& list : disclosure.lists) {
    for (const auto& record : list.records) {
      for (const auto& f : record.fields) (f.shown ? shown : withheld).insert(f.field);
    }
  }
  return {{shown.begin(), shown.end()}, {withheld.begin(), withheld.end()}};
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

void PrintDisclosure(const ledger::Disclosure& disclosure) {
  const FieldSummary fields = SummariseFields(disclosure);
  std::cout << "disclosure for " << disclosure.recipient << " (" << disclosure.role
            << "), signed by " << disclosure.signer << "\n"
            << "shown: " << JoinNames(fields.shown) << "\n"
            << "withheld (commitments only): " << JoinNames(fields.withheld) << "\n";
  for (const auto& list : disclosure.lists) {
    std::cout << "list " << list.list << " version " << list.version << " (entry seq " << list.seq
              << "): " << list.records.size() << " records\n";
    for (const auto& record : list.records) {
      std::cout << "  " << record.id;
      for (const auto& f : record.fields) {
        if (f.shown && !f.value.empty()) std::cout << "  " << f.field << "=" << f.value;
      }
      std::cout << "\n";
    }
  }
}

std::string DisclosureJson(const ledger::Disclosure& disclosure) {
  nlohmann::json lists = nlohmann::json::array();
  for (const auto& list : disclosure.lists) {
    nlohmann::json records = nlohmann::json::array();
    for (const auto& record : list.records) {
      nlohmann::json shown = nlohmann::json::object();
      nlohmann::json withheld = nlohmann::json::array();
      for (const auto& f : record.fields) {
        if (f.shown) {
          shown[f.field] = f.value;
        } else {
          withheld.push_back(f.field);
        }
      }
      records.push_back({{"id", record.id},
                         {"record_version", record.version},
                         {"shown", shown},
                         {"withheld", withheld}});
    }
    lists.push_back(
        {{"list", list.list}, {"version", list.version}, {"seq", list.seq}, {"records", records}});
  }
  return nlohmann::json{{"for", disclosure.recipient},
                        {"role", disclosure.role},
                        {"signer", disclosure.signer},
                        {"lists", lists}}
      .dump(2);
}

}  // namespace parley::cli
