#include "view/labels.h"

#include <algorithm>
#include <cctype>

#include "base/format.h"
#include "base/text.h"

namespace outcomes::view {

std::string FormatValue(const model::Indicator& indicator, double value) {
  if (!model::Has(value)) return {};
  std::string number = base::FormatNumber(value, indicator.decimals);
  switch (indicator.unit) {
    case model::Unit::kPercent: return number + "%";
    case model::Unit::kRate: return number + " per " + base::FormatNumber(indicator.per, 0);
    case model::Unit::kCount: return base::FormatNumber(value, 0);
    case model::Unit::kCurrency: return "£" + number;
    case model::Unit::kNumber: return number;
  }
  return number;
}

std::string FormatInterval(const model::Indicator& indicator, double lower, double upper) {
  if (!model::Has(lower) || !model::Has(upper)) return {};
  return FormatValue(indicator, lower) + " to " + FormatValue(indicator, upper);
}

std::string UnitLabel(const model::Indicator& indicator) {
  switch (indicator.unit) {
    case model::Unit::kPercent: return "%";
    case model::Unit::kRate:
      return "per " + base::FormatNumber(indicator.per, 0) + " " + indicator.population;
    case model::Unit::kCount: return "number of " + indicator.population;
    case model::Unit::kCurrency: return "£";
    case model::Unit::kNumber: return "value";
  }
  return "value";
}

nlohmann::json TargetStatusBadge(compute::TargetStatus status) {
  struct Badge {
    const char* label;
    const char* css;
    const char* shape;
    const char* description;
  };
  static constexpr Badge kBadges[] = {
      {"No target", "none", "–", "No target has been set for this indicator and period."},
      {"No data", "none", "–", "There is no published figure for this period."},
      {"Target met", "met", "●", "The figure meets or beats the target."},
      {"Close to target", "close", "▲",
       "The figure falls short of the target by no more than the tolerance."},
      {"Target not met", "off", "■",
       "The figure falls short of the target by more than the tolerance."},
  };
  const Badge& badge = kBadges[static_cast<size_t>(status)];
  return {{"label", badge.label},
          {"class", std::string("status--") + badge.css},
          {"shape", badge.shape},
          {"description", badge.description},
          {"key", compute::TargetStatusName(status)},
          {"qualifier", ""},
          {"reference", ""},
          {"text", badge.label}};
}

std::string TargetReferenceText(const model::Indicator& indicator, const compute::Cell& cell) {
  if (!indicator.target || !model::Has(cell.target_reference)) return {};
  const model::Target& target = *indicator.target;
  std::string by = FormatValue(indicator, target.value) + " by " + target.period.Label();
  switch (cell.target_reference_kind) {
    case compute::TargetReference::kNone: return {};
    case compute::TargetReference::kTarget: return "Target: " + by;
    case compute::TargetReference::kPassedTarget:
      return "Target: " + by + " (that date has passed)";
    case compute::TargetReference::kTrajectoryStep:
      return "Path to target: " + FormatValue(indicator, cell.target_reference) + " in " +
             cell.period.Label() + ", on the way to " + by;
  }
  return {};
}

nlohmann::json TargetStatusBadge(const model::Indicator& indicator, const compute::Cell& cell) {
  compute::TargetStatus status = cell.target_status;
  nlohmann::json badge = TargetStatusBadge(status);
  const bool step = cell.target_reference_kind == compute::TargetReference::kTrajectoryStep;
  const bool judged = status == compute::TargetStatus::kMet ||
                      status == compute::TargetStatus::kClose ||
                      status == compute::TargetStatus::kNotMet;
  if (step && judged) {
    static constexpr const char* kPath[] = {"On the path to target", "Close to the path to target",
                                            "Behind the path to target"};
    static constexpr const char* kPathDescription[] = {
        "The figure meets or beats the step planned for this period on the path to the target.",
        "The figure falls short of the step planned for this period by no more than the "
        "tolerance.",
        "The figure falls short of the step planned for this period by more than the "
        "tolerance."};
    size_t idx = static_cast<size_t>(status) - static_cast<size_t>(compute::TargetStatus::kMet);
    badge["label"] = kPath[idx];
    badge["description"] = kPathDescription[idx];
  }
  std::string qualifier = judged && cell.target_uncertain ? kNotCertain : "";
  std::string reference = judged ? TargetReferenceText(indicator, cell) : "";
  std::string text = badge["label"].get<std::string>();
  if (!reference.empty()) text += " (" + reference + ")";
  if (!qualifier.empty()) text += "; " + qualifier;
  badge["qualifier"] = qualifier;
  badge["reference"] = reference;
  badge["text"] = text;
  return badge;
}

nlohmann::json ComparisonBadge(compute::Comparison comparison, const std::string& benchmark) {
  std::string label;
  std::string css;
  std::string shape;
  switch (comparison) {
    case compute::Comparison::kBetter: label = "Better than " + benchmark; css = "better"; shape = "▲"; break;
    case compute::Comparison::kWorse: label = "Worse than " + benchmark; css = "worse"; shape = "▼"; break;
    case compute::Comparison::kSimilar: label = "Similar to " + benchmark; css = "similar"; shape = "●"; break;
    case compute::Comparison::kHigher: label = "Higher than " + benchmark; css = "higher"; shape = "△"; break;
    case compute::Comparison::kLower: label = "Lower than " + benchmark; css = "lower"; shape = "▽"; break;
    case compute::Comparison::kNotCompared: label = "Not compared"; css = "none"; shape = "–"; break;
  }
  return {{"label", label}, {"class", "compare--" + css}, {"shape", shape},
          {"key", compute::ComparisonName(comparison)}, {"qualifier", ""}};
}

std::string TrendLabel(const model::Indicator& indicator, const compute::Trend& trend) {
  auto judged = [&](bool up) -> std::string {
    switch (indicator.polarity) {
      case model::Polarity::kHigherIsBetter: return up ? "Getting better" : "Getting worse";
      case model::Polarity::kLowerIsBetter: return up ? "Getting worse" : "Getting better";
      case model::Polarity::kNeutral: return up ? "Increasing" : "Decreasing";
    }
    return {};
  };
  std::string long_run;
  switch (trend.kind) {
    // The words of the trend sentences: "more than chance", "no clear change".
    case compute::TrendKind::kIncreasing: long_run = judged(true) + " (more than chance)"; break;
    case compute::TrendKind::kDecreasing: long_run = judged(false) + " (more than chance)"; break;
    case compute::TrendKind::kNoSignificantChange: long_run = "No clear change"; break;
    case compute::TrendKind::kDirectionOnly: {
      bool long_term = trend.long_term != compute::Direction::kUnknown;
      compute::Direction direction = long_term ? trend.long_term : trend.short_term;
      std::string since = (long_term ? trend.long_term_from : trend.short_term_from).Label();
      switch (direction) {
        case compute::Direction::kUp: long_run = "Up since " + since + " (not tested)"; break;
        case compute::Direction::kDown: long_run = "Down since " + since + " (not tested)"; break;
        case compute::Direction::kNoChange: long_run = "Same as " + since; break;
        case compute::Direction::kUnknown: long_run = "Trend not known"; break;
      }
      // The latest change alone is the long run: say it once.
      if (!long_term) return long_run;
      break;
    }
    case compute::TrendKind::kCannotCalculate: return "Trend not known";
  }
  if (!trend.latest_change_first) return long_run;
  // The latest change first, so a sharp rise is never summed up as "Down since ...".
  bool up = trend.short_term == compute::Direction::kUp;
  std::string latest = std::string(up ? "Up" : "Down") + " in " + trend.latest.Label();
  if (trend.latest_change_beyond_chance) latest += " (more than chance)";
  long_run[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(long_run[0])));
  return latest + "; over the longer run, " + long_run;
}

