// The open data view: tables of published cells with their Table Schema, and the Data Package
// metadata. See opendata_view.h for the shape.
#include "view/opendata_view.h"

#include <cassert>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/format.h"
#include "base/text.h"
#include "compute/compute.h"
#include "model/model.h"
#include "view/labels.h"

namespace outcomes::view {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFolder = "downloads";
constexpr const char* kAllTable = "all";

// The licence of the downloads. site.yaml has no licence key yet, so every site publishes under
// the Open Government Licence v3.0, the licence of UK public sector information.
constexpr const char* kLicenceId = "OGL-UK-3.0";  // SPDX and Open Definition identifier
constexpr const char* kLicenceTitle = "Open Government Licence v3.0";
constexpr const char* kLicenceUrl =
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

using Cell = OpenDataCell;

// A number for a row: missing when not finite.
Cell Number(double value) { return std::isfinite(value) ? Cell::Number(value) : Cell::Missing(); }

// Text for a row: missing when empty, so that JSON says "no value" the way the CSV's empty cell
// (the schema's missing value) does.
Cell Text(std::string text) { return text.empty() ? Cell::Missing() : Cell::Text(std::move(text)); }

// Fills a row cell by cell, reusing the cells (and their text's memory) of the row before.
class RowCells {
 public:
  explicit RowCells(OpenDataRow& row) : row_(row) {}
  // Text, even empty.
  void Words(std::string_view text) {
    Cell& cell = Next(Cell::Kind::kText);
    cell.text.assign(text);
  }
  // Text, or missing when empty.
  void WordsOrMissing(std::string_view text) {
    if (text.empty())
      Next(Cell::Kind::kMissing);
    else
      Words(text);
  }
  // A number, or missing when not finite (or when `have` is false).
  void Figure(double value, bool have = true) {
    if (!have || !std::isfinite(value)) {
      Next(Cell::Kind::kMissing);
      return;
    }
    Next(Cell::Kind::kNumber).number = value;
  }
  void Finish() { row_.resize(used_); }

 private:
  Cell& Next(Cell::Kind kind) {
    if (used_ == row_.size()) row_.emplace_back();
    Cell& cell = row_[used_++];
    cell.kind = kind;
    cell.number = 0;
    if (kind != Cell::Kind::kText) cell.text.clear();
    return cell;
  }

  OpenDataRow& row_;
  size_t used_ = 0;
};

std::string Flags(uint8_t flags) {
  std::string out;
  auto add = [&out](const char* word) {
    if (!out.empty()) out += "; ";
    out += word;
  };
  if (flags & model::kFlagExample) add("example");
  if (flags & model::kFlagProvisional) add("provisional");
  if (flags & model::kFlagRevised) add("revised");
  return out;
}

// `text` without leading and trailing white space (spaces, tabs, line breaks).
std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  while (!text.empty() && kSpace.find(text.front()) != std::string_view::npos)
    text.remove_prefix(1);
  while (!text.empty() && kSpace.find(text.back()) != std::string_view::npos) text.remove_suffix(1);
  return text;
}

