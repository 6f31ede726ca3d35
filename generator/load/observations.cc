// Reads data/observations/*.csv: our long layout, or a Fingertips CSV export (recognised by its
// header). This is the hot path of a national site (millions of rows), so rows are checked
// field by field without building intermediate strings.
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/format.h"
#include "base/text.h"
#include "load/csv.h"
#include "load/internal/yaml_fields.h"
#include "load/mapping.h"
#include "load/xlsx_reader.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load::internal {

namespace {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using CodeIndex = std::unordered_map<std::string_view, uint32_t, StringViewHash, std::equal_to<>>;

// Lookups by code and name that every row needs, made once for all the files (a site of a
// million areas and five files builds one index, not five).
class SiteIndex {
 public:
  explicit SiteIndex(const model::Site& site) {
    for (uint32_t area_idx = 0; area_idx < site.areas.size(); ++area_idx)
      areas_.emplace(site.areas[area_idx].code, area_idx);
    breakdowns_.resize(site.indicators.size());
    for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx) {
      const model::Indicator& indicator = site.indicators[indicator_idx];
      indicators_.emplace(indicator.id, indicator_idx);
      // Later definitions win, as the Fingertips importer always picked the last indicator.
      if (indicator.fingertips_id) fingertips_ids_[*indicator.fingertips_id] = indicator_idx;
      for (size_t breakdown_idx = 0; breakdown_idx < indicator.breakdowns.size(); ++breakdown_idx)
        breakdowns_[indicator_idx].emplace(indicator.breakdowns[breakdown_idx],
                                           static_cast<uint16_t>(breakdown_idx + 1));
    }
  }

  const uint32_t* FindIndicator(std::string_view id) const {
    auto it = indicators_.find(id);
    return it == indicators_.end() ? nullptr : &it->second;
  }
  const uint32_t* FindArea(std::string_view code) const {
    auto it = areas_.find(code);
    return it == areas_.end() ? nullptr : &it->second;
  }
  // The indicator whose fingertips_id is `id`, or nullptr.
  const uint32_t* FindFingertipsId(int64_t id) const {
    auto it = fingertips_ids_.find(id);
    return it == fingertips_ids_.end() ? nullptr : &it->second;
  }
  // Breakdown `name` of indicator `indicator_idx` numbered from 1, or 0 when it has none such.
  uint16_t FindBreakdown(uint32_t indicator_idx, std::string_view name) const {
    const auto& names = breakdowns_[indicator_idx];
    auto it = names.find(name);
    return it == names.end() ? 0 : it->second;
  }

 private:
  CodeIndex areas_;
  CodeIndex indicators_;
  std::unordered_map<int64_t, uint32_t> fingertips_ids_;  // fingertips_id -> indicator
  std::vector<std::unordered_map<std::string_view, uint16_t, StringViewHash, std::equal_to<>>>
      breakdowns_;  // per indicator: breakdown name -> its number (from 1)
};

// Shared state while reading one file.
class ObservationReader {
 public:
  ObservationReader(const std::string& file, const SiteIndex& index, model::Site& site,
                    std::vector<uint8_t>& range_years, base::Diagnostics& diagnostics)
      : file_(file),
        index_(index),
        site_(site),
        range_years_(range_years),
        diagnostics_(diagnostics),
        errors_(file, diagnostics) {
    range_years_.resize(site.indicators.size(), 0);
    file_idx_ = static_cast<uint32_t>(site.files.size());
    site.files.push_back(file);
  }

  // At most kMaxErrorsPerFile are listed; the rest are counted (see FileErrors).
  void Error(base::Location location, std::string message, std::string hint = {}) {
    errors_.Error(std::move(location), std::move(message), std::move(hint));
  }

  const std::string& file() const { return file_; }
  model::Site& site() { return site_; }
  uint8_t& range_years(uint32_t indicator) { return range_years_[indicator]; }
  base::Diagnostics& diagnostics() { return diagnostics_; }
  FileErrors& errors() { return errors_; }
  uint32_t file_idx() const { return file_idx_; }

  const SiteIndex& index() const { return index_; }

  uint32_t InternNote(std::string_view text) {
    if (text.empty()) return 0;
    auto it = notes_.find(text);
    if (it != notes_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(site_.notes.size());
    site_.notes.emplace_back(text);
    // The key must outlive the row: point it at a stable copy.
    note_storage_.push_back(std::make_unique<std::string>(text));
    notes_.emplace(*note_storage_.back(), id);
    return id;
  }

 private:
  std::string file_;
  const SiteIndex& index_;
  model::Site& site_;
  std::vector<uint8_t>& range_years_;
  base::Diagnostics& diagnostics_;
  uint32_t file_idx_ = 0;
  FileErrors errors_;
  CodeIndex notes_;
  std::vector<std::unique_ptr<std::string>> note_storage_;
};

// Reads a numeric cell into `out` (NaN when blank). Returns false after reporting a bad cell.
// `marker` is set for suppression markers.
bool ReadNumber(ObservationReader& reader, const CsvRecord& record, int field_idx,
                std::string_view column, double& out, model::Marker& marker) {
  out = NAN;
  if (field_idx < 0) return true;
  NumberCell cell = ParseNumberCell(record.fields[static_cast<size_t>(field_idx)]);
  switch (cell.kind) {
    case CellKind::kBlank: return true;
    case CellKind::kNumber: out = cell.value; return true;
    case CellKind::kSuppressed: marker = model::Marker::kSuppressedAtSource; return true;
    case CellKind::kNotAvailable:
      if (marker == model::Marker::kNone) marker = model::Marker::kNotAvailable;
      return true;
    case CellKind::kInvalid:
      reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(field_idx)),
                   std::string(column) + " '" +
                       std::string(record.fields[static_cast<size_t>(field_idx)]) +
                       "' is not a number",
                   "write a number such as 61.2 or \"1,026\", leave it blank, or use a marker: "
                   "c or * (suppressed), x or .. (not available)");
      return false;
  }
  return false;
}

