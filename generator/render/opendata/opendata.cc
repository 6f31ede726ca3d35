#include "render/opendata/opendata.h"

#include <cassert>
#include <map>

#include "base/parallel.h"
#include "render/opendata/internal/csv.h"

namespace outcomes::render {

namespace {

using Json = nlohmann::ordered_json;
using internal::CsvField;
using internal::JsonText;
using internal::JsonValue;
using internal::kCsvLineEnd;
using internal::NumberJson;
using view::OpenDataRow;
using view::OpenDataTable;

void AppendCsvLine(const OpenDataRow& cells, std::string& out) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out += ',';
    first = false;
    out += CsvField(cell);
  }
  out += kCsvLineEnd;
}

void AppendCsvHeader(const std::vector<std::string>& names, std::string& out) {
  bool first = true;
  for (const auto& name : names) {
    if (!first) out += ',';
    first = false;
    out += internal::CsvText(name);
  }
  out += kCsvLineEnd;
}

std::vector<std::string> FieldNames(const OpenDataTable& table) {
  std::vector<std::string> names;
  for (const auto& field : table.schema.fields) names.push_back(field.name);
  return names;
}

// The JSON of the view's types, properties in the order of their members.

Json SourcesJson(const std::vector<view::OpenDataSource>& sources) {
  Json out = Json::array();
  for (const auto& source : sources) out.push_back({{"title", source.title}});
  return out;
}

Json FieldJson(const view::OpenDataField& field) {
  Json out;
  out["name"] = field.name;
  out["type"] = field.type;
  out["title"] = field.title;
  out["description"] = field.description;
  const view::OpenDataConstraints& constraints = field.constraints;
  if (constraints.required || !constraints.values.empty() || constraints.minimum) {
    Json json = Json::object();
    if (constraints.required) json["required"] = true;
    if (!constraints.values.empty()) json["enum"] = constraints.values;
    if (constraints.minimum) json["minimum"] = NumberJson(*constraints.minimum);
    out["constraints"] = std::move(json);
  }
  if (field.unit) out["unit"] = *field.unit;
  return out;
}

Json SchemaJson(const view::OpenDataSchema& schema) {
  Json out;
  Json fields = Json::array();
  for (const auto& field : schema.fields) fields.push_back(FieldJson(field));
  out["fields"] = std::move(fields);
  out["missingValues"] = schema.missing_values;
  if (!schema.primary_key.empty()) out["primaryKey"] = schema.primary_key;
  return out;
}

Json IndicatorJson(const view::OpenDataIndicator& indicator) {
  Json out;
  out["id"] = indicator.id;
  out["title"] = indicator.title;
  out["short_title"] = indicator.short_title;
  out["unit"] = indicator.unit;
  out["unit_label"] = indicator.unit_label;
  if (indicator.per) out["per"] = NumberJson(*indicator.per);
  out["decimals"] = indicator.decimals;
  out["polarity"] = indicator.polarity;
  out["polarity_text"] = indicator.polarity_text;
  out["period_type"] = indicator.period_type;
  out["ci_method"] = indicator.ci_method;
  out["source"] = indicator.source;
  out["definition"] = indicator.definition;
  out["method"] = indicator.method;
  if (indicator.baseline) out["baseline"] = *indicator.baseline;
  if (indicator.target) {
    const view::OpenDataTarget& target = *indicator.target;
    Json json;
    json["value"] = NumberJson(target.value);
    json["period"] = target.period;
    json["tolerance"] = NumberJson(target.tolerance);
    Json trajectory = Json::array();
    for (const auto& step : target.trajectory) {
      Json point;
      point["period"] = step.period;
      point["value"] = NumberJson(step.value);
      trajectory.push_back(std::move(point));
    }
    json["trajectory"] = std::move(trajectory);
    out["target"] = std::move(json);
  }
  out["breakdowns"] = indicator.breakdowns;
  return out;
}