// The data's note without the flag words the loader read from it (they have their own column):
// "example; from the 2014 strategy" -> "from the 2014 strategy". A note without flag words is
// kept as written.
std::string NoteWithoutFlags(const std::string& note) {
  std::vector<std::string_view> kept;
  bool dropped = false;
  std::string_view rest = note;
  while (true) {
    size_t end = rest.find(';');
    std::string_view word = Trim(rest.substr(0, end));
    if (word == "example" || word == "provisional" || word == "revised")
      dropped = true;
    else if (!word.empty())
      kept.push_back(word);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  if (!dropped) return note;
  std::string out;
  for (std::string_view word : kept) {
    if (!out.empty()) out += "; ";
    out += word;
  }
  return out;
}

bool Suppressed(compute::Hidden hidden) {
  return hidden == compute::Hidden::kPrimary || hidden == compute::Hidden::kSecondary ||
         hidden == compute::Hidden::kSourceSuppressed;
}

std::string PeriodTypeWords(model::PeriodType type) {
  std::string words(model::PeriodTypeName(type));
  for (char& c : words)
    if (c == '-') c = ' ';
  return words;
}

// "a percentage of children (per cent)", "a rate per 10,000 children aged under 5" ...
std::string UnitPhrase(const model::Indicator& indicator) {
  switch (indicator.unit) {
    case model::Unit::kPercent: return "a percentage of " + indicator.population + " (per cent)";
    case model::Unit::kRate:
      return "a rate per " + base::FormatNumber(indicator.per, 0) + " " + indicator.population;
    case model::Unit::kCount: return "a number of " + indicator.population;
    case model::Unit::kCurrency: return "an amount in pounds sterling (£)";
    case model::Unit::kNumber: return "a number";
  }
  return "a number";
}

std::string CiMethodPhrase(model::CiMethod method) {
  switch (method) {
    case model::CiMethod::kGiven: return "as published by the source";
    case model::CiMethod::kWilson: return "Wilson score method";
    case model::CiMethod::kByar: return "Byar's method";
    case model::CiMethod::kNone: return "none (this indicator has no confidence interval)";
  }
  return "";
}

std::string ComparisonText(const i18n::Catalogue& t, compute::Comparison comparison, compute::NotComparedReason reason,
                           const std::string& benchmark) {
  std::string label = ComparisonBadge(t, comparison, benchmark).label;
  if (comparison == compute::Comparison::kNotCompared &&
      reason != compute::NotComparedReason::kNone)
    label += ": " + NotComparedText(t, reason);
  return label;
}

std::string ComparisonField(const compute::ResultArea& comparator) {
  return "compared_with_" + comparator.code;
}

// One field descriptor.
OpenDataField Field(const char* name, const char* type, const char* title,
                    std::string description, bool required = false) {
  OpenDataField field;
  field.name = name;
  field.type = type;
  field.title = title;
  field.description = std::move(description);
  field.constraints.required = required;
  return field;
}

// The fields of a table, for one indicator or (indicator == nullptr) for all of them.
std::vector<OpenDataField> Fields(const model::Site& site, const compute::Results& results,
                                  const model::Indicator* indicator) {
  std::vector<OpenDataField> fields;
  fields.push_back(Field("indicator", "string", "Indicator",
                         "The indicator's id (its page is indicators/<id>/ on the website).",
                         true));
  fields.push_back(Field(
      "period", "string", "Period",
      indicator ? "The " + PeriodTypeWords(indicator->period_type) + " the figure is for."
                : "The period the figure is for: 2023 (calendar year), 2019/20 (financial or "
                  "academic year), 2020 Q2 (quarter), 2020/21 Q1 (financial quarter), 2024-03 "
                  "(month) or 2020-22 (rolling years), as the indicator's period type says.",
      true));
  fields.push_back(Field("area_code", "string", "Area code",
                         "The area's ONS code, or the id of a group of areas (area_type group).",
                         true));
  fields.push_back(Field("area_name", "string", "Area name", "The area's name.", true));
  fields.push_back(Field("area_type", "string", "Area type",
                         "ward, local-authority, region, country ... or group: a group of areas "
                         "whose figures are worked out from its members' counts, never averaged "
                         "from their percentages.",
                         true));
  std::string breakdowns =
      "The part of the population the figure is for: " + std::string(kAllBreakdown) +
      " for everyone";
  if (indicator && !indicator->breakdowns.empty()) {
    breakdowns += ", or one of";
    for (size_t idx = 0; idx < indicator->breakdowns.size(); ++idx)
      breakdowns += (idx ? ", " : " ") + indicator->breakdowns[idx];
  } else if (!indicator) {
    breakdowns += ", or one of the indicator's breakdowns";
  }
  fields.push_back(Field("breakdown", "string", "Breakdown", breakdowns + ".", true));

  std::string unit = indicator ? UnitPhrase(*indicator) : "the unit given in the unit column";
  OpenDataField value = Field("value", "number", "Value",
                              "The published figure, as " + unit +
                                  ". Empty when there is no published figure (see marker).");
  OpenDataField lower =
      Field("lower_ci_95", "number", "Lower 95% confidence limit",
            "Lower limit of the figure's 95% confidence interval" +
                (indicator ? " (" + CiMethodPhrase(indicator->ci_method) + ")" : std::string()) +
                ", in the same unit as value.");
  OpenDataField upper =
      Field("upper_ci_95", "number", "Upper 95% confidence limit",
            "Upper limit of the figure's 95% confidence interval, in the same unit as "
            "value.");
  if (indicator) {
    for (OpenDataField* field : {&value, &lower, &upper})
      field->unit = UnitLabel(site.text, *indicator);
  }
  fields.push_back(value);
  fields.push_back(lower);
  fields.push_back(upper);
  std::string rounding =
      site.config.suppression.round_to > 0
          ? " Rounded to the nearest " + std::to_string(site.config.suppression.round_to) + "."
          : std::string();
  fields.push_back(
      Field("count", "number", "Count",
            "The number counted (the numerator), where the source gives one." + rounding));
  fields.push_back(Field("denominator", "number", "Denominator",
                         "The number the count is out of (for a rate, the population), where the "
                         "source gives one." +
                             rounding));
  fields.push_back(Field("unit", "string", "Unit",
                         "The unit of value, the interval limits and target: % for a percentage, "
                         "per N ... for a rate.",
                         true));
  OpenDataField marker =
      Field("marker", "string", "Marker",
            "Empty when the figure is published. [c]: suppressed (a small number, a "
            "figure that would let a small number be worked out, or suppressed by the "
            "data's publisher); [x]: not available. A row with a marker has no "
            "figures.");
  marker.constraints.values = {"[c]", "[x]"};
  fields.push_back(marker);
  fields.push_back(Field("missing_reason", "string", "Why there is no value",
                         "Why the row has no figure, in words; empty when the figure is "
                         "published."));
  fields.push_back(Field("target", "number", "Target",
                         "The value the figure is judged against: the target, or the step "
                         "planned for this period on the path to it (see target_type); empty "
                         "when there is no target for the row's period or no published "
                         "figure."));
  OpenDataField target_type =
      Field("target_type", "string", "What the figure is judged against",
            "target: the target itself; trajectory step: the step planned for "
            "this period on the path to the target; passed target: the target, "
            "whose date is earlier than this period. Empty when there is no "
            "target.");
  target_type.constraints.values = {"target", "trajectory step", "passed target"};
  fields.push_back(target_type);
  OpenDataField status =
      Field("target_status", "string", "Progress against target",
            "Judged on the published figure: Target met (meets or beats it), Close "
            "to target (short by no more than the tolerance), Target not met; the "
            "same with \"the path to target\" for a trajectory step (On the path to "
            "target, Close to the path to target, Behind the path to target). No "
            "target, or No data.",
            true);
  std::vector<std::string> labels;
  for (auto kind : {compute::TargetStatus::kNoTarget, compute::TargetStatus::kNoValue,
                    compute::TargetStatus::kMet, compute::TargetStatus::kClose,
                    compute::TargetStatus::kNotMet})
    labels.push_back(TargetStatusBadge(site.text, kind).label);
  for (auto path : {"On the path to target", "Close to the path to target",
                    "Behind the path to target"})
    labels.push_back(path);
  status.constraints.values = std::move(labels);
  fields.push_back(status);
  OpenDataField qualifier =
      Field("target_status_qualifier", "string", "Could the status be chance?",
            std::string(NotCertain(site.text)) +
                ": the target lies inside the figure's 95% confidence interval, "
                "so the status could be down to chance. Empty otherwise.");
  qualifier.constraints.values = {NotCertain(site.text)};
  fields.push_back(qualifier);
  for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
       ++idx) {
    const compute::ResultArea& comparator = results.areas[results.comparator_areas[idx]];
    OpenDataField field;
    field.name = ComparisonField(comparator);
    field.type = "string";
    field.title = "Compared with " + comparator.name;
    field.description =
        "The " + comparator.name + " (" + comparator.code +
        ") figure for the same period and breakdown tested against this figure's 95% confidence "
        "interval: Similar to when it lies inside; otherwise Better than or Worse than, or Higher "
        "than or Lower than when neither a higher nor a lower figure is better. Not compared, "
        "with the reason, when there is no interval or no figure.";
    field.constraints.required = true;
    fields.push_back(std::move(field));
  }
  fields.push_back(Field("recent_trend", "string", "Recent trend",
                         "On the latest published row of each area and breakdown only: the "
                         "trend over the most recent comparable periods (tested for "
                         "significance where there are counts, otherwise the direction of travel "
                         "only)."));
  fields.push_back(Field("flags", "string", "Flags",
                         "example (made-up figures for illustration: do not use as statistics), "
                         "provisional and revised, separated by semicolons."));
  fields.push_back(Field("note", "string", "Note",
                         "The note given with the figure by its source, if any (left out for "
                         "suppressed rows)."));
  return fields;
}