// Checks the figures of one observation; reports each problem at its cell.
bool CheckFigures(ObservationReader& reader, const CsvRecord& record,
                  const model::Indicator& indicator, const model::Observation& observation,
                  const std::array<int, 5>& fields) {
  // fields: value, count, denominator, lower_ci, upper_ci
  bool ok = true;
  auto where = [&](int field_idx) {
    return record.FieldLocation(reader.file(), field_idx < 0 ? 0 : static_cast<size_t>(field_idx));
  };
  if (model::Has(observation.value) && indicator.unit == model::Unit::kPercent &&
      (observation.value < 0 || observation.value > 100)) {
    reader.Error(where(fields[0]), "percentage " + base::ShortestNumber(observation.value) +
                                       " is outside 0-100 for indicator '" + indicator.id + "'");
    ok = false;
  }
  if (indicator.unit == model::Unit::kCount && model::Has(observation.value) &&
      model::Has(observation.count) && observation.value != observation.count) {
    reader.Error(where(fields[1]), "count " + base::ShortestNumber(observation.count) +
                                       " does not agree with value " +
                                       base::ShortestNumber(observation.value) +
                                       " for count indicator '" + indicator.id + "'",
                 "for a count indicator give the count in value, count or both");
    ok = false;
  }
  if (model::Has(observation.count) && observation.count < 0) {
    reader.Error(where(fields[1]), "negative count");
    ok = false;
  }
  // Counts are people or events: suppression (counts 1 to 4, say) and intervals rely on whole
  // numbers, and a count of 3.5 would slip between the rules. The same holds for a count
  // indicator's value and for the denominator of a percentage (the people counted); a rate's
  // denominator is a population, which may be an estimate with decimals.
  const auto whole = [](double number) {
    return !model::Has(number) || number == std::floor(number);
  };
  if (!whole(observation.count)) {
    reader.Error(where(fields[1]),
                 "count " + base::ShortestNumber(observation.count) + " is not a whole number",
                 "a count is a number of people or events: write it without decimals");
    ok = false;
  }
  if (indicator.unit == model::Unit::kCount && !whole(observation.value)) {
    reader.Error(where(fields[0]),
                 "value " + base::ShortestNumber(observation.value) +
                     " is not a whole number, but indicator '" + indicator.id + "' is a count",
                 "a count is a number of people or events: write it without decimals");
    ok = false;
  }
  if (indicator.unit == model::Unit::kPercent && !whole(observation.denominator)) {
    reader.Error(where(fields[2]),
                 "denominator " + base::ShortestNumber(observation.denominator) +
                     " is not a whole number, but indicator '" + indicator.id + "' is a percentage",
                 "the denominator of a percentage is the number of people counted: write it "
                 "without decimals");
    ok = false;
  }
  if (model::Has(observation.denominator) && observation.denominator <= 0) {
    reader.Error(where(fields[2]), "denominator must be more than 0");
    ok = false;
  }
  if (model::Has(observation.count) && model::Has(observation.denominator) &&
      observation.count > observation.denominator &&
      indicator.unit == model::Unit::kPercent) {
    reader.Error(where(fields[1]), "count is larger than the denominator");
    ok = false;
  }
  bool has_lower = model::Has(observation.lower_ci);
  bool has_upper = model::Has(observation.upper_ci);
  if (has_lower != has_upper) {
    reader.Error(where(has_lower ? fields[4] : fields[3]),
                 "a confidence interval needs both lower_ci and upper_ci");
    ok = false;
  } else if (has_lower && observation.lower_ci > observation.upper_ci) {
    reader.Error(where(fields[3]), "lower_ci is above upper_ci");
    ok = false;
  } else if (has_lower && model::Has(observation.value) &&
             (observation.value < observation.lower_ci ||
              observation.value > observation.upper_ci)) {
    reader.Error(where(fields[3]), "the confidence interval does not contain the value",
                 "check the row: value must lie between lower_ci and upper_ci");
    ok = false;
  }
  return ok;
}

uint8_t NoteFlags(std::string_view note) {
  uint8_t flags = 0;
  size_t start = 0;
  while (start <= note.size()) {
    size_t end = note.find(';', start);
    if (end == std::string_view::npos) end = note.size();
    std::string_view word = note.substr(start, end - start);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (word == "example") flags |= model::kFlagExample;
    if (word == "provisional") flags |= model::kFlagProvisional;
    if (word == "revised") flags |= model::kFlagRevised;
    start = end + 1;
  }
  return flags;
}

