// Statistical disclosure control (DESIGN §3).
//
// Primary: a cell whose count is between 1 and the site's limit is hidden. Secondary: where a
// published total and its published parts would let a reader narrow a hidden count down (a
// group and its wards; the home area and its wards; the home area and the groups that split
// it; an area's total and its breakdowns), further cells are hidden until, in every relation,
// no hidden count is the only unknown and every primary cell keeps its whole range (1 to the
// limit) — a protection interval, not just a sum of two. Finally counts and denominators are
// rounded to base 5 when asked, and every hidden cell loses all its figures.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "compute/internal/steps.h"

namespace outcomes::compute::internal {

namespace {

// A cell whose count a reader cannot see: absent, hidden, or published without a count.
bool CountUnknown(const Cell* cell) {
  return cell == nullptr || cell->hidden != Hidden::kNo || !model::Has(cell->count);
}

// A cell whose count must stay unknown. A group hidden because a member was suppressed at
// source is protected too: its total would give that member back.
bool IsProtected(const Cell* cell) {
  return cell != nullptr && (cell->hidden == Hidden::kPrimary ||
                             cell->hidden == Hidden::kSecondary ||
                             cell->hidden == Hidden::kSourceSuppressed ||
                             cell->hidden == Hidden::kGroupIncomplete);
}

// A total and the parts that add up to it, as (area, breakdown) keys of one indicator.
struct Relation {
  std::pair<uint32_t, uint16_t> total;
  std::vector<std::pair<uint32_t, uint16_t>> parts;
  std::string name;  // for the suppression report
};

std::vector<Relation> RelationsFor(const model::Site& site, const Results& results,
                                   uint32_t indicator_idx) {
  std::vector<Relation> relations;
  const auto& indicator = site.indicators[indicator_idx];
  const uint16_t breakdowns = static_cast<uint16_t>(indicator.breakdowns.size());
  for (uint16_t breakdown = 0; breakdown <= breakdowns; ++breakdown) {
    // Each group and its member wards.
    for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
      const auto& area = results.areas[area_idx];
      if (!area.is_group) continue;
      Relation relation{{area_idx, breakdown}, {}, "group " + area.name};
      for (uint32_t member : area.members) relation.parts.push_back({member, breakdown});
      relations.push_back(std::move(relation));
    }
    // Every area with children (the home area and its wards, a region and its councils).
    std::map<std::string, std::vector<uint32_t>> children;
    for (uint32_t area_idx = 0; area_idx < site.areas.size(); ++area_idx)
      if (!site.areas[area_idx].parent.empty())
        children[site.areas[area_idx].parent].push_back(area_idx);
    for (const auto& [parent_code, members] : children) {
      int32_t parent = results.FindArea(parent_code);
      if (parent < 0) continue;
      Relation relation{{static_cast<uint32_t>(parent), breakdown}, {},
                        "the wards of " + results.areas[static_cast<size_t>(parent)].name};
      for (uint32_t member : members) relation.parts.push_back({member, breakdown});
      relations.push_back(std::move(relation));
    }
    // Groups of one parent whose members are disjoint and together cover it (target + rest).
    std::map<std::string, std::vector<uint32_t>> groups_within;
    for (size_t group_idx = 0; group_idx < site.config.groups.size(); ++group_idx) {
      const auto& group = site.config.groups[group_idx];
      groups_within[group.within.empty() ? site.config.home_area : group.within].push_back(
          static_cast<uint32_t>(site.areas.size() + group_idx));
    }
    for (const auto& [parent_code, groups] : groups_within) {
      int32_t parent = results.FindArea(parent_code);
      if (parent < 0 || groups.size() < 2) continue;
      Relation relation{{static_cast<uint32_t>(parent), breakdown}, {},
                        "the groups of " + results.areas[static_cast<size_t>(parent)].name};
      for (uint32_t group : groups) relation.parts.push_back({group, breakdown});
      relations.push_back(std::move(relation));
    }
  }
  // An area's total and its breakdowns (e.g. girls + boys).
  if (breakdowns > 0) {
    for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
      Relation relation{{area_idx, 0}, {}, "the breakdowns of " + results.areas[area_idx].name};
      for (uint16_t breakdown = 1; breakdown <= breakdowns; ++breakdown)
        relation.parts.push_back({area_idx, breakdown});
      relations.push_back(std::move(relation));
    }
  }
  return relations;
}

// How far an unknown count could move, as a reader who knew the suppression rule and which
// hidden cells are primary sees it: a primary count lies in 1..limit; a secondary one is 0 or
// above the limit; a count nobody has (missing, or a value given without one) may be anything
// from 0 up — we cannot know how far it could fall; a count hidden at source or in an
// incomplete group is taken to give no room at all, which can only add protection.
struct Slack {
  double up = 0;
  double down = 0;
};

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