OpenDataSchema Schema(const model::Site& site, const compute::Results& results,
                      const model::Indicator* indicator) {
  OpenDataSchema schema;
  schema.fields = Fields(site, results, indicator);
  schema.missing_values = {""};
  schema.primary_key = {"indicator", "period", "area_code", "breakdown"};
  return schema;
}

std::string TargetTypeText(compute::TargetReference kind) {
  switch (kind) {
    case compute::TargetReference::kNone: return {};
    case compute::TargetReference::kTarget: return "target";
    case compute::TargetReference::kTrajectoryStep: return "trajectory step";
    case compute::TargetReference::kPassedTarget: return "passed target";
  }
  return {};
}

// Words the rows of one table repeat, worked out once each: a national table has hundreds of
// thousands of rows and a handful of distinct statuses, comparisons and notes.
class TableWords {
 public:
  TableWords(const model::Site& site, const compute::Results& results,
             const model::Indicator& indicator)
      : site_(site), results_(results), indicator_(indicator),
        unit_(UnitLabel(site.text, indicator)) {}

  const std::string& unit() const { return unit_; }
  // The status badge's label and qualifier: they depend only on these three.
  const std::pair<std::string, std::string>& Status(const compute::Cell& cell) {
    auto key = std::make_tuple(static_cast<int>(cell.target_status),
                               cell.target_reference_kind == compute::TargetReference::kTrajectoryStep,
                               cell.target_uncertain);
    auto it = status_.find(key);
    if (it == status_.end()) {
      Badge badge = TargetStatusBadge(site_.text, indicator_, cell);
      it = status_.emplace(key, std::make_pair(std::move(badge.label), std::move(badge.qualifier)))
               .first;
    }
    return it->second;
  }
  const std::string& Comparison(const compute::Cell& cell, size_t comparator) {
    auto key = std::make_tuple(static_cast<int>(cell.comparisons[comparator]),
                               static_cast<int>(cell.not_compared[comparator]), comparator);
    auto it = comparisons_.find(key);
    if (it == comparisons_.end())
      it = comparisons_
               .emplace(key, ComparisonText(site_.text, cell.comparisons[comparator],
                                            cell.not_compared[comparator],
                                            results_.areas[results_.comparator_areas[comparator]].name))
               .first;
    return it->second;
  }
  const std::string& Note(uint32_t note) {
    auto it = notes_.find(note);
    if (it == notes_.end()) it = notes_.emplace(note, NoteWithoutFlags(site_.notes[note])).first;
    return it->second;
  }

