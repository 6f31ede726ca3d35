// model.json: the computed model, for machines and for golden tests.
#include "base/format.h"
#include "base/parallel.h"
#include "view/labels.h"
#include "view/view.h"

namespace outcomes::view {

namespace {

using nlohmann::json;

// Numbers go out as JSON numbers, missing ones as null.
json Number(double value) { return model::Has(value) ? json(value) : json(nullptr); }

json Flags(uint8_t flags) {
  json out = json::array();
  if (flags & model::kFlagExample) out.push_back("example");
  if (flags & model::kFlagProvisional) out.push_back("provisional");
  if (flags & model::kFlagRevised) out.push_back("revised");
  return out;
}

json CellView(const model::Site& site, const compute::Results& results,
              const model::Indicator& indicator, const compute::Cell& cell) {
  json out;
  out["period"] = cell.period.Label();
  out["published"] = cell.Published();
  if (cell.hidden != compute::Hidden::kNo) out["hidden"] = HiddenPublicName(cell.hidden);
  out["value"] = Number(cell.value);
  out["value_text"] = base::FormatNumber(cell.value, indicator.decimals);
  out["count"] = Number(cell.count);
  out["denominator"] = Number(cell.denominator);
  out["lower_ci_95"] = Number(cell.lower95);
  out["upper_ci_95"] = Number(cell.upper95);
  out["lower_ci_99_8"] = Number(cell.lower998);
  out["upper_ci_99_8"] = Number(cell.upper998);
  out["flags"] = Flags(cell.flags);
  out["note"] = site.notes[cell.note];
  out["target_status"] = compute::TargetStatusName(cell.target_status);
  out["target_reference"] = Number(cell.target_reference);
  out["target_reference_type"] = compute::TargetReferenceName(cell.target_reference_kind);
  out["target_uncertain"] = cell.target_uncertain;
  json comparisons = json::object();
  for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
       ++idx) {
    json comparison;
    comparison["result"] = compute::ComparisonName(cell.comparisons[idx]);
    if (cell.comparisons[idx] == compute::Comparison::kNotCompared)
      comparison["reason"] = compute::NotComparedReasonText(cell.not_compared[idx]);
    comparisons[results.areas[results.comparator_areas[idx]].code] = comparison;
  }
  out["compared_with"] = comparisons;
  return out;
}

json TrendView(const compute::Trend& trend) {
  json out;
  out["kind"] = compute::TrendKindName(trend.kind);
  out["points"] = trend.points;
  out["p_value"] = Number(trend.p_value);
  out["short_term"] = compute::DirectionName(trend.short_term);
  if (trend.short_term != compute::Direction::kUnknown)
    out["short_term_from"] = trend.short_term_from.Label();
  out["long_term"] = compute::DirectionName(trend.long_term);
  if (trend.long_term != compute::Direction::kUnknown)
    out["long_term_from"] = trend.long_term_from.Label();
  return out;
}

json SeriesView(const model::Site& site, const compute::Results& results,
               const compute::Series& series) {
  const model::Indicator& indicator = site.indicators[series.indicator];
  json item;
  item["area"] = results.areas[series.area].code;
  item["breakdown"] =
      series.breakdown ? indicator.breakdowns[series.breakdown - 1] : std::string();
  json cells = json::array();
  for (const auto& cell : series.cells) cells.push_back(CellView(site, results, indicator, cell));
  item["cells"] = cells;
  item["trend"] = TrendView(series.trend);
  item["sentences"] = series.sentences;
  return item;
}

// `value` as dump(1) writes it nested `level` levels deep: every line after the first indented
// by `level` more spaces (a JSON string never holds a raw line break).
std::string DumpAt(const json& value, size_t level) {
  std::string text = value.dump(1);
  if (level == 0) return text;
  const std::string indent = "\n" + std::string(level, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t from = 0;
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', from)) {
    out.append(text, from, at - from);
    out += indent;
    from = at + 1;
  }
  out.append(text, from, std::string::npos);
  return out;
}

// --- model.json's cells as text ------------------------------------------------------------
// A site has millions of cells: they are written straight to text, the bytes dump(1) gives for
// CellView and SeriesView (the model tests compare the two), without building json objects.

// A JSON string's text: plain printable ASCII as it is, anything else as the serializer has it.
void AppendString(std::string& out, std::string_view text) {
  for (char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte >= 0x7f || ch == '"' || ch == '\\') {
      out += json(std::string(text)).dump();
      return;
    }
  }
  out += '"';
  out += text;
  out += '"';
}