Json LicencesJson(const view::OpenDataPackage& package) {
  Json out = Json::array();
  for (const auto& licence : package.licenses) {
    Json json;
    json["name"] = licence.name;
    json["path"] = licence.path;
    json["title"] = licence.title;
    out.push_back(std::move(json));
  }
  return out;
}

// The package's properties, before its resources.
Json PackageJson(const view::OpenDataPackage& package) {
  Json out;
  out["profile"] = package.profile;
  out["name"] = package.name;
  out["title"] = package.title;
  out["description"] = package.description;
  if (!package.homepage.empty()) out["homepage"] = package.homepage;
  out["licenses"] = LicencesJson(package);
  if (!package.sources.empty()) out["sources"] = SourcesJson(package.sources);
  if (!package.contributors.empty()) {
    Json contributors = Json::array();
    for (const auto& contributor : package.contributors) {
      Json json;
      json["title"] = contributor.title;
      json["role"] = contributor.role;
      contributors.push_back(std::move(json));
    }
    out["contributors"] = std::move(contributors);
  }
  return out;
}

// The start of the JSON file of `table`: its metadata, the package's licences, its schema, and
// the opening of its rows.
std::string JsonHead(const OpenDataTable& table, const Json& licences) {
  std::string out = "{\n";
  auto property = [&out](std::string_view key, const std::string& value) {
    out += " ";
    out += JsonText(key);
    out += ": ";
    out += value;
    out += ",\n";
  };
  property("name", JsonText(table.name));
  property("title", JsonText(table.title));
  property("description", JsonText(table.description));
  property("licenses", JsonValue(licences));
  if (!table.sources.empty()) property("sources", JsonValue(SourcesJson(table.sources)));
  if (table.indicator) property("indicator", JsonValue(IndicatorJson(*table.indicator)));
  if (table.indicators) {
    Json indicators = Json::array();
    for (const auto& indicator : *table.indicators) indicators.push_back(IndicatorJson(indicator));
    property("indicators", JsonValue(indicators));
  }
  property("schema", JsonValue(SchemaJson(table.schema)));
  out += " \"rows\": [";
  return out;
}

// What starts each field of a JSON row: `"name": `, with ", " before all but the first.
std::vector<std::string> JsonKeys(const std::vector<std::string>& names) {
  std::vector<std::string> keys;
  for (const auto& name : names) keys.push_back((keys.empty() ? "" : ", ") + JsonText(name) + ": ");
  return keys;
}

// One row of a JSON file, an object per line (`first`: the file's first row).
void AppendJsonRow(const std::vector<std::string>& keys, const OpenDataRow& row, bool first,
                   std::string& out) {
  out += first ? "\n  {" : ",\n  {";
  for (size_t idx = 0; idx < keys.size(); ++idx) {
    out += keys[idx];
    out += JsonValue(row[idx]);
  }
  out += "}";
}

std::string JsonTail(bool any_rows) { return any_rows ? "\n ]\n}\n" : "]\n}\n"; }

// A file written a piece at a time: pieces gather in memory up to a few megabytes, then go to
// the sink (the first with Write, the rest with Append).
class Piecewise {
 public:
  Piecewise(std::string path, const OpenDataSink& sink) : path_(std::move(path)), sink_(sink) {}
  std::string& text() { return text_; }
  size_t bytes() const { return flushed_ + text_.size(); }
  // Adds `more` to the file: a large piece goes to the sink as it is, without a copy.
  bool Add(std::string_view more) {
    if (more.size() < kPiece) {
      text_ += more;
      return Flush(false);
    }
    return Flush(true) && Send(more);
  }
  bool Flush(bool last) {
    if (!last && text_.size() < kPiece) return true;
    if (!Send(text_)) return false;
    text_.clear();
    return true;
  }

 private:
  bool Send(std::string_view bytes) {
    if (bytes.empty() && flushed_ > 0) return true;
    if (!sink_(path_, bytes, flushed_ > 0)) return false;
    flushed_ += bytes.size();
    return true;
  }