 private:
  const model::Site& site_;
  const compute::Results& results_;
  const model::Indicator& indicator_;
  std::string unit_;
  std::map<std::tuple<int, bool, bool>, std::pair<std::string, std::string>> status_;
  std::map<std::tuple<int, int, size_t>, std::string> comparisons_;
  std::map<uint32_t, std::string> notes_;
};

// Fills `out` with the row of `cell`.
void Row(const model::Site& site, const compute::Results& results,
         const model::Indicator& indicator, const compute::Series& series,
         const compute::Cell& cell, bool latest, TableWords& words, OpenDataRow& out) {
  const compute::ResultArea& area = results.areas[series.area];
  const bool published = cell.Published();
  compute::Hidden hidden =
      cell.hidden == compute::Hidden::kNo && !published ? compute::Hidden::kMissing : cell.hidden;
  RowCells row(out);
  row.Words(indicator.id);
  row.Words(cell.period.Label());
  row.Words(area.code);
  row.Words(area.name);
  row.Words(area.type);
  row.Words(series.breakdown == 0 ? std::string_view(kAllBreakdown)
                                  : std::string_view(indicator.breakdowns[series.breakdown - 1]));
  // A cell that is not published carries no figure here even if one were left in it.
  row.Figure(cell.value, published);
  row.Figure(cell.lower95, published);
  row.Figure(cell.upper95, published);
  row.Figure(cell.count, published);
  row.Figure(cell.denominator, published);
  row.Words(words.unit());
  row.WordsOrMissing(published ? std::string() : HiddenMarker(hidden));
  row.WordsOrMissing(published ? std::string() : HiddenLabel(site.text, hidden));
  row.Figure(cell.target_reference, published);
  const auto& [status_label, status_qualifier] = words.Status(cell);
  row.WordsOrMissing(published && model::Has(cell.target_reference)
                         ? TargetTypeText(cell.target_reference_kind)
                         : std::string());
  row.Words(status_label);
  row.WordsOrMissing(status_qualifier);
  for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
       ++idx)
    row.Words(words.Comparison(cell, idx));
  row.WordsOrMissing(latest ? TrendLabel(site.text, indicator, series.trend) : std::string());
  row.WordsOrMissing(Flags(cell.flags));
  // A free-text note could restate a suppressed figure ("3 children"), so it goes with it.
  row.WordsOrMissing(Suppressed(cell.hidden) ? std::string_view() : words.Note(cell.note));
  row.Finish();
}