void AppendNumber(std::string& out, double value) {
  if (model::Has(value))
    out += json(value).dump();
  else
    out += "null";
}

// Writes members of one object nested `level` deep: Key() before each value, End() after
// the last. Keys must come in the order json's std::map sorts them.
class ObjectText {
 public:
  ObjectText(std::string& out, size_t level) : out_(out), level_(level) { out_ += "{"; }
  std::string& Key(std::string_view key) {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(level_ + 1, ' ');
    out_ += '"';
    out_ += key;
    out_ += "\": ";
    return out_;
  }
  void End() {
    if (first_) {
      out_ += "}";
      return;
    }
    out_ += '\n';
    out_.append(level_, ' ');
    out_ += '}';
  }

 private:
  std::string& out_;
  size_t level_;
  bool first_ = true;
};

void AppendCell(std::string& out, const model::Site& site, const compute::Results& results,
                const model::Indicator& indicator, const compute::Cell& cell, size_t level) {
  ObjectText object(out, level);
  {
    // compared_with: comparator code → {reason?, result}, by code.
    std::vector<std::pair<const std::string*, size_t>> comparators;
    for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
         ++idx)
      comparators.emplace_back(&results.areas[results.comparator_areas[idx]].code, idx);
    std::sort(comparators.begin(), comparators.end(),
              [](const auto& a, const auto& b) { return *a.first < *b.first; });
    comparators.erase(std::unique(comparators.begin(), comparators.end(),
                                  [](const auto& a, const auto& b) { return *a.first == *b.first; }),
                      comparators.end());
    ObjectText compared(object.Key("compared_with"), level + 1);
    for (const auto& [code, idx] : comparators) {
      ObjectText comparison(compared.Key(*code), level + 2);
      if (cell.comparisons[idx] == compute::Comparison::kNotCompared)
        AppendString(comparison.Key("reason"),
                     compute::NotComparedReasonText(cell.not_compared[idx]));
      AppendString(comparison.Key("result"), compute::ComparisonName(cell.comparisons[idx]));
      comparison.End();
    }
    compared.End();
  }
  AppendNumber(object.Key("count"), cell.count);
  AppendNumber(object.Key("denominator"), cell.denominator);
  {
    std::string& flags = object.Key("flags");
    const json list = Flags(cell.flags);
    if (list.empty()) {
      flags += "[]";
    } else {
      flags += "[";
      for (size_t idx = 0; idx < list.size(); ++idx) {
        flags += idx ? ",\n" : "\n";
        flags.append(level + 2, ' ');
        AppendString(flags, list[idx].get<std::string>());
      }
      flags += '\n';
      flags.append(level + 1, ' ');
      flags += ']';
    }
  }
  if (cell.hidden != compute::Hidden::kNo)
    AppendString(object.Key("hidden"), HiddenPublicName(cell.hidden));
  AppendNumber(object.Key("lower_ci_95"), cell.lower95);
  AppendNumber(object.Key("lower_ci_99_8"), cell.lower998);
  AppendString(object.Key("note"), site.notes[cell.note]);
  AppendString(object.Key("period"), cell.period.Label());
  object.Key("published") += cell.Published() ? "true" : "false";
  AppendNumber(object.Key("target_reference"), cell.target_reference);
  AppendString(object.Key("target_reference_type"),
               compute::TargetReferenceName(cell.target_reference_kind));
  AppendString(object.Key("target_status"), compute::TargetStatusName(cell.target_status));
  object.Key("target_uncertain") += cell.target_uncertain ? "true" : "false";
  AppendNumber(object.Key("upper_ci_95"), cell.upper95);
  AppendNumber(object.Key("upper_ci_99_8"), cell.upper998);
  AppendNumber(object.Key("value"), cell.value);
  AppendString(object.Key("value_text"), base::FormatNumber(cell.value, indicator.decimals));
  object.End();
}

