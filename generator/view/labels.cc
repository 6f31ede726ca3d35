#include "view/labels.h"

#include <algorithm>
#include <cctype>

#include "base/format.h"
#include "base/text.h"

namespace outcomes::view {

std::string FormatValue(const i18n::Catalogue& t, const model::Indicator& indicator, double value) {
  if (!model::Has(value)) return {};
  std::string number = base::FormatNumber(value, indicator.decimals);
  switch (indicator.unit) {
    case model::Unit::kPercent: return number + "%";
    case model::Unit::kRate:
      return t("value_rate", {{"value", number}, {"per", base::FormatNumber(indicator.per, 0)}});
    case model::Unit::kCount: return base::FormatNumber(value, 0);
    case model::Unit::kCurrency: return "£" + number;
    case model::Unit::kNumber: return number;
  }
  return number;
}

std::string FormatInterval(const i18n::Catalogue& t, const model::Indicator& indicator,
                           double lower, double upper) {
  if (!model::Has(lower) || !model::Has(upper)) return {};
  return t("interval", {{"lower", FormatValue(t, indicator, lower)},
                        {"upper", FormatValue(t, indicator, upper)}});
}

std::string UnitLabel(const i18n::Catalogue& t, const model::Indicator& indicator) {
  switch (indicator.unit) {
    case model::Unit::kPercent: return "%";
    case model::Unit::kRate:
      return t("unit_rate", {{"per", base::FormatNumber(indicator.per, 0)},
                             {"population", indicator.population}});
    case model::Unit::kCount: return t("unit_count", {{"population", indicator.population}});
    case model::Unit::kCurrency: return "£";
    case model::Unit::kNumber: return t("unit_number");
  }
  return t("unit_number");
}

nlohmann::json BadgeJson(const Badge& badge) {
  nlohmann::json out = {{"label", badge.label},
                        {"class", badge.css_class},
                        {"shape", badge.shape},
                        {"key", badge.key},
                        {"qualifier", badge.qualifier}};
  if (badge.status) {
    out["description"] = badge.description;
    out["reference"] = badge.reference;
    out["text"] = badge.text;
  }
  return out;
}

Badge TargetStatusBadge(const i18n::Catalogue& t, compute::TargetStatus status) {
  struct Look {
    const char* label;        // catalogue keys
    const char* css;
    const char* shape;
    const char* description;
  };
  static constexpr Look kLooks[] = {
      {"status_no_target", "none", "–", "status_no_target_about"},
      {"status_no_data", "none", "–", "status_no_data_about"},
      {"status_met", "met", "●", "status_met_about"},
      {"status_close", "close", "▲", "status_close_about"},
      {"status_not_met", "off", "■", "status_not_met_about"},
  };
  const Look& look = kLooks[static_cast<size_t>(status)];
  Badge badge;
  badge.label = t(look.label);
  badge.css_class = std::string("status--") + look.css;
  badge.shape = look.shape;
  badge.key = std::string(compute::TargetStatusName(status));
  badge.status = true;
  badge.description = t(look.description);
  badge.text = badge.label;
  return badge;
}

std::string TargetBy(const i18n::Catalogue& t, const model::Indicator& indicator) {
  if (!indicator.target) return {};
  return t("target_by", {{"value", FormatValue(t, indicator, indicator.target->value)},
                         {"period", indicator.target->period.Label()}});
}

std::string TargetReferenceText(const i18n::Catalogue& t, const model::Indicator& indicator,
                                const compute::Cell& cell) {
  if (!indicator.target || !model::Has(cell.target_reference)) return {};
  std::string by = TargetBy(t, indicator);
  switch (cell.target_reference_kind) {
    case compute::TargetReference::kNone: return {};
    case compute::TargetReference::kTarget: return t("reference_target", {{"target", by}});
    case compute::TargetReference::kPassedTarget:
      return t("reference_target_passed", {{"target", by}});
    case compute::TargetReference::kTrajectoryStep:
      return t("reference_path", {{"step", FormatValue(t, indicator, cell.target_reference)},
                                  {"period", cell.period.Label()},
                                  {"target", by}});
  }
  return {};
}

Badge TargetStatusBadge(const i18n::Catalogue& t, const model::Indicator& indicator,
                        const compute::Cell& cell) {
  compute::TargetStatus status = cell.target_status;
  Badge badge = TargetStatusBadge(t, status);
  const bool step = cell.target_reference_kind == compute::TargetReference::kTrajectoryStep;
  const bool judged = status == compute::TargetStatus::kMet ||
                      status == compute::TargetStatus::kClose ||
                      status == compute::TargetStatus::kNotMet;
  if (step && judged) {
    static constexpr const char* kPath[] = {"status_path_met", "status_path_close",
                                            "status_path_behind"};
    static constexpr const char* kPathDescription[] = {
        "status_path_met_about", "status_path_close_about", "status_path_behind_about"};
    size_t idx = static_cast<size_t>(status) - static_cast<size_t>(compute::TargetStatus::kMet);
    badge.label = t(kPath[idx]);
    badge.description = t(kPathDescription[idx]);
  }
  badge.qualifier = judged && cell.target_uncertain ? NotCertain(t) : "";
  badge.reference = judged ? TargetReferenceText(t, indicator, cell) : "";
  badge.text = badge.label;
  if (!badge.reference.empty())
    badge.text = t("status_with_reference", {{"status", badge.text}, {"reference", badge.reference}});
  if (!badge.qualifier.empty())
    badge.text = t("status_with_qualifier", {{"status", badge.text}, {"qualifier", badge.qualifier}});
  return badge;
}

Badge ComparisonBadge(const i18n::Catalogue& t, compute::Comparison comparison,
                      const std::string& benchmark) {
  std::string key;
  std::string css;
  std::string shape;
  switch (comparison) {
    case compute::Comparison::kBetter: key = "compare_better"; css = "better"; shape = "▲"; break;
    case compute::Comparison::kWorse: key = "compare_worse"; css = "worse"; shape = "▼"; break;
    case compute::Comparison::kSimilar: key = "compare_similar"; css = "similar"; shape = "●"; break;
    case compute::Comparison::kHigher: key = "compare_higher"; css = "higher"; shape = "△"; break;
    case compute::Comparison::kLower: key = "compare_lower"; css = "lower"; shape = "▽"; break;
    case compute::Comparison::kNotCompared: key = "compare_not"; css = "none"; shape = "–"; break;
  }
  Badge badge;
  badge.label = t(key, {{"benchmark", benchmark}});
  badge.css_class = "compare--" + css;
  badge.shape = shape;
  badge.key = std::string(compute::ComparisonName(comparison));
  return badge;
}

std::string TrendLabel(const i18n::Catalogue& t, const model::Indicator& indicator,
                       const compute::Trend& trend) {
  auto judged = [&](bool up) -> std::string {
    switch (indicator.polarity) {
      case model::Polarity::kHigherIsBetter: return up ? "trend_better" : "trend_worse";
      case model::Polarity::kLowerIsBetter: return up ? "trend_worse" : "trend_better";
      case model::Polarity::kNeutral: return up ? "trend_increasing" : "trend_decreasing";
    }
    return {};
  };
  // The long run, as a key and its period; each key has a lower-case twin ("_mid") for the
  // middle of a sentence.
  std::string key;
  std::string since;
  switch (trend.kind) {
    // The words of the trend sentences: "more than chance", "no clear change".
    case compute::TrendKind::kIncreasing: key = judged(true); break;
    case compute::TrendKind::kDecreasing: key = judged(false); break;
    case compute::TrendKind::kNoSignificantChange: key = "trend_no_clear_change"; break;
    case compute::TrendKind::kDirectionOnly: {
      bool long_term = trend.long_term != compute::Direction::kUnknown;
      compute::Direction direction = long_term ? trend.long_term : trend.short_term;
      since = (long_term ? trend.long_term_from : trend.short_term_from).Label();
      switch (direction) {
        case compute::Direction::kUp: key = "trend_up_since"; break;
        case compute::Direction::kDown: key = "trend_down_since"; break;
        case compute::Direction::kNoChange: key = "trend_same_as"; break;
        case compute::Direction::kUnknown: key = "trend_not_known"; break;
      }
      // The latest change alone is the long run: say it once.
      if (!long_term) return t(key, {{"period", since}});
      break;
    }
    case compute::TrendKind::kCannotCalculate: return t("trend_not_known");
  }
  if (!trend.latest_change_first) return t(key, {{"period", since}});
  // The latest change first, so a sharp rise is never summed up as "Down since ...".
  bool up = trend.short_term == compute::Direction::kUp;
  std::string latest = t(up ? "trend_latest_up" : "trend_latest_down",
                         {{"period", trend.latest.Label()}});
  if (trend.latest_change_beyond_chance) latest = t("trend_beyond_chance", {{"change", latest}});
  return t("trend_latest_then_long_run",
           {{"latest", latest}, {"long_run", t(key + "_mid", {{"period", since}})}});
}

std::string HiddenLabel(const i18n::Catalogue& t, compute::Hidden hidden) {
  switch (hidden) {
    case compute::Hidden::kNo: return {};
    case compute::Hidden::kMissing: return t("hidden_missing");
    case compute::Hidden::kSourceSuppressed: return t("hidden_source");
    // Primary and secondary cells read alike: saying which hidden cell holds the small number
    // would itself give it away (a reader who knows that a total's two hidden parts are a
    // small count and a larger one can often pin both down).
    case compute::Hidden::kPrimary:
    case compute::Hidden::kSecondary:
      return t("hidden_suppressed");
    case compute::Hidden::kGroupIncomplete: return t("hidden_group_incomplete");
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

std::string PolarityText(const i18n::Catalogue& t, model::Polarity polarity) {
  switch (polarity) {
    case model::Polarity::kHigherIsBetter: return t("polarity_higher");
    case model::Polarity::kLowerIsBetter: return t("polarity_lower");
    case model::Polarity::kNeutral: return t("polarity_neutral");
  }
  return {};
}

std::string ContentTypeLabel(const i18n::Catalogue& t, model::ContentType type, bool plural) {
  switch (type) {
    case model::ContentType::kCaseStudy: return t(plural ? "type_case_studies" : "type_case_study");
    case model::ContentType::kStrategy: return t(plural ? "type_strategies" : "type_strategy");
    case model::ContentType::kReport: return t(plural ? "type_reports" : "type_report");
    case model::ContentType::kMinutes: return t(plural ? "type_minutes_list" : "type_minutes");
    case model::ContentType::kPage: return t(plural ? "type_pages" : "type_page");
    case model::ContentType::kNews: return t(plural ? "type_news_list" : "type_news");
  }
  return {};
}

std::string NotCertain(const i18n::Catalogue& t) { return t("not_certain"); }

std::string NotComparedText(const i18n::Catalogue& t, compute::NotComparedReason reason) {
  switch (reason) {
    case compute::NotComparedReason::kNone: return {};
    case compute::NotComparedReason::kSameArea: return t("not_compared_same_area");
    case compute::NotComparedReason::kNoInterval: return t("not_compared_no_interval");
    case compute::NotComparedReason::kNoBenchmarkValue: return t("not_compared_no_benchmark");
    case compute::NotComparedReason::kNoValue: return t("not_compared_no_value");
    case compute::NotComparedReason::kNotARate: return t("not_compared_count");
  }
  return {};
}

std::string ExampleDataNotice(const model::Site& site, const compute::Results& results) {
  const model::SiteConfig& config = site.config;
  const i18n::Catalogue& t = site.text;
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
  if (example == 0) return config.example_data ? t("banner_example_site") : "";
  if (example == published) return t("banner_all_made_up");
  auto count = [](const std::vector<bool>& of) {
    return static_cast<size_t>(std::count(of.begin(), of.end(), true));
  };
  // "for 6 of 12" ("for 6 of 12 indicators" the first time), or "for every indicator".
  auto share = [&](size_t kind, bool first) {
    size_t total = count(has[kind]);
    size_t made_up = count(flagged[kind]);
    if (made_up == total) return t("banner_share_all");
    i18n::Args args = {{"made_up", base::FormatNumber(static_cast<double>(made_up), 0)},
                       {"total", base::FormatNumber(static_cast<double>(total), 0)}};
    return first ? t.Count("banner_share_first", static_cast<int64_t>(total),
                           base::FormatNumber(static_cast<double>(total), 0), args)
                 : t("banner_share", args);
  };
  std::vector<std::string> parts;
  if (count(flagged[0]) > 0) parts.push_back(t("banner_ward_figures", {{"share", share(0, true)}}));
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
    parts.push_back(t("banner_area_figures", {{"areas", base::JoinWords(names, t("word_and"))},
                                              {"share", share(kind, parts.empty())}}));
  }
  return t("banner_some_made_up", {{"parts", base::JoinWords(parts, t("word_and"))}});
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

std::string EvidenceKindLabel(const i18n::Catalogue& t, const std::string& kind) {
  if (kind.empty()) return "";
  std::string key = "evidence_kind_" + kind;
  for (char& ch : key)
    if (ch == '-') ch = '_';
  return t(key);
}

std::string BalanceVerdict(const i18n::Catalogue& t, bool figures, bool voices,
                           bool whole_outcome) {
  if (whole_outcome)
    return t(figures && voices ? "balance_outcome_both"
             : figures         ? "balance_outcome_figures_only"
             : voices          ? "balance_outcome_voices_only"
                               : "balance_outcome_neither");
  return t(figures && voices ? "balance_both"
           : figures         ? "balance_figures_only"
           : voices          ? "balance_voices_only"
                             : "balance_neither");
}

}  // namespace outcomes::view