bool ParseRowPeriod(ObservationReader& reader, const CsvRecord& record, int field_idx,
                    uint32_t indicator_idx, model::Period& out) {
  const model::Indicator& indicator = reader.site().indicators[indicator_idx];
  // Its period_type was already reported as unknown: one error, not one per row.
  if (!indicator.period_type_known) return false;
  std::string error;
  auto period = model::ParsePeriod(record.fields[static_cast<size_t>(field_idx)],
                                   indicator.period_type, &error);
  if (!period) {
    reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(field_idx)), error,
                 "indicator '" + indicator.id + "' has period_type " +
                     std::string(model::PeriodTypeName(indicator.period_type)));
    return false;
  }
  out = *period;
  if (indicator.period_type == model::PeriodType::kRollingYears) {
    uint8_t& years = reader.range_years(indicator_idx);
    if (years == 0) years = period->span;
    if (period->span != years) {
      reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(field_idx)),
                   "period " + period->Label() + " spans " + std::to_string(period->span) +
                       " years, but indicator '" + indicator.id + "' uses " +
                       std::to_string(years) + "-year ranges",
                   "all of an indicator's rolling ranges must have the same length");
      return false;
    }
  }
  return true;
}

// --- Our layout -------------------------------------------------------------------------

constexpr std::array<CsvColumn, 10> kColumns{{{"indicator", true},
                                              {"area", true},
                                              {"period", true},
                                              {"breakdown", false},
                                              {"value", true},
                                              {"count", false},
                                              {"denominator", false},
                                              {"lower_ci", false},
                                              {"upper_ci", false},
                                              {"note", false}}};

void ReadOurRow(ObservationReader& reader, const CsvHeader& header, const CsvRecord& record) {
  if (!header.CheckFieldCount(record, reader.file(), reader.errors())) return;
  model::Site& site = reader.site();
  model::Observation observation;
  observation.file = reader.file_idx();
  observation.line = record.line;
  const int indicator_field = header.Index(size_t{0});
  const int area_field = header.Index(1);
  std::string_view indicator_id = record.fields[static_cast<size_t>(indicator_field)];
  const uint32_t* indicator_idx = reader.index().FindIndicator(indicator_id);
  bool ok = true;
  if (!indicator_idx) {
    reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(indicator_field)),
                 "unknown indicator '" + std::string(indicator_id) + "'",
                 "indicators are defined in data/indicators/*.yaml");
    ok = false;
  }
  std::string_view area_code = record.fields[static_cast<size_t>(area_field)];
  const uint32_t* area_idx = reader.index().FindArea(area_code);
  if (!area_idx) {
    reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(area_field)),
                 "unknown area code '" + std::string(area_code) + "'",
                 "areas are listed in data/areas.csv");
    ok = false;
  }
  if (!ok) return;
  observation.indicator = *indicator_idx;
  observation.area = *area_idx;
  const model::Indicator& indicator = site.indicators[observation.indicator];
  if (!ParseRowPeriod(reader, record, header.Index(2), observation.indicator, observation.period))
    return;
  std::string_view breakdown = CsvHeader::Field(record, header.Index(3));
  if (!breakdown.empty()) {
    observation.breakdown = reader.index().FindBreakdown(observation.indicator, breakdown);
    if (observation.breakdown == 0) {
      std::string allowed;
      for (const auto& name : indicator.breakdowns) allowed += (allowed.empty() ? "" : ", ") + name;
      reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(header.Index(3))),
                   "unknown breakdown '" + std::string(breakdown) + "' for indicator '" +
                       indicator.id + "'",
                   allowed.empty() ? "this indicator has no breakdowns; leave the cell blank"
                                   : "use one of: " + allowed);
      return;
    }
  }
  const std::array<int, 5> fields{header.Index(4), header.Index(5), header.Index(6),
                                  header.Index(7), header.Index(8)};
  double* targets[5] = {&observation.value, &observation.count, &observation.denominator,
                        &observation.lower_ci, &observation.upper_ci};
  static constexpr std::string_view kNames[5] = {"value", "count", "denominator", "lower_ci",
                                                 "upper_ci"};
  for (size_t idx = 0; idx < 5; ++idx)
    ok = ReadNumber(reader, record, fields[idx], kNames[idx], *targets[idx], observation.marker) &&
         ok;
  if (!ok || !CheckFigures(reader, record, indicator, observation, fields)) return;
  std::string_view note = CsvHeader::Field(record, header.Index(9));
  if (!CheckLength(note, base::kMaxTextLength, record.FieldLocation(reader.file(), header.Index(9)),
                   "note", reader.diagnostics()))
    return;
  observation.note = reader.InternNote(note);
  observation.flags = NoteFlags(note);
  site.observations.push_back(observation);
}

// --- Fingertips export ---------------------------------------------------------------------

enum FingertipsColumn {
  kFtIndicatorId,
  kFtAreaCode,
  kFtSex,
  kFtAge,
  kFtCategoryType,
  kFtTimePeriod,
  kFtValue,
  kFtLower95,
  kFtUpper95,
  kFtCount,
  kFtDenominator,
  kFtValueNote,
};

constexpr std::array<CsvColumn, 12> kFingertipsColumns{{{"Indicator ID", true},
                                                        {"Area Code", true},
                                                        {"Sex", true},
                                                        {"Age", false},
                                                        {"Category Type", false},
                                                        {"Time period", true},
                                                        {"Value", true},
                                                        {"Lower CI 95.0 limit", false},
                                                        {"Upper CI 95.0 limit", false},
                                                        {"Count", false},
                                                        {"Denominator", false},
                                                        {"Value note", false}}};

struct FingertipsSkips {
  size_t unmapped_indicator = 0;
  size_t unknown_area = 0;
  size_t category = 0;
  size_t other_sex = 0;
  size_t other_age = 0;
};

// Fingertips writes rolling periods as "2016 - 18"; our parser wants "2016-18".
std::string NormaliseFingertipsPeriod(std::string_view text) {
  std::string out;
  for (size_t idx = 0; idx < text.size(); ++idx) {
    if (text[idx] == ' ' && idx + 2 < text.size() && text[idx + 1] == '-' && text[idx + 2] == ' ') {
      out += '-';
      idx += 2;
      continue;
    }
    out += text[idx];
  }
  return out;
}

