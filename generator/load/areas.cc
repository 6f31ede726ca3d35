// Reads data/areas.csv and data/spending.csv.
#include <array>

#include "base/text.h"
#include "load/csv.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"

namespace outcomes::load::internal {

namespace {

constexpr const char* kAreasFile = "data/areas.csv";
constexpr const char* kSpendingFile = "data/spending.csv";

std::vector<std::string> SplitTags(std::string_view text) {
  std::vector<std::string> tags;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view tag = text.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (!tag.empty()) tags.emplace_back(tag);
    start = end + 1;
  }
  return tags;
}

}  // namespace

void LoadAreas(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kAreasFile, diagnostics, true);
  if (!text) return;
  static constexpr std::array<CsvColumn, 5> kColumns{{{"code", true},
                                                      {"name", true},
                                                      {"type", true},
                                                      {"parent", false},
                                                      {"tags", false}}};
  CsvHeader header;
  bool first = true;
  const size_t errors_before = diagnostics.error_count();
  ReadCsv(*text, kAreasFile, diagnostics, [&](const CsvRecord& record) {
    if (first) {
      first = false;
      header = CsvHeader::Read(record, kColumns, kAreasFile, diagnostics);
      return header.ok();
    }
    if (!header.CheckFieldCount(record, kAreasFile, diagnostics)) return true;
    model::Area area;
    area.code = std::string(CsvHeader::Field(record, header.Index(size_t{0})));
    area.name = std::string(CsvHeader::Field(record, header.Index(1)));
    area.type = std::string(CsvHeader::Field(record, header.Index(2)));
    area.parent = std::string(CsvHeader::Field(record, header.Index(3)));
    area.tags = SplitTags(CsvHeader::Field(record, header.Index(4)));
    area.location = {kAreasFile, record.line, 1};
    bool ok = true;
    for (size_t column_idx = 0; column_idx < 3; ++column_idx) {
      if (CsvHeader::Field(record, header.Index(column_idx)).empty()) {
        diagnostics.Error(record.FieldLocation(kAreasFile, header.Index(column_idx)),
                          "empty " + std::string(kColumns[column_idx].name) + " for an area");
        ok = false;
      }
    }
    if (!ok) return true;
    // Too long is reported, and the area kept, so its rows do not read as unknown areas.
    CheckLength(area.name, base::kMaxNameLength, record.FieldLocation(kAreasFile, header.Index(1)),
                "area name", diagnostics);
    if (auto existing = site.FindArea(area.code)) {
      diagnostics.Error(record.FieldLocation(kAreasFile, header.Index(size_t{0})),
                        "area code '" + area.code + "' is listed twice",
                        "first listed on line " + std::to_string(existing->location.line));
      return true;
    }
    site.area_index[area.code] = static_cast<uint32_t>(site.areas.size());
    site.areas.push_back(std::move(area));
    return true;
  });
  // No record at all, and the reader said nothing about why: blame where the header belongs.
  if (first && diagnostics.error_count() == errors_before)
    diagnostics.Error({kAreasFile, 1, 1}, "the file has no header row");
  // Parents must exist and must not form a loop.
  for (const auto& area : site.areas) {
    if (area.parent.empty()) continue;
    if (!site.FindArea(area.parent)) {
      diagnostics.Error({kAreasFile, area.location.line, 0},
                        "area '" + area.code + "' has unknown parent '" + area.parent + "'");
      continue;
    }
    // Walk up at most as many steps as there are areas: coming back to this area means it is
    // on a loop (areas below a loop are not blamed; the loop's members are).
    const model::Area* walker = site.FindArea(area.parent);
    for (size_t steps = 0; walker && steps <= site.areas.size(); ++steps) {
      if (walker == &area) {
        diagnostics.Error({kAreasFile, area.location.line, 0},
                          "area '" + area.code + "' is its own ancestor (parents form a loop)");
        break;
      }
      walker = walker->parent.empty() ? nullptr : site.FindArea(walker->parent);
    }
  }
}

void LoadSpending(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kSpendingFile, diagnostics, false);
  if (!text) return;
  static constexpr std::array<CsvColumn, 5> kColumns{{{"outcome", true},
                                                      {"area", true},
                                                      {"period", true},
                                                      {"amount", true},
                                                      {"note", false}}};
  CsvHeader header;
  bool first = true;
  ReadCsv(*text, kSpendingFile, diagnostics, [&](const CsvRecord& record) {
    if (first) {
      first = false;
      header = CsvHeader::Read(record, kColumns, kSpendingFile, diagnostics);
      return header.ok();
    }
    if (!header.CheckFieldCount(record, kSpendingFile, diagnostics)) return true;
    model::Spending spending;
    spending.location = {kSpendingFile, record.line, 1};
    spending.outcome = std::string(CsvHeader::Field(record, header.Index(size_t{0})));
    spending.area = std::string(CsvHeader::Field(record, header.Index(1)));
    spending.note = std::string(CsvHeader::Field(record, header.Index(4)));
    bool known_outcome = false;
    for (const auto& outcome : site.outcomes) known_outcome |= outcome.id == spending.outcome;
    if (!known_outcome) {
      diagnostics.Error(record.FieldLocation(kSpendingFile, header.Index(size_t{0})),
                        "unknown outcome '" + spending.outcome + "'");
      return true;
    }
    if (!site.FindArea(spending.area)) {
      diagnostics.Error(record.FieldLocation(kSpendingFile, header.Index(1)),
                        "unknown area code '" + spending.area + "'");
      return true;
    }
    std::string error;
    auto period = model::ParsePeriod(CsvHeader::Field(record, header.Index(2)),
                                     model::PeriodType::kFinancialYear, &error);
    if (!period) {
      diagnostics.Error(record.FieldLocation(kSpendingFile, header.Index(2)), error);
      return true;
    }
    spending.period = *period;
    NumberCell amount = ParseNumberCell(CsvHeader::Field(record, header.Index(3)));
    if (amount.kind != CellKind::kNumber || amount.had_percent || amount.value < 0) {
      diagnostics.Error(record.FieldLocation(kSpendingFile, header.Index(3)),
                        "amount must be a number of pounds, got '" +
                            std::string(CsvHeader::Field(record, header.Index(3))) + "'");
      return true;
    }
    spending.amount = amount.value;
    site.spending.push_back(std::move(spending));
    return true;
  });
}

}  // namespace outcomes::load::internal