// The indicator as the table's JSON file describes it.
OpenDataIndicator IndicatorMeta(const model::Site& site, const model::Indicator& indicator) {
  OpenDataIndicator out;
  out.id = indicator.id;
  out.title = indicator.title;
  out.short_title = indicator.short_title;
  out.unit = model::UnitName(indicator.unit);
  out.unit_label = UnitLabel(site.text, indicator);
  if (indicator.unit == model::Unit::kRate) out.per = indicator.per;
  out.decimals = indicator.decimals;
  out.polarity = model::PolarityName(indicator.polarity);
  out.polarity_text = PolarityText(site.text, indicator.polarity);
  out.period_type = model::PeriodTypeName(indicator.period_type);
  out.ci_method = model::CiMethodName(indicator.ci_method);
  out.source = indicator.source;
  out.definition = indicator.definition;
  out.method = indicator.method;
  if (indicator.baseline) out.baseline = indicator.baseline->Label();
  if (indicator.target) {
    OpenDataTarget target;
    target.value = indicator.target->value;
    target.period = indicator.target->period.Label();
    target.tolerance = indicator.target->tolerance.value_or(site.config.close_tolerance);
    for (const auto& point : indicator.target->trajectory)
      target.trajectory.push_back({point.period.Label(), point.value});
    out.target = std::move(target);
  }
  out.breakdowns.push_back(kAllBreakdown);
  for (const auto& name : indicator.breakdowns) out.breakdowns.push_back(name);
  return out;
}