void ReadFingertipsRow(ObservationReader& reader, const CsvHeader& header,
                       const CsvRecord& record, FingertipsSkips& skips) {
  // Real exports end each data row one field short of the header (the trailing "Compared to
  // goal" is left off); accept exactly that, reject anything else.
  if (record.size() + 1 != header.field_count() &&
      !header.CheckFieldCount(record, reader.file(), reader.errors()))
    return;
  model::Site& site = reader.site();
  auto field = [&](FingertipsColumn column) {
    return CsvHeader::Field(record, header.Index(static_cast<size_t>(column)));
  };
  if (!field(kFtCategoryType).empty()) {
    ++skips.category;
    return;
  }
  std::string_view id_text = field(kFtIndicatorId);
  int64_t id = 0;
  bool numeric = !id_text.empty();
  for (char c : id_text) {
    if (c < '0' || c > '9' || id > 100000000) {
      numeric = false;
      break;
    }
    id = id * 10 + (c - '0');
  }
  if (!numeric) {
    reader.Error(record.FieldLocation(reader.file(), static_cast<size_t>(header.Index(size_t{kFtIndicatorId}))),
                 "Indicator ID '" + std::string(id_text) +
                     "' is not a whole number of at most 9 digits");
    return;
  }
  const uint32_t* found_indicator = reader.index().FindFingertipsId(id);
  if (!found_indicator) {
    ++skips.unmapped_indicator;
    return;
  }
  const uint32_t indicator_idx = *found_indicator;
  const model::Indicator* indicator = &site.indicators[indicator_idx];
  if (!indicator->fingertips_age.empty() && field(kFtAge) != indicator->fingertips_age) {
    ++skips.other_age;
    return;
  }
  const uint32_t* area_idx = reader.index().FindArea(field(kFtAreaCode));
  if (!area_idx) {
    ++skips.unknown_area;
    return;
  }
  model::Observation observation;
  observation.file = reader.file_idx();
  observation.line = record.line;
  observation.indicator = indicator_idx;
  observation.area = *area_idx;
  std::string_view sex = field(kFtSex);
  if (sex != "Persons") {
    observation.breakdown = reader.index().FindBreakdown(indicator_idx, sex);
    if (observation.breakdown == 0) {
      ++skips.other_sex;
      return;
    }
  }
  // Fingertips writes rolling periods as "2016 - 18"; ParseRowPeriod wants "2016-18".
  std::string_view period_text = field(kFtTimePeriod);
  std::string normalised = NormaliseFingertipsPeriod(period_text);
  CsvRecord adjusted = record;
  const int period_field = header.Index(size_t{kFtTimePeriod});
  adjusted.fields[static_cast<size_t>(period_field)] = normalised;
  if (!ParseRowPeriod(reader, adjusted, period_field, indicator_idx, observation.period)) return;
  const std::array<int, 5> fields{header.Index(size_t{kFtValue}), header.Index(size_t{kFtCount}),
                                  header.Index(size_t{kFtDenominator}),
                                  header.Index(size_t{kFtLower95}),
                                  header.Index(size_t{kFtUpper95})};
  double* targets[5] = {&observation.value, &observation.count, &observation.denominator,
                        &observation.lower_ci, &observation.upper_ci};
  static constexpr std::string_view kNames[5] = {"Value", "Count", "Denominator",
                                                 "Lower CI 95.0 limit", "Upper CI 95.0 limit"};
  bool ok = true;
  for (size_t idx = 0; idx < 5; ++idx) {
    // A field past the end of a short row reads as blank.
    if (fields[idx] >= 0 && static_cast<size_t>(fields[idx]) >= record.size()) continue;
    ok = ReadNumber(reader, record, fields[idx], kNames[idx], *targets[idx], observation.marker) &&
         ok;
  }
  if (!ok || !CheckFigures(reader, record, *indicator, observation, fields)) return;
  std::string_view note = field(kFtValueNote);
  if (!CheckLength(note, base::kMaxTextLength,
                   record.FieldLocation(reader.file(), static_cast<size_t>(header.Index(size_t{kFtValueNote}))),
                   "Value note", reader.diagnostics()))
    return;
  if (note.find("uppress") != std::string_view::npos && !model::Has(observation.value))
    observation.marker = model::Marker::kSuppressedAtSource;
  observation.note = reader.InternNote(note);
  site.observations.push_back(observation);
}

// --- Mapped files (docs/formats.md, "Mapping files") ---------------------------------------

// Our layout's header, for the records a mapping builds (every column, in kColumns order).
const CsvHeader& OurHeader() {
  static const CsvHeader header = [] {
    CsvRecord record;
    for (const CsvColumn& column : kColumns) record.AddField(column.name, 1, 1);
    base::Diagnostics ignored;
    return CsvHeader::Read(record, kColumns, "", ignored);
  }();
  return header;
}

// A row of our layout being built from one or more rows of a mapped file.
struct MappedRow {
  std::array<std::string, kMappedFieldCount> text;
  std::array<std::pair<uint32_t, uint32_t>, kMappedFieldCount> where{};  // line, column
  uint32_t line = 0;
  std::array<uint32_t, 5> measure_line{};  // per figure: the line that gave it (measure layout)
};

