#include "view/labels.h"

#include "base/format.h"

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
      {"No target", "none", "–", "No target has been set for this indicator."},
      {"No data", "none", "–", "There is no published figure for this period."},
      {"Target met", "met", "●", "The figure meets or beats the target."},
      {"Close to target", "close", "▲", "The figure is within the tolerance of the target."},
      {"Not on track", "off", "■", "The figure is further from the target than the tolerance."},
      {"Not distinguishable from target", "unclear", "◆",
       "The target lies inside the figure's 95% confidence interval, so we cannot say whether "
       "it has been met."},
  };
  const Badge& badge = kBadges[static_cast<size_t>(status)];
  return {{"label", badge.label},
          {"class", std::string("status--") + badge.css},
          {"shape", badge.shape},
          {"description", badge.description},
          {"key", compute::TargetStatusName(status)}};
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
          {"key", compute::ComparisonName(comparison)}};
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
  switch (trend.kind) {
    case compute::TrendKind::kIncreasing: return judged(true) + " (significant)";
    case compute::TrendKind::kDecreasing: return judged(false) + " (significant)";
    case compute::TrendKind::kNoSignificantChange: return "No significant change";
    case compute::TrendKind::kDirectionOnly: {
      bool long_term = trend.long_term != compute::Direction::kUnknown;
      compute::Direction direction = long_term ? trend.long_term : trend.short_term;
      std::string since = (long_term ? trend.long_term_from : trend.short_term_from).Label();
      switch (direction) {
        case compute::Direction::kUp: return "Up since " + since + " (not tested)";
        case compute::Direction::kDown: return "Down since " + since + " (not tested)";
        case compute::Direction::kNoChange: return "Same as " + since;
        case compute::Direction::kUnknown: return "Trend not known";
      }
      return {};
    }
    case compute::TrendKind::kCannotCalculate: return "Trend not known";
  }
  return {};
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

std::string LongDate(const std::string& iso_date) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  if (iso_date.size() != 10) return iso_date;
  int month = std::stoi(iso_date.substr(5, 2));
  int day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12) return iso_date;
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso_date.substr(0, 4);
}

}  // namespace outcomes::view
