// Reads data/outcomes.yaml and data/indicators/*.yaml.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/text.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"
#include "markdown/markdown.h"

namespace outcomes::load::internal {

namespace {

constexpr const char* kOutcomesFile = "data/outcomes.yaml";
constexpr size_t kMaxBreakdowns = 65535;

// Reads Markdown field `key` (optional unless `required`) and checks it with
// markdown::CheckLimits; a problem is reported at the value, naming the line of the text.
void MarkdownField(YamlFields& fields, const char* key, std::string& out, bool required) {
  if (!fields.String(key, out, required)) return;
  if (const auto problem = markdown::CheckLimits(out, 1)) {
    fields.diagnostics().Error(
        fields.Where(key),
        std::string(key) + ", line " + std::to_string(problem->line) + " of the text: " +
            problem->message,
        problem->hint);
    out.clear();
  }
}

// statements: each plain text, or {text, indicators: [ids], evidence: [content pages],
// spending: [service categories]} to say what measures it, what speaks to it and what is spent
// on it.
void ReadStatements(YamlFields& fields, model::StatementGroup& group) {
  YAML::Node node = fields.Child("statements", true);
  if (!node.IsDefined()) return;
  auto& diagnostics = fields.diagnostics();
  if (!node.IsSequence()) {
    diagnostics.Error(LocationOf(kOutcomesFile, node), "'statements' must be a list",
                      "each statement is a line of text, or {text, indicators, evidence, spending}");
    return;
  }
  for (const auto& item : node) {
    model::StatementLinks links;
    std::string text;
    if (item.IsScalar()) {
      text = item.Scalar();
    } else {
      YamlFields statement(item, kOutcomesFile, diagnostics, "statement");
      if (!statement.ok()) continue;
      statement.String("text", text, true);
      statement.StringList("indicators", links.indicators, false, &links.indicator_locations);
      statement.StringList("evidence", links.evidence, false, &links.evidence_locations);
      statement.StringList("spending", links.spending, false, &links.spending_locations);
      statement.Finish();
    }
    group.statements.push_back(std::move(text));
    group.links.push_back(std::move(links));
  }
}

// spend_per_head: {population: indicator id, per: words for one person counted}.
void ReadSpendPerHead(YamlFields& fields, model::Outcome& outcome) {
  YAML::Node node = fields.Child("spend_per_head", false);
  if (!node.IsDefined()) return;
  YamlFields spend(node, kOutcomesFile, fields.diagnostics(), "spend_per_head");
  if (!spend.ok()) return;
  model::SpendPerHead config;
  config.location = LocationOf(kOutcomesFile, node);
  spend.String("population", config.population, true);
  config.population_location = spend.Where("population");
  spend.String("per", config.per, true);
  spend.Finish();
  outcome.spend_per_head = std::move(config);
}

void ReadStatementGroups(YamlFields& fields, model::Outcome& outcome) {
  YAML::Node node = fields.Child("groups", false);
  if (!node.IsDefined()) return;
  if (!node.IsSequence()) {
    fields.diagnostics().Error(LocationOf(kOutcomesFile, node),
                               "'groups' of an outcome must be a list");
    return;
  }
  for (const auto& item : node) {
    YamlFields group_fields(item, kOutcomesFile, fields.diagnostics(), "outcome group");
    if (!group_fields.ok()) continue;
    model::StatementGroup group;
    group_fields.String("title", group.title, true);
    ReadStatements(group_fields, group);
    group_fields.Finish();
    outcome.groups.push_back(std::move(group));
  }
}

bool ParsePeriodAt(const std::string& text, model::PeriodType type, const base::Location& where,
                   base::Diagnostics& diagnostics, model::Period& out) {
  std::string error;
  auto period = model::ParsePeriod(text, type, &error);
  if (!period) {
    diagnostics.Error(where, error,
                      "the indicator's period_type is " +
                          std::string(model::PeriodTypeName(type)));
    return false;
  }
  out = *period;
  return true;
}

void ReadTarget(YamlFields& fields, model::Indicator& indicator, bool period_type_ok) {
  YAML::Node node = fields.Child("target", false);
  if (!node.IsDefined()) return;
  auto& diagnostics = fields.diagnostics();
  const std::string& file = fields.file();
  YamlFields target_fields(node, file, diagnostics, "target");
  if (!target_fields.ok()) return;
  model::Target target;
  bool ok = target_fields.Double("value", target.value, true);
  std::string period_text;
  if (target_fields.String("period", period_text, true) && period_type_ok)
    ok = ParsePeriodAt(period_text, indicator.period_type, target_fields.Where("period"),
                       diagnostics, target.period) && ok;
  else
    ok = false;
  double tolerance = 0;
  if (target_fields.Double("tolerance", tolerance, false)) {
    if (tolerance < 0)
      diagnostics.Error(target_fields.Where("tolerance"), "tolerance must not be negative");
    target.tolerance = tolerance;
  }
  YAML::Node trajectory = target_fields.Child("trajectory", false);
  if (trajectory.IsDefined()) {
    if (!trajectory.IsSequence()) {
      diagnostics.Error(LocationOf(file, trajectory),
                        "'trajectory' must be a list of {period, value}");
    } else {
      for (const auto& item : trajectory) {
        YamlFields point_fields(item, file, diagnostics, "trajectory point");
        if (!point_fields.ok()) continue;
        model::TrajectoryPoint point;
        std::string text;
        bool point_ok = point_fields.Double("value", point.value, true);
        if (point_fields.String("period", text, true) && period_type_ok)
          point_ok = ParsePeriodAt(text, indicator.period_type, point_fields.Where("period"),
                                   diagnostics, point.period) && point_ok;
        else
          point_ok = false;
        point_fields.Finish();
        if (!point_ok) continue;
        if (ok && point.period > target.period)
          diagnostics.Error(point_fields.Where("period"),
                            "trajectory period " + point.period.Label() +
                                " is after the target period " + target.period.Label());
        target.trajectory.push_back(point);
      }
      std::sort(target.trajectory.begin(), target.trajectory.end(),
                [](const auto& a, const auto& b) { return a.period < b.period; });
    }
  }
  target_fields.Finish();
  if (ok) indicator.target = std::move(target);
}

template <typename Enum>
bool ReadEnum(YamlFields& fields, const char* key, bool required,
              const std::vector<std::pair<const char*, Enum>>& choices, Enum& out) {
  std::string text;
  if (!fields.String(key, text, required)) return false;
  std::string names;
  std::vector<std::string> candidates;
  for (const auto& [name, value] : choices) {
    if (text == name) {
      out = value;
      return true;
    }
    names += (names.empty() ? "" : ", ") + std::string(name);
    candidates.push_back(name);
  }
  std::string closest = ClosestWord(text, candidates);
  fields.diagnostics().Error(fields.Where(key),
                             "unknown " + std::string(key) + " '" + text + "'",
                             closest.empty() ? "use one of: " + names
                                             : "did you mean '" + closest + "'?");
  return false;
}

void ReadIndicator(const YAML::Node& node, const std::string& file, model::Site& site,
                   base::Diagnostics& diagnostics) {
  YamlFields fields(node, file, diagnostics, "indicator");
  if (!fields.ok()) return;
  model::Indicator indicator;
  indicator.location = LocationOf(file, node);
  if (fields.String("id", indicator.id, true) && !base::IsSlug(indicator.id))
    diagnostics.Error(fields.Where("id"), "indicator id '" + indicator.id +
                                              "' must use lower-case letters, digits and "
                                              "hyphens (at most 100 characters)");
  fields.String("title", indicator.title, true);
  if (fields.String("short_title", indicator.short_title, true))
    CheckLength(indicator.short_title, base::kMaxNameLength, fields.Where("short_title"),
                "short_title", diagnostics);
  fields.String("phrase", indicator.phrase, true);
  fields.String("population", indicator.population, true);
  using model::Unit;
  ReadEnum<Unit>(fields, "unit", true,
                 {{"percent", Unit::kPercent},
                  {"rate", Unit::kRate},
                  {"count", Unit::kCount},
                  {"currency", Unit::kCurrency},
                  {"number", Unit::kNumber}},
                 indicator.unit);
  bool has_per = fields.Double("per", indicator.per, false);
  if (indicator.unit == Unit::kRate && !has_per)
    diagnostics.Error(indicator.location, "missing required key 'per' for a rate indicator",
                      "say what the rate is per, e.g. per: 1000");
  if (has_per && indicator.per <= 0)
    diagnostics.Error(fields.Where("per"), "'per' must be a positive number");
  if (fields.Int("decimals", indicator.decimals, false) &&
      (indicator.decimals < 0 || indicator.decimals > 6))
    diagnostics.Error(fields.Where("decimals"), "decimals must be between 0 and 6");
  using model::Polarity;
  ReadEnum<Polarity>(fields, "polarity", true,
                     {{"higher-is-better", Polarity::kHigherIsBetter},
                      {"lower-is-better", Polarity::kLowerIsBetter},
                      {"neutral", Polarity::kNeutral}},
                     indicator.polarity);
  fields.String("source", indicator.source, true);
  MarkdownField(fields, "definition", indicator.definition, true);
  MarkdownField(fields, "method", indicator.method, false);
  std::string period_type;
  bool period_type_ok = false;
  if (fields.String("period_type", period_type, true)) {
    if (auto type = model::ParsePeriodType(period_type)) {
      indicator.period_type = *type;
      period_type_ok = true;
    } else {
      diagnostics.Error(fields.Where("period_type"),
                        "unknown period_type '" + period_type + "'",
                        "use one of: " + std::string(model::PeriodTypeNames()));
    }
  }
  indicator.period_type_known = period_type_ok;
  std::string baseline;
  if (fields.String("baseline", baseline, false) && period_type_ok) {
    model::Period period;
    if (ParsePeriodAt(baseline, indicator.period_type, fields.Where("baseline"), diagnostics,
                      period))
      indicator.baseline = period;
  }
  ReadTarget(fields, indicator, period_type_ok);
  using model::CiMethod;
  ReadEnum<CiMethod>(fields, "ci_method", false,
                     {{"given", CiMethod::kGiven},
                      {"wilson", CiMethod::kWilson},
                      {"byar", CiMethod::kByar},
                      {"none", CiMethod::kNone}},
                     indicator.ci_method);
  if (indicator.ci_method == CiMethod::kWilson && indicator.unit != Unit::kPercent)
    diagnostics.Error(fields.Where("ci_method"),
                      "ci_method wilson needs a percent indicator",
                      "use byar for rates, or given/none");
  if (indicator.ci_method == CiMethod::kByar && indicator.unit != Unit::kRate &&
      indicator.unit != Unit::kCount)
    diagnostics.Error(fields.Where("ci_method"), "ci_method byar needs a rate or count indicator");
  std::vector<base::Location> breakdown_locations;
  fields.StringList("breakdowns", indicator.breakdowns, false, &breakdown_locations);
  std::unordered_set<std::string_view> breakdowns_seen;
  for (size_t idx = 0; idx < indicator.breakdowns.size(); ++idx) {
    if (!breakdowns_seen.insert(indicator.breakdowns[idx]).second)
      diagnostics.Error(breakdown_locations[idx],
                        "breakdown '" + indicator.breakdowns[idx] + "' is listed twice");
  }
  // Observations number breakdowns from 1 in 16 bits (model::Observation::breakdown).
  if (indicator.breakdowns.size() > kMaxBreakdowns) {
    diagnostics.Error(fields.Where("breakdowns"),
                      "more than " + std::to_string(kMaxBreakdowns) + " breakdowns",
                      "a breakdown is a group such as Girls or Boys; list only those the data "
                      "has");
    indicator.breakdowns.resize(kMaxBreakdowns);
  }
  int64_t fingertips_id = 0;
  if (fields.Int64("fingertips_id", fingertips_id, false)) indicator.fingertips_id = fingertips_id;
  fields.String("fingertips_age", indicator.fingertips_age, false);
  fields.Finish();
  if (indicator.id.empty()) return;
  if (auto existing = site.FindIndicator(indicator.id)) {
    diagnostics.Error(fields.Where("id"), "indicator '" + indicator.id + "' is defined twice",
                      "first defined at " + existing->location.file + ":" +
                          std::to_string(existing->location.line));
    return;
  }
  site.indicator_index[indicator.id] = static_cast<uint32_t>(site.indicators.size());
  site.indicators.push_back(std::move(indicator));
}

}  // namespace

void LoadOutcomes(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kOutcomesFile, diagnostics, true);
  if (text) ReadOutcomesText(*text, site, diagnostics);
}