  static constexpr size_t kPiece = 4 << 20;
  std::string path_;
  const OpenDataSink& sink_;
  std::string text_;
  size_t flushed_ = 0;
};

// The resource describing one CSV file in datapackage.json.
Json Resource(const OpenDataTable& table, size_t bytes) {
  Json resource;
  resource["profile"] = "tabular-data-resource";
  resource["name"] = table.name;
  resource["path"] = table.name + ".csv";
  resource["title"] = table.title;
  resource["description"] = table.description;
  resource["format"] = "csv";
  resource["mediatype"] = "text/csv";
  resource["encoding"] = "utf-8";
  resource["bytes"] = bytes;
  resource["dialect"] = {{"delimiter", ","},
                         {"doubleQuote", true},
                         {"lineTerminator", std::string(kCsvLineEnd)},
                         {"quoteChar", "\""},
                         {"header", true}};
  if (!table.sources.empty()) resource["sources"] = SourcesJson(table.sources);
  resource["schema"] = SchemaJson(table.schema);
  return resource;
}

}  // namespace

namespace {

// One table's files, and its rows as they go into all.csv and all.json.
struct TableFiles {
  std::string csv;
  std::string json;
  // When the table has the all table's columns, its rows there are the same text: the part of
  // `csv` from `csv_rows` and of `json` from `json_rows` to `json_rows_end`. Otherwise they are
  // own_csv_rows and own_json_rows.
  size_t csv_rows = 0;
  size_t json_rows = 0;
  size_t json_rows_end = 0;
  bool same_columns = false;
  std::string own_csv_rows;
  std::string own_json_rows;  // each row starts ",\n  {" (the file's first loses its comma)

  std::string_view AllCsvRows() const {
    return same_columns ? std::string_view(csv).substr(csv_rows) : std::string_view(own_csv_rows);
  }
  // The rows for all.json, each starting "\n  {" after a comma (none before the first).
  std::string_view AllJsonRows() const {
    return same_columns ? std::string_view(json).substr(json_rows, json_rows_end - json_rows)
                        : std::string_view(own_json_rows).substr(own_json_rows.empty() ? 0 : 1);
  }
};

using RowSource = std::function<void(const std::function<void(const OpenDataRow&)>&)>;

TableFiles MakeTable(const OpenDataTable& table, const Json& licences,
                     const std::vector<std::string>& all_names, const RowSource& rows) {
  TableFiles files;
  const std::vector<std::string> names = FieldNames(table);
  const std::vector<std::string> keys = JsonKeys(names);
  const std::vector<std::string> all_keys = JsonKeys(all_names);
  // The tables share the all table's columns: its rows are then the table's own text.
  files.same_columns = names == all_names;
  AppendCsvHeader(names, files.csv);
  files.csv_rows = files.csv.size();
  files.json = JsonHead(table, licences);
  files.json_rows = files.json.size();
  bool first = true;
  rows([&](const OpenDataRow& row) {
    // Programmer error if a row's cells and its table's fields ever differ.
    assert(row.size() == names.size());
    AppendCsvLine(row, files.csv);
    AppendJsonRow(keys, row, first, files.json);
    first = false;
    if (!files.same_columns) {
      AppendCsvLine(row, files.own_csv_rows);
      AppendJsonRow(all_keys, row, false, files.own_json_rows);
    }
  });
  files.json_rows_end = files.json.size();
  files.json += JsonTail(!first);
  return files;
}

}  // namespace

