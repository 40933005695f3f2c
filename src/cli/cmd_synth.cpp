// `parley synth`: writes a synthetic exchange scenario (src/synth/scenario_writer.h) and prints
// what it wrote. Never touches a workspace.
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "synth/scenario_writer.h"

namespace parley::cli {
namespace {

void AddRate(CLI::App* cmd, const std::string& flag, double& value, const std::string& what) {
  cmd->add_option(flag, value, what + " (0..1)")->capture_default_str();
}

void PrintSummary(const synth::SynthSummary& s, const std::string& out_dir) {
  std::cout << "Synthetic scenario: " << s.people << " people, seed " << s.seed << ", in "
            << out_dir << "\n\nFiles\n";
  for (const auto& f : s.files) {
    std::cout << "  " << std::left << std::setw(16) << f.file << std::right << std::setw(10)
              << f.rows << " rows  " << f.encoding << "\n";
  }
  std::cout << "\nVariation injected\n";
  for (const auto& item : s.variations.Items()) {
    std::cout << "  " << std::left << std::setw(26) << item.name << std::right << std::setw(10)
              << item.count << "\n";
  }
  std::cout << "\nMediator rows by romanisation\n";
  for (int i = 0; i < synth::kRomanisationSystemCount; ++i) {
    std::cout << "  " << std::left << std::setw(26)
              << synth::RomanisationSystemName(static_cast<synth::RomanisationSystem>(i))
              << std::right << std::setw(10) << s.romanised_rows[static_cast<size_t>(i)] << "\n";
  }
}

}  // namespace

void RegisterSynthCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand(
      "synth",
      "Write a synthetic exchange scenario (request and custody lists of both sides, a Latin "
      "mediator list, truth) for tests, benchmarks and demos. No real personal data.");
  struct State {
    synth::SynthOptions options;
    std::string out_dir;
  };
  auto state = std::make_shared<State>();
  synth::SynthOptions& o = state->options;
  cmd->add_option("--people", o.people, "Number of distinct people")->capture_default_str();
  cmd->add_option("--seed", o.seed, "Seed: the same seed gives identical files")
      ->capture_default_str();
  cmd->add_option("--out", state->out_dir, "Folder to write (created if missing)")->required();
  AddJsonOption(*cmd, ctx);
  AddRate(cmd, "--mediator-share", o.mediator_share,
          "Share of Ukrainians held by Russia on the mediator's list");
  cmd->add_option("--mediator-batch", o.mediator_batch,
                  "Mediator rows per batch sharing one romanisation system")
      ->capture_default_str();
  AddRate(cmd, "--ukrainian-share", o.population.ukrainian_share, "Share of Ukrainians");
  AddRate(cmd, "--russian-passport", o.population.russian_passport_share,
          "Share of Ukrainians with Russian name forms on both sides");
  AddRate(cmd, "--namesake", o.population.namesake_rate,
          "Share of people copying an earlier person's surname and given name");
  AddRate(cmd, "--ukrainian-letters", o.ukrainian_letters_rate,
          "Share of ua-custody rows writing Russian names in Ukrainian letters");
  cmd->add_flag("--legacy-encodings", o.legacy_encodings,
                "Write ua-request.csv as UTF-8 with BOM, ru-custody.csv as Windows-1251 and "
                "ua-custody.csv as UTF-16LE");
  auto& r = o.rates;
  AddRate(cmd, "--duplicate", r.duplicate, "Rows listing a person a second time");
  AddRate(cmd, "--typo", r.typo, "Rows with a typo in a name");
  AddRate(cmd, "--year-only", r.year_only, "Birth dates written as the year only");
  AddRate(cmd, "--month-year", r.month_year, "Birth dates written as MM.YYYY");
  AddRate(cmd, "--day-month-swap", r.day_month_swap, "Birth dates with day and month swapped");
  AddRate(cmd, "--wrong-birth-year", r.wrong_birth_year, "Birth years off by one");
  AddRate(cmd, "--missing-patronymic", r.missing_patronymic, "Rows without the patronymic");
  AddRate(cmd, "--homoglyph", r.homoglyph, "Rows with Latin look-alikes in Cyrillic text");
  AddRate(cmd, "--apostrophe-variant", r.apostrophe_variant,
          "Rows with an apostrophe written as ' or U+2019 or U+02BC");
  AddRate(cmd, "--upper-case-surname", r.upper_case_surname, "Rows with the surname in capitals");
  AddRate(cmd, "--given-first", r.given_first_order,
          "Single-column rows written Given Patronymic Surname");
  AddRate(cmd, "--civilian-as-combatant", r.civilian_as_combatant,
          "Civilians the detaining side lists as combatants");
  AddRate(cmd, "--diminutive", r.diminutive,
          "Request rows giving the given name as a diminutive (Сашко)");
  AddRate(cmd, "--alias", r.alias,
          "People with a former surname: custody under it, the request gives it as an alias");
  AddRate(cmd, "--place-prefix", r.place_prefix, "Birth places written with м./г. in front");
  AddRate(cmd, "--number-format", r.number_format,
          "Service numbers with a space after the series or without the dash");

  cmd->callback([state, &ctx] {
    auto summary = synth::WriteScenario(state->options, state->out_dir);
    if (!summary) {
      ReportError(summary.error(), ctx);
      return;
    }
    if (ctx.json) {
      std::cout << summary->ToJson() << "\n";
    } else {
      PrintSummary(*summary, state->out_dir);
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