std::string JoinNames(const std::vector<std::string>& names) {
  constexpr size_t kMaxListed = 30;
  std::string out;
  size_t listed = 0;
  for (const auto& name : names) {
    if (name.empty()) continue;
    if (listed++ == kMaxListed) return out + ", ...";
    out += (out.empty() ? "" : ", ") + name;
  }
  return out.empty() ? "(no names)" : out;
}

class MappedFile {
 public:
  MappedFile(const ObservationMapping& mapping, const SourceTable& table, ObservationReader& reader)
      : mapping_(mapping), table_(table), reader_(reader) {}

  void Read() {
    size_t header_pos = table_.rows.size();
    for (size_t pos = 0; pos < table_.rows.size(); ++pos)
      if (table_.rows[pos].number == mapping_.header_row) {
        header_pos = pos;
        break;
      }
    if (header_pos == table_.rows.size()) {
      reader_.diagnostics().Error(
          mapping_.header_row_where,
          "row " + std::to_string(mapping_.header_row) + " of " + reader_.file() +
              " is empty, so it cannot name the columns",
          "header_row is the number of the row that names the columns (default 1)");
      return;
    }
    const SourceRow& header = table_.rows[header_pos];
    for (const SourceCell& cell : header.cells) names_.emplace_back(TrimText(cell.text));
    if (!FindColumns(header)) return;
    if (!CheckConstants()) return;
    for (size_t pos = header_pos + 1; pos < table_.rows.size(); ++pos) ReadRow(table_.rows[pos]);
    for (MappedRow& row : groups_) Emit(row);
  }

 private:
  // The field index of header text `wanted`, or -1 after reporting it.
  int FindColumn(const MappedText& wanted) {
    const std::string_view name = TrimText(wanted.text);
    int found = -1;
    for (size_t idx = 0; idx < names_.size(); ++idx) {
      if (names_[idx] != name) continue;
      if (found >= 0) {
        reader_.diagnostics().Error(
            wanted.where,
            "column '" + std::string(name) + "' appears twice in the header of " + reader_.file(),
            "columns " + std::to_string(found + 1) + " and " + std::to_string(idx + 1) +
                " have that name: rename one in the data file");
        return -1;
      }
      found = static_cast<int>(idx);
    }
    if (found < 0) {
      const std::string suggestion = internal::ClosestWord(std::string(name), names_);
      reader_.diagnostics().Error(
          wanted.where,
          "column '" + std::string(name) + "' is not in the header of " + reader_.file() +
              " (row " + std::to_string(mapping_.header_row) + ")",
          suggestion.empty() ? "the header has: " + JoinNames(names_)
                             : "did you mean '" + suggestion + "'? The header has: " +
                                   JoinNames(names_));
    }
    return found;
  }

  bool FindColumns(const SourceRow& header) {
    bool ok = true;
    std::vector<bool> used(names_.size(), false);
    for (size_t field = 0; field < kMappedFieldCount; ++field) {
      if (!mapping_.columns[field]) continue;
      columns_[field] = FindColumn(*mapping_.columns[field]);
      if (columns_[field] < 0) ok = false;
      else used[static_cast<size_t>(columns_[field])] = true;
    }
    if (mapping_.measure) {
      measure_column_ = FindColumn(mapping_.measure->column);
      if (measure_column_ < 0) {
        ok = false;
      } else if (used[static_cast<size_t>(measure_column_)]) {
        reader_.diagnostics().Error(mapping_.measure->column.where,
                                    "column '" + mapping_.measure->column.text +
                                        "' is already named under columns",
                                    "the measure column says which figure a row gives; it "
                                    "cannot also hold another field");
        ok = false;
      } else {
        used[static_cast<size_t>(measure_column_)] = true;
      }
    }
    if (mapping_.wide) {
      if (mapping_.wide->columns.empty()) {
        for (size_t idx = 0; idx < names_.size(); ++idx)
          if (!used[idx] && !names_[idx].empty()) wide_columns_.push_back(static_cast<int>(idx));
      } else {
        for (const MappedText& column : mapping_.wide->columns) {
          const int idx = FindColumn(column);
          if (idx < 0) ok = false;
          else wide_columns_.push_back(idx);
        }
      }
      if (ok && wide_columns_.empty()) {
        reader_.diagnostics().Error(mapping_.wide->where,
                                    "the header of " + reader_.file() +
                                        " has no column left for the wide layout",
                                    "every column is named under columns or measure");
        ok = false;
      }
      for (int idx : wide_columns_) {
        const SourceCell& cell = header.cells[static_cast<size_t>(idx)];
        wide_headers_.push_back(cell);
      }
    }
    return ok;
  }

  bool CheckConstants() {
    bool ok = true;
    if (const auto& indicator = mapping_.constants[kFieldIndicator];
        indicator && !reader_.index().FindIndicator(indicator->text)) {
      reader_.diagnostics().Error(indicator->where, "unknown indicator '" + indicator->text + "'",
                                  "indicators are defined in data/indicators/*.yaml");
      ok = false;
    }
    if (const auto& area = mapping_.constants[kFieldArea];
        area && !reader_.index().FindArea(area->text)) {
      reader_.diagnostics().Error(area->where, "unknown area code '" + area->text + "'",
                                  "areas are listed in data/areas.csv");
      ok = false;
    }
    return ok;
  }

  static const SourceCell* CellAt(const SourceRow& row, int idx) {
    if (idx < 0 || static_cast<size_t>(idx) >= row.cells.size()) return nullptr;
    return &row.cells[static_cast<size_t>(idx)];
  }