Slack SlackOf(const Cell* cell, int limit) {
  if (cell == nullptr) return {kUnbounded, 0};
  if (cell->hidden == Hidden::kPrimary && model::Has(cell->count))
    return {limit - cell->count, cell->count - 1};
  if (cell->hidden == Hidden::kSecondary && model::Has(cell->count) && cell->count > limit)
    return {kUnbounded, cell->count - (limit + 1)};
  if (cell->hidden == Hidden::kNo || cell->hidden == Hidden::kMissing) return {kUnbounded, 0};
  return {};
}

struct Victim {
  Cell* cell = nullptr;
  std::pair<uint32_t, uint16_t> key;
};

// The cell to hide next in `relation` for one period, or nothing when the relation is safe.
// `cell_of` maps a key to its cell (or nullptr).
template <typename CellOf>
std::optional<Victim> ChooseVictim(const Relation& relation, CellOf&& cell_of, int limit) {
  struct Member {
    Cell* cell;
    std::pair<uint32_t, uint16_t> key;
    bool is_total;
    Slack slack;
  };
  std::vector<Member> members;
  members.reserve(relation.parts.size() + 1);
  members.push_back({cell_of(relation.total), relation.total, true, {}});
  for (const auto& key : relation.parts) members.push_back({cell_of(key), key, false, {}});
  int unknown = 0;
  int protected_cells = 0;
  // Room among the hidden parts, and the total's, each direction summed once (linear).
  Slack parts_room;
  Slack total_room;
  for (auto& member : members) {
    if (!CountUnknown(member.cell)) continue;
    ++unknown;
    if (IsProtected(member.cell)) ++protected_cells;
    member.slack = SlackOf(member.cell, limit);
    Slack& room = member.is_total ? total_room : parts_room;
    room.up += member.slack.up;
    room.down += member.slack.down;
  }
  if (protected_cells == 0) return std::nullopt;
  // What the relation still lacks: room for some primary to move up (`need_up`) or down.
  double need_up = 0;    // a part rising needs the other parts to fall or the total to rise
  double need_down = 0;  // a part falling needs the other parts to rise or the total to fall
  bool lone_protected = unknown == 1;
  for (const auto& member : members) {
    if (!CountUnknown(member.cell) || member.cell == nullptr ||
        member.cell->hidden != Hidden::kPrimary || !model::Has(member.cell->count))
      continue;
    const double rise = limit - member.cell->count;
    const double fall = member.cell->count - 1;
    double room_for_rise = 0;
    double room_for_fall = 0;
    if (member.is_total) {
      room_for_rise = parts_room.up;
      room_for_fall = parts_room.down;
    } else {
      room_for_rise = (parts_room.down - member.slack.down) + total_room.up;
      room_for_fall = (parts_room.up - member.slack.up) + total_room.down;
    }
    need_up = std::max(need_up, rise - room_for_rise);
    need_down = std::max(need_down, fall - room_for_fall);
  }
  if (!lone_protected && need_up <= 0 && need_down <= 0) return std::nullopt;
  // Hide a published cell whose count is above the limit (so that it is not itself taken for
  // a small one and gives room both ways): the smallest that meets the whole need, else the
  // largest; a part before the total, which readers most want to see.
  const Member* best_fit = nullptr;
  const Member* largest = nullptr;
  const Member* any_published = nullptr;
  for (const auto& member : members) {
    if (member.cell == nullptr || CountUnknown(member.cell)) continue;
    const double count = member.cell->count;
    if (!any_published || (any_published->is_total && !member.is_total)) any_published = &member;
    if (count <= limit) continue;
    const double room = count - (limit + 1);  // how far it may fall; it may rise without end
    auto better = [&](const Member* current, bool smaller) {
      if (current == nullptr) return true;
      if (current->is_total != member.is_total) return current->is_total;
      return smaller ? count < current->cell->count : count > current->cell->count;
    };
    // A part gives room for a rise of another part by falling and for a fall by rising; the
    // total the other way round.
    const double gives_for_rise = member.is_total ? kUnbounded : room;
    const double gives_for_fall = member.is_total ? room : kUnbounded;
    if (gives_for_rise >= need_up && gives_for_fall >= need_down && better(best_fit, true))
      best_fit = &member;
    if (better(largest, false)) largest = &member;
  }
  const Member* chosen = best_fit ? best_fit : largest ? largest : any_published;
  if (chosen == nullptr) return std::nullopt;  // every count of the relation is hidden already
  return Victim{chosen->cell, chosen->key};
}