void ReadOutcomesText(const std::string& text, model::Site& site,
                      base::Diagnostics& diagnostics) {
  auto root = ParseYaml(text, kOutcomesFile, diagnostics);
  if (!root) return;
  YamlFields top(*root, kOutcomesFile, diagnostics, "data/outcomes.yaml");
  if (!top.ok()) return;
  YAML::Node list = top.Child("outcomes", true);
  top.Finish();
  if (!list.IsDefined()) return;
  if (!list.IsSequence()) {
    diagnostics.Error(LocationOf(kOutcomesFile, list), "'outcomes' must be a list");
    return;
  }
  std::unordered_set<std::string> outcome_ids;
  for (const auto& item : list) {
    YamlFields fields(item, kOutcomesFile, diagnostics, "outcome");
    if (!fields.ok()) continue;
    model::Outcome outcome;
    outcome.location = LocationOf(kOutcomesFile, item);
    if (fields.String("id", outcome.id, true) && !base::IsSlug(outcome.id))
      diagnostics.Error(fields.Where("id"), "outcome id '" + outcome.id +
                                                "' must use lower-case letters, digits and "
                                                "hyphens (at most 100 characters)");
    fields.String("title", outcome.title, true);
    fields.String("owner", outcome.owner, true);
    fields.String("summary", outcome.summary, true);
    fields.String("page", outcome.page, false);
    outcome.page_location = fields.Where("page");
    ReadStatementGroups(fields, outcome);
    ReadSpendPerHead(fields, outcome);
    fields.StringList("indicators", outcome.indicator_ids, true, &outcome.indicator_locations);
    fields.Finish();
    if (!outcome.id.empty() && !outcome_ids.insert(outcome.id).second)
      diagnostics.Error(fields.Where("id"), "outcome '" + outcome.id + "' is defined twice");
    site.outcomes.push_back(std::move(outcome));
  }
}

void LoadIndicators(model::Site& site, base::Diagnostics& diagnostics) {
  auto files = ListFiles(site.root, "data/indicators", {".yaml", ".yml"}, false, diagnostics);
  for (const auto& file : files) {
    auto text = ReadFile(site.root, file, diagnostics, true);
    if (text) ReadIndicatorText(*text, file, site, diagnostics);
  }
}

void ReadIndicatorText(const std::string& text, const std::string& file, model::Site& site,
                       base::Diagnostics& diagnostics) {
  auto root = ParseYaml(text, file, diagnostics);
  if (root) ReadIndicator(*root, file, site, diagnostics);
}

}  // namespace outcomes::load::internal