  void Set(MappedRow& out, size_t field, const SourceRow& row, int idx) {
    if (const SourceCell* cell = CellAt(row, idx)) {
      out.text[field] = cell->text;
      out.where[field] = {cell->line, cell->column};
    } else {
      out.text[field].clear();
      out.where[field] = {row.line, 0};
    }
  }

  void SetFigure(MappedRow& out, size_t field, const SourceCell* cell, uint32_t line) {
    if (cell) {
      out.text[field] = mapping_.IsMissing(cell->text) ? std::string() : cell->text;
      out.where[field] = {cell->line, cell->column};
    } else {
      out.text[field].clear();
      out.where[field] = {line, 0};
    }
  }

  // Which figure a measure-layout row gives (kFieldValue...), kFieldNote to skip the row, or
  // kMappedFieldCount after reporting an unnamed measure.
  size_t MeasureTarget(const SourceRow& row) {
    const SourceCell* cell = CellAt(row, measure_column_);
    const std::string_view label = cell ? TrimText(cell->text) : std::string_view();
    for (size_t idx = 0; idx < 5; ++idx)
      if (mapping_.measure->names[idx] && TrimText(mapping_.measure->names[idx]->text) == label)
        return kFieldValue + idx;
    for (const auto& ignored : mapping_.measure->ignore)
      if (TrimText(ignored) == label) return kFieldNote;
    std::string named;
    for (size_t idx = 0; idx < 5; ++idx)
      if (mapping_.measure->names[idx])
        named += (named.empty() ? "" : ", ") + mapping_.measure->names[idx]->text;
    reader_.Error(cell ? base::Location{reader_.file(), cell->line, cell->column}
                       : base::Location{reader_.file(), row.line, 0},
                  "measure '" + std::string(label) + "' is not one of the measures " +
                      mapping_.file + " names (" + named + ")",
                  "name it under measure (value, count, denominator, lower_ci, upper_ci), or list "
                  "it under measure: ignore: [...] to skip its rows");
    return kMappedFieldCount;
  }

  void ReadRow(const SourceRow& row) {
    MappedRow base;
    base.line = row.line;
    for (size_t field : {size_t{kFieldIndicator}, size_t{kFieldArea}, size_t{kFieldPeriod},
                         size_t{kFieldBreakdown}, size_t{kFieldNote}}) {
      if (columns_[field] >= 0) {
        Set(base, field, row, columns_[field]);
      } else if (mapping_.constants[field]) {
        base.text[field] = mapping_.constants[field]->text;
        base.where[field] = {row.line, 0};
      } else {
        base.where[field] = {row.line, 0};
      }
    }
    for (const auto& total : mapping_.breakdown_total)
      if (TrimText(base.text[kFieldBreakdown]) == TrimText(total)) base.text[kFieldBreakdown].clear();
    if (columns_[kFieldPeriod] >= 0 || mapping_.constants[kFieldPeriod])
      base.text[kFieldPeriod] = mapping_.RewritePeriod(base.text[kFieldPeriod]);
    size_t target = kFieldValue;
    if (mapping_.measure) {
      target = MeasureTarget(row);
      if (target == kFieldNote || target == kMappedFieldCount) return;
    }
    if (!mapping_.wide) {
      if (mapping_.measure) {
        SetFigure(base, target, CellAt(row, columns_[kFieldValue]), row.line);
        Group(base, target);
      } else {
        for (size_t field = kFieldValue; field <= kFieldUpperCi; ++field)
          SetFigure(base, field, CellAt(row, columns_[field]), row.line);
        Emit(base);
      }
      return;
    }
    const size_t by = mapping_.wide->by;
    for (size_t pos = 0; pos < wide_columns_.size(); ++pos) {
      const SourceCell* cell = CellAt(row, wide_columns_[pos]);
      // A blank or missing cell of a wide table is a period (or area) without a figure.
      if (!cell || TrimText(cell->text).empty() || mapping_.IsMissing(cell->text)) continue;
      MappedRow out = base;
      const SourceCell& heading = wide_headers_[pos];
      out.text[by] = by == kFieldPeriod ? mapping_.RewritePeriod(heading.text)
                                        : std::string(TrimText(heading.text));
      out.where[by] = {heading.line, heading.column};
      SetFigure(out, target, cell, row.line);
      if (mapping_.measure)
        Group(out, target);
      else
        Emit(out);
    }
  }

  // Measure layout: merges `row`'s figure into the row of the same indicator, area, period and
  // breakdown.
  void Group(const MappedRow& row, size_t target) {
    std::string key;
    for (size_t field : {size_t{kFieldIndicator}, size_t{kFieldArea}, size_t{kFieldPeriod},
                         size_t{kFieldBreakdown}}) {
      key += TrimText(row.text[field]);
      key += '\x1f';
    }
    auto [it, added] = group_index_.emplace(std::move(key), groups_.size());
    if (added) {
      groups_.push_back(row);
      groups_.back().measure_line[target - kFieldValue] = row.line;
      return;
    }
    MappedRow& group = groups_[it->second];
    uint32_t& first = group.measure_line[target - kFieldValue];
    if (first != 0) {
      reader_.Error({reader_.file(), row.where[target].first, row.where[target].second},
                    "a second " + std::string(kMappedFieldNames[target]) + " for indicator '" +
                        std::string(TrimText(row.text[kFieldIndicator])) + "', area '" +
                        std::string(TrimText(row.text[kFieldArea])) + "', period '" +
                        std::string(TrimText(row.text[kFieldPeriod])) + "'" +
                        (TrimText(row.text[kFieldBreakdown]).empty()
                             ? std::string()
                             : ", breakdown '" +
                                   std::string(TrimText(row.text[kFieldBreakdown])) + "'"),
                    "the first is on line " + std::to_string(first) +
                        "; each figure of an observation is given once");
      return;
    }
    first = row.line;
    group.text[target] = row.text[target];
    group.where[target] = row.where[target];
    if (group.text[kFieldNote].empty() && !row.text[kFieldNote].empty()) {
      group.text[kFieldNote] = row.text[kFieldNote];
      group.where[kFieldNote] = row.where[kFieldNote];
    }
  }