double RoundToBase(double value, int base) {
  return model::Has(value) ? std::round(value / base) * base : value;
}

void Clear(Cell& cell) {
  cell.note = 0;  // a note can restate the hidden figure ("1,026 children")
  cell.value = cell.count = cell.denominator = NAN;
  cell.lower95 = cell.upper95 = cell.lower998 = cell.upper998 = NAN;
}

}  // namespace

void ApplyDisclosureControl(const model::Site& site, Results& results) {
  const int max_suppressed = site.config.suppression.MaxSuppressed();
  const std::string rule =
      "count between 1 and " + std::to_string(max_suppressed) + " (preset " +
      std::string(model::SuppressionPresetName(site.config.suppression.preset)) + ")";
  // Primary.
  for (auto& series : results.series) {
    const auto& indicator = site.indicators[series.indicator];
    for (auto& cell : series.cells) {
      if (cell.hidden != Hidden::kNo) continue;
      // A row may give a share or rate and its denominator without the count; the count it
      // implies is just as disclosive.
      double count = cell.count;
      if (!model::Has(count) && model::Has(cell.value) && model::Has(cell.denominator)) {
        if (indicator.unit == model::Unit::kPercent)
          count = std::round(cell.value / 100 * cell.denominator);
        else if (indicator.unit == model::Unit::kRate && indicator.per > 0)
          count = std::round(cell.value * cell.denominator / indicator.per);
      }
      if (!model::Has(count)) continue;
      if (count >= 1 && count <= max_suppressed) {
        cell.hidden = Hidden::kPrimary;
        cell.count = count;  // the implied count sets its protection interval; cleared below
        results.suppressed.push_back(
            {series.indicator, series.area, series.breakdown, cell.period, Hidden::kPrimary, rule});
      }
    }
  }
  // Secondary, per indicator and period, until nothing changes.
  for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx) {
    std::vector<Relation> relations = RelationsFor(site, results, indicator_idx);
    // Periods where something is suppressed: only those can need secondary suppression.
    std::vector<model::Period> periods;
    for (const auto& record : results.suppressed)
      if (record.indicator == indicator_idx) periods.push_back(record.period);
    for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx)
      for (uint16_t breakdown = 0; breakdown < results.breakdown_slots; ++breakdown)
        if (const Series* series = results.Find(indicator_idx, area_idx, breakdown))
          for (const auto& cell : series->cells)
            if (cell.hidden == Hidden::kSourceSuppressed) periods.push_back(cell.period);
    std::sort(periods.begin(), periods.end());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    for (const auto& period : periods) {
      auto cell_of = [&](std::pair<uint32_t, uint16_t> key) -> Cell* {
        Series* series = FindMutable(results, indicator_idx, key.first, key.second);
        return series ? CellAtMutable(*series, period) : nullptr;
      };
      // Two rules, applied to every relation (total = sum of parts) until nothing changes:
      // 1. No hidden count is the only unknown of a relation: a protected cell with every
      //    other count published is their difference (or their sum).
      // 2. Each primary cell keeps its whole range, 1 to the limit: whatever the published
      //    figures, the other hidden cells of the relation can absorb the primary cell taking
      //    any value in that range (see Slack). A reader who knew which hidden cells are
      //    primary and which secondary still learns no more than "between 1 and the limit".
      bool changed = true;
      while (changed) {
        changed = false;
        for (const auto& relation : relations) {
          std::optional<Victim> victim = ChooseVictim(relation, cell_of, max_suppressed);
          if (!victim) continue;
          victim->cell->hidden = Hidden::kSecondary;
          results.suppressed.push_back(
              {indicator_idx, victim->key.first, victim->key.second, period, Hidden::kSecondary,
               "secondary: would narrow down a suppressed count through " + relation.name});
          changed = true;
        }
      }
    }
  }
  // Rounding and clearing.
  const int base = site.config.suppression.round_to;
  for (auto& series : results.series) {
    for (auto& cell : series.cells) {
      if (cell.hidden != Hidden::kNo) {
        Clear(cell);
        continue;
      }
      if (base > 1) {
        cell.count = RoundToBase(cell.count, base);
        cell.denominator = RoundToBase(cell.denominator, base);
        // A count indicator's value is its count: publish the rounded one.
        if (site.indicators[series.indicator].unit == model::Unit::kCount) cell.value = cell.count;
      }
    }
  }
  std::sort(results.suppressed.begin(), results.suppressed.end(),
            [](const SuppressionRecord& a, const SuppressionRecord& b) {
              return std::tie(a.indicator, a.area, a.breakdown, a.period) <
                     std::tie(b.indicator, b.area, b.breakdown, b.period);
            });
}

}  // namespace outcomes::compute::internal