std::string TableDescription(const i18n::Catalogue& t, const model::Indicator& indicator) {
  std::string out(Trim(indicator.definition));
  if (!out.empty()) out += "\n\n";
  out += "Unit: " + UnitLabel(t, indicator) + ". " + PolarityText(t, indicator.polarity) +
         " Confidence intervals: " + CiMethodPhrase(indicator.ci_method) +
         ". Source: " + indicator.source + ".";
  return out;
}

std::string SuppressionSentence(const model::SiteConfig& config) {
  std::string out;
  int max = config.suppression.MaxSuppressed();
  if (max > 0)
    out = "Counts from 1 to " + std::to_string(max) +
          " are suppressed ([c]) to protect privacy, with every figure worked out from them and "
          "any figure that would let them be worked out by subtraction.";
  else
    out =
        "This site suppresses no small numbers itself; figures suppressed by the data's "
        "publisher are marked [c].";
  if (config.suppression.round_to > 0)
    out += " Published counts and denominators are rounded to the nearest " +
           std::to_string(config.suppression.round_to) + ".";
  return out;
}

OpenDataPackage Package(const model::Site& site) {
  const model::SiteConfig& config = site.config;
  OpenDataPackage package;
  package.profile = "tabular-data-package";
  package.name = base::Slugify(config.title);
  package.title = config.title + ": open data";
  std::string description =
      "Every published figure behind " + config.title +
      (config.organisation.empty() ? std::string() : ", from " + config.organisation) +
      ": a table per indicator (<indicator id>.csv) and one table with every indicator "
      "(all.csv). Each table is also given as JSON (<name>.json) with the same fields and rows. "
      "Groups of areas are worked out from their members' counts. " +
      SuppressionSentence(config) +
      " A row without a published figure keeps its place, with an empty value, a marker ([c] "
      "suppressed, [x] not available) and the reason.";
  if (config.example_data)
    description +=
        " This site contains made-up example data (rows flagged example): do not use those "
        "figures as statistics.";
  package.description = std::move(description);
  package.homepage = config.base_url;
  package.licenses = {{kLicenceId, kLicenceUrl, kLicenceTitle}};
  std::set<std::string> seen;
  for (const auto& indicator : site.indicators)
    if (!indicator.source.empty() && seen.insert(indicator.source).second)
      package.sources.push_back({indicator.source});
  if (!config.organisation.empty()) package.contributors = {{config.organisation, "publisher"}};
  return package;
}