// SeriesView's text, nested `level` deep.
void AppendSeries(std::string& out, const model::Site& site, const compute::Results& results,
                  const compute::Series& series, size_t level) {
  const model::Indicator& indicator = site.indicators[series.indicator];
  ObjectText object(out, level);
  AppendString(object.Key("area"), results.areas[series.area].code);
  AppendString(object.Key("breakdown"),
               series.breakdown ? indicator.breakdowns[series.breakdown - 1] : std::string());
  {
    std::string& cells = object.Key("cells");
    if (series.cells.empty()) {
      cells += "[]";
    } else {
      cells += "[";
      for (size_t idx = 0; idx < series.cells.size(); ++idx) {
        cells += idx ? ",\n" : "\n";
        cells.append(level + 2, ' ');
        AppendCell(cells, site, results, indicator, series.cells[idx], level + 2);
      }
      cells += '\n';
      cells.append(level + 1, ' ');
      cells += ']';
    }
  }
  object.Key("sentences") += DumpAt(json(series.sentences), level + 1);
  object.Key("trend") += DumpAt(TrendView(series.trend), level + 1);
  object.End();
}

// An indicator's object with "series" null: WriteModel writes the series one at a time.
json IndicatorView(const model::Site& site, const compute::Results& results, uint32_t index) {
  const model::Indicator& indicator = site.indicators[index];
  json out;
  out["id"] = indicator.id;
  out["title"] = indicator.title;
  out["short_title"] = indicator.short_title;
  out["phrase"] = indicator.phrase;
  out["population"] = indicator.population;
  out["unit"] = model::UnitName(indicator.unit);
  if (indicator.unit == model::Unit::kRate) out["per"] = indicator.per;
  out["decimals"] = indicator.decimals;
  out["polarity"] = model::PolarityName(indicator.polarity);
  out["source"] = indicator.source;
  out["definition"] = indicator.definition;
  out["method"] = indicator.method;
  out["period_type"] = model::PeriodTypeName(indicator.period_type);
  out["ci_method"] = model::CiMethodName(indicator.ci_method);
  if (indicator.baseline) out["baseline"] = indicator.baseline->Label();
  if (indicator.target) {
    json target;
    target["value"] = indicator.target->value;
    target["period"] = indicator.target->period.Label();
    target["tolerance"] = indicator.target->tolerance.value_or(site.config.close_tolerance);
    json trajectory = json::array();
    for (const auto& point : indicator.target->trajectory)
      trajectory.push_back({{"period", point.period.Label()}, {"value", point.value}});
    target["trajectory"] = trajectory;
    out["target"] = target;
  }
  out["breakdowns"] = indicator.breakdowns;
  out["series"] = nullptr;
  for (const auto& gap : results.gaps) {
    if (gap.indicator != index) continue;
    json points = json::array();
    for (const auto& point : gap.points)
      points.push_back({{"period", point.period.Label()},
                        {"target_value", Number(point.target_value)},
                        {"rest_value", Number(point.rest_value)},
                        {"gap", Number(point.gap)},
                        {"significant", point.significant}});
    out["gap"] = {{"points", points}, {"change", compute::GapChangeName(gap.change)}};
  }
  return out;
}

// Writes `items` (count of them, given one at a time by `item`) as a JSON array nested `level`
// levels deep, as dump(1) would.
bool WriteArray(size_t count, size_t level, const std::function<json(size_t)>& item,
                const std::function<bool(std::string_view)>& write) {
  if (count == 0) return write("[]");
  if (!write("[\n")) return false;
  const std::string indent(level + 1, ' ');
  for (size_t idx = 0; idx < count; ++idx) {
    if (!write(indent + DumpAt(item(idx), level + 1) + (idx + 1 < count ? ",\n" : "\n")))
      return false;
  }
  return write(std::string(level, ' ') + "]");
}