std::string HiddenLabel(compute::Hidden hidden) {
  switch (hidden) {
    case compute::Hidden::kNo: return {};
    case compute::Hidden::kMissing: return "not available";
    case compute::Hidden::kSourceSuppressed: return "suppressed by the data's publisher";
    // Primary and secondary cells read alike: saying which hidden cell holds the small number
    // would itself give it away (a reader who knows that a total's two hidden parts are a
    // small count and a larger one can often pin both down).
    case compute::Hidden::kPrimary:
    case compute::Hidden::kSecondary:
      return "suppressed to protect small numbers";
    case compute::Hidden::kGroupIncomplete:
      return "not available: not every ward in the group has a count";
  }
  return {};
}

std::string_view HiddenPublicName(compute::Hidden hidden) {
  switch (hidden) {
    case compute::Hidden::kPrimary:
    case compute::Hidden::kSecondary: return "suppressed";
    default: return compute::HiddenName(hidden);
  }
}

std::string HiddenMarker(compute::Hidden hidden) {
  switch (hidden) {
    case compute::Hidden::kSourceSuppressed:
    case compute::Hidden::kPrimary:
    case compute::Hidden::kSecondary: return "[c]";
    case compute::Hidden::kMissing:
    case compute::Hidden::kGroupIncomplete: return "[x]";
    case compute::Hidden::kNo: return {};
  }
  return {};
}

