#include "load/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string_view>

#include "base/format.h"

namespace outcomes::load {

namespace {

constexpr uint32_t kMaxRows = 1048576;
constexpr uint32_t kMaxColumns = 16384;
constexpr size_t kMaxSharedStrings = 10'000'000;

// Errors while reading: the first one wins and reading stops.
struct Failure {
  std::string message;
  std::string hint;
};

std::string_view LocalName(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The value of attribute `wanted` (compared by local name, so r:id and id both match "id" when
// `local` is set) or nullptr.
const char* Attribute(const char** attrs, std::string_view wanted, bool local = false) {
  for (size_t idx = 0; attrs[idx] != nullptr; idx += 2) {
    std::string_view name = attrs[idx];
    if (local) name = LocalName(name);
    if (name == wanted) return attrs[idx + 1];
  }
  return nullptr;
}

// SAX handler for one XML part.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view) {}
  // Set by a handler to stop the parse with an error.
  std::optional<Failure> failure;
};

struct ParseState {
  XmlHandler* handler;
  XML_Parser parser;
  bool doctype = false;
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* state = static_cast<ParseState*>(data);
  state->handler->Start(LocalName(name), attrs);
  if (state->handler->failure) XML_StopParser(state->parser, XML_FALSE);
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
  auto* state = static_cast<ParseState*>(data);
  state->handler->End(LocalName(name));
  if (state->handler->failure) XML_StopParser(state->parser, XML_FALSE);
}
void XMLCALL OnText(void* data, const XML_Char* text, int length) {
  auto* state = static_cast<ParseState*>(data);
  state->handler->Text(std::string_view(text, static_cast<size_t>(length)));
}
// A document type declaration can declare entities (and so a "billion laughs" expansion); no
// part of a workbook has one, so any is refused.
void XMLCALL OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* state = static_cast<ParseState*>(data);
  state->doctype = true;
  XML_StopParser(state->parser, XML_FALSE);
}
void XMLCALL OnEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                      const XML_Char*, const XML_Char*, const XML_Char*) {
  auto* state = static_cast<ParseState*>(data);
  state->doctype = true;
  XML_StopParser(state->parser, XML_FALSE);
}

std::optional<Failure> ParseXml(const std::string& text, const std::string& part,
                                XmlHandler& handler) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) return Failure{"cannot create an XML parser", ""};
  ParseState state{&handler, parser.get()};
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  XML_SetStartDoctypeDeclHandler(parser.get(), OnDoctype);
  XML_SetEntityDeclHandler(parser.get(), OnEntity);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  // Feed in pieces: XML_Parse takes an int length.
  constexpr size_t kPiece = 1 << 24;
  size_t offset = 0;
  bool ok = true;
  do {
    const size_t length = std::min(kPiece, text.size() - offset);
    const bool last = offset + length == text.size();
    if (XML_Parse(parser.get(), text.data() + offset, static_cast<int>(length),
                  last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      ok = false;
      break;
    }
    offset += length;
  } while (offset < text.size());
  if (handler.failure) return handler.failure;
  if (state.doctype)
    return Failure{"part " + part + " has a document type declaration, which a workbook never has",
                   "save the file again from the spreadsheet program"};
  if (!ok)
    return Failure{"part " + part + " is not valid XML: " +
                       XML_ErrorString(XML_GetErrorCode(parser.get())) + " at line " +
                       std::to_string(XML_GetCurrentLineNumber(parser.get())),
                   "the file is damaged: save it again from the spreadsheet program"};
  return std::nullopt;
}

// Relationships of a part: id -> target, and type -> first target.
class RelsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attribute(attrs, "Id");
    const char* target = Attribute(attrs, "Target");
    const char* type = Attribute(attrs, "Type");
    if (!target) return;
    if (id) targets[id] = target;
    if (type) {
      std::string_view kind = type;
      kind = kind.substr(kind.rfind('/') + 1);
      by_type.emplace(std::string(kind), target);
    }
  }
  void End(std::string_view) override {}
  std::map<std::string, std::string> targets;
  std::map<std::string, std::string> by_type;
};

class WorkbookHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name != "sheet") return;
    const char* sheet_name = Attribute(attrs, "name");
    const char* id = nullptr;
    for (size_t idx = 0; attrs[idx] != nullptr; idx += 2) {
      std::string_view attr = attrs[idx];
      if (attr != "id" && LocalName(attr) == "id") id = attrs[idx + 1];
    }
    if (sheet_name && id) sheets.emplace_back(sheet_name, id);
  }
  void End(std::string_view) override {}
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
};

class SharedStringsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++in_phonetic_;  // phonetic guides are not part of the text
    } else if (name == "t" && in_item_ && in_phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      if (strings.size() >= kMaxSharedStrings) {
        failure = Failure{"more than 10,000,000 shared strings", ""};
        return;
      }
      strings.push_back(std::move(current_));
      current_.clear();
    } else if (name == "rPh") {
      if (in_phonetic_ > 0) --in_phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_text_) current_ += text;
  }
  std::vector<std::string> strings;

 private:
  bool in_item_ = false;
  bool in_text_ = false;
  int in_phonetic_ = 0;
  std::string current_;
};

// "B7" -> column 2, row 7; false when malformed or past Excel's limits.
bool ParseReference(std::string_view ref, uint32_t& column, uint32_t& row) {
  size_t idx = 0;
  uint64_t col = 0;
  while (idx < ref.size() && ref[idx] >= 'A' && ref[idx] <= 'Z' && idx < 3)
    col = col * 26 + static_cast<uint64_t>(ref[idx++] - 'A' + 1);
  if (idx == 0 || col > kMaxColumns) return false;
  uint64_t number = 0;
  const size_t digits_start = idx;
  while (idx < ref.size() && ref[idx] >= '0' && ref[idx] <= '9' && idx - digits_start < 8)
    number = number * 10 + static_cast<uint64_t>(ref[idx++] - '0');
  if (idx != ref.size() || idx == digits_start || number == 0 || number > kMaxRows) return false;
  column = static_cast<uint32_t>(col);
  row = static_cast<uint32_t>(number);
  return true;
}

bool ParseRowNumber(std::string_view text, uint32_t& row) {
  uint64_t number = 0;
  if (text.empty() || text.size() > 8) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + static_cast<uint64_t>(c - '0');
  }
  if (number == 0 || number > kMaxRows) return false;
  row = static_cast<uint32_t>(number);
  return true;
}

// A number as Excel shows it: at most 15 significant digits, in its shortest form.
std::string NumberText(std::string_view stored) {
  const std::string text(stored);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return text;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  const double rounded = std::strtod(buffer, nullptr);
  return base::ShortestNumber(rounded);
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, SourceTable& table)
      : shared_(shared), table_(table) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      uint32_t number = next_row_;
      if (const char* r = Attribute(attrs, "r"); r && !ParseRowNumber(r, number)) {
        failure = Failure{"row number '" + std::string(r) + "' is not a row of a sheet", ""};
        return;
      }
      if (number < next_row_) {
        failure = Failure{"row " + std::to_string(number) + " comes after a later row", ""};
        return;
      }
      row_ = SourceRow{};
      row_.number = number;
      row_.line = number;
      next_row_ = number + 1;
      next_column_ = 1;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      uint32_t column = next_column_;
      uint32_t row = row_.number;
      if (const char* r = Attribute(attrs, "r");
          r && (!ParseReference(r, column, row) || row != row_.number)) {
        failure = Failure{"cell reference '" + std::string(r) + "' in row " +
                              std::to_string(row_.number) + " is not a cell of that row",
                          ""};
        return;
      }
      if (column < next_column_) {
        failure = Failure{"cells of row " + std::to_string(row_.number) + " are out of order", ""};
        return;
      }
      const char* type = Attribute(attrs, "t");
      cell_type_ = type ? type : "n";
      cell_column_ = column;
      next_column_ = column + 1;
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || (name == "t" && cell_type_ == "inlineStr"))) {
      in_value_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    }
  }

  void End(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "rPh") {
      if (in_phonetic_ > 0) --in_phonetic_;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      std::string text;
      if (cell_type_ == "s") {
        size_t index = 0;
        auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
        if (error != std::errc() || end != value_.data() + value_.size() ||
            index >= shared_.size()) {
          failure = Failure{"cell " + Reference() + " points at shared string '" + value_ +
                                "', which the workbook does not have",
                            "the file is damaged: save it again from the spreadsheet program"};
          return;
        }
        text = shared_[index];
      } else if (cell_type_ == "b") {
        text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
      } else if (cell_type_ == "n") {
        text = value_.empty() ? std::string() : NumberText(value_);
      } else {
        text = value_;  // str (a formula's text), inlineStr, e (#N/A...)
      }
      if (text.empty()) return;
      // Gaps before this cell read as empty cells.
      while (row_.cells.size() + 1 < cell_column_) {
        if (!CountCell()) return;
        row_.cells.push_back({"", row_.number, static_cast<uint32_t>(row_.cells.size() + 1)});
      }
      if (!CountCell()) return;
      row_.cells.push_back({std::move(text), row_.number, cell_column_});
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      if (!row_.cells.empty()) table_.rows.push_back(std::move(row_));
    }
  }

  void Text(std::string_view text) override {
    if (in_value_ && in_phonetic_ == 0) value_ += text;
  }

 private:
  bool CountCell() {
    if (++cells_ > kMaxXlsxCells) {
      failure = Failure{"the sheet has more than 20,000,000 cells", "split the data into smaller files"};
      return false;
    }
    return true;
  }
  std::string Reference() const {
    std::string letters;
    for (uint32_t col = cell_column_; col > 0; col = (col - 1) / 26)
      letters.insert(letters.begin(), static_cast<char>('A' + (col - 1) % 26));
    return letters + std::to_string(row_.number);
  }

  const std::vector<std::string>& shared_;
  SourceTable& table_;
  SourceRow row_;
  uint32_t next_row_ = 1;
  uint32_t next_column_ = 1;
  uint32_t cell_column_ = 1;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_value_ = false;
  int in_phonetic_ = 0;
  std::string cell_type_;
  std::string value_;
  size_t cells_ = 0;
};