bool WriteOpenData(const view::OpenData& header, const OpenDataRows& rows,
                   const OpenDataSink& sink) {
  const std::string folder = header.folder + "/";
  const Json licences = LicencesJson(header.package);
  const OpenDataTable& all = header.all;
  const std::vector<std::string> all_names = FieldNames(all);
  Json resources = Json::array();
  Piecewise all_csv(folder + all.name + ".csv", sink);
  Piecewise all_json(folder + all.name + ".json", sink);
  AppendCsvHeader(all_names, all_csv.text());
  all_json.text() = JsonHead(all, licences);
  bool all_first = true;
  const std::vector<OpenDataTable>& tables = header.tables;
  // Tables are made in parallel and written in order.
  bool written = base::InOrder<TableFiles>(
      tables.size(),
      [&](size_t idx) {
        return MakeTable(tables[idx], licences, all_names,
                         [&](const std::function<void(const OpenDataRow&)>& row) {
                           rows(idx, row);
                         });
      },
      [&](size_t idx, TableFiles& files) {
        const std::string& name = tables[idx].name;
        resources.push_back(Resource(tables[idx], files.csv.size()));
        if (!sink(folder + name + ".csv", files.csv, false) ||
            !sink(folder + name + ".json", files.json, false))
          return false;
        const std::string_view json_rows = files.AllJsonRows();
        if (json_rows.empty()) return all_csv.Add(files.AllCsvRows());
        const bool comma = !all_first;
        all_first = false;
        return all_csv.Add(files.AllCsvRows()) && (!comma || all_json.Add(",")) &&
               all_json.Add(json_rows);
      });
  if (!written) return false;
  all_json.text() += JsonTail(!all_first);
  if (!all_csv.Flush(true) || !all_json.Flush(true)) return false;
  resources.push_back(Resource(all, all_csv.bytes()));
  for (const OpenDataTable& table : header.others) {
    TableFiles files = MakeTable(table, licences, FieldNames(table),
                                 [&table](const std::function<void(const OpenDataRow&)>& row) {
                                   for (const OpenDataRow& cells : table.rows) row(cells);
                                 });
    resources.push_back(Resource(table, files.csv.size()));
    if (!sink(folder + table.name + ".csv", files.csv, false) ||
        !sink(folder + table.name + ".json", files.json, false))
      return false;
  }

  Json descriptor = PackageJson(header.package);
  descriptor["resources"] = std::move(resources);
  return sink(folder + "datapackage.json",
              descriptor.dump(1, ' ', false, Json::error_handler_t::replace) + "\n", false);
}

std::vector<std::pair<std::string, std::string>> RenderOpenData(const view::OpenData& view) {
  std::map<std::string, std::string> files;
  WriteOpenData(
      view,
      [&view](size_t table, const std::function<void(const OpenDataRow&)>& row) {
        for (const OpenDataRow& cells : view.tables[table].rows) row(cells);
      },
      [&files](const std::string& path, std::string_view bytes, bool append) {
        if (!append) files[path].clear();
        files[path] += bytes;
        return true;
      });
  return {files.begin(), files.end()};
}

namespace {

// A table cell's words as the page prints them: a status badge as its label and, in brackets,
// its qualifier (theme/templates/partials/status.mustache), other cells as their text.
std::string CellText(const nlohmann::json& cell) {
  if (!cell.is_object()) return {};
  auto badge = cell.find("badge");
  if (badge != cell.end() && badge->is_object()) {
    std::string text = badge->value("label", "");
    const std::string qualifier = badge->value("qualifier", "");
    if (!qualifier.empty()) text += " (" + qualifier + ")";
    return text;
  }
  return cell.value("text", "");
}

}  // namespace

std::string TableCsv(const nlohmann::json& table) {
  if (!table.is_object() || !table.contains("headers") || !table.contains("rows")) return {};
  std::string out;
  auto line = [&out](const nlohmann::json& cells) {
    bool first = true;
    for (const auto& cell : cells) {
      if (!first) out += ',';
      first = false;
      out += internal::CsvText(CellText(cell));
    }
    out += kCsvLineEnd;
  };
  line(table["headers"]);
  for (const auto& row : table["rows"])
    if (row.is_object()) line(row.value("cells", nlohmann::json::array()));
  return out;
}

}  // namespace outcomes::render