std::string PolarityText(model::Polarity polarity) {
  switch (polarity) {
    case model::Polarity::kHigherIsBetter: return "A higher figure is better.";
    case model::Polarity::kLowerIsBetter: return "A lower figure is better.";
    case model::Polarity::kNeutral: return "Neither a higher nor a lower figure is better in itself.";
  }
  return {};
}

std::string ContentTypeLabel(model::ContentType type, bool plural) {
  switch (type) {
    case model::ContentType::kCaseStudy: return plural ? "Case studies" : "Case study";
    case model::ContentType::kStrategy: return plural ? "Strategies" : "Strategy";
    case model::ContentType::kReport: return plural ? "Reports" : "Report";
    case model::ContentType::kMinutes: return plural ? "Minutes" : "Minutes";
    case model::ContentType::kPage: return plural ? "Pages" : "Page";
    case model::ContentType::kNews: return plural ? "News" : "News";
  }
  return {};
}

std::string ExampleDataNotice(const model::Site& site, const compute::Results& results) {
  const model::SiteConfig& config = site.config;
  if (!config.example_data_text.empty()) return config.example_data_text;
  // For each kind of area, the indicators with a published figure and those with a flagged one.
  // Kinds: 0 the wards (and groups, made from them), then 1 + each comparator.
  const size_t kinds = 1 + results.comparator_areas.size();
  std::vector<std::vector<bool>> has(kinds, std::vector<bool>(site.indicators.size(), false));
  std::vector<std::vector<bool>> flagged = has;
  size_t published = 0, example = 0;
  for (const auto& series : results.series) {
    if (series.breakdown != 0) continue;
    size_t kind = kinds;
    for (size_t idx = 0; idx < results.comparator_areas.size(); ++idx)
      if (results.comparator_areas[idx] == series.area) kind = 1 + idx;
    if (kind == kinds) kind = 0;
    for (const auto& cell : series.cells) {
      if (!cell.Published()) continue;
      ++published;
      has[kind][series.indicator] = true;
      if (cell.flags & model::kFlagExample) {
        ++example;
        flagged[kind][series.indicator] = true;
      }
    }
  }
  if (example == 0)
    return config.example_data
               ? "This is an example site: its figures show how the site works and are not "
                 "for use as statistics."
               : "";
  if (example == published)
    return "Every figure on this site is made up to show how it works: do not use them as "
           "statistics.";
  auto count = [](const std::vector<bool>& of) {
    return static_cast<size_t>(std::count(of.begin(), of.end(), true));
  };
  // "for 6 of 12" ("for 6 of 12 indicators" the first time), or "for every indicator".
  auto share = [&](size_t kind, bool first) {
    size_t total = count(has[kind]);
    size_t made_up = count(flagged[kind]);
    return made_up == total ? std::string(" for every indicator")
                            : " for " + base::FormatNumber(static_cast<double>(made_up), 0) +
                                  " of " + base::FormatNumber(static_cast<double>(total), 0) +
                                  (first ? " indicators" : "");
  };
  std::vector<std::string> parts;
  if (count(flagged[0]) > 0) parts.push_back("ward figures" + share(0, true));
  // Comparators with the same share are named together.
  std::vector<bool> done(kinds, false);
  for (size_t kind = 1; kind < kinds; ++kind) {
    if (done[kind] || count(flagged[kind]) == 0) continue;
    std::vector<std::string> names;
    for (size_t other = kind; other < kinds; ++other) {
      if (done[other] || flagged[other] != flagged[kind] || has[other] != has[kind]) continue;
      done[other] = true;
      names.push_back(results.areas[results.comparator_areas[other - 1]].name);
    }
    parts.push_back(base::JoinWords(names) + " figures" + share(kind, parts.empty()));
  }
  return "Some figures on this site are made up to show how it works: " + base::JoinWords(parts) +
         ". The made-up figures are marked \"example\" in the downloads; do not use them as "
         "statistics. The other figures are real.";
}

std::string LongDate(const i18n::Catalogue& text, const std::string& iso_date) {
  if (iso_date.size() != 10) return iso_date;
  int month = std::stoi(iso_date.substr(5, 2));
  int day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12) return iso_date;
  return text("date_long", {{"day", std::to_string(day)},
                            {"month", text.Month(month)},
                            {"year", iso_date.substr(0, 4)}});
}

}  // namespace outcomes::view
