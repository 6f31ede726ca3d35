// Checks that need more than one file: references between site.yaml, outcomes, indicators,
// areas, observations and content, duplicate observations, and indicators without data.
#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/text.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"

namespace outcomes::load::internal {

namespace {

std::string At(const base::Location& location) {
  return location.file + ":" + std::to_string(location.line);
}

void ValidateConfig(const model::Site& site, base::Diagnostics& diagnostics) {
  const auto& config = site.config;
  if (!config.home_area.empty() && !site.FindArea(config.home_area))
    diagnostics.Error(config.home_area_location,
                      "home_area '" + config.home_area + "' is not in data/areas.csv");
  if (config.comparators.size() > 6)
    diagnostics.Error(config.comparator_locations[6], "at most 6 comparators are supported");
  for (size_t idx = 0; idx < config.comparators.size(); ++idx)
    if (!site.FindArea(config.comparators[idx]))
      diagnostics.Error(config.comparator_locations[idx],
                        "comparator '" + config.comparators[idx] + "' is not in data/areas.csv");
  // Wards per parent, and per parent and tag (a ward counted once per tag), so that counting a
  // group's members does not walk every area for every group.
  std::unordered_map<std::string, size_t> wards_of;
  std::unordered_map<std::string, size_t> tagged_wards_of;  // key: parent + '\n' + tag
  for (const auto& area : site.areas) {
    if (area.type != "ward") continue;
    ++wards_of[area.parent];
    std::vector<std::string> tags = area.tags;
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    for (const auto& tag : tags) ++tagged_wards_of[area.parent + '\n' + tag];
  }
  const auto count_of = [](const std::unordered_map<std::string, size_t>& counts,
                           const std::string& key) {
    const auto found = counts.find(key);
    return found == counts.end() ? size_t{0} : found->second;
  };
  std::set<std::string> group_ids;
  for (const auto& group : config.groups) {
    if (!group_ids.insert(group.id).second)
      diagnostics.Error(group.location, "group id '" + group.id + "' is used twice");
    if (site.FindArea(group.id))
      diagnostics.Error(group.location,
                        "group id '" + group.id + "' is also an area code; use another id");
    const std::string& within = group.within.empty() ? config.home_area : group.within;
    if (!group.within.empty() && !site.FindArea(group.within)) {
      diagnostics.Error(group.location, "group '" + group.id + "': within '" + group.within +
                                            "' is not in data/areas.csv");
      continue;
    }
    const size_t members = group.tag.empty()
                               ? count_of(wards_of, within) -
                                     count_of(tagged_wards_of, within + '\n' + group.without_tag)
                               : count_of(tagged_wards_of, within + '\n' + group.tag);
    if (members == 0 && site.FindArea(within))
      diagnostics.Error(group.location, "group '" + group.id + "' has no member wards",
                        "members are wards whose parent is " + within + " and that " +
                            (group.tag.empty() ? "do not carry tag '" + group.without_tag + "'"
                                               : "carry tag '" + group.tag + "'"));
  }
  if (!config.gap_target.empty() && !group_ids.count(config.gap_target))
    diagnostics.Error(config.gap_target_location,
                      "gap refers to unknown group '" + config.gap_target + "'");
  if (!config.gap_rest.empty() && !group_ids.count(config.gap_rest))
    diagnostics.Error(config.gap_rest_location,
                      "gap refers to unknown group '" + config.gap_rest + "'");
  std::set<std::string_view> outcome_ids;
  for (const auto& outcome : site.outcomes) outcome_ids.insert(outcome.id);
  for (const auto& pack : config.packs) {
    if (!pack.area.empty()) {
      const model::Area* area = site.FindArea(pack.area);
      if (!area)
        diagnostics.Error(pack.area_location,
                          "pack '" + pack.id + "': area '" + pack.area +
                              "' is not in data/areas.csv");
      else if (area->type == "ward")
        diagnostics.Error(pack.area_location,
                          "pack '" + pack.id + "': area '" + pack.area + "' is a ward",
                          "a scrutiny pack is about a local authority; wards get ward packs");
    }
    for (size_t idx = 0; idx < pack.outcomes.size(); ++idx) {
      if (outcome_ids.count(pack.outcomes[idx]) == 0)
        diagnostics.Error(pack.outcome_locations[idx],
                          "pack '" + pack.id + "' names unknown outcome '" + pack.outcomes[idx] +
                              "'");
    }
  }
}

// Names the outputs use for themselves: an indicator or breakdown may not take them.
void ValidateReservedNames(const model::Site& site, base::Diagnostics& diagnostics) {
  for (const auto& indicator : site.indicators) {
    if (indicator.id == "all" || indicator.id == "datapackage" || indicator.id == "index" ||
        indicator.id == "spending")
      diagnostics.Error(indicator.location,
                        "indicator id '" + indicator.id + "' is reserved for the site's downloads",
                        "choose another id for the indicator");
    for (const auto& name : indicator.breakdowns)
      if (name == "All")
        diagnostics.Error(indicator.location,
                          "breakdown 'All' of indicator '" + indicator.id +
                              "' is the open data's label for the total rows",
                          "rename the breakdown, e.g. 'All children'");
  }
}

void ValidateOutcomes(const model::Site& site, base::Diagnostics& diagnostics) {
  std::set<std::string> used;
  std::vector<std::string> ids;
  for (const auto& indicator : site.indicators) ids.push_back(indicator.id);
  for (const auto& outcome : site.outcomes) {
    for (size_t idx = 0; idx < outcome.indicator_ids.size(); ++idx) {
      const std::string& id = outcome.indicator_ids[idx];
      used.insert(id);
      if (!site.FindIndicator(id)) {
        std::string closest = ClosestWord(id, ids);
        diagnostics.Error(outcome.indicator_locations[idx],
                          "outcome '" + outcome.id + "' lists unknown indicator '" + id + "'",
                          closest.empty() ? "indicators are defined in data/indicators/*.yaml"
                                          : "did you mean '" + closest + "'?");
      }
    }
    if (!outcome.page.empty() && !FileExists(site.root, "content/" + outcome.page))
      diagnostics.Error(outcome.page_location, "outcome '" + outcome.id + "' names page '" +
                                              outcome.page + "', which is not in content/");
  }
  for (const auto& indicator : site.indicators)
    if (!used.count(indicator.id))
      diagnostics.Warning(indicator.location,
                          "indicator '" + indicator.id + "' is not in any outcome",
                          "list it under an outcome's indicators in data/outcomes.yaml");
}

void ValidateObservations(const model::Site& site, base::Diagnostics& diagnostics) {
  // Duplicates: sort row indices by key, compare neighbours.
  std::vector<uint32_t> order(site.observations.size());
  for (uint32_t idx = 0; idx < order.size(); ++idx) order[idx] = idx;
  auto key = [&](uint32_t idx) {
    const auto& o = site.observations[idx];
    return std::make_tuple(o.indicator, o.area, o.breakdown, o.period.Ordinal(), o.period.span);
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    auto ka = key(a);
    auto kb = key(b);
    return ka != kb ? ka < kb : a < b;
  });
  size_t reported = 0;
  for (size_t idx = 1; idx < order.size(); ++idx) {
    if (key(order[idx]) != key(order[idx - 1])) continue;
    const auto& first = site.observations[order[idx - 1]];
    const auto& second = site.observations[order[idx]];
    if (++reported > 100) continue;  // summarised below
    const auto& indicator = site.indicators[second.indicator];
    std::string breakdown =
        second.breakdown ? " (" + indicator.breakdowns[second.breakdown - 1] + ")" : "";
    diagnostics.Error(site.LocationOf(second),
                      "duplicate observation: " + indicator.id + ", " +
                          site.areas[second.area].code + ", " + second.period.Label() +
                          breakdown,
                      "first given at " + At(site.LocationOf(first)));
  }
  if (reported > 100)
    diagnostics.Error({"data/observations", 0, 0},
                      "and " + std::to_string(reported - 100) + " more duplicate observation" +
                          (reported - 100 == 1 ? "" : "s"));
  // Indicators with no data; values that disagree with their counts.
  std::vector<size_t> rows(site.indicators.size(), 0);
  size_t mismatches = 0;
  for (const auto& observation : site.observations) {
    ++rows[observation.indicator];
    const auto& indicator = site.indicators[observation.indicator];
    if (indicator.unit != model::Unit::kPercent || !model::Has(observation.value) ||
        !model::Has(observation.count) || !model::Has(observation.denominator) ||
        observation.denominator <= 0)
      continue;
    double computed = 100 * observation.count / observation.denominator;
    double slack = 0.5 * std::pow(10.0, -std::min(indicator.decimals, 1)) + 1e-9;
    if (std::fabs(computed - observation.value) > slack && ++mismatches <= 20)
      diagnostics.Warning(site.LocationOf(observation),
                          "value " + std::to_string(observation.value) +
                              " does not match count/denominator (" + std::to_string(computed) +
                              ")");
  }
  for (size_t idx = 0; idx < site.indicators.size(); ++idx)
    // An indicator whose period_type is unknown has had its one error; its rows were skipped.
    if (rows[idx] == 0 && site.indicators[idx].period_type_known)
      diagnostics.Error(site.indicators[idx].location,
                        "indicator '" + site.indicators[idx].id + "' has no data",
                        "add rows for it in data/observations/ or remove the indicator");
}

// Each page's heading anchors as a set, made the first time a link needs them: a page of
// 100,000 headings and as many links to it would otherwise search the list for every link.
using AnchorSets =
    std::unordered_map<const model::ContentPage*, std::unordered_set<std::string_view>>;

bool HasAnchor(AnchorSets& anchors_by_page, const model::ContentPage& page,
               const std::string& anchor) {
  auto [found, inserted] = anchors_by_page.try_emplace(&page);
  if (inserted) found->second.insert(page.anchors.begin(), page.anchors.end());
  return found->second.count(anchor) > 0;
}

// Links between Markdown pages must reach a published page and, with #anchor, a heading on it.
void ValidateLinks(const std::unordered_map<std::string, const model::ContentPage*>& pages_by_path,
                   AnchorSets& anchors_by_page, const model::ContentPage& page,
                   base::Diagnostics& diagnostics) {
  for (const auto& link : page.links) {
    const std::string& destination = link.destination;
    if (destination.empty() || destination.find("://") != std::string::npos ||
        destination.rfind("mailto:", 0) == 0 || destination.rfind("tel:", 0) == 0)
      continue;
    std::string target = destination;
    std::string anchor;
    if (size_t hash = target.find('#'); hash != std::string::npos) {
      anchor = target.substr(hash + 1);
      target = target.substr(0, hash);
    }
    const model::ContentPage* linked = &page;
    if (!target.empty()) {
      bool markdown = target.size() > 3 && target.compare(target.size() - 3, 3, ".md") == 0;
      if (target[0] == '/' || !markdown) {
        diagnostics.Error(link.location,
                          "link to '" + destination + "', which is not a page of this site",
                          "link to another page by its .md file (e.g. ../strategies/plan.md) "
                          "or give a full https:// address");
        continue;
      }
      std::string resolved = base::ResolveRelativePath(page.path, target);
      auto found = pages_by_path.find(resolved);
      linked = found == pages_by_path.end() ? nullptr : found->second;
      if (!linked) {
        diagnostics.Error(link.location, "link to missing page '" + target + "'",
                          "no file content/" + (resolved.empty() ? target : resolved));
        continue;
      }
      if (linked->draft) {
        diagnostics.Error(link.location, "link to draft page '" + target + "'",
                          "drafts are not published; remove the link or publish the page");
        continue;
      }
    }
    if (!anchor.empty() && !HasAnchor(anchors_by_page, *linked, anchor))
      diagnostics.Error(link.location,
                        "link to missing heading '#" + anchor + "' in " +
                            (target.empty() ? std::string("this page") : "'" + target + "'"),
                        linked->anchors.empty()
                            ? "that page has no headings"
                            : "headings there: #" + linked->anchors.front() +
                                  (linked->anchors.size() > 1 ? ", ..." : ""));
  }
}

// What outcomes.yaml links success statements to: known indicators and content pages.
void ValidateStatementLinks(const model::Site& site, base::Diagnostics& diagnostics) {
  std::vector<std::string> indicator_ids;
  for (const auto& indicator : site.indicators) indicator_ids.push_back(indicator.id);
  for (const auto& outcome : site.outcomes) {
    std::vector<std::string> categories;  // of the outcome's spending rows
    for (const auto& row : site.spending)
      if (row.outcome == outcome.id && !row.category.empty() &&
          std::find(categories.begin(), categories.end(), row.category) == categories.end())
        categories.push_back(row.category);
    for (const auto& group : outcome.groups)
      for (const auto& links : group.links) {
        for (size_t idx = 0; idx < links.spending.size(); ++idx) {
          if (std::find(categories.begin(), categories.end(), links.spending[idx]) !=
              categories.end())
            continue;
          const std::string closest = ClosestWord(links.spending[idx], categories);
          // A warning: the category's spending may simply not be recorded yet.
          diagnostics.Warning(links.spending_locations[idx],
                              "no row of data/spending.csv for outcome '" + outcome.id +
                                  "' has the service category '" + links.spending[idx] +
                                  "': the statement shows no spending for it",
                            closest.empty()
                                ? "give the category column of data/spending.csv, as written there"
                                : "did you mean '" + closest + "'?");
        }
        for (size_t idx = 0; idx < links.indicators.size(); ++idx) {
          if (site.FindIndicator(links.indicators[idx])) continue;
          const std::string closest = ClosestWord(links.indicators[idx], indicator_ids);
          diagnostics.Error(links.indicator_locations[idx],
                            "unknown indicator '" + links.indicators[idx] + "'",
                            closest.empty() ? "indicators are defined in data/indicators/*.yaml"
                                            : "did you mean '" + closest + "'?");
        }
        for (size_t idx = 0; idx < links.evidence.size(); ++idx) {
          bool found = false;
          for (const auto& page : site.pages)
            found |= page.path == links.evidence[idx] && !page.draft;
          if (!found)
            diagnostics.Error(links.evidence_locations[idx],
                              "no published content page '" + links.evidence[idx] + "'",
                              "give the page's path under content/, e.g. "
                              "case-studies/bradford.md");
        }
      }
  }
}

// An outcome's spend_per_head counts people by an indicator's denominator (so the indicator is a
// percentage or a rate) and compares site.yaml's gap groups (so the site has them).
void ValidateSpendPerHead(const model::Site& site, base::Diagnostics& diagnostics) {
  std::vector<std::string> indicator_ids;
  for (const auto& indicator : site.indicators) indicator_ids.push_back(indicator.id);
  for (const auto& outcome : site.outcomes) {
    if (!outcome.spend_per_head) continue;
    const model::SpendPerHead& config = *outcome.spend_per_head;
    if (site.config.gap_target.empty() || site.config.gap_rest.empty())
      diagnostics.Error(config.location,
                        "spend_per_head compares the target group with the rest, and site.yaml "
                        "has no gap",
                        "name the two groups in site.yaml: gap: {target: GROUP, rest: GROUP}");
    if (config.population.empty()) continue;
    const model::Indicator* indicator = site.FindIndicator(config.population);
    if (!indicator) {
      const std::string closest = ClosestWord(config.population, indicator_ids);
      diagnostics.Error(config.population_location,
                        "unknown indicator '" + config.population + "'",
                        closest.empty() ? "indicators are defined in data/indicators/*.yaml"
                                        : "did you mean '" + closest + "'?");
    } else if (indicator->unit != model::Unit::kPercent &&
               indicator->unit != model::Unit::kRate) {
      diagnostics.Error(config.population_location,
                        "indicator '" + config.population +
                            "' has no denominator to count people by",
                        "name a percentage or rate indicator whose denominator counts the "
                        "people the spending is for");
    }
  }
}

void ValidateContent(const model::Site& site, base::Diagnostics& diagnostics) {
  std::set<std::string> outcome_ids;
  for (const auto& outcome : site.outcomes) outcome_ids.insert(outcome.id);
  std::set<std::string> group_ids;
  for (const auto& group : site.config.groups) group_ids.insert(group.id);
  std::vector<std::string> outcome_list(outcome_ids.begin(), outcome_ids.end());
  std::unordered_map<std::string, const model::ContentPage*> pages_by_path;
  for (const auto& page : site.pages) pages_by_path.emplace(page.path, &page);
  AnchorSets anchors_by_page;
  for (const auto& page : site.pages) {
    for (size_t idx = 0; idx < page.outcomes.size(); ++idx)
      if (!outcome_ids.count(page.outcomes[idx])) {
        std::string closest = ClosestWord(page.outcomes[idx], outcome_list);
        diagnostics.Error(page.outcome_locations[idx],
                          "unknown outcome '" + page.outcomes[idx] + "'",
                          closest.empty() ? "outcomes are defined in data/outcomes.yaml"
                                          : "did you mean '" + closest + "'?");
      }
    for (size_t idx = 0; idx < page.evidence_for.size(); ++idx) {
      const std::string& id = page.evidence_for[idx];
      if (outcome_ids.count(id) || site.FindIndicator(id)) continue;
      std::vector<std::string> ids = outcome_list;
      for (const auto& indicator : site.indicators) ids.push_back(indicator.id);
      const std::string closest = ClosestWord(id, ids);
      diagnostics.Error(page.evidence_for_locations[idx],
                        "evidence_for names '" + id + "': no indicator or outcome has that id",
                        closest.empty() ? "use ids from data/indicators/*.yaml or "
                                          "data/outcomes.yaml"
                                        : "did you mean '" + closest + "'?");
    }
    for (size_t idx = 0; idx < page.areas.size(); ++idx)
      if (!site.FindArea(page.areas[idx]) && !group_ids.count(page.areas[idx]))
        diagnostics.Error(page.area_locations[idx], "unknown area '" + page.areas[idx] + "'",
                          "use an area code from data/areas.csv or a group id from site.yaml");
    for (const auto& figure : page.figures) {
      if (figure.indicator.empty()) continue;  // reported when read
      if (!site.FindIndicator(figure.indicator)) {
        diagnostics.Error(figure.location, "unknown indicator '" + figure.indicator + "' in " +
                                               figure.kind + " block",
                          "indicators are defined in data/indicators/*.yaml");
      }
      for (const auto& code : figure.areas)
        if (!site.FindArea(code) && !group_ids.count(code))
          diagnostics.Error(figure.location, "unknown area '" + code + "' in " + figure.kind +
                                                 " block",
                            "use an area code from data/areas.csv or a group id from site.yaml");
    }
    ValidateLinks(pages_by_path, anchors_by_page, page, diagnostics);
  }
}

}  // namespace