  void Emit(const MappedRow& row) {
    CsvRecord record;
    record.line = row.line;
    for (size_t field = 0; field < kMappedFieldCount; ++field)
      record.AddField(row.text[field], row.where[field].first, row.where[field].second);
    ReadOurRow(reader_, OurHeader(), record);
  }

  const ObservationMapping& mapping_;
  const SourceTable& table_;
  ObservationReader& reader_;
  std::vector<std::string> names_;  // header cells, trimmed
  std::array<int, kMappedFieldCount> columns_ = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  int measure_column_ = -1;
  std::vector<int> wide_columns_;
  std::vector<SourceCell> wide_headers_;
  std::unordered_map<std::string, size_t> group_index_;
  std::vector<MappedRow> groups_;
};

// A CSV file as a table of cells, or nullopt after ReadCsv reported why not.
std::optional<SourceTable> CsvTable(const std::string& text, const std::string& file,
                                    base::Diagnostics& diagnostics) {
  SourceTable table;
  uint32_t number = 0;
  const bool ok = ReadCsv(text, file, diagnostics, [&](const CsvRecord& record) {
    SourceRow row;
    row.number = ++number;
    row.line = record.line;
    for (size_t idx = 0; idx < record.size(); ++idx)
      row.cells.push_back(
          {std::string(record.fields[idx]), record.Line(idx), record.Column(idx)});
    table.rows.push_back(std::move(row));
    return true;
  });
  if (!ok) return std::nullopt;
  return table;
}

}  // namespace

namespace {

void LoadObservationFile(const std::string& text, const std::string& file, const SiteIndex& index,
                         model::Site& site, std::vector<uint8_t>& range_years,
                         base::Diagnostics& diagnostics) {
  ObservationReader reader(file, index, site, range_years, diagnostics);
  CsvHeader header;
  bool first = true;
  bool fingertips = false;
  FingertipsSkips skips;
  ReadCsv(text, file, diagnostics, [&](const CsvRecord& record) {
    if (first) {
      first = false;
      fingertips = record.size() > 0 && record.fields[0] == "Indicator ID";
      header = fingertips ? CsvHeader::Read(record, kFingertipsColumns, file, diagnostics,
                                            CsvHeader::Unknown::kIgnore)
                          : CsvHeader::Read(record, kColumns, file, diagnostics);
      return header.ok();
    }
    if (fingertips)
      ReadFingertipsRow(reader, header, record, skips);
    else
      ReadOurRow(reader, header, record);
    return true;
  });
  if (fingertips) {
    size_t skipped = skips.unmapped_indicator + skips.unknown_area + skips.category +
                     skips.other_sex + skips.other_age;
    if (skipped > 0)
      diagnostics.Warning(
          {file, 0, 0},
          "skipped " + std::to_string(skipped) + " rows of this Fingertips export: " +
              std::to_string(skips.unmapped_indicator) + " for indicators no indicator maps (" +
              "fingertips_id), " + std::to_string(skips.unknown_area) +
              " for areas not in data/areas.csv, " + std::to_string(skips.category) +
              " category breakdowns, " + std::to_string(skips.other_sex) +
              " for a sex the indicator does not break down by, " +
              std::to_string(skips.other_age) + " for another age than fingertips_age");
  }
}

}  // namespace

void LoadObservationText(const std::string& text, const std::string& file, model::Site& site,
                         base::Diagnostics& diagnostics) {
  std::vector<uint8_t> range_years;
  LoadObservationText(text, file, site, range_years, diagnostics);
}

void LoadObservationText(const std::string& text, const std::string& file, model::Site& site,
                         std::vector<uint8_t>& range_years, base::Diagnostics& diagnostics) {
  const SiteIndex index(site);
  LoadObservationFile(text, file, index, site, range_years, diagnostics);
}