// Writes `object` as a JSON object nested `level` levels deep, as dump(1) would, except that
// the value of `streamed` (present in `object`, null) is written by `write_streamed`.
bool WriteObject(const json& object, size_t level, const std::string& streamed,
                 const std::function<bool()>& write_streamed,
                 const std::function<bool(std::string_view)>& write) {
  if (!write("{\n")) return false;
  const std::string indent(level + 1, ' ');
  size_t left = object.size();
  for (const auto& [key, value] : object.items()) {
    if (!write(indent + json(key).dump() + ": ")) return false;
    if (key == streamed ? !write_streamed() : !write(DumpAt(value, level + 1))) return false;
    if (!write(--left ? ",\n" : "\n")) return false;
  }
  return write(std::string(level, ' ') + "}");
}

}  // namespace

namespace {

json SuppressionRecord(const model::Site& site, const compute::Results& results,
                       const compute::SuppressionRecord& record) {
  const auto& indicator = site.indicators[record.indicator];
  return {{"indicator", indicator.id},
          {"area", results.areas[record.area].code},
          {"breakdown",
           record.breakdown ? indicator.breakdowns[record.breakdown - 1] : std::string()},
          {"period", record.period.Label()},
          {"reason", compute::HiddenName(record.reason)},
          {"rule", record.rule}};
}

}  // namespace

json SuppressionReportView(const model::Site& site, const compute::Results& results) {
  json rows = json::array();
  for (const auto& record : results.suppressed)
    rows.push_back(SuppressionRecord(site, results, record));
  return rows;
}

bool WriteSuppressionReport(const model::Site& site, const compute::Results& results,
                            const std::function<bool(std::string_view)>& write) {
  return WriteArray(
             results.suppressed.size(), 0,
             [&](size_t idx) { return SuppressionRecord(site, results, results.suppressed[idx]); },
             write) &&
         write("\n");
}

namespace {

// model.json with "indicators" null.
json ModelWithoutIndicators(const model::Site& site, const compute::Results& results) {
  const auto& config = site.config;
  json out;
  out["site"] = {{"title", config.title},
                 {"organisation", config.organisation},
                 {"language", config.language},
                 {"base_url", config.base_url},
                 {"home_area", config.home_area},
                 {"comparators", config.comparators},
                 {"example_data", config.example_data},
                 {"data_date", config.data_date},
                 {"suppression",
                  {{"preset", model::SuppressionPresetName(config.suppression.preset)},
                   {"round_to", config.suppression.round_to}}}};
  json areas = json::array();
  for (size_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
    const auto& area = results.areas[area_idx];
    json item = {{"code", area.code}, {"name", area.name}, {"type", area.type}};
    if (area.is_group) {
      json members = json::array();
      for (uint32_t member : area.members) members.push_back(results.areas[member].code);
      item["members"] = members;
    } else {
      item["parent"] = site.areas[area_idx].parent;
      item["tags"] = site.areas[area_idx].tags;
    }
    areas.push_back(item);
  }
  out["areas"] = areas;
  json outcomes = json::array();
  for (const auto& outcome : site.outcomes) {
    json groups = json::array();
    for (const auto& group : outcome.groups) {
      // What measures each statement and what speaks to it, in the statements' order.
      json links = json::array();
      for (size_t idx = 0; idx < group.statements.size(); ++idx) {
        const model::StatementLinks statement =
            idx < group.links.size() ? group.links[idx] : model::StatementLinks{};
        links.push_back({{"indicators", statement.indicators},
                         {"evidence", statement.evidence},
                         {"spending", statement.spending}});
      }
      groups.push_back(
          {{"title", group.title}, {"statements", group.statements}, {"links", links}});
    }
    json item = {{"id", outcome.id},
                 {"title", outcome.title},
                 {"owner", outcome.owner},
                 {"summary", outcome.summary},
                 {"page", outcome.page},
                 {"groups", groups},
                 {"indicators", outcome.indicator_ids}};
    if (outcome.spend_per_head)
      item["spend_per_head"] = {{"population", outcome.spend_per_head->population},
                                {"per", outcome.spend_per_head->per}};
    outcomes.push_back(std::move(item));
  }
  out["outcomes"] = outcomes;
  out["indicators"] = nullptr;
  json pages = json::array();
  for (const auto& page : site.pages) {
    if (page.draft) continue;
    json quotes = json::array();  // load kept only the quotes whose consent is recorded
    for (const auto& quote : page.quotes)
      quotes.push_back({{"text", quote.text}, {"who", quote.who}});
    pages.push_back({{"path", page.path},
                     {"title", page.title},
                     {"summary", page.summary},
                     {"date", page.date},
                     {"type", model::ContentTypeName(page.type)},
                     {"outcomes", page.outcomes},
                     {"areas", page.areas},
                     {"author", page.author},
                     {"evidence_for", page.evidence_for},
                     {"evidence", page.evidence_kind},
                     {"quotes", quotes}});
  }
  out["pages"] = pages;
  json boundaries = json::array();
  for (const auto& boundary : site.boundaries)
    boundaries.push_back({{"area", boundary.area_code}, {"polygons", boundary.polygons.size()}});
  out["boundaries"] = boundaries;
  json partners = json::array();
  for (const auto& partner : site.config.partners)
    partners.push_back({{"id", partner.id}, {"name", partner.name}});
  out["partners"] = partners;
  json spending = json::array();
  for (const auto& row : site.spending)
    spending.push_back({{"outcome", row.outcome},
                        {"area", row.area},
                        {"period", row.period.Label()},
                        {"partner", row.partner},
                        {"category", row.category},
                        {"amount", row.amount},
                        {"note", row.note}});
  out["spending"] = spending;
  return out;
}

}  // namespace