// data/spending.csv as a table of its own (it is not an indicator, so not in all.csv): one row
// per row of the file, in its order, with the outcome's, area's and partner's names beside
// their ids.
OpenDataTable SpendingTable(const model::Site& site) {
  OpenDataTable table;
  table.name = kSpendingTable;
  table.title = site.config.title + ": spending";
  table.description =
      "What is spent on each outcome, by financial year, in pounds (cash terms, not adjusted "
      "for inflation): by area where known, and by partner and service category where the "
      "site records them." +
      std::string(site.config.example_data
                      ? " Rows whose note says example are made-up figures: do not use them."
                      : "");
  std::vector<OpenDataField>& fields = table.schema.fields;
  fields.push_back(Field("outcome_id", "string", "Outcome id", "The outcome's id.", true));
  fields.push_back(Field("outcome", "string", "Outcome", "The outcome's title.", true));
  fields.push_back(Field("area_code", "string", "Area code",
                         "The area the money was spent on: the council, a group of wards or a "
                         "ward (ONS code, or the group's id).",
                         true));
  fields.push_back(Field("area_name", "string", "Area name", "The area's name.", true));
  fields.push_back(Field("period", "string", "Financial year",
                         "April to March, e.g. 2019/20.", true));
  fields.push_back(Field("partner_id", "string", "Partner id",
                         "Who spent it (empty when not recorded)."));
  fields.push_back(Field("partner", "string", "Partner", "The partner's name."));
  fields.push_back(Field("category", "string", "Service category",
                         "The kind of service (empty when not recorded)."));
  OpenDataField amount =
      Field("amount_gbp", "number", "Amount (£)", "Pounds spent, cash terms.", true);
  amount.constraints.minimum = 0;
  fields.push_back(std::move(amount));
  fields.push_back(Field("note", "string", "Note", "The publisher's note on the row."));
  // No primary key: a row is one outcome, area, year, partner and category (load refuses a
  // second), but partner and category may be empty, which a key may not.
  table.schema.missing_values = {""};
  for (const model::Spending& spending : site.spending) {
    std::string outcome_title;
    for (const auto& outcome : site.outcomes)
      if (outcome.id == spending.outcome) outcome_title = outcome.title;
    std::string partner_name;
    for (const auto& partner : site.config.partners)
      if (partner.id == spending.partner) partner_name = partner.name;
    table.rows.push_back({Text(spending.outcome), Text(outcome_title), Text(spending.area),
                          Text(site.AreaOrGroupName(spending.area)),
                          Text(spending.period.Label()), Text(spending.partner),
                          Text(partner_name), Text(spending.category), Number(spending.amount),
                          Text(spending.note)});
  }
  return table;
}

}  // namespace

OpenData OpenDataHeader(const model::Site& site, const compute::Results& results) {
  OpenData out;
  out.folder = kFolder;
  out.package = Package(site);
  std::vector<OpenDataIndicator> metas;
  for (const model::Indicator& indicator : site.indicators) {
    // load/validate.cc rejects ids and breakdowns that would clash with these files' names.
    OpenDataTable table;
    table.name = indicator.id;
    table.title = indicator.title;
    table.description = TableDescription(site.text, indicator);
    if (!indicator.source.empty()) table.sources = {{indicator.source}};
    table.schema = Schema(site, results, &indicator);
    table.indicator = IndicatorMeta(site, indicator);
    metas.push_back(*table.indicator);
    out.tables.push_back(std::move(table));
  }
  OpenDataTable& all = out.all;
  all.name = kAllTable;
  all.title = site.config.title + ": every indicator";
  all.description =
      "Every indicator's rows in one table: the rows of each indicator's own table, one "
      "indicator after another. The unit column gives each row's unit.";
  all.sources = out.package.sources;
  all.schema = Schema(site, results, nullptr);
  all.indicators = std::move(metas);
  // Tables of their own, after all (small: they come with their rows).
  if (!site.spending.empty()) out.others.push_back(SpendingTable(site));
  return out;
}

void OpenDataRows(const model::Site& site, const compute::Results& results,
                  uint32_t indicator_idx, const std::function<void(const OpenDataRow&)>& row) {
  const model::Indicator& indicator = site.indicators[indicator_idx];
  TableWords words(site, results, indicator);
  OpenDataRow cells;
  for (const auto& series : results.series) {
    if (series.indicator != indicator_idx) continue;
    const compute::Cell* latest = series.Latest();
    for (const auto& cell : series.cells) {
      Row(site, results, indicator, series, cell, &cell == latest, words, cells);
      row(cells);
    }
  }
}

OpenData OpenDataView(const model::Site& site, const compute::Results& results) {
  OpenData out = OpenDataHeader(site, results);
  for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx) {
    OpenDataTable& table = out.tables[indicator_idx];
    OpenDataRows(site, results, indicator_idx, [&](const OpenDataRow& row) {
      // Programmer error if Row() and Fields() ever list different columns.
      assert(row.size() == table.schema.fields.size());
      table.rows.push_back(row);
    });
  }
  return out;
}

}  // namespace outcomes::view
