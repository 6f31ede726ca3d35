// Reads data/areas.csv and data/spending.csv.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "base/text.h"
#include "load/csv.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"

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

// Areas may contain areas (England > region > authority > ward ...) this many levels deep.
// Later stages walk from an area up to the top of its hierarchy, so the depth bounds their work.
constexpr uint32_t kMaxAreaLevels = 16;

// Where each area sits among its parents.
struct AreaLevels {
  std::vector<bool> on_loop;     // on a loop of parents (areas below a loop are not: the
                                 // loop's members are to blame)
  std::vector<uint32_t> levels;  // 1 for an area without a (known) parent, 2 below it, ...;
                                 // 0 on or below a loop
};

// Linear: each area is walked over once and the walk's path marked, so a chain of 100,000
// parents costs 100,000 steps, not 100,000 walks up it.
AreaLevels LevelAreas(const model::Site& site) {
  enum class State : uint8_t { kNew, kOnPath, kDone };
  std::vector<State> states(site.areas.size(), State::kNew);
  AreaLevels result{std::vector<bool>(site.areas.size(), false),
                    std::vector<uint32_t>(site.areas.size(), 0)};
  const auto parent_of = [&](size_t area_idx) -> std::optional<size_t> {
    const std::string& parent = site.areas[area_idx].parent;
    if (parent.empty()) return std::nullopt;
    const auto found = site.area_index.find(parent);
    if (found == site.area_index.end()) return std::nullopt;
    return found->second;
  };
  std::vector<size_t> path;
  for (size_t start = 0; start < site.areas.size(); ++start) {
    path.clear();
    std::optional<size_t> walker = start;
    while (walker && states[*walker] == State::kNew) {
      states[*walker] = State::kOnPath;
      path.push_back(*walker);
      walker = parent_of(*walker);
    }
    uint32_t level = 0;  // of the area above the path; stays 0 when that is on or below a loop
    bool known = true;
    if (walker && states[*walker] == State::kOnPath) {
      // The walk came back to an area of its own path: from there on, the path is the loop.
      for (auto it = std::find(path.begin(), path.end(), *walker); it != path.end(); ++it)
        result.on_loop[*it] = true;
      known = false;
    } else if (walker) {
      level = result.levels[*walker];
      known = level > 0;
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      states[*it] = State::kDone;
      result.levels[*it] = known ? ++level : 0;
    }
  }
  return result;
}

}  // namespace

void LoadAreas(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kAreasFile, diagnostics, true);
  if (text) ReadAreasText(*text, site, diagnostics);
}