// The archive, and every read from it counted against the limits.
class Archive {
 public:
  ~Archive() {
    if (zip_) zip_close(zip_);
  }

  std::optional<Failure> Open(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
      zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
      if (!zip_) zip_source_free(source);
    }
    if (!zip_) {
      Failure failure{std::string("not an .xlsx workbook: ") + zip_error_strerror(&error),
                      "an .xlsx file is a zip archive; save the file again from the spreadsheet "
                      "program as an Excel workbook (.xlsx)"};
      zip_error_fini(&error);
      return failure;
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(zip_, 0);
    if (entries < 0 || static_cast<uint64_t>(entries) > kMaxXlsxEntries)
      return Failure{"the archive has more than 10,000 entries, which no workbook of "
                     "observations needs",
                     ""};
    return std::nullopt;
  }

  bool Has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  // The whole of part `name`; reading stops at the size limit whatever the archive claims.
  std::optional<std::string> Read(const std::string& name, std::optional<Failure>& failure) {
    zip_file_t* handle = zip_fopen(zip_, name.c_str(), 0);
    if (!handle) {
      failure = Failure{"the workbook has no part " + name,
                        "the file is damaged or not an Excel workbook: save it again from the "
                        "spreadsheet program"};
      return std::nullopt;
    }
    std::string out;
    char buffer[1 << 16];
    while (true) {
      const zip_int64_t got = zip_fread(handle, buffer, sizeof buffer);
      if (got < 0) {
        failure = Failure{"part " + name + " cannot be read: " +
                              zip_error_strerror(zip_file_get_error(handle)),
                          "the file is damaged: save it again from the spreadsheet program"};
        zip_fclose(handle);
        return std::nullopt;
      }
      if (got == 0) break;
      total_ += static_cast<uint64_t>(got);
      if (total_ > kMaxXlsxPartBytes) {
        failure = Failure{"the workbook holds more than 200 MB of uncompressed data",
                          "split the data into smaller files"};
        zip_fclose(handle);
        return std::nullopt;
      }
      out.append(buffer, static_cast<size_t>(got));
    }
    zip_fclose(handle);
    return out;
  }

 private:
  zip_t* zip_ = nullptr;
  uint64_t total_ = 0;
};

// "worksheets/sheet1.xml" relative to xl/workbook.xml -> "xl/worksheets/sheet1.xml".
std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string dir = base_dir;
  std::string rest = target;
  while (rest.rfind("../", 0) == 0) {
    rest = rest.substr(3);
    if (!dir.empty()) dir.pop_back();
    const size_t slash = dir.rfind('/');
    dir = slash == std::string::npos ? "" : dir.substr(0, slash + 1);
  }
  return dir + rest;
}

struct Workbook {
  std::string dir;  // folder of workbook.xml, with a trailing '/'
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
  std::string shared_strings;                               // part, or "" for none
};

