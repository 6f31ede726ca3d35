// Spend per head on an outcome: the target group against the rest, year by year.
#include <algorithm>
#include <map>
#include <optional>

#include "compute/compute.h"

namespace outcomes::compute {

namespace {

// The published denominator of `indicator` for `area` in `period`, when above zero.
std::optional<double> PeopleIn(const Results& results, uint32_t indicator, int32_t area,
                               const model::Period& period) {
  const Cell* cell = results.CellAt(indicator, static_cast<uint32_t>(area), period);
  if (!cell || !cell->Published() || !model::Has(cell->denominator) || cell->denominator <= 0)
    return std::nullopt;
  return cell->denominator;
}

}  // namespace

std::optional<SpendTotal> LatestSpend(const model::Site& site, const std::string& area_code,
                                      const std::string& outcome_id,
                                      const std::vector<std::string>& categories) {
  std::optional<SpendTotal> total;
  for (const model::Spending& row : site.spending) {
    if (row.outcome != outcome_id || row.area != area_code) continue;
    if (!categories.empty() &&
        std::find(categories.begin(), categories.end(), row.category) == categories.end())
      continue;
    if (!total || total->period < row.period) total = SpendTotal{row.period, 0};
    if (row.period == total->period) total->amount += row.amount;
  }
  return total;
}

std::vector<SpendPerHeadYear> SpendPerHeadFor(const model::Site& site, const Results& results,
                                              const model::Outcome& outcome) {
  std::vector<SpendPerHeadYear> years;
  if (!outcome.spend_per_head) return years;
  const auto indicator = site.indicator_index.find(outcome.spend_per_head->population);
  const int32_t target = results.FindArea(site.config.gap_target);
  const int32_t rest = results.FindArea(site.config.gap_rest);
  if (indicator == site.indicator_index.end() || target < 0 || rest < 0) return years;
  const std::string& home = results.areas[results.home_area].code;

  struct Spend {
    std::optional<double> target, rest, home;
  };
  std::map<model::Period, Spend> spend;
  auto add = [](std::optional<double>& total, double amount) {
    total = total.value_or(0) + amount;
  };
  for (const model::Spending& row : site.spending) {
    if (row.outcome != outcome.id) continue;
    Spend& year = spend[row.period];
    if (row.area == site.config.gap_target) add(year.target, row.amount);
    else if (row.area == site.config.gap_rest) add(year.rest, row.amount);
    else if (row.area == home) add(year.home, row.amount);
  }
  for (const auto& [period, amounts] : spend) {
    if (!amounts.target) continue;
    SpendPerHeadYear year;
    year.period = period;
    year.target_spend = *amounts.target;
    if (amounts.rest) {
      year.rest_spend = *amounts.rest;
    } else if (amounts.home && *amounts.home >= *amounts.target) {
      year.rest_spend = *amounts.home - *amounts.target;
      year.rest_derived = true;
    } else {
      continue;
    }
    const auto target_people = PeopleIn(results, indicator->second, target, period);
    const auto rest_people = PeopleIn(results, indicator->second, rest, period);
    if (!target_people || !rest_people) continue;
    year.target_people = *target_people;
    year.rest_people = *rest_people;
    years.push_back(year);
  }
  return years;
}

}  // namespace outcomes::compute