void ReadAreasText(const std::string& text, model::Site& site, base::Diagnostics& diagnostics) {
  static constexpr std::array<CsvColumn, 5> kColumns{{{"code", true},
                                                      {"name", true},
                                                      {"type", true},
                                                      {"parent", false},
                                                      {"tags", false}}};
  CsvHeader header;
  bool first = true;
  const size_t errors_before = diagnostics.error_count();
  FileErrors errors(kAreasFile, diagnostics);
  ReadCsv(text, kAreasFile, diagnostics, [&](const CsvRecord& record) {
    if (first) {
      first = false;
      header = CsvHeader::Read(record, kColumns, kAreasFile, diagnostics);
      return header.ok();
    }
    if (!header.CheckFieldCount(record, kAreasFile, errors)) return true;
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
        errors.Error(record.FieldLocation(kAreasFile, header.Index(column_idx)),
                     "empty " + std::string(kColumns[column_idx].name) + " for an area");
        ok = false;
      }
    }
    if (!ok) return true;
    // Too long is reported, and the area kept, so its rows do not read as unknown areas.
    CheckLength(area.name, base::kMaxNameLength, record.FieldLocation(kAreasFile, header.Index(1)),
                "area name", diagnostics);
    if (auto existing = site.FindArea(area.code)) {
      errors.Error(record.FieldLocation(kAreasFile, header.Index(size_t{0})),
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
  const AreaLevels levels = LevelAreas(site);
  for (size_t area_idx = 0; area_idx < site.areas.size(); ++area_idx) {
    const model::Area& area = site.areas[area_idx];
    if (!area.parent.empty() && !site.FindArea(area.parent)) {
      errors.Error({kAreasFile, area.location.line, 0},
                   "area '" + area.code + "' has unknown parent '" + area.parent + "'");
    } else if (levels.levels[area_idx] == kMaxAreaLevels + 1) {
      // Only the first level too deep: the areas below it follow from it.
      errors.Error({kAreasFile, area.location.line, 0},
                   "area '" + area.code + "' is " + std::to_string(kMaxAreaLevels + 1) +
                       " levels down its parents: areas may be nested at most " +
                       std::to_string(kMaxAreaLevels) + " levels deep",
                   "an area's parent is the area that contains it, e.g. a ward's local "
                   "authority; check the parent column");
    } else if (levels.on_loop[area_idx]) {
      errors.Error({kAreasFile, area.location.line, 0},
                   "area '" + area.code + "' is its own ancestor (parents form a loop)");
    }
  }
}

void LoadSpending(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kSpendingFile, diagnostics, false);
  if (text) ReadSpendingText(*text, site, diagnostics);
}

void ReadSpendingText(const std::string& text, model::Site& site,
                      base::Diagnostics& diagnostics) {
  enum Column : size_t { kOutcome, kArea, kPeriod, kAmount, kNote, kPartner, kCategory };
  static constexpr std::array<CsvColumn, 7> kColumns{{{"outcome", true},
                                                      {"area", true},
                                                      {"period", true},
                                                      {"amount", true},
                                                      {"note", false},
                                                      {"partner", false},
                                                      {"category", false}}};
  CsvHeader header;
  bool first = true;
  FileErrors errors(kSpendingFile, diagnostics);
  std::unordered_set<std::string_view> outcome_ids;
  for (const auto& outcome : site.outcomes) outcome_ids.insert(outcome.id);
  std::vector<std::string> partner_ids;
  for (const auto& partner : site.config.partners) partner_ids.push_back(partner.id);
  // Each row's key (outcome, area, period, partner, category) -> the line it was first given.
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, uint32_t>
      seen;
  ReadCsv(text, kSpendingFile, diagnostics, [&](const CsvRecord& record) {
    if (first) {
      first = false;
      header = CsvHeader::Read(record, kColumns, kSpendingFile, diagnostics);
      return header.ok();
    }
    if (!header.CheckFieldCount(record, kSpendingFile, errors)) return true;
    auto field = [&](Column column) {
      return std::string(CsvHeader::Field(record, header.Index(size_t{column})));
    };
    auto where = [&](Column column) {
      return record.FieldLocation(kSpendingFile, header.Index(size_t{column}));
    };
    model::Spending spending;
    spending.location = {kSpendingFile, record.line, 1};
    spending.outcome = field(kOutcome);
    spending.area = field(kArea);
    spending.note = field(kNote);
    spending.partner = std::string(TrimText(field(kPartner)));
    spending.category = std::string(TrimText(field(kCategory)));
    if (outcome_ids.count(spending.outcome) == 0) {
      errors.Error(where(kOutcome), "unknown outcome '" + spending.outcome + "'");
      return true;
    }
    if (!site.FindArea(spending.area) &&
        std::none_of(site.config.groups.begin(), site.config.groups.end(),
                     [&](const model::AreaGroup& group) { return group.id == spending.area; })) {
      errors.Error(where(kArea), "unknown area code '" + spending.area + "'",
                   "areas are listed in data/areas.csv, groups of wards in site.yaml's groups:");
      return true;
    }
    if (!spending.partner.empty() &&
        std::find(partner_ids.begin(), partner_ids.end(), spending.partner) ==
            partner_ids.end()) {
      const std::string closest = ClosestWord(spending.partner, partner_ids);
      errors.Error(where(kPartner), "unknown partner '" + spending.partner + "'",
                   partner_ids.empty()
                       ? "list the partners in site.yaml: partners: [{id: " + spending.partner +
                             ", name: ...}]"
                   : closest.empty() ? "site.yaml's partners are " + base::JoinWords(partner_ids)
                                     : "did you mean '" + closest + "'?");
      return true;
    }
    std::string error;
    auto period = model::ParsePeriod(field(kPeriod), model::PeriodType::kFinancialYear, &error);
    if (!period) {
      errors.Error(where(kPeriod), error,
                   "spending is recorded by financial year, e.g. 2019/20 (April to March)");
      return true;
    }
    spending.period = *period;
    const std::string amount_text = field(kAmount);
    NumberCell amount = ParseNumberCell(amount_text);
    if (amount.kind != CellKind::kNumber || amount.had_percent) {
      errors.Error(where(kAmount), "amount must be a number of pounds, got '" + amount_text + "'",
                   "write the pounds spent, e.g. 1250000 or \"1,250,000\"");
      return true;
    }
    if (amount.value < 0) {
      errors.Error(where(kAmount), "amount must not be negative, got '" + amount_text + "'",
                   "record what was spent; a refund or underspend belongs in the note");
      return true;
    }
    spending.amount = amount.value;
    auto key = std::make_tuple(spending.outcome, spending.area, spending.period.Label(),
                               spending.partner, spending.category);
    if (auto [it, inserted] = seen.emplace(std::move(key), record.line); !inserted) {
      errors.Error({kSpendingFile, record.line, 1},
                   "duplicate spending row: outcome '" + spending.outcome + "', area '" +
                       spending.area + "', " + spending.period.Label() +
                       (spending.partner.empty() ? "" : ", partner '" + spending.partner + "'") +
                       (spending.category.empty() ? ""
                                                  : ", category '" + spending.category + "'") +
                       " is already given at line " + std::to_string(it->second),
                   "give each outcome, area, year, partner and category once");
      return true;
    }
    site.spending.push_back(std::move(spending));
    return true;
  });
}

}  // namespace outcomes::load::internal