namespace {

// The files of one name in data/observations/: a data file and perhaps its mapping.
struct ObservationSource {
  std::vector<std::string> data;      // NAME.csv and/or NAME.xlsx
  std::vector<std::string> mappings;  // NAME.yaml and/or NAME.yml
};

// The mapping an .xlsx file without a mapping file is read with: our layout's column names.
ObservationMapping OurLayoutMapping(const SourceTable& table, const std::string& file) {
  ObservationMapping mapping;
  mapping.file = file;
  if (!table.rows.empty() && table.rows.front().number == 1)
    for (const SourceCell& cell : table.rows.front().cells)
      for (size_t field = 0; field < kMappedFieldCount; ++field)
        if (TrimText(cell.text) == kMappedFieldNames[field])
          mapping.columns[field] = MappedText{cell.text, {file, cell.line, cell.column}};
  return mapping;
}

// The name of data/observations/NAME.csv without its folder and extension: NAME.
std::string Stem(const std::string& file) {
  const size_t slash = file.rfind('/');
  const size_t start = slash == std::string::npos ? 0 : slash + 1;
  const size_t dot = file.rfind('.');
  return file.substr(start, dot == std::string::npos || dot < start ? std::string::npos
                                                                      : dot - start);
}

bool IsXlsx(const std::string& file) {
  return file.size() > 5 && file.compare(file.size() - 5, 5, ".xlsx") == 0;
}

// One data file of data/observations/ (CSV text or .xlsx bytes), read with `given_mapping` when
// it has one.
void LoadDataFile(const std::string& data, const std::string& file,
                  const ObservationMapping* given_mapping, const SiteIndex& index,
                  model::Site& site, std::vector<uint8_t>& range_years,
                  base::Diagnostics& diagnostics) {
  const bool xlsx = IsXlsx(file);
  if (!xlsx && !given_mapping) {
    LoadObservationFile(data, file, index, site, range_years, diagnostics);
    return;
  }
  std::optional<SourceTable> table =
      xlsx ? ReadXlsxTable(data, file,
                           given_mapping && given_mapping->sheet ? &*given_mapping->sheet : nullptr,
                           diagnostics)
           : CsvTable(data, file, diagnostics);
  if (!table) return;
  std::optional<ObservationMapping> own_layout;
  if (!given_mapping) {
    own_layout = OurLayoutMapping(*table, file);
    bool ok = true;
    for (size_t field : {size_t{kFieldIndicator}, size_t{kFieldArea}, size_t{kFieldPeriod},
                         size_t{kFieldValue}})
      if (!own_layout->columns[field]) {
        diagnostics.Error({file, 1, 0},
                          "missing required column '" + std::string(kMappedFieldNames[field]) +
                              "' in the first row of the first sheet",
                          "an .xlsx file without a mapping has our columns (indicator, area, "
                          "period, value...) in its first row; otherwise describe it in " +
                              Stem(file) + ".yaml (see docs/formats.md)");
        ok = false;
      }
    if (!ok) return;
  }
  ObservationReader reader(file, index, site, range_years, diagnostics);
  MappedFile(given_mapping ? *given_mapping : *own_layout, *table, reader).Read();
}

void LoadSource(const std::string& stem, const ObservationSource& source, const SiteIndex& index,
                model::Site& site, std::vector<uint8_t>& range_years,
                base::Diagnostics& diagnostics) {
  if (source.mappings.size() > 1) {
    diagnostics.Error({source.mappings[1], 1, 1},
                      "two mappings for " + stem + ": " + source.mappings[0] + " and " +
                          source.mappings[1],
                      "keep one of them");
    return;
  }
  const std::string* mapping_file = source.mappings.empty() ? nullptr : &source.mappings[0];
  if (mapping_file && source.data.empty()) {
    diagnostics.Error({*mapping_file, 1, 1}, "mapping without a data file",
                      "a mapping describes the file of the same name beside it: put " + stem +
                          ".csv or " + stem + ".xlsx in data/observations/, or delete the "
                          "mapping");
    return;
  }
  if (mapping_file && source.data.size() > 1) {
    diagnostics.Error({*mapping_file, 1, 1},
                      "mapping for two data files, " + source.data[0] + " and " + source.data[1],
                      "a mapping describes one file: rename or remove one of them");
    return;
  }
  for (const std::string& file : source.data) {
    const bool xlsx = IsXlsx(file);
    std::optional<ObservationMapping> mapping;
    if (mapping_file) {
      auto text = ReadFile(site.root, *mapping_file, diagnostics, true);
      if (!text) return;
      mapping = ReadObservationMapping(*text, *mapping_file, diagnostics);
      if (!mapping) return;
      if (mapping->sheet && !xlsx) {
        diagnostics.Error(mapping->sheet->where, "sheet applies to .xlsx files only",
                          file + " is a CSV file, which has no sheets: remove sheet");
        return;
      }
    }
    auto data = xlsx ? ReadBytes(site.root, file, diagnostics)
                     : ReadFile(site.root, file, diagnostics, true);
    if (data)
      LoadDataFile(*data, file, mapping ? &*mapping : nullptr, index, site, range_years,
                   diagnostics);
  }
}

}  // namespace

void LoadObservationData(const std::string& data, const std::string& file,
                         const ObservationMapping* mapping, model::Site& site,
                         base::Diagnostics& diagnostics) {
  std::vector<uint8_t> range_years(site.indicators.size(), 0);
  const SiteIndex index(site);
  LoadDataFile(data, file, mapping, index, site, range_years, diagnostics);
}

void LoadObservations(model::Site& site, base::Diagnostics& diagnostics) {
  auto files =
      ListFiles(site.root, "data/observations", {".csv", ".xlsx", ".yaml", ".yml"}, false);
  std::map<std::string, ObservationSource> sources;  // by name without extension
  bool any_data = false;
  for (const auto& file : files) {
    const size_t dot = file.rfind('.');
    const std::string stem = file.substr(0, dot);
    const std::string extension = file.substr(dot);
    if (extension == ".yaml" || extension == ".yml") {
      sources[stem].mappings.push_back(file);
    } else {
      sources[stem].data.push_back(file);
      any_data = true;
    }
  }
  if (!any_data)
    diagnostics.Error({"data/observations", 0, 0}, "no observation files",
                      "put one or more .csv or .xlsx files of observations in data/observations/");
  std::vector<uint8_t> range_years(site.indicators.size(), 0);
  const SiteIndex index(site);
  for (const auto& [stem, source] : sources) {
    const size_t slash = stem.rfind('/');
    LoadSource(stem.substr(slash + 1), source, index, site, range_years, diagnostics);
  }
}

}  // namespace outcomes::load::internal
