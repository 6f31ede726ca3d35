#include "render/opendata/opendata.h"

#include <map>

#include "base/parallel.h"
#include "render/opendata/internal/csv.h"

namespace outcomes::render {

namespace {

using Json = nlohmann::ordered_json;
using internal::CsvField;
using internal::JsonValue;
using internal::kCsvLineEnd;

void AppendCsvLine(const Json& cells, std::string& out) {
  bool first = true;
  for (const auto& cell : cells) {
    if (!first) out += ',';
    first = false;
    out += CsvField(cell);
  }
  out += kCsvLineEnd;
}

Json FieldNames(const Json& table) {
  Json names = Json::array();
  for (const auto& field : table["schema"]["fields"]) names.push_back(field["name"]);
  return names;
}

// The start of the JSON file of `table`: its metadata, the package's licences, its schema, and
// the opening of its rows.
std::string JsonHead(const Json& table, const Json& package) {
  std::string out = "{\n";
  auto property = [&out](const std::string& key, const Json& value) {
    out += " " + JsonValue(key) + ": " + JsonValue(value) + ",\n";
  };
  for (const char* key : {"name", "title", "description"}) property(key, table[key]);
  property("licenses", package["licenses"]);
  if (table.contains("sources")) property("sources", table["sources"]);
  for (const auto& [key, value] : table["meta"].items()) property(key, value);
  property("schema", table["schema"]);
  out += " \"rows\": [";
  return out;
}

// What starts each field of a JSON row: `"name": `, with ", " before all but the first.
std::vector<std::string> JsonKeys(const Json& names) {
  std::vector<std::string> keys;
  for (const auto& name : names) keys.push_back((keys.empty() ? "" : ", ") + JsonValue(name) + ": ");
  return keys;
}

// One row of a JSON file, an object per line (`first`: the file's first row).
void AppendJsonRow(const std::vector<std::string>& keys, const Json& row, bool first,
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
Json Resource(const Json& table, size_t bytes) {
  Json resource;
  resource["profile"] = "tabular-data-resource";
  resource["name"] = table["name"];
  resource["path"] = table["name"].get<std::string>() + ".csv";
  resource["title"] = table["title"];
  resource["description"] = table["description"];
  resource["format"] = "csv";
  resource["mediatype"] = "text/csv";
  resource["encoding"] = "utf-8";
  resource["bytes"] = bytes;
  resource["dialect"] = {{"delimiter", ","},
                         {"doubleQuote", true},
                         {"lineTerminator", std::string(kCsvLineEnd)},
                         {"quoteChar", "\""},
                         {"header", true}};
  if (table.contains("sources")) resource["sources"] = table["sources"];
  resource["schema"] = table["schema"];
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

TableFiles MakeTable(const Json& table, const Json& package, const Json& all_names,
                     const std::function<void(const std::function<void(const Json&)>&)>& rows) {
  TableFiles files;
  const Json names = FieldNames(table);
  const std::vector<std::string> keys = JsonKeys(names);
  const std::vector<std::string> all_keys = JsonKeys(all_names);
  // The tables share the all table's columns: its rows are then the table's own text.
  files.same_columns = names == all_names;
  AppendCsvLine(names, files.csv);
  files.csv_rows = files.csv.size();
  files.json = JsonHead(table, package);
  files.json_rows = files.json.size();
  bool first = true;
  rows([&](const Json& row) {
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

bool WriteOpenData(const Json& header, const OpenDataRows& rows, const OpenDataSink& sink) {
  const std::string folder = header["folder"].get<std::string>() + "/";
  const Json& package = header["package"];
  const Json& all = header["all"];
  const std::string all_name = all["name"].get<std::string>();
  const Json all_names = FieldNames(all);
  Json resources = Json::array();
  Piecewise all_csv(folder + all_name + ".csv", sink);
  Piecewise all_json(folder + all_name + ".json", sink);
  AppendCsvLine(all_names, all_csv.text());
  all_json.text() = JsonHead(all, package);
  bool all_first = true;
  const Json& tables = header["tables"];
  // Tables are made in parallel and written in order.
  bool written = base::InOrder<TableFiles>(
      tables.size(),
      [&](size_t idx) {
        return MakeTable(tables[idx], package, all_names,
                         [&](const std::function<void(const Json&)>& row) { rows(idx, row); });
      },
      [&](size_t idx, TableFiles& files) {
        const std::string name = tables[idx]["name"].get<std::string>();
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
  if (header.contains("others"))
    for (const Json& table : header["others"]) {
      TableFiles files = MakeTable(table, package, FieldNames(table),
                                   [&table](const std::function<void(const Json&)>& row) {
                                     for (const Json& cells : table["rows"]) row(cells);
                                   });
      const std::string name = table["name"].get<std::string>();
      resources.push_back(Resource(table, files.csv.size()));
      if (!sink(folder + name + ".csv", files.csv, false) ||
          !sink(folder + name + ".json", files.json, false))
        return false;
    }

  Json descriptor = package;
  descriptor["resources"] = std::move(resources);
  return sink(folder + "datapackage.json",
              descriptor.dump(1, ' ', false, Json::error_handler_t::replace) + "\n", false);
}

std::vector<std::pair<std::string, std::string>> RenderOpenData(const Json& view) {
  std::map<std::string, std::string> files;
  WriteOpenData(
      view,
      [&view](size_t table, const std::function<void(const Json&)>& row) {
        for (const auto& cells : view["tables"][table]["rows"]) row(cells);
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