bool CheckLength(std::string_view text, size_t max_characters, const base::Location& where,
                 const std::string& what, base::Diagnostics& diagnostics,
                 const std::string& hint) {
  if (text.size() <= max_characters) return true;  // bytes >= characters: the quick case
  const size_t characters = base::CharacterCount(text);
  if (characters <= max_characters) return true;
  const bool is_name = max_characters <= base::kMaxNameLength;
  diagnostics.Error(where,
                    what + " is " + std::to_string(characters) + " characters long; the most is " +
                        std::to_string(max_characters),
                    !hint.empty() ? hint
                    : is_name     ? "names head table columns and label charts: shorten it"
                                  : "a spreadsheet cell, and so a briefing pack, holds at most " +
                                        std::to_string(max_characters) + " characters: shorten it");
  return false;
}

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t idx : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[idx] < '0' || text[idx] > '9') return false;
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

void Validate(model::Site& site, base::Diagnostics& diagnostics) {
  ValidateConfig(site, diagnostics);
  ValidateOutcomes(site, diagnostics);
  ValidateReservedNames(site, diagnostics);
  ValidateObservations(site, diagnostics);
  ValidateContent(site, diagnostics);
  ValidateStatementLinks(site, diagnostics);
  ValidateSpendPerHead(site, diagnostics);
}

}  // namespace outcomes::load::internal