std::optional<Workbook> ReadWorkbook(Archive& archive, std::optional<Failure>& failure) {
  std::string workbook_part = "xl/workbook.xml";
  if (archive.Has("_rels/.rels")) {
    auto rels_text = archive.Read("_rels/.rels", failure);
    if (!rels_text) return std::nullopt;
    RelsHandler rels;
    if ((failure = ParseXml(*rels_text, "_rels/.rels", rels))) return std::nullopt;
    if (auto it = rels.by_type.find("officeDocument"); it != rels.by_type.end())
      workbook_part = ResolveTarget("", it->second);
  }
  Workbook workbook;
  const size_t slash = workbook_part.rfind('/');
  workbook.dir = slash == std::string::npos ? "" : workbook_part.substr(0, slash + 1);
  auto workbook_text = archive.Read(workbook_part, failure);
  if (!workbook_text) return std::nullopt;
  WorkbookHandler sheets;
  if ((failure = ParseXml(*workbook_text, workbook_part, sheets))) return std::nullopt;
  const std::string rels_part =
      workbook.dir + "_rels/" + workbook_part.substr(slash == std::string::npos ? 0 : slash + 1) +
      ".rels";
  auto rels_text = archive.Read(rels_part, failure);
  if (!rels_text) return std::nullopt;
  RelsHandler rels;
  if ((failure = ParseXml(*rels_text, rels_part, rels))) return std::nullopt;
  for (const auto& [name, id] : sheets.sheets) {
    auto it = rels.targets.find(id);
    if (it == rels.targets.end()) {
      failure = Failure{"sheet '" + name + "' has no part in the workbook",
                        "the file is damaged: save it again from the spreadsheet program"};
      return std::nullopt;
    }
    workbook.sheets.emplace_back(name, ResolveTarget(workbook.dir, it->second));
  }
  if (workbook.sheets.empty()) {
    failure = Failure{"the workbook has no sheets", ""};
    return std::nullopt;
  }
  if (auto it = rels.by_type.find("sharedStrings"); it != rels.by_type.end())
    workbook.shared_strings = ResolveTarget(workbook.dir, it->second);
  return workbook;
}

void Report(const std::optional<Failure>& failure, const std::string& file,
            base::Diagnostics& diagnostics) {
  if (failure) diagnostics.Error({file, 0, 0}, failure->message, failure->hint);
}

}  // namespace

std::optional<std::vector<std::string>> ReadXlsxSheetNames(const std::string& bytes,
                                                          const std::string& file,
                                                          base::Diagnostics& diagnostics) {
  Archive archive;
  std::optional<Failure> failure = archive.Open(bytes);
  std::optional<Workbook> workbook;
  if (!failure) workbook = ReadWorkbook(archive, failure);
  if (!workbook) {
    Report(failure, file, diagnostics);
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (const auto& sheet : workbook->sheets) names.push_back(sheet.first);
  return names;
}

std::optional<SourceTable> ReadXlsxTable(const std::string& bytes, const std::string& file,
                                         const MappedText* sheet, base::Diagnostics& diagnostics) {
  Archive archive;
  std::optional<Failure> failure = archive.Open(bytes);
  std::optional<Workbook> workbook;
  if (!failure) workbook = ReadWorkbook(archive, failure);
  if (!workbook) {
    Report(failure, file, diagnostics);
    return std::nullopt;
  }
  const std::pair<std::string, std::string>* chosen = &workbook->sheets.front();
  if (sheet) {
    chosen = nullptr;
    for (const auto& candidate : workbook->sheets)
      if (candidate.first == sheet->text) chosen = &candidate;
    if (!chosen) {
      std::string names;
      for (const auto& candidate : workbook->sheets)
        names += (names.empty() ? "'" : ", '") + candidate.first + "'";
      diagnostics.Error(sheet->where, "no sheet '" + sheet->text + "' in " + file,
                        "its sheets are: " + names);
      return std::nullopt;
    }
  }
  std::vector<std::string> shared;
  if (!workbook->shared_strings.empty() && archive.Has(workbook->shared_strings)) {
    auto text = archive.Read(workbook->shared_strings, failure);
    if (!text) {
      Report(failure, file, diagnostics);
      return std::nullopt;
    }
    SharedStringsHandler handler;
    if ((failure = ParseXml(*text, workbook->shared_strings, handler))) {
      Report(failure, file, diagnostics);
      return std::nullopt;
    }
    shared = std::move(handler.strings);
  }
  auto text = archive.Read(chosen->second, failure);
  if (!text) {
    Report(failure, file, diagnostics);
    return std::nullopt;
  }
  SourceTable table;
  SheetHandler handler(shared, table);
  if ((failure = ParseXml(*text, chosen->second, handler))) {
    failure->message = "sheet '" + chosen->first + "': " + failure->message;
    Report(failure, file, diagnostics);
    return std::nullopt;
  }
  return table;
}

}  // namespace outcomes::load