bool WriteModel(const model::Site& site, const compute::Results& results,
                const std::function<bool(std::string_view)>& write) {
  // Each indicator's series, in the order of Results::series.
  std::vector<std::vector<const compute::Series*>> series_of(site.indicators.size());
  for (const auto& series : results.series) series_of[series.indicator].push_back(&series);
  // "indicators" at level 1: its items (level 2) are objects whose "series" (level 3) is
  // written a series at a time. Indicators are made in parallel and written in order.
  auto indicator_text = [&](size_t idx) {
    std::string text;
    auto into_text = [&text](std::string_view bytes) {
      text += bytes;
      return true;
    };
    const auto& list = series_of[idx];
    WriteObject(
        IndicatorView(site, results, static_cast<uint32_t>(idx)), 2, "series",
        [&] {
          if (list.empty()) return into_text("[]");
          text += "[";
          for (size_t item = 0; item < list.size(); ++item) {
            text += item ? ",\n" : "\n";
            text.append(4, ' ');
            AppendSeries(text, site, results, *list[item], 4);
          }
          text += "\n   ]";
          return true;
        },
        into_text);
    return text;
  };
  auto indicators = [&]() -> bool {
    const size_t count = site.indicators.size();
    if (count == 0) return write("[]");
    return write("[\n") &&
           base::InOrder<std::string>(
               count, indicator_text,
               [&](size_t idx, std::string& text) {
                 return write("  ") && write(text) && write(idx + 1 < count ? ",\n" : "\n");
               }) &&
           write(" ]");
  };
  return WriteObject(ModelWithoutIndicators(site, results), 0, "indicators", indicators, write) &&
         write("\n");
}

json ModelView(const model::Site& site, const compute::Results& results) {
  json out = ModelWithoutIndicators(site, results);
  json indicators = json::array();
  for (uint32_t idx = 0; idx < site.indicators.size(); ++idx) {
    json indicator = IndicatorView(site, results, idx);
    indicator["series"] = json::array();
    for (const auto& series : results.series)
      if (series.indicator == idx) indicator["series"].push_back(SeriesView(site, results, series));
    indicators.push_back(std::move(indicator));
  }
  out["indicators"] = std::move(indicators);
  return out;
}

}  // namespace outcomes::view
