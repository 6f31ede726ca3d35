// The website's pages as view models (DESIGN §4). One builder per page type; the shared parts
// (layout fields, URLs, status badges, data tables) are helpers at the top.
#include "view/site_view.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <optional>
#include <set>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <variant>

#include "base/format.h"
#include "base/text.h"
#include "view/chart_view.h"
#include "view/labels.h"
#include "view/map_view.h"
#include "view/opendata_view.h"
#include "view/pack_view.h"
#include "view/paths.h"
#include "view/text.h"

namespace outcomes::view {

namespace {

using nlohmann::json;

// --- URLs -----------------------------------------------------------------------------------

// Every page is a folder with an index.html, so URLs work from a web server, from any sub-path
// and from disk. Paths here are relative to the output root and end in "index.html".
std::string PagePath(const std::string& folder) {
  return folder.empty() ? "index.html" : folder + "/index.html";
}

using base::RelativeUrl;

const char* SectionFolder(model::ContentType type) {
  switch (type) {
    case model::ContentType::kCaseStudy: return "case-studies";
    case model::ContentType::kStrategy: return "strategies";
    case model::ContentType::kReport: return "reports";
    case model::ContentType::kMinutes: return "minutes";
    case model::ContentType::kNews: return "news";
    case model::ContentType::kPage: return "";
  }
  return "";
}

constexpr model::ContentType kListedTypes[] = {
    model::ContentType::kCaseStudy, model::ContentType::kStrategy, model::ContentType::kReport,
    model::ContentType::kMinutes, model::ContentType::kNews};

// Everything the builders share: the site, its results and where every page lives.
class SiteMap {
 public:
  SiteMap(const model::Site& site, const compute::Results& results, base::Diagnostics& diagnostics)
      : site_(site), results_(results), diagnostics_(diagnostics),
        geometry_(geo::BuildMapGeometry(site)) {
    // Areas with pages: the home area, its wards and the groups.
    const std::vector<std::string> slugs = AreaSlugs(site, results);
    for (uint32_t area_idx = 0; area_idx < results.areas.size(); ++area_idx) {
      const auto& area = results.areas[area_idx];
      bool is_ward = !area.is_group && area_idx < site.areas.size() &&
                     site.areas[area_idx].type == "ward" &&
                     site.areas[area_idx].parent == site.config.home_area;
      bool is_home = area.code == site.config.home_area;
      if (!is_ward && !is_home && !area.is_group) continue;
      area_paths_[area_idx] = PagePath("areas/" + slugs[area_idx]);
      if (is_ward) wards_.push_back(area_idx);
      if (area.is_group) groups_.push_back(area_idx);
    }
    std::sort(wards_.begin(), wards_.end(), [&](uint32_t a, uint32_t b) {
      return results.areas[a].name < results.areas[b].name;
    });
    // Content pages: an outcome's narrative page is shown on the outcome page.
    for (const auto& outcome : site.outcomes)
      if (!outcome.page.empty()) narrative_of_[outcome.page] = outcome.id;
    for (size_t page_idx = 0; page_idx < site.pages.size(); ++page_idx) {
      const auto& page = site.pages[page_idx];
      if (page.draft) continue;
      auto narrative = narrative_of_.find(page.path);
      if (narrative != narrative_of_.end()) {
        content_paths_[page.path] = OutcomePath(narrative->second);
        continue;
      }
      content_paths_[page.path] = PagePath(ContentFolder(page.path));
      published_.push_back(page_idx);
    }
    // Newest first, then by title, for every list.
    std::sort(published_.begin(), published_.end(), [&](size_t a, size_t b) {
      const auto& pa = site.pages[a];
      const auto& pb = site.pages[b];
      return pa.date != pb.date ? pa.date > pb.date : pa.title < pb.title;
    });
    for (size_t rank = 0; rank < published_.size(); ++rank)
      for (const auto& code : site.pages[published_[rank]].areas)
        pages_by_area_code_[code].push_back(rank);
    for (uint32_t group : groups_)
      for (uint32_t member : results.areas[group].members) groups_of_[member].push_back(group);
    for (const auto& pack : ListPacks(site, results))
      if (pack.kind == PackKind::kWard) area_packs_[pack.index] = pack.path;
    example_notice_ = ExampleDataNotice(site, results);
  }

  const model::Site& site() const { return site_; }
  const compute::Results& results() const { return results_; }
  // Projected, simplified boundaries, built once for every map of the site.
  const MapGeometry& geometry() const { return geometry_; }
  base::Diagnostics& diagnostics() { return diagnostics_; }

  std::string OutcomePath(const std::string& id) const { return PagePath("outcomes/" + id); }
  std::string IndicatorPath(const std::string& id) const { return PagePath("indicators/" + id); }
  // "" when the area has no page.
  std::string AreaPath(uint32_t area_idx) const {
    auto it = area_paths_.find(area_idx);
    return it == area_paths_.end() ? std::string() : it->second;
  }
  std::string ContentPath(const std::string& content_path) const {
    auto it = content_paths_.find(content_path);
    return it == content_paths_.end() ? std::string() : it->second;
  }
  std::string ListPath(model::ContentType type) const { return PagePath(SectionFolder(type)); }
  // The example-data banner's words ("" for none), worked out once.
  const std::string& example_notice() const { return example_notice_; }
  // The area's own Excel pack, "" when it has none.
  std::string AreaPackPath(uint32_t area_idx) const {
    auto it = area_packs_.find(area_idx);
    return it == area_packs_.end() ? std::string() : it->second;
  }

  const std::vector<uint32_t>& wards() const { return wards_; }
  const std::vector<uint32_t>& groups() const { return groups_; }
  const std::vector<size_t>& published() const { return published_; }
  uint32_t home() const { return results_.home_area; }

  // The comparator index of the home area and of England (the widest comparator), or -1.
  int ComparatorIndex(uint32_t area_idx) const {
    for (size_t idx = 0; idx < results_.comparator_areas.size(); ++idx)
      if (results_.comparator_areas[idx] == area_idx) return static_cast<int>(idx);
    return -1;
  }
  int WidestComparator() const {
    return results_.comparator_areas.empty()
               ? -1
               : static_cast<int>(results_.comparator_areas.size() - 1);
  }

  // Pages linked to an outcome or an area (by code, or through a group it belongs to).
  std::vector<size_t> PagesForOutcome(const std::string& outcome_id) const {
    std::vector<size_t> pages;
    for (size_t page_idx : published_) {
      const auto& page = site_.pages[page_idx];
      if (std::find(page.outcomes.begin(), page.outcomes.end(), outcome_id) != page.outcomes.end())
        pages.push_back(page_idx);
    }
    return pages;
  }
  // The published pages whose front matter says they are evidence for any of `ids`, newest
  // first.
  std::vector<size_t> EvidenceFor(const std::vector<std::string>& ids) const {
    std::vector<size_t> pages;
    for (size_t page_idx : published_) {
      const auto& page = site_.pages[page_idx];
      for (const std::string& id : page.evidence_for)
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
          pages.push_back(page_idx);
          break;
        }
    }
    return pages;
  }
  std::vector<size_t> PagesForArea(uint32_t area_idx) const {
    std::vector<size_t> ranks;  // positions in published_, so the list keeps its order
    auto add = [&](const std::string& code) {
      auto it = pages_by_area_code_.find(code);
      if (it != pages_by_area_code_.end()) ranks.insert(ranks.end(), it->second.begin(), it->second.end());
    };
    add(results_.areas[area_idx].code);
    for (uint32_t group : GroupsOf(area_idx)) add(results_.areas[group].code);
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    std::vector<size_t> pages;
    for (size_t rank : ranks) pages.push_back(published_[rank]);
    return pages;
  }
  // The groups `area_idx` is a member of, in map.groups() order.
  const std::vector<uint32_t>& GroupsOf(uint32_t area_idx) const {
    static const std::vector<uint32_t> kNone;
    auto it = groups_of_.find(area_idx);
    return it == groups_of_.end() ? kNone : it->second;
  }

  // Every ward's latest-period figure for an indicator, highest first (ties by name), built
  // once per indicator and period: ward pages of a council with thousands of wards look their
  // ward up here instead of sorting all wards again.
  struct Ranking {
    std::vector<std::pair<double, uint32_t>> ranked;  // (value, ward), highest first
    std::vector<uint32_t> unpublished;                // wards with no published figure
    std::unordered_map<uint32_t, size_t> position;    // ward -> index in `ranked`
  };
  const Ranking& RankingFor(uint32_t indicator_idx, const model::Period& period) {
    auto key = std::make_pair(indicator_idx, period.Label());
    auto it = rankings_.find(key);
    if (it != rankings_.end()) return it->second;
    Ranking ranking;
    for (uint32_t ward : wards_) {
      const compute::Cell* cell = results_.CellAt(indicator_idx, ward, period);
      if (cell && cell->Published())
        ranking.ranked.push_back({cell->value, ward});
      else
        ranking.unpublished.push_back(ward);
    }
    std::sort(ranking.ranked.begin(), ranking.ranked.end(), [&](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first
                                : results_.areas[a.second].name < results_.areas[b.second].name;
    });
    for (size_t idx = 0; idx < ranking.ranked.size(); ++idx)
      ranking.position[ranking.ranked[idx].second] = idx;
    return rankings_.emplace(key, std::move(ranking)).first->second;
  }

 private:
  const model::Site& site_;
  const compute::Results& results_;
  base::Diagnostics& diagnostics_;
  MapGeometry geometry_;
  std::map<uint32_t, std::string> area_paths_;
  std::map<std::string, std::string> content_paths_;
  std::map<std::string, std::string> narrative_of_;
  std::vector<uint32_t> wards_;
  std::vector<uint32_t> groups_;
  std::vector<size_t> published_;
  std::map<uint32_t, std::vector<uint32_t>> groups_of_;                // area -> its groups
  std::map<uint32_t, std::string> area_packs_;                         // area -> its pack
  std::string example_notice_;
  std::map<std::string, std::vector<size_t>> pages_by_area_code_;     // -> ranks in published_
  std::map<std::pair<uint32_t, std::string>, Ranking> rankings_;      // (indicator, period)
};

// --- Shared view parts ------------------------------------------------------------------------

struct Crumb {
  std::string label;
  std::string path;  // output path; "" for the current page
};

// The fields every page's layout uses.
json Layout(const SiteMap& map, const std::string& path, const std::string& title,
            const std::string& description, const std::vector<Crumb>& crumbs,
            const std::string& section) {
  const auto& config = map.site().config;
  const i18n::Catalogue& text = map.site().text;
  json view;
  view["lang"] = config.language;
  view["title"] = title;
  view["head_title"] = title == config.title ? title : title + " – " + config.title;
  view["description"] = description;
  view["site_title"] = config.title;
  view["organisation"] = config.organisation;
  view["root"] = RelativeUrl(path, "");
  view["home_url"] = RelativeUrl(path, "index.html");
  view["css_url"] = RelativeUrl(path, "assets/site.css");
  view["feed_url"] = RelativeUrl(path, "feed.xml");
  if (!map.example_notice().empty()) view["example_data"] = {{"text", map.example_notice()}};
  if (config.contact.Any()) {
    const auto& contact = config.contact;
    json ways = json::array();
    if (!contact.email.empty())
      ways.push_back({{"text", contact.email}, {"href", "mailto:" + contact.email}});
    if (!contact.phone.empty()) {
      std::string digits;
      for (char ch : contact.phone)
        if (ch == '+' || (ch >= '0' && ch <= '9')) digits += ch;
      ways.push_back({{"text", contact.phone}, {"href", "tel:" + digits}});
    }
    if (!contact.url.empty())
      ways.push_back({{"text", text("contact_page")}, {"href", contact.url}});
    const std::string last = " " + text("word_or") + " ";
    for (size_t idx = 0; idx < ways.size(); ++idx)
      ways[idx]["after"] = idx + 2 < ways.size() ? ", " : idx + 2 == ways.size() ? last : "";
    view["contact"] = {{"who", contact.team.empty() ? config.organisation : contact.team},
                       {"ways", ways}};
  }
  view["last_updated"] = config.data_date.empty() ? "" : LongDate(text, config.data_date);
  view["last_updated_iso"] = config.data_date;
  if (!config.base_url.empty()) {
    std::string base = config.base_url.back() == '/' ? config.base_url : config.base_url + "/";
    view["canonical_url"] = base + (path == "index.html" ? "" : path.substr(0, path.size() - 10));
  }
  struct NavItem {
    const char* label;
    const char* path;
    const char* section;
  };
  // label: the catalogue key of its words.
  static constexpr NavItem kNav[] = {{"nav_home", "index.html", "home"},
                                     {"nav_outcomes", "outcomes/index.html", "outcomes"},
                                     {"nav_areas", "areas/index.html", "areas"},
                                     {"nav_dashboard", "dashboard/index.html", "dashboard"},
                                     {"nav_library", "library/index.html", "library"},
                                     {"nav_methodology", "methodology/index.html", "methodology"},
                                     {"nav_downloads", "downloads/index.html", "downloads"}};
  json nav = json::array();
  for (const auto& item : kNav)
    nav.push_back({{"label", text(item.label)},
                   {"url", RelativeUrl(path, item.path)},
                   {"current", section == item.section}});
  view["nav"] = nav;
  json breadcrumbs = json::array();
  if (!crumbs.empty()) {
    breadcrumbs.push_back({{"label", text("nav_home")}, {"url", RelativeUrl(path, "index.html")}});
    for (const auto& crumb : crumbs) {
      json item = {{"label", crumb.label}};
      if (!crumb.path.empty()) item["url"] = RelativeUrl(path, crumb.path);
      breadcrumbs.push_back(item);
    }
  }
  view["breadcrumbs"] = breadcrumbs;
  view["has_breadcrumbs"] = !crumbs.empty();
  view["accessibility_url"] = RelativeUrl(path, "accessibility/index.html");
  view["methodology_url"] = RelativeUrl(path, "methodology/index.html");
  view["search_url"] = RelativeUrl(path, "search/index.html");
  view["search_script"] = RelativeUrl(path, "assets/search.js");
  return view;
}

PageView MakePage(const std::string& path, const std::string& template_name, json view,
                  std::vector<PlacedChart> charts = {}) {
  PageView page;
  page.path = path;
  page.template_name = template_name;
  page.view = std::move(view);
  page.charts = std::move(charts);
  return page;
}

// The charts placed in a page's view as it is built, each pointing from the view's root.
using Charts = std::vector<PlacedChart>;

// Puts `figure`'s view as `key` of `node`, an object that will be at `node_at` in the page's
// view, and its charts, pointing from there, into `charts`.
void Place(json& node, const json::json_pointer& node_at, const std::string& key, Figure figure,
           Charts& charts) {
  const json::json_pointer at = node_at / key;
  for (PlacedChart& chart : figure.charts) {
    chart.at = at / chart.at;
    charts.push_back(std::move(chart));
  }
  node[key] = std::move(figure.view);
}

json Link(const std::string& from, const std::string& to, const std::string& label) {
  return {{"url", RelativeUrl(from, to)}, {"label", label}};
}

json ContentSummary(const SiteMap& map, const std::string& from, size_t page_idx) {
  const auto& page = map.site().pages[page_idx];
  return {{"title", page.title},
          {"url", RelativeUrl(from, map.ContentPath(page.path))},
          {"summary", page.summary},
          {"date", LongDate(map.site().text, page.date)},
          {"date_iso", page.date},
          {"type", ContentTypeLabel(map.site().text, page.type, false)}};
}

json ContentList(const SiteMap& map, const std::string& from, const std::vector<size_t>& pages) {
  json list = json::array();
  for (size_t page_idx : pages) list.push_back(ContentSummary(map, from, page_idx));
  return list;
}

// Long lists are split so that no page grows with the site: a list page holds kListPageItems
// items, and an outcome's, an area's or a library section's list shows its kShortListItems
// newest, with a link to the whole list (its own pages) when there are more.
constexpr size_t kListPageItems = 50;
constexpr size_t kShortListItems = 10;

// Page `number` (from 1) of the list whose first page is `first` ("news/index.html"):
// "news/page/2/index.html".
std::string ListPagePath(const std::string& first, size_t number) {
  if (number <= 1) return first;
  const std::string folder = first.substr(0, first.size() - std::string("index.html").size());
  return folder + "page/" + std::to_string(number) + "/index.html";
}

// The whole list of an outcome or an area, written when its short list leaves some out.
std::string OutcomeListPath(const std::string& outcome_id) {
  return PagePath("library/outcomes/" + outcome_id);
}
std::string AreaListPath(const SiteMap& map, uint32_t area_idx) {
  const std::string area_path = map.AreaPath(area_idx);  // "areas/<slug>/index.html"
  return area_path.empty() ? std::string() : "library/" + area_path;
}

// The newest items of `pages` for a page at `from`, and (when some are left out) a link to
// the whole list at `all_path`: fields `<key>` and `<key>_more`.
void ShortList(const SiteMap& map, const std::string& from, const std::vector<size_t>& pages,
               const std::string& all_path, const std::string& key, json& view) {
  std::vector<size_t> shown(pages.begin(),
                            pages.begin() + static_cast<std::ptrdiff_t>(
                                                std::min(pages.size(), kShortListItems)));
  view[key] = ContentList(map, from, shown);
  if (pages.size() > shown.size() && !all_path.empty())
    view[key + "_more"] = {
        {"url", RelativeUrl(from, all_path)},
        {"text", map.site().text("list_all", {{"count", std::to_string(pages.size())}})}};
}

// A figure as a data table (charts replace it in a later version).
struct Table {
  std::string caption;
  std::vector<std::string> headers;
  std::vector<std::vector<json>> rows;  // cells: {"text", "numeric", "note"}
  std::vector<std::string> notes;
};

json TableView(const Table& table) {
  // A column of numbers has its heading aligned with them (right).
  json headers = json::array();
  for (size_t col = 0; col < table.headers.size(); ++col) {
    bool numeric = col > 0 && !table.rows.empty();
    for (const auto& row : table.rows)
      numeric = numeric && col < row.size() && row[col].value("numeric", false);
    headers.push_back({{"text", table.headers[col]}, {"numeric", numeric}});
  }
  json rows = json::array();
  for (const auto& row : table.rows) {
    json cells = json::array();
    for (size_t cell_idx = 0; cell_idx < row.size(); ++cell_idx) {
      json cell = row[cell_idx];
      cell["row_header"] = cell_idx == 0;
      cells.push_back(cell);
    }
    rows.push_back({{"cells", cells}});
  }
  return {{"kind", "table"}, {"caption", table.caption}, {"headers", headers},
          {"rows", rows},    {"notes", table.notes},     {"has_notes", !table.notes.empty()}};
}

json TextCell(const std::string& text) { return {{"text", text}, {"numeric", false}}; }

// A cell's value for a table: the formatted value, or the marker of why it is hidden.
json ValueCell(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Cell* cell) {
  if (cell == nullptr) return {{"text", "[x]"}, {"numeric", true}, {"note", t("hidden_missing")}};
  if (!cell->Published()) {
    compute::Hidden hidden =
        cell->hidden == compute::Hidden::kNo ? compute::Hidden::kMissing : cell->hidden;
    return {{"text", HiddenMarker(hidden)}, {"numeric", true}, {"note", HiddenLabel(t, hidden)}};
  }
  return {{"text", FormatValue(t, indicator, cell->value)}, {"numeric", true}};
}

json IntervalCell(const i18n::Catalogue& t, const model::Indicator& indicator, const compute::Cell* cell) {
  std::string text = cell && cell->Published()
                         ? FormatInterval(t, indicator, cell->lower95, cell->upper95)
                         : std::string();
  return {{"text", text.empty() ? "–" : text}, {"numeric", true}};
}

std::vector<model::Period> PeriodsOf(const compute::Results& results, uint32_t indicator,
                                     const std::vector<uint32_t>& areas) {
  std::vector<model::Period> periods;
  for (uint32_t area : areas)
    if (const compute::Series* series = results.Find(indicator, area, 0))
      for (const auto& cell : series->cells) periods.push_back(cell.period);
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  return periods;
}

// Notes explaining the markers a table uses.
std::vector<std::string> MarkerNotes(const i18n::Catalogue& t, const Table& table) {
  bool c = false;
  bool x = false;
  for (const auto& row : table.rows)
    for (const auto& cell : row) {
      std::string text = cell.value("text", "");
      c |= text == "[c]";
      x |= text == "[x]";
    }
  std::vector<std::string> notes;
  if (c)
    notes.push_back(t("note_c"));
  if (x) notes.push_back(t("note_x"));
  return notes;
}

// Values of an indicator over time for several areas: one row per period, one column per area.
json TrendTable(const SiteMap& map, uint32_t indicator_idx, const std::vector<uint32_t>& areas,
                const std::string& caption) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const auto& results = map.results();
  Table table;
  table.caption = caption;
  table.headers.push_back(map.site().text("col_period"));
  for (uint32_t area : areas) table.headers.push_back(results.areas[area].name);
  bool has_target = indicator.target.has_value();
  if (has_target) table.headers.push_back(map.site().text("target"));
  for (const auto& period : PeriodsOf(results, indicator_idx, areas)) {
    std::vector<json> row{TextCell(period.Label())};
    for (uint32_t area : areas) row.push_back(ValueCell(map.site().text, indicator, results.CellAt(indicator_idx, area, period)));
    if (has_target) {
      // The value each period is judged against, as the status and the packs use it.
      double reference = NAN;
      compute::TargetReference kind = compute::TargetReference::kNone;
      std::string text = "–";
      if (compute::TargetReferenceFor(indicator, period, reference, kind)) {
        text = FormatValue(map.site().text, indicator, reference);
        if (kind == compute::TargetReference::kTrajectoryStep) text += map.site().text("path_step_mark");
        if (kind == compute::TargetReference::kPassedTarget) text += map.site().text("date_passed_mark");
      }
      row.push_back({{"text", text}, {"numeric", true}});
    }
    table.rows.push_back(row);
  }
  table.notes = MarkerNotes(map.site().text, table);
  const i18n::Catalogue& t = map.site().text;
  table.notes.insert(table.notes.begin(),
                     t("note_unit", {{"unit", UnitLabel(t, indicator)},
                                     {"polarity", PolarityText(t, indicator.polarity)}}));
  if (has_target)
    table.notes.push_back(t(indicator.baseline ? "note_target_baseline" : "note_target",
                            {{"target", TargetBy(t, indicator)},
                             {"baseline", indicator.baseline ? indicator.baseline->Label() : ""}}));
  return TableView(table);
}

// The latest published value of an indicator for each area, with its interval and how it
// compares with the home area.
json ComparisonTable(const SiteMap& map, uint32_t indicator_idx, const std::vector<uint32_t>& areas,
                     const std::string& caption) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const auto& results = map.results();
  std::vector<model::Period> periods = PeriodsOf(results, indicator_idx, areas);
  Table table;
  table.caption = caption;
  int home_comparator = map.ComparatorIndex(map.home());
  const std::string home_name = results.areas[map.home()].name;
  const i18n::Catalogue& t = map.site().text;
  table.headers = {t("col_area"), t("col_value"), t("col_ci"),
                   t("col_compared_with", {{"area", home_name}}), t("col_target_status")};
  // The latest period any of the areas has, so every row is the same year.
  const model::Period* latest = nullptr;
  for (uint32_t area : areas)
    if (const compute::Series* series = results.Find(indicator_idx, area, 0))
      if (const compute::Cell* cell = series->Latest())
        if (!latest || *latest < cell->period) latest = &cell->period;
  if (!latest) return json();
  model::Period period = *latest;
  table.caption += " (" + period.Label() + ")";
  for (uint32_t area : areas) {
    const compute::Cell* cell = results.CellAt(indicator_idx, area, period);
    std::vector<json> row{TextCell(results.areas[area].name), ValueCell(map.site().text, indicator, cell),
                          IntervalCell(map.site().text, indicator, cell)};
    if (cell && cell->Published() && home_comparator >= 0) {
      Badge badge = ComparisonBadge(map.site().text, cell->comparisons[static_cast<size_t>(home_comparator)], home_name);
      if (cell->comparisons[static_cast<size_t>(home_comparator)] == compute::Comparison::kNotCompared)
        badge.label = t("not_compared_because",
                           {{"reason", NotComparedText(t, cell->not_compared[static_cast<size_t>(
                                                              home_comparator)])}});
      row.push_back({{"text", badge.label}, {"numeric", false}, {"badge", BadgeJson(badge)}});
    } else {
      row.push_back(TextCell("–"));
    }
    if (cell && cell->Published()) {
      const Badge badge =
          TargetStatusBadge(map.site().text, map.site().indicators[indicator_idx], *cell);
      row.push_back({{"text", badge.text}, {"numeric", false}, {"badge", BadgeJson(badge)}});
    } else {
      row.push_back(TextCell("–"));
    }
    table.rows.push_back(row);
  }
  table.notes = MarkerNotes(map.site().text, table);
  return TableView(table);
}

// The areas a reader of the home area's figures expects: the home area, the groups and every
// other comparator (the region, England), in the site's order; for a count the home area alone.
std::vector<uint32_t> HeadlineAreas(const SiteMap& map, uint32_t indicator_idx) {
  std::vector<uint32_t> areas{map.home()};
  // A count is shown for one area: set beside another area's it would compare their sizes.
  if (!compute::ComparesAreas(map.site().indicators[indicator_idx])) return areas;
  for (uint32_t group : map.groups()) areas.push_back(group);
  // Every configured comparator (the region as well as England).
  for (uint32_t area : map.results().comparator_areas)
    if (std::find(areas.begin(), areas.end(), area) == areas.end()) areas.push_back(area);
  return areas;
}

// A chart's id prefix ("" for none).
std::string ChartId(const Chart& chart) {
  return std::visit(
      [](const auto& spec) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(spec)>, std::monostate>)
          return std::string();
        else
          return spec.id;
      },
      chart);
}

// The figures a ward's position chart draws: every ward's latest value, highest first.
// A chart with its numbers: the inline SVG (drawn by the HTML writer into the figure's view)
// and the same figures as a table. With no chart (no published figure) only the table is shown.
Figure ChartFigure(Chart spec, json table) {
  Figure figure{{{"kind", "chart"}, {"table", std::move(table)}}, {}};
  if (HasChart(spec)) {
    PlacedChart placed{json::json_pointer(), std::move(spec), "", ""};
    // Take it away: the chart as a standalone SVG file and its table as CSV, written beside
    // the page under the chart's id (render/html writes them; ids are distinct on a page).
    // A sparkline is a word-sized summary beside its table, not a chart to take away: the
    // indicator page has the full chart, with its downloads (and the area page's weight
    // budget has no room for a pair of links per measure more).
    const std::string id = ChartId(placed.chart);
    if (!id.empty() && figure.view["table"].is_object() &&
        !std::holds_alternative<SparklineChart>(placed.chart)) {
      figure.view["downloads"] = {{"svg", id + ".svg"},
                                  {"csv", id + ".csv"},
                                  {"map", std::holds_alternative<ChoroplethMap>(placed.chart)}};
      placed.svg_download = id + ".svg";
      placed.csv_download = id + ".csv";
    }
    figure.charts.push_back(std::move(placed));
  }
  return figure;
}

// A view holding one chart at its root, without downloads (a navigation map, a locator): none
// when there is no chart.
std::optional<Figure> ChartAlone(Chart spec) {
  if (!HasChart(spec)) return std::nullopt;
  Figure figure{json::object(), {}};
  figure.charts.push_back({json::json_pointer(), std::move(spec), "", ""});
  return figure;
}

// A council with more wards than this gets, on each ward page, the ward's rank and its
// neighbours in the ranking instead of a dot and a table row for every ward: all of them on
// every page would make each page as long as the council is large, and the whole site grow
// with the square of it.
constexpr size_t kMaxWardsCompared = 50;
// How many wards either side of the ward its page shows in that case.
constexpr size_t kRankNeighbours = 5;

// "the 4th highest of 1,200", in the catalogue's words.
std::string RankText(const i18n::Catalogue& t, size_t rank, size_t total) {
  if (total == 1) return t("rank_only_ward");
  const std::string place = std::to_string(rank);
  i18n::Args args = {{"joint", ""},
                     {"place", place},
                     {"suffix", base::FormatOrdinal(rank).substr(place.size())},
                     {"total", base::FormatNumber(static_cast<double>(total), 0)}};
  const char* key = rank == 1 ? "rank_highest" : rank == total ? "rank_lowest" : "rank_nth_highest";
  return t("rank_the", {{"rank", t(key, args)}});
}

json PositionTable(SiteMap& map, uint32_t indicator_idx, uint32_t focus) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const auto& results = map.results();
  const compute::Series* focus_series = results.Find(indicator_idx, focus, 0);
  const compute::Cell* latest = focus_series ? focus_series->Latest() : nullptr;
  if (!latest) return json();
  const auto& ranking = map.RankingFor(indicator_idx, latest->period);
  const auto& ranked = ranking.ranked;
  Table table;
  table.caption = map.site().text("position_caption", {{"indicator", indicator.short_title},
                                                        {"area", results.areas[focus].name},
                                                        {"period", latest->period.Label()}});
  bool with_rank = false;
  auto ranked_row = [&](size_t idx) {
    const auto& [value, ward] = ranked[idx];
    std::string name = results.areas[ward].name + (ward == focus ? map.site().text("this_ward_mark") : "");
    std::vector<json> row;
    if (with_rank)
      row.push_back({{"text", base::FormatNumber(static_cast<double>(idx + 1), 0)}, {"numeric", true}});
    row.push_back(TextCell(name));
    row.push_back({{"text", FormatValue(map.site().text, indicator, value)}, {"numeric", true}});
    table.rows.push_back(std::move(row));
  };
  if (ranked.size() + ranking.unpublished.size() <= kMaxWardsCompared) {
    table.headers = {map.site().text("col_ward"), map.site().text("col_value")};
    for (size_t idx = 0; idx < ranked.size(); ++idx) ranked_row(idx);
    for (uint32_t ward : ranking.unpublished)
      table.rows.push_back({TextCell(results.areas[ward].name),
                            ValueCell(map.site().text, indicator, results.CellAt(indicator_idx, ward, latest->period))});
    table.notes = MarkerNotes(map.site().text, table);
    return TableView(table);
  }
  // A large council: the highest, the wards either side of this one, the lowest.
  auto it = ranking.position.find(focus);
  if (it == ranking.position.end()) return json();
  const size_t at = it->second;
  table.caption = map.site().text("position_caption_large",
                                  {{"caption", table.caption},
                                   {"area", results.areas[focus].name},
                                   {"rank", RankText(map.site().text, at + 1, ranked.size())},
                                   {"count", std::to_string(kRankNeighbours)}});
  table.headers = {map.site().text("col_rank"), map.site().text("col_ward"),
                   map.site().text("col_value")};
  with_rank = true;
  const size_t from = at > kRankNeighbours ? at - kRankNeighbours : 0;
  const size_t to = std::min(ranked.size(), at + kRankNeighbours + 1);
  if (from > 0) ranked_row(0);
  for (size_t idx = from; idx < to; ++idx) ranked_row(idx);
  if (to < ranked.size()) ranked_row(ranked.size() - 1);
  if (!ranking.unpublished.empty())
    table.notes.push_back(map.site().text.Count("position_unpublished",
                                                static_cast<int64_t>(ranking.unpublished.size()),
                                                {{"period", latest->period.Label()}}));
  return TableView(table);
}

// The ward among the wards for one indicator: a dot chart with every ward and the table, or
// for a large council the table of its neighbours in the ranking alone. None without a figure.
std::optional<Figure> WardPosition(SiteMap& map, uint32_t indicator_idx, uint32_t ward,
                                   const std::string& id) {
  json table = PositionTable(map, indicator_idx, ward);
  if (table.is_null()) return std::nullopt;
  Chart spec;
  if (map.wards().size() <= kMaxWardsCompared)
    spec = PositionChartSpec(map.site(), map.results(), indicator_idx, ward, map.wards(),
                             "position-" + id);
  return ChartFigure(std::move(spec), std::move(table));
}


Figure TrendFigure(const SiteMap& map, uint32_t indicator_idx, const std::vector<uint32_t>& areas,
                   const std::string& caption, const std::string& id_prefix) {
  return ChartFigure(TrendChartSpec(map.site(), map.results(), indicator_idx, areas, id_prefix),
                     TrendTable(map, indicator_idx, areas, caption));
}

std::map<uint32_t, std::string> WardUrls(const SiteMap& map, const std::string& from) {
  std::map<uint32_t, std::string> urls;
  for (uint32_t ward : map.wards()) urls[ward] = RelativeUrl(from, map.AreaPath(ward));
  return urls;
}

// One indicator's headline row for the home area: latest value, status, trend, comparison.
json IndicatorSummary(const SiteMap& map, const std::string& from, uint32_t indicator_idx,
                      uint32_t area) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const auto& results = map.results();
  json item = {{"id", indicator.id},
               {"title", indicator.short_title},
               {"full_title", indicator.title},
               {"url", RelativeUrl(from, map.IndicatorPath(indicator.id))}};
  const compute::Series* series = results.Find(indicator_idx, area, 0);
  const compute::Cell* latest = series ? series->Latest() : nullptr;
  if (!latest) {
    item["value"] = map.site().text("no_published_figure");
    item["status"] = BadgeJson(TargetStatusBadge(map.site().text, compute::TargetStatus::kNoValue));
    item["trend"] = map.site().text("trend_not_known");
    item["comparison"] =
        BadgeJson(ComparisonBadge(map.site().text, compute::Comparison::kNotCompared, ""));
    return item;
  }
  item["value"] = FormatValue(map.site().text, indicator, latest->value);
  item["period"] = latest->period.Label();
  item["status"] = BadgeJson(TargetStatusBadge(map.site().text, indicator, *latest));
  item["trend"] = TrendLabel(map.site().text, indicator, series->trend);
  int widest = map.WidestComparator();
  int home = map.ComparatorIndex(map.home());
  int benchmark = area == map.home() ? widest : home;
  if (benchmark >= 0) {
    size_t idx = static_cast<size_t>(benchmark);
    item["comparison"] = BadgeJson(ComparisonBadge(
        map.site().text, latest->comparisons[idx], results.areas[results.comparator_areas[idx]].name));
  } else {
    item["comparison"] =
        BadgeJson(ComparisonBadge(map.site().text, compute::Comparison::kNotCompared, ""));
  }
  // Every configured comparator, in the site's order (the area itself left out).
  json comparisons = json::array();
  for (size_t idx = 0; idx < results.comparator_areas.size() && idx < compute::kMaxComparators;
       ++idx) {
    if (results.comparator_areas[idx] == area) continue;
    const std::string& name = results.areas[results.comparator_areas[idx]].name;
    Badge badge = ComparisonBadge(map.site().text, latest->comparisons[idx], name);
    if (latest->comparisons[idx] == compute::Comparison::kNotCompared)
      badge.label =
          latest->not_compared[idx] == compute::NotComparedReason::kNone
              ? map.site().text("not_compared_with", {{"area", name}})
              : map.site().text("not_compared_with_reason",
                                {{"area", name},
                                 {"reason", NotComparedText(map.site().text,
                                                            latest->not_compared[idx])}});
    comparisons.push_back(BadgeJson(badge));
  }
  item["comparisons"] = comparisons;
  if (indicator.target) {
    std::string reference = TargetReferenceText(map.site().text, indicator, *latest);
    item["target"] = reference.empty() ? FormatValue(map.site().text, indicator, indicator.target->value) +
                                             " by " + indicator.target->period.Label()
                                       : reference.substr(reference.find(": ") + 2);
  }
  item["sentences"] = series->sentences;
  item["has_sentences"] = !series->sentences.empty();
  return item;
}

// Counts of indicators by status for an outcome in the home area (for the home page).
json StatusCounts(const SiteMap& map, const model::Outcome& outcome) {
  std::map<compute::TargetStatus, int> counts;
  for (const auto& id : outcome.indicator_ids) {
    auto it = map.site().indicator_index.find(id);
    if (it == map.site().indicator_index.end()) continue;
    const compute::Series* series = map.results().Find(it->second, map.home(), 0);
    const compute::Cell* latest = series ? series->Latest() : nullptr;
    ++counts[latest ? latest->target_status : compute::TargetStatus::kNoValue];
  }
  json list = json::array();
  for (auto status : {compute::TargetStatus::kMet, compute::TargetStatus::kClose,
                      compute::TargetStatus::kNotMet,
                      compute::TargetStatus::kNoTarget, compute::TargetStatus::kNoValue}) {
    if (!counts[status]) continue;
    json badge = BadgeJson(TargetStatusBadge(map.site().text, status));
    badge["count"] = counts[status];
    list.push_back(badge);
  }
  return list;
}

// --- Figures in Markdown ------------------------------------------------------------------

Figure FigureView(const SiteMap& map, const model::FigureSpec& figure, const std::string& from,
                  const std::string& id_prefix) {
  const auto& results = map.results();
  auto indicator_it = map.site().indicator_index.find(figure.indicator);
  // Load has checked the indicator and areas exist.
  uint32_t indicator_idx = indicator_it->second;
  const auto& indicator = map.site().indicators[indicator_idx];
  std::vector<uint32_t> areas;
  for (const auto& code : figure.areas) {
    int32_t area = results.FindArea(code);
    if (area >= 0) areas.push_back(static_cast<uint32_t>(area));
  }
  if ((figure.kind == "status" || figure.kind == "map") && compute::ComparesAreas(indicator)) {
    if (areas.empty()) areas = map.wards();
    json table = ComparisonTable(map, indicator_idx, areas,
                                 map.site().text("caption_by_area", {{"indicator", indicator.short_title}}));
    if (figure.kind == "map")
      return ChartFigure(ChoroplethSpec(map.geometry(), map.site(), results, indicator_idx,
                                        map.wards(), WardUrls(map, from), id_prefix),
                         table);
    return ChartFigure(ComparisonChartSpec(map.site(), results, indicator_idx, areas, map.home(),
                                           id_prefix),
                       table);
  }
  if (areas.empty()) areas = HeadlineAreas(map, indicator_idx);
  if (!compute::ComparesAreas(indicator)) areas.resize(1);  // one area's count, never several
  if (figure.kind == "table") {
    json table = TrendTable(map, indicator_idx, areas,
                            map.site().text("over_time_caption", {{"indicator", indicator.short_title}}));
    return {table, {}};
  }
  return TrendFigure(map, indicator_idx, areas,
                     map.site().text("over_time_caption", {{"indicator", indicator.short_title}}),
                     id_prefix);
}

// The Markdown body of a content page, with its links resolved and figures built.
MarkdownPart BodyPart(SiteMap& map, const model::ContentPage& page, const std::string& from,
                      const std::string& key, const std::string& prefix) {
  MarkdownPart part;
  part.key = key;
  part.prepared = page.prepared;
  part.first_line = page.body_line;
  part.footnote_prefix = prefix;
  for (const auto& link : page.links) {
    const std::string& destination = link.destination;
    // External, mail and in-page links stay as they are.
    if (destination.empty() || destination[0] == '#' ||
        destination.find("://") != std::string::npos || destination.rfind("mailto:", 0) == 0)
      continue;
    std::string target = destination;
    std::string anchor;
    if (size_t hash = target.find('#'); hash != std::string::npos) {
      anchor = target.substr(hash);
      target = target.substr(0, hash);
    }
    std::string resolved = base::ResolveRelativePath(page.path, target);
    std::string output = map.ContentPath(resolved);
    if (output.empty()) continue;  // load has reported links to missing pages
    part.links[destination] = RelativeUrl(from, output) + anchor;
  }
  for (size_t figure_idx = 0; figure_idx < page.figures.size(); ++figure_idx)
    part.figures.push_back(FigureView(map, page.figures[figure_idx], from,
                                      prefix + "figure-" + std::to_string(figure_idx + 1)));
  return part;
}

// --- Page builders ----------------------------------------------------------------------------

// The words for a page's kind of evidence ("" for none).

// An outcome's evidence is what speaks to it or to any of its indicators.
std::vector<std::string> OutcomeEvidenceIds(const model::Outcome& outcome) {
  std::vector<std::string> ids{outcome.id};
  ids.insert(ids.end(), outcome.indicator_ids.begin(), outcome.indicator_ids.end());
  return ids;
}

// Where the whole list of the evidence for an outcome or an indicator is written, when its page
// shows only the newest.
std::string EvidenceListPath(const char* kind, const std::string& id) {
  return PagePath(std::string("library/evidence/") + kind + "/" + id);
}

// The newest of `pages` (evidence, from SiteMap::EvidenceFor), each with its kind and its first
// quote, for a page at `from`: fields "evidence", "has_evidence" and, when some are left out,
// "evidence_more" (a link to the whole list at `all_path`).
void EvidenceList(const SiteMap& map, const std::string& from, const std::vector<size_t>& pages,
                  const std::string& all_path, json& view) {
  json list = json::array();
  for (size_t page_idx : pages) {
    if (list.size() == kShortListItems) break;
    const model::ContentPage& page = map.site().pages[page_idx];
    json item = ContentSummary(map, from, page_idx);
    item["kind"] = EvidenceKindLabel(map.site().text, page.evidence_kind);
    if (!page.quotes.empty())
      item["quote"] = {{"text", page.quotes.front().text}, {"who", page.quotes.front().who}};
    list.push_back(std::move(item));
  }
  view["has_evidence"] = !list.empty();
  view["evidence"] = std::move(list);
  if (pages.size() > kShortListItems)
    view["evidence_more"] = {
        {"url", RelativeUrl(from, all_path)},
        {"text", map.site().text("list_all", {{"count", std::to_string(pages.size())}})}};
}

// "£1,250,000" (whole pounds; pence when there are any).
std::string Money(const i18n::Catalogue& text, double amount) {
  const bool whole = std::fabs(amount - std::round(amount)) < 0.005;
  return text("spend_money", {{"amount", base::FormatNumber(amount, whole ? 0 : 2, true)}});
}

PageView HomePage(SiteMap& map) {
  const std::string path = "index.html";
  const auto& config = map.site().config;
  json view = Layout(map, path, config.title,
                     map.site().text("home_description",
                                     {{"home_area", map.results().areas[map.home()].name}}),
                     {}, "home");
  view["home_area"] = map.results().areas[map.home()].name;
  json outcomes = json::array();
  for (const auto& outcome : map.site().outcomes)
    outcomes.push_back({{"title", outcome.title},
                        {"summary", outcome.summary},
                        {"url", RelativeUrl(path, map.OutcomePath(outcome.id))},
                        {"counts", StatusCounts(map, outcome)},
                        {"indicator_count", outcome.indicator_ids.size()},
                        {"progress_of",
                         map.site().text.Count(
                             "home_progress_of",
                             static_cast<int64_t>(outcome.indicator_ids.size()),
                             {{"home_area", map.results().areas[map.home()].name}})}});
  view["outcomes"] = outcomes;
  json wards = json::array();
  for (uint32_t ward : map.wards())
    wards.push_back(Link(path, map.AreaPath(ward), map.results().areas[ward].name));
  view["wards"] = wards;
  view["areas_url"] = RelativeUrl(path, "areas/index.html");
  view["dashboard_url"] = RelativeUrl(path, "dashboard/index.html");
  // What is spent across the outcomes for the home area in the latest year recorded.
  {
    const std::string& home_code = map.results().areas[map.home()].code;
    std::optional<model::Period> last;
    for (const model::Spending& row : map.site().spending)
      if (row.area == home_code && (!last || *last < row.period)) last = row.period;
    if (last) {
      double total = 0;
      for (const model::Spending& row : map.site().spending)
        if (row.area == home_code && row.period == *last) total += row.amount;
      view["spending"] = map.site().text(
          "home_spend", {{"period", last->Label()},
                         {"amount", Money(map.site().text, total)},
                         {"home_area", map.results().areas[map.home()].name}});
    }
  }
  std::vector<size_t> latest;  // the newest stories and reports (not plain pages)
  for (size_t page_idx : map.published())
    if (map.site().pages[page_idx].type != model::ContentType::kPage && latest.size() < 3)
      latest.push_back(page_idx);
  view["latest"] = ContentList(map, path, latest);
  view["has_latest"] = !latest.empty();
  return MakePage(path, "home", view);
}

PageView OutcomesIndexPage(SiteMap& map) {
  const std::string path = "outcomes/index.html";
  json view = Layout(map, path, map.site().text("nav_outcomes"),
                     map.site().text("outcomes_description"),
                     {{map.site().text("nav_outcomes"), ""}}, "outcomes");
  json outcomes = json::array();
  for (const auto& outcome : map.site().outcomes)
    outcomes.push_back({{"title", outcome.title},
                        {"summary", outcome.summary},
                        {"owner", outcome.owner},
                        {"url", RelativeUrl(path, map.OutcomePath(outcome.id))},
                        {"counts", StatusCounts(map, outcome)}});
  view["outcomes"] = outcomes;
  return MakePage(path, "outcomes", view);
}

// What data/spending.csv records for one area (a ward or a group; the home area's totals are
// on the outcome pages): a row per outcome and year, or null when nothing is recorded.
json AreaSpendingView(const SiteMap& map, uint32_t area_idx) {
  const model::Site& site = map.site();
  if (area_idx == map.home()) return nullptr;
  const std::string& code = map.results().areas[area_idx].code;
  std::map<std::pair<std::string, model::Period>, double> amounts;  // (outcome, year)
  for (const model::Spending& row : site.spending)
    if (row.area == code) amounts[{row.outcome, row.period}] += row.amount;
  if (amounts.empty()) return nullptr;
  json rows = json::array();
  for (const auto& outcome : site.outcomes)
    for (const auto& [key, amount] : amounts)
      if (key.first == outcome.id)
        rows.push_back({{"outcome", outcome.title},
                        {"url", RelativeUrl(map.AreaPath(area_idx), map.OutcomePath(outcome.id))},
                        {"period", key.second.Label()},
                        {"amount", Money(site.text, amount)}});
  return {{"intro", site.text("area_spend_intro",
                              {{"area_name", map.results().areas[area_idx].name}})},
          {"rows", rows}};
}

// The balanced impact assessment of an outcome (issue 12): for each success statement, the
// indicators outcomes.yaml says measure it (with the home area's status), the content pages it
// says speak to it, and in short which of the two there are; then the outcome as a whole, and
// what was spent on it in the latest year. Without success statements, the outcome as a whole
// and a line saying there are none.
json BalanceView(const SiteMap& map, const model::Outcome& outcome, const std::string& path,
                 const json& evidence) {
  const model::Site& site = map.site();
  const i18n::Catalogue& text = site.text;
  json rows = json::array();
  for (const model::StatementGroup& group : outcome.groups)
    for (size_t idx = 0; idx < group.statements.size(); ++idx) {
      const model::StatementLinks links =
          idx < group.links.size() ? group.links[idx] : model::StatementLinks{};
      json measures = json::array();
      for (const std::string& id : links.indicators)
        if (auto it = site.indicator_index.find(id); it != site.indicator_index.end())
          measures.push_back(IndicatorSummary(map, path, it->second, map.home()));
      json voices = json::array();
      for (const std::string& page_path : links.evidence)
        for (size_t page_idx : map.published())
          if (site.pages[page_idx].path == page_path) {
            json item = ContentSummary(map, path, page_idx);
            item["kind"] = EvidenceKindLabel(text, site.pages[page_idx].evidence_kind);
            voices.push_back(std::move(item));
          }
      json spend;
      if (!links.spending.empty())
        if (const auto total = compute::LatestSpend(
                site, map.results().areas[map.home()].code, outcome.id, links.spending))
          spend = text("balance_spend_row",
                       {{"amount", Money(text, total->amount)},
                        {"period", total->period.Label()},
                        {"categories", base::JoinWords(links.spending, text("word_and"))}});
      rows.push_back({{"group", group.title},
                      {"statement", group.statements[idx]},
                      {"measures", measures},
                      {"voices", voices},
                      {"spend", spend},
                      {"verdict", BalanceVerdict(text, !measures.empty(), !voices.empty(), false)}});
    }
  const bool figures = !outcome.indicator_ids.empty();
  const bool voices = !evidence.empty();
  json view = {{"rows", rows}, {"summary", BalanceVerdict(text, figures, voices, true)}};
  if (rows.empty()) view["no_statements"] = text("balance_no_statements");
  if (const auto total =
          compute::LatestSpend(site, map.results().areas[map.home()].code, outcome.id))
    view["spend"] = text("balance_spend", {{"home_area", map.results().areas[map.home()].name},
                                           {"period", total->period.Label()},
                                           {"amount", Money(text, total->amount)}});
  return view;
}

// Did resources follow need? Spend per head on an outcome in the site's target group against
// the rest, year by year (compute::SpendPerHeadFor), with the gap between the two groups in
// each of the outcome's indicators beside it. Null when no year can be worked out.
json SpendPerHeadView(const SiteMap& map, const model::Outcome& outcome) {
  const model::Site& site = map.site();
  const i18n::Catalogue& text = site.text;
  const compute::Results& results = map.results();
  const std::vector<compute::SpendPerHeadYear> years =
      compute::SpendPerHeadFor(site, results, outcome);
  if (years.empty()) return nullptr;
  const std::string& per = outcome.spend_per_head->per;
  const std::string target =
      results.areas[static_cast<size_t>(results.FindArea(site.config.gap_target))].name;
  const std::string rest =
      results.areas[static_cast<size_t>(results.FindArea(site.config.gap_rest))].name;
  auto per_head = [&](double amount) { return Money(text, std::round(amount)); };
  auto people = [](double count) { return base::FormatNumber(count, 0, true); };
  const model::Indicator* population = site.FindIndicator(outcome.spend_per_head->population);
  Table table;
  table.caption = text("per_head_caption", {{"per", per}});
  table.headers = {text("spend_col_year"), text("per_head_col_area"), text("spend_col_amount"),
                   text("per_head_col_people", {{"population", population->population}}),
                   text("per_head_col", {{"per", per}})};
  bool any_derived = false;
  for (const compute::SpendPerHeadYear& year : years) {
    any_derived |= year.rest_derived;
    auto row = [&](const std::string& area, double spend, double count, double each) {
      table.rows.push_back({TextCell(year.period.Label()), TextCell(area),
                            {{"text", Money(text, spend)}, {"numeric", true}},
                            {{"text", people(count)}, {"numeric", true}},
                            {{"text", per_head(each)}, {"numeric", true}}});
    };
    row(target, year.target_spend, year.target_people, year.TargetPerHead());
    row(rest, year.rest_spend, year.rest_people, year.RestPerHead());
  }
  const compute::SpendPerHeadYear& last = years.back();
  const double ratio = last.TargetPerHead() / last.RestPerHead();
  i18n::Args args = {{"period", last.period.Label()},
                     {"per", per},
                     {"target", target},
                     {"rest", rest},
                     {"target_amount", per_head(last.TargetPerHead())},
                     {"rest_amount", per_head(last.RestPerHead())},
                     {"ratio", base::FormatNumber(ratio, 1)}};
  std::string sentence = text("per_head_latest", args);
  // Within a twentieth either way is "about the same".
  sentence += " " + text(ratio >= 1.05   ? "per_head_more"
                         : ratio <= 0.95 ? "per_head_less"
                                         : "per_head_same",
                         args);
  json view = {{"heading", text("per_head_heading")}, {"sentence", sentence}};
  table.notes.push_back(text("per_head_method", {{"per", per},
                                                {"population", population->population},
                                                {"indicator", population->short_title}}));
  if (any_derived)
    table.notes.push_back(text("per_head_rest_derived",
                               {{"rest", rest},
                                {"home_area", results.areas[map.home()].name},
                                {"target", target}}));
  view["table"] = TableView(table);
  // The gap in outcomes beside it: each of the outcome's indicators, the latest period both
  // groups have a published figure.
  json gaps = json::array();
  for (const std::string& id : outcome.indicator_ids) {
    const auto it = site.indicator_index.find(id);
    if (it == site.indicator_index.end()) continue;
    const model::Indicator& indicator = site.indicators[it->second];
    for (const compute::Gap& gap : results.gaps) {
      if (gap.indicator != it->second || gap.points.empty()) continue;
      const compute::GapPoint& point = gap.points.back();
      gaps.push_back(
          {{"url", RelativeUrl(map.OutcomePath(outcome.id), map.IndicatorPath(indicator.id))},
           {"title", indicator.short_title},
           {"text", text(point.significant ? "per_head_gap_real" : "per_head_gap_chance",
                         {{"period", point.period.Label()},
                          {"target", target},
                          {"rest", rest},
                          {"target_value", FormatValue(text, indicator, point.target_value)},
                          {"rest_value", FormatValue(text, indicator, point.rest_value)}})}});
    }
  }
  if (!gaps.empty()) {
    view["gaps"] = gaps;
    view["gaps_lead"] = text("per_head_gaps_lead", {{"target", target}, {"rest", rest}});
  }
  return view;
}

// The resource envelope of an outcome (issue 12): what data/spending.csv records as spent on it
// for the home area — by year, and by partner and by service category for the latest year — or
// null when nothing is recorded. Rows for wards and groups are left out of these totals: they
// may be parts of the council-wide figures.
Figure SpendingView(const SiteMap& map, const model::Outcome& outcome) {
  const model::Site& site = map.site();
  const i18n::Catalogue& text = site.text;
  const std::string& home_code = map.results().areas[map.home()].code;
  std::map<model::Period, double> by_year;
  bool example = false;
  for (const model::Spending& row : site.spending) {
    if (row.outcome != outcome.id) continue;
    example |= row.note.rfind("example", 0) == 0;
    if (row.area == home_code) by_year[row.period] += row.amount;
  }
  Figure spending;
  json& view = spending.view;
  view["per_head"] = SpendPerHeadView(map, outcome);
  if (by_year.empty()) {
    // Spending recorded for the groups only: spend per head alone.
    if (view["per_head"].is_null()) return {};
    if (example) view["example"] = text("spend_example");
    return spending;
  }
  view["intro"] = text("spend_intro", {{"home_area", map.results().areas[map.home()].name}});
  json years = json::array();
  std::vector<MoneyBar> bars;
  Table table;
  table.caption = text("spend_by_year");
  table.headers = {text("spend_col_year"), text("spend_col_amount")};
  for (const auto& [period, amount] : by_year) {
    years.push_back({{"period", period.Label()}, {"amount", Money(text, amount)}});
    bars.push_back({period.Label(), amount, Money(text, amount)});
    table.rows.push_back({TextCell(period.Label()),
                          {{"text", Money(text, amount)}, {"numeric", true}}});
  }
  view["years"] = years;
  const auto& [first_period, first_amount] = *by_year.begin();
  // Named, not a structured binding: lambdas below capture them, which clang 14 refuses.
  const auto& last_period = by_year.rbegin()->first;
  const auto& last_amount = by_year.rbegin()->second;
  if (by_year.size() > 1) {
    i18n::Args args = {{"from", Money(text, first_amount)},
                       {"from_when", first_period.Label()},
                       {"to", Money(text, last_amount)},
                       {"to_when", last_period.Label()}};
    if (first_amount > 0 && std::lround(100 * (last_amount - first_amount) / first_amount) != 0) {
      const long percent = std::lround(100 * (last_amount - first_amount) / first_amount);
      args.emplace_back("percent", std::to_string(std::labs(percent)));
      view["change"] = text(percent > 0 ? "spend_change_up" : "spend_change_down", args);
    } else if (first_amount > 0) {
      view["change"] = text("spend_change_same", args);
    }
  }
  // The latest year by partner and by category: a row per one named, and one for the rest.
  auto breakdown = [&](const std::function<std::string(const model::Spending&)>& label_of,
                       const char* caption_key) -> json {
    std::map<std::string, double> amounts;
    bool any_named = false;
    for (const model::Spending& row : site.spending) {
      if (row.outcome != outcome.id || row.area != home_code || row.period != last_period)
        continue;
      const std::string label = label_of(row);
      any_named |= !label.empty();
      amounts[label] += row.amount;
    }
    if (!any_named) return nullptr;
    std::vector<std::pair<std::string, double>> sorted(amounts.begin(), amounts.end());
    // Largest first; "not recorded" last.
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      if (a.first.empty() != b.first.empty()) return b.first.empty();
      return a.second > b.second;
    });
    json rows = json::array();
    for (const auto& [label, amount] : sorted)
      rows.push_back({{"label", label.empty() ? text("spend_not_recorded") : label},
                      {"amount", Money(text, amount)},
                      {"share", last_amount > 0
                                    ? base::FormatNumber(100 * amount / last_amount, 0) + "%"
                                    : std::string()}});
    return {{"caption", text(caption_key, {{"period", last_period.Label()}})}, {"rows", rows}};
  };
  view["by_partner"] = breakdown(
      [&](const model::Spending& row) {
        for (const auto& partner : site.config.partners)
          if (partner.id == row.partner) return partner.name;
        return std::string();
      },
      "spend_by_partner");
  view["by_category"] =
      breakdown([](const model::Spending& row) { return row.category; }, "spend_by_category");
  const std::string home_name = map.results().areas[map.home()].name;
  const std::string title = text("spend_chart_title", {{"outcome", outcome.title}});
  std::string desc = text("spend_chart_desc", {{"home_area", home_name}});
  if (view.contains("change")) desc += " " + view["change"].get<std::string>();
  Place(view, json::json_pointer(), "figure",
        ChartFigure(MoneyBarsSpec(text, bars, title, desc, text("spend_chart_axis"),
                                  "spend-" + outcome.id),
                    TableView(table)),
        spending.charts);
  if (example) view["example"] = text("spend_example");
  return spending;
}

PageView OutcomePage(SiteMap& map, const model::Outcome& outcome) {
  const std::string path = map.OutcomePath(outcome.id);
  json view = Layout(map, path, outcome.title, outcome.summary,
                     {{map.site().text("nav_outcomes"), "outcomes/index.html"}, {outcome.title, ""}}, "outcomes");
  view["summary"] = outcome.summary;
  view["owner"] = outcome.owner;
  json groups = json::array();
  for (const auto& group : outcome.groups)
    groups.push_back({{"title", group.title}, {"statements", group.statements}});
  view["statement_groups"] = groups;
  view["has_statement_groups"] = !outcome.groups.empty();
  Charts charts;
  json indicators = json::array();
  for (const auto& id : outcome.indicator_ids) {
    auto it = map.site().indicator_index.find(id);
    if (it == map.site().indicator_index.end()) continue;
    json item = IndicatorSummary(map, path, it->second, map.home());
    Place(item, "/indicators"_json_pointer / indicators.size(), "figure",
          TrendFigure(map, it->second, HeadlineAreas(map, it->second),
                      map.site().text("over_time_caption",
                                      {{"indicator", map.site().indicators[it->second].short_title}}),
                      "trend-" + id),
          charts);
    indicators.push_back(item);
  }
  view["indicators"] = indicators;
  view["home_area"] = map.results().areas[map.home()].name;
  Place(view, json::json_pointer(), "spending", SpendingView(map, outcome), charts);
  EvidenceList(map, path, map.EvidenceFor(OutcomeEvidenceIds(outcome)),
               EvidenceListPath("outcomes", outcome.id), view);
  view["balance"] = BalanceView(map, outcome, path, view["evidence"]);
  ShortList(map, path, map.PagesForOutcome(outcome.id), OutcomeListPath(outcome.id), "stories",
            view);
  view["has_stories"] = !view["stories"].empty();
  PageView page = MakePage(path, "outcome", view, std::move(charts));
  if (!outcome.page.empty()) {
    for (const auto& content : map.site().pages)
      if (content.path == outcome.page)
        page.markdown.push_back(BodyPart(map, content, path, "narrative_html", "narrative-"));
  }
  return page;
}

PageView IndicatorsIndexPage(SiteMap& map) {
  const std::string path = "indicators/index.html";
  json view = Layout(map, path, map.site().text("indicators_title"),
                     map.site().text("indicators_description"),
                     {{map.site().text("indicators_title"), ""}}, "outcomes");
  json indicators = json::array();
  for (uint32_t idx = 0; idx < map.site().indicators.size(); ++idx)
    indicators.push_back(IndicatorSummary(map, path, idx, map.home()));
  view["indicators"] = indicators;
  view["home_area"] = map.results().areas[map.home()].name;
  return MakePage(path, "indicators", view);
}

PageView IndicatorPage(SiteMap& map, uint32_t indicator_idx) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const auto& results = map.results();
  const std::string path = map.IndicatorPath(indicator.id);
  // The outcome it belongs to, for the breadcrumb.
  std::vector<Crumb> crumbs{{map.site().text("indicators_title"), "indicators/index.html"}};
  json outcomes = json::array();
  for (const auto& outcome : map.site().outcomes)
    if (std::find(outcome.indicator_ids.begin(), outcome.indicator_ids.end(), indicator.id) !=
        outcome.indicator_ids.end())
      outcomes.push_back(Link(path, map.OutcomePath(outcome.id), outcome.title));
  crumbs.push_back({indicator.short_title, ""});
  json view = Layout(map, path, indicator.title, indicator.short_title, crumbs, "outcomes");
  for (size_t idx = 0; idx < outcomes.size(); ++idx)
    outcomes[idx]["after"] = idx + 2 < outcomes.size() ? ", "
                             : idx + 2 == outcomes.size() ? " " + map.site().text("word_and") + " "
                                                          : "";
  view["outcomes"] = outcomes;
  view["has_outcomes"] = !outcomes.empty();
  view["source"] = indicator.source;
  view["unit"] = UnitLabel(map.site().text, indicator);
  view["polarity"] = PolarityText(map.site().text, indicator.polarity);
  view["period_type"] = std::string(model::PeriodTypeName(indicator.period_type));
  if (indicator.baseline) view["baseline"] = indicator.baseline->Label();
  if (indicator.target) {
    double tolerance = indicator.target->tolerance.value_or(map.site().config.close_tolerance);
    const i18n::Catalogue& t = map.site().text;
    const std::string amount = base::FormatNumber(tolerance, indicator.decimals);
    const std::string within =
        indicator.unit == model::Unit::kPercent ? t("tolerance_points", {{"value", amount}})
        : indicator.unit == model::Unit::kRate
            ? t("tolerance_per", {{"value", amount}, {"per", base::FormatNumber(indicator.per, 0)}})
            : amount;
    view["target"] = t("ind_target_close",
                       {{"target", t("target_by", {{"value", FormatValue(t, indicator, indicator.target->value)},
                                                   {"period", indicator.target->period.Label()}})},
                        {"tolerance", within}});
  }
  switch (indicator.ci_method) {
    case model::CiMethod::kWilson: view["ci_method"] = map.site().text("ci_wilson"); break;
    case model::CiMethod::kByar: view["ci_method"] = map.site().text("ci_byar"); break;
    case model::CiMethod::kGiven: view["ci_method"] = map.site().text("ci_given"); break;
    case model::CiMethod::kNone: view["ci_method"] = map.site().text("ci_none"); break;
  }
  view["print"] = {{"script_url", RelativeUrl(path, "assets/print.js")}};
  view["headline"] = IndicatorSummary(map, path, indicator_idx, map.home());
  Charts charts;
  Place(view, json::json_pointer(), "trend_figure",
        TrendFigure(map, indicator_idx, HeadlineAreas(map, indicator_idx),
                    map.site().text("chart_trend_title",
                                    {{"indicator", indicator.short_title},
                                     {"area", results.areas[map.home()].name}}),
                    "trend"),
        charts);
  std::vector<uint32_t> areas{map.home()};
  for (uint32_t group : map.groups()) areas.push_back(group);
  for (uint32_t ward : map.wards()) areas.push_back(ward);
  json comparison = ComparisonTable(
      map, indicator_idx, areas, map.site().text("caption_by_ward", {{"indicator", indicator.short_title}}));
  view["has_comparison"] = !comparison.is_null();
  if (!comparison.is_null() && !compute::ComparesAreas(indicator)) {
    // Counts: the table alone. Bars ranked by size, a line at the council's total or a map
    // shaded by count would compare areas of different sizes.
    Place(view, json::json_pointer(), "comparison_figure", ChartFigure(Chart(), comparison),
          charts);
  } else if (!comparison.is_null()) {
    std::vector<uint32_t> bars = map.groups();
    bars.insert(bars.end(), map.wards().begin(), map.wards().end());
    Place(view, json::json_pointer(), "comparison_figure",
          ChartFigure(ComparisonChartSpec(map.site(), results, indicator_idx, bars, map.home(),
                                          "compare"),
                      comparison),
          charts);
    Chart ward_map = ChoroplethSpec(map.geometry(), map.site(), results, indicator_idx,
                                    map.wards(), WardUrls(map, path), "ward-map");
    if (HasChart(ward_map)) {
      // The map's figures are the comparison table's: its CSV is that table, its link says so.
      view["ward_map"] = {{"table", view["comparison_figure"]["table"]},
                          {"downloads",
                           {{"svg", "ward-map.svg"}, {"csv", "ward-map.csv"}, {"map", true}}}};
      charts.push_back(
          {"/ward_map"_json_pointer, std::move(ward_map), "ward-map.svg", "ward-map.csv"});
    }
  }
  // The gap between the target wards and the rest.
  for (const auto& gap : results.gaps) {
    if (gap.indicator != indicator_idx || gap.points.empty()) continue;
    int32_t target = results.FindArea(map.site().config.gap_target);
    int32_t rest = results.FindArea(map.site().config.gap_rest);
    Table table;
    table.caption = map.site().text("gap_caption",
                                    {{"target", results.areas[static_cast<size_t>(target)].name},
                                     {"rest", results.areas[static_cast<size_t>(rest)].name}});
    table.headers = {map.site().text("col_period"), results.areas[static_cast<size_t>(target)].name,
                     results.areas[static_cast<size_t>(rest)].name, map.site().text("col_gap"), map.site().text("col_significant")};
    for (const auto& point : gap.points)
      table.rows.push_back({TextCell(point.period.Label()),
                            {{"text", FormatValue(map.site().text, indicator, point.target_value)}, {"numeric", true}},
                            {{"text", FormatValue(map.site().text, indicator, point.rest_value)}, {"numeric", true}},
                            {{"text", base::FormatNumber(point.gap, indicator.decimals)}, {"numeric", true}},
                            TextCell(map.site().text(point.significant ? "word_yes" : "word_no"))});
    switch (gap.change) {
      case compute::GapChange::kNarrowed: table.notes.push_back(map.site().text("gap_narrowed", {{"period", gap.points.front().period.Label()}})); break;
      case compute::GapChange::kWidened: table.notes.push_back(map.site().text("gap_widened", {{"period", gap.points.front().period.Label()}})); break;
      case compute::GapChange::kUnchanged: table.notes.push_back(map.site().text("gap_unchanged", {{"period", gap.points.front().period.Label()}})); break;
      case compute::GapChange::kUnknown: break;
    }
    table.notes.push_back(map.site().text("gap_significant_note"));
    view["gap_table"] = TableView(table);
  }
  view["has_gap"] = view.contains("gap_table");
  view["downloads"] = json::array(
      {Link(path, "downloads/" + indicator.id + ".csv", map.site().text("ind_download_csv")),
       Link(path, "downloads/" + indicator.id + ".json", map.site().text("ind_download_json")),
       Link(path, "downloads/index.html", map.site().text("ind_download_all"))});
  // Full data: every area with a page, every period — for a council with many wards, the
  // borough and its groups (a column per ward would not read; every ward's figure for every
  // period is in the CSV download).
  json full;
  if (map.wards().size() <= kMaxWardsCompared) {
    full = TrendTable(map, indicator_idx, areas,
                      map.site().text("caption_every_period", {{"indicator", indicator.short_title}}));
  } else {
    std::vector<uint32_t> summary{map.home()};
    for (uint32_t group : map.groups()) summary.push_back(group);
    full = TrendTable(map, indicator_idx, summary,
                      map.site().text("caption_groups_every_period",
                                      {{"indicator", indicator.short_title},
                                       {"home_area", results.areas[map.home()].name}}));
    full["notes"].push_back(map.site().text("note_every_ward_in_csv"));
  }
  view["full_table"] = full;
  EvidenceList(map, path, map.EvidenceFor({indicator.id}),
               EvidenceListPath("indicators", indicator.id), view);
  view["has_evidence"] = !view["evidence"].empty();
  PageView page = MakePage(path, "indicator", view, std::move(charts));
  MarkdownPart definition;
  definition.key = "definition_html";
  definition.source = indicator.definition;
  definition.footnote_prefix = "definition-";
  page.markdown.push_back(definition);
  if (!indicator.method.empty()) {
    MarkdownPart method;
    method.key = "method_html";
    method.source = indicator.method;
    method.footnote_prefix = "method-";
    page.markdown.push_back(method);
  }
  return page;
}

json PostcodeFinder(const SiteMap& map, const std::string& path);  // below

PageView AreasIndexPage(SiteMap& map) {
  const std::string path = "areas/index.html";
  json view = Layout(map, path, map.site().text("areas_title"),
                     map.site().text("areas_description",
                                     {{"home_area", map.results().areas[map.home()].name}}),
                     {{map.site().text("nav_areas"), ""}}, "areas");
  view["home_area"] = map.results().areas[map.home()].name;
  auto area_link = [&](uint32_t area) {
    json link = Link(path, map.AreaPath(area), map.results().areas[area].name);
    for (uint32_t group : map.groups()) {
      const auto& members = map.results().areas[group].members;
      if (std::find(members.begin(), members.end(), area) != members.end())
        link["group"] = map.results().areas[group].name;
    }
    return link;
  };
  json wards = json::array();
  for (uint32_t ward : map.wards()) wards.push_back(area_link(ward));
  view["wards"] = wards;
  json groups = json::array();
  for (uint32_t group : map.groups()) groups.push_back(Link(path, map.AreaPath(group), map.results().areas[group].name));
  view["groups"] = groups;
  view["home"] = Link(path, map.AreaPath(map.home()), map.results().areas[map.home()].name);
  view["finder"] = PostcodeFinder(map, path);
  view["compare_url"] = RelativeUrl(path, "compare/index.html");
  Charts charts;
  if (std::optional<Figure> ward_map =
          ChartAlone(AreaFinderMapSpec(map.geometry(), map.site(), map.results(), map.wards(),
                                       WardUrls(map, path), "area-map")))
    Place(view, json::json_pointer(), "ward_map", std::move(*ward_map), charts);
  return MakePage(path, "areas", view, std::move(charts));
}

// --- Site search ----------------------------------------------------------------------------------
//
// search/index.json, written at build time: {"e": [[title, page path from the site root, kind,
// words to match (a summary or definition, at most kSearchTextChars)], ...]}. With JavaScript a
// box in every page's header goes to search/index.html?q=..., where assets/search.js matches
// the query against it. Without it, search/index.html is an A to Z of indicators, outcomes,
// areas and content (one page per letter when there are more than kAzOnOnePage entries).
constexpr size_t kSearchTextChars = 200;
constexpr size_t kAzOnOnePage = 300;
constexpr size_t kAzPerPage = 400;

std::string AsciiLower(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

// Markdown's marks taken out, for words to match: "**in need**" -> "in need".
std::string SearchWords(const std::string& markdown) {
  std::string out;
  bool in_target = false;  // inside a link's "(...)"
  for (size_t idx = 0; idx < markdown.size(); ++idx) {
    const char ch = markdown[idx];
    if (in_target) {
      in_target = ch != ')';
      continue;
    }
    if (ch == ']' && idx + 1 < markdown.size() && markdown[idx + 1] == '(') {
      in_target = true;
      ++idx;
      continue;
    }
    if (std::strchr("*_`#[]>|", ch)) continue;
    const bool space = ch == '\n' || ch == '\t' || ch == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  // Cut at a word, and never inside a UTF-8 sequence; "…" says the text goes on.
  bool cut_short = false;
  if (out.size() > kSearchTextChars) {
    size_t cut = out.rfind(' ', kSearchTextChars);
    if (cut == std::string::npos) {
      cut = kSearchTextChars;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    }
    out.resize(cut);
    cut_short = true;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  if (cut_short && !out.empty()) out += "…";
  return out;
}

struct SearchEntry {
  std::string title;
  std::string path;  // from the site root
  std::string kind;
  std::string words;
};

std::vector<SearchEntry> SearchEntries(const SiteMap& map) {
  const model::Site& site = map.site();
  const i18n::Catalogue& text = site.text;
  std::vector<SearchEntry> entries;
  // An indicator's short title is matched too, and shown as the excerpt's first sentence
  // ("Good level of development. The percentage of ..."), not run into its definition.
  for (const model::Indicator& indicator : site.indicators) {
    std::string words = indicator.short_title;
    if (!words.empty() && !indicator.definition.empty())
      words += std::strchr(".!?:", words.back()) ? " " : ". ";
    words += indicator.definition;
    entries.push_back({indicator.title, map.IndicatorPath(indicator.id),
                       text("search_kind_indicator"), SearchWords(words)});
  }
  for (const model::Outcome& outcome : site.outcomes)
    entries.push_back({outcome.title, map.OutcomePath(outcome.id), text("search_kind_outcome"),
                       SearchWords(outcome.summary)});
  std::vector<uint32_t> areas{map.home()};
  areas.insert(areas.end(), map.groups().begin(), map.groups().end());
  areas.insert(areas.end(), map.wards().begin(), map.wards().end());
  for (uint32_t area : areas)
    if (!map.AreaPath(area).empty())
      entries.push_back({map.results().areas[area].name, map.AreaPath(area),
                         text(map.results().areas[area].is_group ? "search_kind_group"
                              : area == map.home()               ? "search_kind_council"
                                                                 : "search_kind_ward"),
                         ""});
  for (size_t page_idx : map.published()) {
    const model::ContentPage& page = site.pages[page_idx];
    entries.push_back({page.title, map.ContentPath(page.path),
                       ContentTypeLabel(text, page.type, false), SearchWords(page.summary)});
  }
  return entries;
}

// The letter an entry is filed under: its title's first letter, upper case; "#" for others.
std::string AzLetter(const std::string& title) {
  for (char ch : title)
    if (std::isalpha(static_cast<unsigned char>(ch)))
      return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    else if (static_cast<unsigned char>(ch) >= 0x80 || std::isdigit(static_cast<unsigned char>(ch)))
      break;
  return "#";
}

void SearchPages(SiteMap& map, const std::function<void(PageView&&)>& emit) {
  const i18n::Catalogue& text = map.site().text;
  std::vector<SearchEntry> entries = SearchEntries(map);
  // The index the script reads.
  json list = json::array();
  for (const SearchEntry& entry : entries)
    list.push_back(json::array({entry.title, entry.path, entry.kind, entry.words}));
  PageView index;
  index.path = "search/index.json";
  index.raw = json({{"e", list}}).dump();
  emit(std::move(index));

  // The A to Z, by letter, titles in order.
  std::stable_sort(entries.begin(), entries.end(), [](const SearchEntry& a, const SearchEntry& b) {
    return AsciiLower(a.title) < AsciiLower(b.title);
  });
  std::map<std::string, std::vector<const SearchEntry*>> letters;
  for (const SearchEntry& entry : entries) letters[AzLetter(entry.title)].push_back(&entry);
  const bool one_page = entries.size() <= kAzOnOnePage;
  const std::string path = "search/index.html";
  const std::string title = text("search_title");
  auto letter_path = [](const std::string& letter) {
    return "search/" + (letter == "#" ? std::string("other") : AsciiLower(letter)) +
           "/index.html";
  };
  auto items = [&](const std::string& from, const std::vector<const SearchEntry*>& members) {
    json out = json::array();
    for (const SearchEntry* entry : members)
      out.push_back({{"url", RelativeUrl(from, entry->path)},
                     {"label", entry->title},
                     {"kind", entry->kind}});
    return out;
  };
  json letter_links = json::array();
  json sections = json::array();
  for (const auto& [letter, members] : letters) {
    const std::string anchor = "az-" + (letter == "#" ? std::string("other") : AsciiLower(letter));
    letter_links.push_back({{"label", letter},
                            {"url", one_page ? "#" + anchor : RelativeUrl(path, letter_path(letter))}});
    if (one_page) {
      sections.push_back({{"letter", letter}, {"anchor", anchor}, {"items", items(path, members)}});
      continue;
    }
    // A letter's entries, kAzPerPage to a page (letter/, letter/page/2/, ...), so no page
    // outgrows the page budget.
    const size_t count = (members.size() + kAzPerPage - 1) / kAzPerPage;
    for (size_t number = 1; number <= count; ++number) {
      const std::string page_path = ListPagePath(letter_path(letter), number);
      const std::string page_title =
          count == 1 ? text("search_letter_title", {{"letter", letter}})
                     : text("search_letter_page_title",
                            {{"letter", letter},
                             {"number", std::to_string(number)},
                             {"count", std::to_string(count)}});
      json view = Layout(map, page_path, page_title, text("search_description"),
                         {{title, path}, {page_title, ""}}, "");
      const size_t begin = (number - 1) * kAzPerPage;
      view["items"] = items(page_path, std::vector<const SearchEntry*>(
                                           members.begin() + static_cast<std::ptrdiff_t>(begin),
                                           members.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                                 members.size(), begin + kAzPerPage))));
      json pages = json::array();
      for (size_t other = 1; other <= count && count > 1; ++other) {
        json item = {{"number", other}, {"current", other == number}};
        if (other != number)
          item["url"] = RelativeUrl(page_path, ListPagePath(letter_path(letter), other));
        pages.push_back(item);
      }
      view["pages"] = pages;
      view["has_pages"] = count > 1;
      emit(MakePage(page_path, "search-letter", view));
    }
  }
  json view = Layout(map, path, title, text("search_description"), {{title, ""}}, "");
  view["letters"] = letter_links;
  view["sections"] = sections;
  view["index_url"] = RelativeUrl(path, "search/index.json");
  view["words"] = json({{"results_one", text.Count("search_results", 1, "{count}", {{"query", "{query}"}})},
                        {"results_other", text.Count("search_results", 2, "{count}", {{"query", "{query}"}})},
                        {"none", text("search_none", {{"query", "{query}"}})},
                        {"short", text("search_short")},
                        {"error", text("search_error")}});
  emit(MakePage(path, "search", view));
}

// --- Postcode finder ----------------------------------------------------------------------------
//
// With site.yaml's postcodes: a finder at postcodes/index.html. With JavaScript, a postcode box
// (partials/postcode-finder, assets/finder.js) fetches its district's shard,
// postcodes/data/<district>.json: {"w": [[ward name, page path from the site root, or "" for
// a ward the site does not have], ...], "p": {inward code: index into "w"}}, and goes to the
// ward's page. Without it, a page per postcode district lists its sectors and their wards, and
// a page per sector lists each ward's postcodes.

// "SS0" for "SS00AA"; "0" (the sector's digit) and "0AA" (the inward code).
std::string Outward(const std::string& code) { return code.substr(0, code.size() - 3); }
std::string Inward(const std::string& code) { return code.substr(code.size() - 3); }
std::string SectorOf(const std::string& code) { return Outward(code) + " " + code[code.size() - 3]; }

// Postcode districts in their natural order: SS0, SS1, SS2, ..., SS9, SS22, SS99.
bool DistrictBefore(const std::string& a, const std::string& b) {
  auto split = [](const std::string& district) {
    size_t letters = 0;
    while (letters < district.size() && std::isalpha(static_cast<unsigned char>(district[letters])))
      ++letters;
    size_t digits = letters;
    while (digits < district.size() && std::isdigit(static_cast<unsigned char>(district[digits])))
      ++digits;
    return std::tuple(district.substr(0, letters), std::stoi("0" + district.substr(letters, digits - letters)),
                      district.substr(digits));
  };
  return split(a) < split(b);
}

std::string Lowered(std::string text) {
  for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

std::string PostcodeIndexPath() { return "postcodes/index.html"; }
std::string DistrictPath(const std::string& district) {
  return "postcodes/" + Lowered(district) + "/index.html";
}
std::string SectorPath(const std::string& sector) {  // "SS0 0"
  const std::string district = sector.substr(0, sector.find(' '));
  return "postcodes/" + Lowered(district) + "/" + Lowered(district) + "-" +
         sector.substr(sector.find(' ') + 1) + "/index.html";
}

// The finder box's view for a page at `path` (the messages its script shows, in the site's
// language), or null when the site has no postcode lookup.
json PostcodeFinder(const SiteMap& map, const std::string& path) {
  if (map.site().postcodes.empty()) return nullptr;
  const i18n::Catalogue& text = map.site().text;
  return {{"root", RelativeUrl(path, "index.html").substr(0, RelativeUrl(path, "index.html").size() -
                                                                 std::string("index.html").size())},
          {"shards", RelativeUrl(path, "postcodes/data/x.json").substr(
                         0, RelativeUrl(path, "postcodes/data/x.json").size() - 6)},
          {"script", RelativeUrl(path, "assets/finder.js")},
          {"all_url", RelativeUrl(path, PostcodeIndexPath())},
          {"messages",
           {{"invalid", text("finder_invalid")},
            {"looking", text("finder_looking")},
            {"unknown", text("finder_unknown")},
            {"outside", text("finder_outside")},
            {"error", text("finder_error")}}}};
}

// The ward page path (from the site root) for a ward code, or "" when the site has no page for
// it.
std::string WardPagePath(const SiteMap& map, const std::string& code) {
  const int32_t area = map.results().FindArea(code);
  if (area < 0) return "";
  const auto& wards = map.wards();
  if (std::find(wards.begin(), wards.end(), static_cast<uint32_t>(area)) == wards.end()) return "";
  return map.AreaPath(static_cast<uint32_t>(area));
}

void PostcodePages(SiteMap& map, const std::function<void(PageView&&)>& emit) {
  const model::Site& site = map.site();
  if (site.postcodes.empty()) return;
  const i18n::Catalogue& text = site.text;
  // District -> its postcodes (indices into site.postcodes, in code order).
  std::map<std::string, std::vector<size_t>, decltype(&DistrictBefore)> districts(&DistrictBefore);
  for (size_t idx = 0; idx < site.postcodes.size(); ++idx)
    districts[Outward(site.postcodes[idx].code)].push_back(idx);
  // Ward code -> (name, page path); the same for every page.
  std::map<std::string, std::pair<std::string, std::string>> wards;
  for (const model::Postcode& postcode : site.postcodes)
    if (!wards.count(postcode.ward)) {
      const std::string page = WardPagePath(map, postcode.ward);
      const int32_t area = map.results().FindArea(postcode.ward);
      wards[postcode.ward] = {
          page.empty() || area < 0 ? postcode.ward : map.results().areas[static_cast<size_t>(area)].name,
          page};
    }
  const std::string finder_title = text("finder_title");
  const Crumb areas_crumb{text("nav_areas"), "areas/index.html"};

  // The finder: the box, and every district.
  {
    const std::string path = PostcodeIndexPath();
    json view = Layout(map, path, finder_title, text("finder_description"),
                       {areas_crumb, {finder_title, ""}}, "areas");
    view["finder"] = PostcodeFinder(map, path);
    json list = json::array();
    for (const auto& [district, members] : districts)
      list.push_back(Link(path, DistrictPath(district), district));
    view["districts"] = list;
    emit(MakePage(path, "postcodes", view));
  }
  for (const auto& [district, members] : districts) {
    // Sector -> ward code -> postcodes.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> sectors;
    for (size_t idx : members)
      sectors[SectorOf(site.postcodes[idx].code)][site.postcodes[idx].ward].push_back(
          model::DisplayPostcode(site.postcodes[idx].code));
    const std::string district_path = DistrictPath(district);
    const std::string district_title = text("finder_district_title", {{"district", district}});
    json sector_list = json::array();
    for (const auto& [sector, by_ward] : sectors) {
      // The sector's page: each ward with its postcodes; wards of other areas last.
      const std::string path = SectorPath(sector);
      const std::string title = text("finder_sector_title", {{"sector", sector}});
      json view = Layout(map, path, title, text("finder_sector_description", {{"sector", sector}}),
                         {areas_crumb, {finder_title, PostcodeIndexPath()},
                          {district_title, district_path}, {title, ""}},
                         "areas");
      json ward_items = json::array();
      json outside = json::array();
      std::vector<std::string> names;
      for (const auto& [code, postcodes] : by_ward) {
        const auto& [name, page] = wards[code];
        json item = {{"name", name},
                     {"postcodes", postcodes},
                     {"count", text.Count("finder_postcode_count",
                                          static_cast<int64_t>(postcodes.size()))}};
        if (page.empty()) {
          item["code"] = code;
          outside.push_back(std::move(item));
        } else {
          item["url"] = RelativeUrl(path, page);
          ward_items.push_back(std::move(item));
          names.push_back(name);
        }
      }
      view["wards"] = ward_items;
      view["outside"] = outside;
      view["has_outside"] = !outside.empty();
      view["finder"] = PostcodeFinder(map, path);
      emit(MakePage(path, "postcode-sector", view));
      sector_list.push_back({{"url", RelativeUrl(district_path, path)},
                             {"label", sector},
                             {"wards", base::JoinWords(names, text("word_and"))},
                             {"outside", !outside.empty()}});
    }
    json view = Layout(map, district_path, district_title,
                       text("finder_district_description", {{"district", district}}),
                       {areas_crumb, {finder_title, PostcodeIndexPath()}, {district_title, ""}},
                       "areas");
    view["sectors"] = sector_list;
    view["finder"] = PostcodeFinder(map, district_path);
    emit(MakePage(district_path, "postcode-district", view));

    // The shard the script reads.
    json ward_list = json::array();
    std::map<std::string, size_t> ward_index;
    json lookup = json::object();
    for (size_t idx : members) {
      const model::Postcode& postcode = site.postcodes[idx];
      auto [it, added] = ward_index.emplace(postcode.ward, ward_list.size());
      if (added) {
        const auto& [name, page] = wards[postcode.ward];
        ward_list.push_back(json::array({name, page}));
      }
      lookup[Inward(postcode.code)] = it->second;
    }
    PageView shard;
    shard.path = "postcodes/data/" + Lowered(district) + ".json";
    shard.raw = json({{"w", ward_list}, {"p", lookup}}).dump();
    emit(std::move(shard));
  }
}

// Worst first: not met, close, met, then no target and no figure; within a status, worse than
// the benchmark first.
int StatusRank(compute::TargetStatus status) {
  switch (status) {
    case compute::TargetStatus::kNotMet: return 0;
    case compute::TargetStatus::kClose: return 1;
    case compute::TargetStatus::kMet: return 2;
    case compute::TargetStatus::kNoTarget: return 3;
    case compute::TargetStatus::kNoValue: return 4;
  }
  return 4;
}

int ComparisonRank(const std::string& key) {
  if (key == "worse") return 0;
  if (key == "better") return 2;
  if (key == "not-compared") return 3;
  return 1;
}

std::string Plural(size_t count, const std::string& one, const std::string& many) {
  return base::FormatNumber(static_cast<double>(count), 0) + " " + (count == 1 ? one : many);
}

// "Of 14 measures, Kursaal meets 3 targets, is close on 2 and has not met 5; 4 have no target
// and 1 has no published figure."
std::string SummarySentence(const i18n::Catalogue& t, const std::string& area_name,
                            const std::map<compute::TargetStatus, size_t>& counts, size_t total) {
  auto count = [&](const char* key, size_t n) { return t.Count(key, static_cast<int64_t>(n)); };
  auto count_of = [&](compute::TargetStatus status) {
    auto it = counts.find(status);
    return it == counts.end() ? size_t{0} : it->second;
  };
  std::vector<std::string> judged;
  if (size_t met = count_of(compute::TargetStatus::kMet))
    judged.push_back(count("summary_meets", met));
  if (size_t close = count_of(compute::TargetStatus::kClose))
    judged.push_back(count("summary_close", close));
  if (size_t not_met = count_of(compute::TargetStatus::kNotMet))
    judged.push_back(count("summary_not_met", not_met));
  std::vector<std::string> others;
  if (size_t none = count_of(compute::TargetStatus::kNoTarget))
    others.push_back(count("summary_no_target", none));
  if (size_t no_value = count_of(compute::TargetStatus::kNoValue))
    others.push_back(count("summary_no_figure", no_value));
  const std::string of = count("summary_of", total);
  const std::string rest = JoinWords(t, others);
  if (judged.empty())
    return t(others.empty() ? "summary_none_judged" : "summary_none_judged_rest",
             {{"of", of}, {"area", area_name}, {"rest", rest}});
  return t(others.empty() ? "summary_judged" : "summary_judged_rest",
           {{"of", of}, {"area", area_name}, {"judged", JoinWords(t, judged)}, {"rest", rest}});
}

// "one of the Better Start wards", "one of the wards in the rest of Southend".
std::string GroupPhrase(const i18n::Catalogue& t, const std::string& group) {
  auto lower = [](std::string text) {
    for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
  };
  std::string name = lower(group);
  if (name.size() >= 6 && name.compare(name.size() - 6, 6, " wards") == 0) return t("group_one_of_the");
  for (const char* common : {"rest ", "other ", "remaining "})
    if (name.rfind(common, 0) == 0) return t("group_one_of_wards_in_the");
  return t("group_one_of_wards_in");
}

// --- Comparing two areas ------------------------------------------------------------------------

// What an area's page offers to compare it with, as static pages: a ward its council and the
// groups it is in; a group its council. Only areas with pages.
std::vector<uint32_t> CompareWith(const SiteMap& map, uint32_t area_idx) {
  std::vector<uint32_t> others;
  if (area_idx == map.home()) return others;
  others.push_back(map.home());
  if (!map.results().areas[area_idx].is_group)
    for (uint32_t group : map.GroupsOf(area_idx)) others.push_back(group);
  std::erase_if(others, [&](uint32_t other) { return map.AreaPath(other).empty(); });
  return others;
}

// areas/<area>/compare/<other>/index.html
std::string ComparePath(const SiteMap& map, uint32_t area_idx, uint32_t other) {
  const std::string page = map.AreaPath(area_idx);
  const std::string other_page = map.AreaPath(other);
  const std::string folder = page.substr(0, page.size() - std::string("index.html").size());
  const std::string other_folder =
      other_page.substr(0, other_page.size() - std::string("/index.html").size());
  return folder + "compare/" + other_folder.substr(other_folder.rfind('/') + 1) + "/index.html";
}

// Two areas side by side: for each indicator that compares areas (rates and percentages), the
// latest period both have a published figure for, both figures with their intervals, the
// difference and whether it is more than chance would explain. Counts are named, not compared.
PageView ComparePage(SiteMap& map, uint32_t area_idx, uint32_t other) {
  const auto& results = map.results();
  const i18n::Catalogue& text = map.site().text;
  const std::string& name = results.areas[area_idx].name;
  const std::string& other_name = results.areas[other].name;
  const std::string path = ComparePath(map, area_idx, other);
  const std::string title = text("compare_title", {{"area", name}, {"other", other_name}});
  json view = Layout(map, path, title,
                     text("compare_description", {{"area", name}, {"other", other_name}}),
                     {{text("nav_areas"), "areas/index.html"},
                      {name, map.AreaPath(area_idx)},
                      {title, ""}},
                     "areas");
  view["area_url"] = RelativeUrl(path, map.AreaPath(area_idx));
  view["other_url"] = RelativeUrl(path, map.AreaPath(other));
  view["area_name"] = name;
  view["other_name"] = other_name;
  json rows = json::array();
  std::vector<std::string> counts;
  size_t apart = 0;
  for (uint32_t indicator_idx = 0; indicator_idx < map.site().indicators.size(); ++indicator_idx) {
    const model::Indicator& indicator = map.site().indicators[indicator_idx];
    if (!compute::ComparesAreas(indicator)) {
      counts.push_back(indicator.short_title);
      continue;
    }
    const compute::Series* series = results.Find(indicator_idx, area_idx, 0);
    const compute::Series* other_series = results.Find(indicator_idx, other, 0);
    if (!series || !other_series) continue;
    // The latest period both publish.
    const compute::Cell* cell = nullptr;
    const compute::Cell* other_cell = nullptr;
    for (auto it = series->cells.rbegin(); it != series->cells.rend() && !cell; ++it) {
      if (!it->Published()) continue;
      for (const compute::Cell& candidate : other_series->cells)
        if (candidate.period == it->period && candidate.Published()) {
          cell = &*it;
          other_cell = &candidate;
        }
    }
    if (!cell) continue;
    const double difference = base::RoundTo(cell->value, indicator.decimals) -
                              base::RoundTo(other_cell->value, indicator.decimals);
    const bool has_intervals = model::Has(cell->lower95) && model::Has(other_cell->lower95);
    const bool differs = compute::IntervalsApart(*cell, *other_cell);
    apart += differs ? 1 : 0;
    rows.push_back(
        {{"title", indicator.short_title},
         {"url", RelativeUrl(path, map.IndicatorPath(indicator.id))},
         {"period", cell->period.Label()},
         {"value", FormatValue(text, indicator, cell->value)},
         {"interval", FormatInterval(text, indicator, cell->lower95, cell->upper95)},
         {"other_value", FormatValue(text, indicator, other_cell->value)},
         {"other_interval",
          FormatInterval(text, indicator, other_cell->lower95, other_cell->upper95)},
         {"difference", (difference > 0 ? "+" : "") +
                            base::FormatNumber(difference, indicator.decimals) +
                            (indicator.unit == model::Unit::kPercent
                                 ? " " + text("compare_points")
                                 : std::string())},
         {"verdict", text(!has_intervals ? "compare_no_intervals"
                          : differs      ? "compare_apart"
                                         : "compare_chance")},
         {"apart", differs}});
  }
  json notes = json::array({text("compare_note")});
  if (!counts.empty())
    notes.push_back(
        text("compare_counts", {{"indicators", base::JoinWords(counts, text("word_and"))}}));
  view["summary"] = text.Count("compare_summary", static_cast<int64_t>(apart),
                               {{"total", std::to_string(rows.size())},
                                {"area", name},
                                {"other", other_name}});
  view["col_difference"] =
      text("compare_col_difference", {{"area", name}, {"other", other_name}});
  view["rows"] = rows;
  view["notes"] = notes;
  view["has_rows"] = !rows.empty();
  return MakePage(path, "compare", view);
}

// Any two areas side by side, with JavaScript (compare/index.html and assets/compare.js): the
// page lists every area with a page by kind; the script fetches the two chosen areas' files,
// compare/data/<slug>.json = {"name", "kind", "figures": {indicator id: [[period, value (as
// published, rounded), lower, upper (or null), value text, interval text], ...]}} (rates and
// percentages only, published figures only, oldest first), and sets them out as the static
// comparison pages do: the latest period both have, the difference, and whether the 95%
// intervals overlap. Without JavaScript the page lists the static comparisons.
std::string CompareDataPath(const SiteMap& map, uint32_t area_idx) {
  const std::string page = map.AreaPath(area_idx);
  const std::string folder = page.substr(0, page.size() - std::string("/index.html").size());
  return "compare/data/" + folder.substr(folder.rfind('/') + 1) + ".json";
}

// Above this many areas the page's two lists would outgrow the page budget (a national site):
// no form then, only the way to each area's own comparisons.
constexpr size_t kMaxCompareChoices = 500;

void CompareAnyPages(SiteMap& map, const std::function<void(PageView&&)>& emit) {
  const auto& results = map.results();
  const model::Site& site = map.site();
  const i18n::Catalogue& text = site.text;
  const std::string path = "compare/index.html";
  std::vector<std::pair<std::string, std::vector<uint32_t>>> kinds = {
      {text("compare_kind_wards"), map.wards()},
      {text("compare_kind_groups"), map.groups()},
      {text("compare_kind_council"), {map.home()}}};
  json view = Layout(map, path, text("compare_any_title"), text("compare_any_description"),
                     {{text("nav_areas"), "areas/index.html"}, {text("compare_any_title"), ""}},
                     "areas");
  json groups = json::array();
  size_t choices = 0;
  for (const auto& kind : kinds) choices += kind.second.size();
  const bool form = choices <= kMaxCompareChoices;
  for (const auto& [label, areas] : kinds) {
    json options = json::array();
    for (uint32_t area : areas) {
      if (map.AreaPath(area).empty()) continue;
      options.push_back({{"name", results.areas[area].name},
                         {"data", RelativeUrl(path, CompareDataPath(map, area))}});
      if (!form) continue;
      // The area's figures, for the script.
      json figures = json::object();
      for (uint32_t indicator_idx = 0; indicator_idx < site.indicators.size(); ++indicator_idx) {
        const model::Indicator& indicator = site.indicators[indicator_idx];
        if (!compute::ComparesAreas(indicator)) continue;
        const compute::Series* series = results.Find(indicator_idx, area, 0);
        if (!series) continue;
        json cells = json::array();
        for (const compute::Cell& cell : series->cells) {
          if (!cell.Published()) continue;
          const bool interval = model::Has(cell.lower95) && model::Has(cell.upper95);
          cells.push_back(json::array(
              {cell.period.Label(), base::RoundTo(cell.value, indicator.decimals),
               interval ? json(cell.lower95) : json(nullptr),
               interval ? json(cell.upper95) : json(nullptr),
               FormatValue(text, indicator, cell.value),
               FormatInterval(text, indicator, cell.lower95, cell.upper95)}));
        }
        if (!cells.empty()) figures[indicator.id] = cells;
      }
      PageView data;
      data.path = CompareDataPath(map, area);
      data.raw = json({{"name", results.areas[area].name}, {"kind", label}, {"figures", figures}})
                     .dump();
      emit(std::move(data));
    }
    if (!options.empty()) groups.push_back({{"label", label}, {"options", options}});
  }
  view["kinds"] = groups;
  view["form"] = form;
  view["areas_url"] = RelativeUrl(path, "areas/index.html");
  // What the script needs to lay the table out as the static pages do.
  json indicators = json::array();
  for (const model::Indicator& indicator : site.indicators)
    if (compute::ComparesAreas(indicator))
      indicators.push_back({{"id", indicator.id},
                            {"title", indicator.short_title},
                            {"url", RelativeUrl(path, map.IndicatorPath(indicator.id))},
                            {"decimals", indicator.decimals},
                            {"points", indicator.unit == model::Unit::kPercent}});
  view["script"] = RelativeUrl(path, "assets/compare.js");
  // The words with their placeholders kept, for the script to fill in.
  const i18n::Args keep = {{"area", "{area}"}, {"other", "{other}"}, {"total", "{total}"}};
  json setup = json({{"indicators", indicators},
                        {"words",
                         {{"period", text("col_period")},
                          {"indicator", text("col_indicator")},
                          {"difference", text("compare_col_difference", keep)},
                          {"chance", text("compare_col_chance")},
                          {"points", text("compare_points")},
                          {"apart", text("compare_apart")},
                          {"could_be_chance", text("compare_chance")},
                          {"no_intervals", text("compare_no_intervals")},
                          {"title", text("compare_title", keep)},
                          {"summary_one", text.Count("compare_summary", 1, "{count}", keep)},
                          {"summary_other", text.Count("compare_summary", 2, "{count}", keep)},
                          {"none", text("compare_none")},
                          {"same", text("compare_any_same")},
                          {"kinds", text("compare_any_kinds")},
                          {"error", text("compare_any_error")}}}});
  // Inline in a <script type="application/json">: no "<" may end the element early, whatever
  // an indicator's title says.
  std::string setup_json;
  for (char ch : setup.dump())
    setup_json += ch == '<' ? std::string("\\u003c") : ch == '>' ? std::string("\\u003e")
                : ch == '&' ? std::string("\\u0026") : std::string(1, ch);
  view["setup_json"] = setup_json;
  emit(MakePage(path, "compare-any", view));
}

// The area's profile at a glance: the spine chart of every measure of the page against the
// wards of the council, and its table (the same rows; counts and measures with too few ward
// figures in the table only). None when the area has no published figure at all.
std::optional<Figure> AreaSpineFigure(const SiteMap& map, uint32_t area_idx,
                                      uint32_t benchmark_area) {
  const auto& results = map.results();
  const i18n::Catalogue& t = map.site().text;
  std::vector<uint32_t> indicators;
  for (const auto& outcome : map.site().outcomes)
    for (const auto& id : outcome.indicator_ids)
      if (auto it = map.site().indicator_index.find(id); it != map.site().indicator_index.end())
        indicators.push_back(it->second);
  Chart chart = SpineChartSpec(map.site(), results, area_idx, map.wards(), benchmark_area,
                               indicators, "spine");
  if (!HasChart(chart)) return std::nullopt;
  const SpineChart& spec = std::get<SpineChart>(chart);
  const std::string& name = results.areas[area_idx].name;
  const bool has_benchmark = benchmark_area != area_idx;
  const std::string& benchmark_name = results.areas[benchmark_area].name;
  Table table;
  table.caption = t("spine_caption", {{"area", name}});
  table.headers = {t("col_measure"), t("col_period"), name};
  if (has_benchmark) table.headers.push_back(benchmark_name);
  for (const char* key : {"spine_col_lowest", "spine_col_q1", "spine_col_q3", "spine_col_highest"})
    table.headers.push_back(t(key));
  table.headers.push_back(has_benchmark ? t("col_compared_with", {{"area", benchmark_name}})
                                        : t("compared"));
  auto number = [](const std::string& text) { return json{{"text", text}, {"numeric", true}}; };
  for (const SpineRow& row : spec.rows) {
    const SpineTexts& texts = row.texts;
    std::vector<json> cells{TextCell(row.indicator), TextCell(row.period), number(texts.value)};
    if (has_benchmark) cells.push_back(number(texts.benchmark_value));
    for (const std::string* text : {&texts.min, &texts.q1, &texts.q3, &texts.max})
      cells.push_back(number(*text));
    // In words: the chart gives it a shape and colour (the words alone keep the page light).
    cells.push_back(TextCell(row.comparison.label));
    table.rows.push_back(std::move(cells));
  }
  for (const SpineListed& row : spec.listed) {
    std::vector<json> cells{TextCell(row.indicator), TextCell(row.period), number(row.text)};
    for (size_t col = has_benchmark ? 0 : 1; col < 5; ++col) cells.push_back(number("–"));
    cells.push_back(TextCell(row.reason));
    table.rows.push_back(std::move(cells));
  }
  if (spec.rows.empty()) chart = Chart();  // nothing to draw: the table alone
  return ChartFigure(std::move(chart), TableView(table));
}

PageView AreaPage(SiteMap& map, uint32_t area_idx) {
  const auto& results = map.results();
  const auto& area = results.areas[area_idx];
  const std::string path = map.AreaPath(area_idx);
  const bool is_ward = !area.is_group && area_idx != map.home();
  json view = Layout(map, path, area.name,
                     map.site().text("area_description", {{"area_name", area.name}}),
                     {{map.site().text("nav_areas"), "areas/index.html"}, {area.name, ""}}, "areas");
  view["area_name"] = area.name;
  view["print"] = {{"script_url", RelativeUrl(path, "assets/print.js")}};
  view["is_group"] = area.is_group;
  view["is_home"] = area_idx == map.home();
  view["home_area"] = results.areas[map.home()].name;
  if (area.is_group) {
    json members = json::array();
    for (size_t idx = 0; idx < area.members.size(); ++idx) {
      uint32_t member = area.members[idx];
      json link = Link(path, map.AreaPath(member), results.areas[member].name);
      link["after"] = idx + 2 < area.members.size() ? ", "
                      : idx + 2 == area.members.size() ? " " + map.site().text("word_and") + " "
                                                       : "";
      members.push_back(link);
    }
    view["members"] = members;
  }
  json groups_of = json::array();
  const auto& groups = map.GroupsOf(area_idx);
  for (size_t idx = 0; idx < groups.size(); ++idx) {
    json link = Link(path, map.AreaPath(groups[idx]), results.areas[groups[idx]].name);
    link["before"] = GroupPhrase(map.site().text, results.areas[groups[idx]].name);
    link["after"] = idx + 2 < groups.size() ? ", " : idx + 2 == groups.size() ? " " + map.site().text("word_and") + " " : "";
    groups_of.push_back(link);
  }
  view["groups_of"] = groups_of;
  view["has_groups_of"] = !groups_of.empty();
  json compare = json::array();
  for (uint32_t other : CompareWith(map, area_idx))
    compare.push_back(Link(path, ComparePath(map, area_idx, other), results.areas[other].name));
  view["compare"] = compare;
  view["has_compare"] = !compare.empty();
  view["compare_any_url"] =
      RelativeUrl(path, "compare/index.html") + "?a=" +
      CompareDataPath(map, area_idx).substr(std::string("compare/data/").size(),
                                             CompareDataPath(map, area_idx).size() -
                                                 std::string("compare/data/").size() - 5);

  // Each block's own trend chart sets the area beside its benchmark (the council for a ward or
  // a group, the widest comparator for the council); the indicator page has every comparator.
  int home_comparator = map.ComparatorIndex(map.home());
  int benchmark = area_idx == map.home() ? map.WidestComparator() : home_comparator;
  std::string benchmark_name =
      benchmark >= 0 ? results.areas[results.comparator_areas[static_cast<size_t>(benchmark)]].name
                     : std::string();
  std::vector<uint32_t> trend_areas{area_idx};
  if (benchmark >= 0) trend_areas.push_back(results.comparator_areas[static_cast<size_t>(benchmark)]);

  struct SummaryRow {
    json row;
    int status_rank;
    int comparison_rank;
    size_t order;
  };
  std::vector<SummaryRow> summary;
  std::map<compute::TargetStatus, size_t> counts;
  size_t uncertain = 0;
  std::set<std::string> anchors;
  json outcomes = json::array();
  json contents = json::array();
  Charts charts;
  for (const auto& outcome : map.site().outcomes) {
    json indicators = json::array();
    for (const auto& id : outcome.indicator_ids) {
      auto it = map.site().indicator_index.find(id);
      if (it == map.site().indicator_index.end()) continue;
      const uint32_t indicator_idx = it->second;
      const auto& indicator = map.site().indicators[indicator_idx];
      json item = IndicatorSummary(map, path, indicator_idx, area_idx);
      // Where the item will be in the page's view.
      const json::json_pointer item_at =
          "/outcomes"_json_pointer / outcomes.size() / "indicators" / indicators.size();
      std::string anchor = "measure-" + base::Slugify(id);
      // An indicator in two outcomes is summarised once, at its first block.
      const bool first = anchors.insert(anchor).second;
      if (first) item["anchor"] = anchor;
      // The area's own figures over time: a small line (the page carries one per measure, so
      // a full chart each would take it past its weight budget; the indicator page has the
      // full chart) with the words of its shape and the table of the area and its benchmark.
      // Figure ids (and the download files named after them) by the indicator alone, its
      // outcome added for a repeat: short ids keep the page within its weight budget.
      const std::string figure_key = first ? id : outcome.id + "-" + id;
      Chart spark = SparklineSpec(map.site(), results, indicator_idx, area_idx,
                                  "trend-" + figure_key);
      if (HasChart(spark)) {
        std::string shape = std::get<SparklineChart>(spark).desc;
        std::vector<uint32_t> own_areas = trend_areas;
        if (!compute::ComparesAreas(indicator)) own_areas.resize(1);
        Figure own = ChartFigure(std::move(spark),
                                 TrendTable(map, indicator_idx, own_areas,
                                            map.site().text("chart_trend_title",
                                                            {{"indicator", indicator.short_title},
                                                             {"area", area.name}})));
        own.view["shape"] = shape;
        Place(item, item_at, "own_trend", std::move(own), charts);
      }
      if (is_ward && compute::ComparesAreas(indicator)) {
        std::optional<Figure> position = WardPosition(map, indicator_idx, area_idx, figure_key);
        if (position) Place(item, item_at, "position", std::move(*position), charts);
      }
      if (first) {
        const compute::Series* series = results.Find(indicator_idx, area_idx, 0);
        const compute::Cell* latest = series ? series->Latest() : nullptr;
        compute::TargetStatus status = latest ? latest->target_status : compute::TargetStatus::kNoValue;
        ++counts[status];
        if (latest && !item["status"]["qualifier"].get<std::string>().empty()) ++uncertain;
        json row = {{"title", indicator.short_title},
                    {"href", "#" + anchor},
                    {"value", item["value"]},
                    {"status", item["status"]},
                    {"trend", item["trend"]},
                    {"comparison", item["comparison"]}};
        if (item.contains("period")) row["period"] = item["period"];
        summary.push_back({std::move(row), StatusRank(status),
                           ComparisonRank(item["comparison"]["key"].get<std::string>()),
                           summary.size()});
      }
      indicators.push_back(std::move(item));
    }
    std::string section = "outcome-" + base::Slugify(outcome.id);
    contents.push_back({{"label", outcome.title}, {"href", "#" + section}});
    outcomes.push_back({{"title", outcome.title},
                        {"anchor", section},
                        {"url", RelativeUrl(path, map.OutcomePath(outcome.id))},
                        {"indicators", indicators}});
  }
  view["outcomes"] = outcomes;
  std::stable_sort(summary.begin(), summary.end(), [](const SummaryRow& a, const SummaryRow& b) {
    if (a.status_rank != b.status_rank) return a.status_rank < b.status_rank;
    if (a.comparison_rank != b.comparison_rank) return a.comparison_rank < b.comparison_rank;
    return a.order < b.order;
  });
  json rows = json::array();
  for (auto& row : summary) rows.push_back(std::move(row.row));
  view["summary"] = {
      {"sentence", SummarySentence(map.site().text, area.name, counts, summary.size())},
      {"rows", rows},
      {"comparison_header", benchmark_name.empty()
                                ? map.site().text("compared")
                                : map.site().text("col_compared_with", {{"area", benchmark_name}})}};
  if (uncertain > 0)
    view["summary"]["uncertain"] =
        map.site().text.Count("area_uncertain", static_cast<int64_t>(uncertain));
  std::optional<Figure> spine = AreaSpineFigure(
      map, area_idx,
      benchmark >= 0 ? results.comparator_areas[static_cast<size_t>(benchmark)] : area_idx);
  if (spine) Place(view, json::json_pointer(), "spine", std::move(*spine), charts);
  view["spending"] = AreaSpendingView(map, area_idx);
  ShortList(map, path, map.PagesForArea(area_idx), AreaListPath(map, area_idx), "stories", view);
  view["has_stories"] = !view["stories"].empty();
  if (view["has_stories"].get<bool>())
    contents.push_back({{"label", map.site().text("area_stories", {{"area_name", area.name}})},
                        {"href", "#stories"}});
  view["contents"] = contents;
  std::string pack = map.AreaPackPath(area_idx);
  if (!pack.empty()) view["pack"] = {{"url", RelativeUrl(path, pack)}};
  if (is_ward) {
    if (std::optional<Figure> locator = ChartAlone(
            LocatorSpec(map.geometry(), map.site(), area_idx, map.wards(), "locator")))
      Place(view, json::json_pointer(), "locator", std::move(*locator), charts);
  }
  return MakePage(path, "area", view, std::move(charts));
}

// --- Dashboard ----------------------------------------------------------------------------------
// Pre-built views of progress against target, none of which needs JavaScript: every cell, what
// has not met its target, and one view per outcome. The every-cell view is one table per
// outcome, so a printed A4 page holds all of a table's columns and every indicator is printed.
// A cell is compact (the status's shape and the figure): the status in words goes to screen
// readers, and on a phone, where each row becomes a card, to the screen; a mark stands for the
// "not certain" qualifier. Each page's key explains every symbol the page uses.

// The mark a cell shows when its status is not certain; the words are NotCertain(map.site().text).
constexpr const char* kUncertainMark = "?";
// The most indicator columns one table has: more than this do not fit across an A4 landscape
// page, so an outcome with more is shown as several tables.
constexpr size_t kMaxDashboardColumns = 8;

enum class DashboardKind { kEveryCell, kNotMet, kOutcome };

struct DashboardView {
  DashboardKind kind = DashboardKind::kEveryCell;
  std::string path;
  std::string label;                        // its link in the views navigation
  const model::Outcome* outcome = nullptr;  // kOutcome only
};

// One cell: an indicator's latest published figure in an area, and its status.
struct DashboardCell {
  compute::TargetStatus status = compute::TargetStatus::kNoValue;
  std::string indicator;    // the indicator's short title, the cell's label on a card
  std::string shape;        // from TargetStatusBadge: shape, class, label, description
  std::string css;
  std::string words;
  std::string description;
  std::string value;        // "" when there is no published figure
  std::string period;
  std::string reference;    // what the figure was judged against, "" for none
  bool uncertain = false;   // the status carries the NotCertain(map.site().text) qualifier
  bool path_step = false;   // judged against a step on the path to the target
  Chart sparkline;          // a sparkline spec, or empty
};

// The indicators of each outcome (those the site has), in the framework's order. With
// `first_only` an indicator listed under two outcomes is kept under the first only.
std::vector<std::pair<const model::Outcome*, std::vector<uint32_t>>> OutcomeIndicators(
    const model::Site& site, bool first_only) {
  std::vector<std::pair<const model::Outcome*, std::vector<uint32_t>>> outcomes;
  std::set<uint32_t> seen;
  for (const auto& outcome : site.outcomes) {
    std::vector<uint32_t> indicators;
    for (const auto& id : outcome.indicator_ids) {
      auto it = site.indicator_index.find(id);
      if (it == site.indicator_index.end()) continue;
      if (first_only && !seen.insert(it->second).second) continue;
      if (std::find(indicators.begin(), indicators.end(), it->second) == indicators.end())
        indicators.push_back(it->second);
    }
    outcomes.emplace_back(&outcome, std::move(indicators));
  }
  return outcomes;
}

// Every view, in the order of the views navigation. Outcome views live at
// dashboard/<slug of the outcome id>/, kept apart from dashboard/not-met/.
std::vector<DashboardView> DashboardViews(const model::Site& site) {
  std::vector<DashboardView> views = {
      {DashboardKind::kEveryCell, "dashboard/index.html", site.text("dash_view_all"), nullptr},
      {DashboardKind::kNotMet, PagePath("dashboard/not-met"), site.text("dash_view_not_met"),
       nullptr}};
  base::SlugSet slugs;
  slugs.Reserve("not-met");
  for (const auto& [outcome, indicators] : OutcomeIndicators(site, false)) {
    if (indicators.empty()) continue;
    views.push_back({DashboardKind::kOutcome,
                     PagePath("dashboard/" + slugs.Claim(outcome->id, "outcome")), outcome->title,
                     outcome});
  }
  return views;
}

// The areas as rows: the home area, its groups, then the wards by name.
std::vector<uint32_t> DashboardAreas(const SiteMap& map) {
  std::vector<uint32_t> areas{map.home()};
  areas.insert(areas.end(), map.groups().begin(), map.groups().end());
  areas.insert(areas.end(), map.wards().begin(), map.wards().end());
  return areas;
}

DashboardCell MakeDashboardCell(const SiteMap& map, uint32_t indicator_idx, uint32_t area,
                                bool with_sparkline) {
  const auto& indicator = map.site().indicators[indicator_idx];
  const compute::Series* series = map.results().Find(indicator_idx, area, 0);
  const compute::Cell* latest = series ? series->Latest() : nullptr;
  const Badge badge = latest ? TargetStatusBadge(map.site().text, indicator, *latest)
                             : TargetStatusBadge(map.site().text, compute::TargetStatus::kNoValue);
  DashboardCell cell;
  cell.status = latest ? latest->target_status : compute::TargetStatus::kNoValue;
  cell.indicator = indicator.short_title;
  cell.shape = badge.shape;
  cell.css = badge.css_class;
  cell.words = badge.label;
  cell.description = badge.description;
  cell.reference = badge.reference;
  cell.uncertain = !badge.qualifier.empty();
  if (latest) {
    cell.path_step = latest->target_reference_kind == compute::TargetReference::kTrajectoryStep;
    cell.value = FormatValue(map.site().text, indicator, latest->value);
    cell.period = latest->period.Label();
    if (with_sparkline)
      cell.sparkline = SparklineSpec(map.site(), map.results(), indicator_idx, area,
                                     "spark-" + std::to_string(area) + "-" +
                                         std::to_string(indicator_idx));
  }
  return cell;
}

json DashboardCellJson(const i18n::Catalogue& t, const DashboardCell& cell) {
  json out = {{"label", cell.indicator}, {"shape", cell.shape},   {"class", cell.css},
              {"words", cell.words},     {"value", cell.value},   {"period", cell.period},
              {"uncertain", cell.uncertain}, {"mark", kUncertainMark},
              {"qualifier", cell.uncertain ? NotCertain(t) : ""}};
  // The sparkline's node: the HTML writer draws the chart into it (the table's owner places it).
  if (HasChart(cell.sparkline)) out["sparkline"] = json::object();
  return out;
}

// The key of one page: an entry for each status label its cells use, in the order met, close,
// not met, no target, no figure (the target's label before the path's), then the mark for "not
// certain" when a cell carries it.
class DashboardKey {
 public:
  // `marks`: the page shows kUncertainMark for the qualifier (else it says it in words).
  explicit DashboardKey(bool marks) : marks_(marks) {}
  void Add(const DashboardCell& cell) {
    entries_.try_emplace(std::make_tuple(Order(cell.status), cell.path_step, cell.words), cell);
    uncertain_ |= cell.uncertain;
  }
  json ToJson(const i18n::Catalogue& t) const {
    json key = json::array();
    for (const auto& [order, cell] : entries_)
      key.push_back({{"shape", cell.shape},
                     {"class", cell.css},
                     {"label", cell.words},
                     {"description", cell.description}});
    if (uncertain_ && marks_) {
      std::string label = NotCertain(t);
      label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      key.push_back({{"shape", kUncertainMark},
                     {"class", "dash-mark"},
                     {"label", label},
                     {"description", t("dash_uncertain_about")}});
    }
    return key;
  }

 private:
  static int Order(compute::TargetStatus status) {
    switch (status) {
      case compute::TargetStatus::kMet: return 0;
      case compute::TargetStatus::kClose: return 1;
      case compute::TargetStatus::kNotMet: return 2;
      case compute::TargetStatus::kNoTarget: return 3;
      case compute::TargetStatus::kNoValue: return 4;
    }
    return 4;
  }
  std::map<std::tuple<int, bool, std::string>, DashboardCell> entries_;
  bool marks_;
  bool uncertain_ = false;
};

// The fields every dashboard view has: the layout, the lead, the views navigation.
json DashboardLayout(const SiteMap& map, const std::vector<DashboardView>& views,
                     const DashboardView& view, const std::string& title,
                     const std::string& lead) {
  std::vector<Crumb> crumbs = {{map.site().text("nav_dashboard"), ""}};
  if (view.kind != DashboardKind::kEveryCell)
    crumbs = {{map.site().text("nav_dashboard"), views.front().path}, {view.label, ""}};
  json page = Layout(map, view.path, title, lead, crumbs, "dashboard");
  page["lead"] = lead;
  json nav = json::array();
  for (const auto& other : views)
    nav.push_back({{"label", other.label},
                   {"url", RelativeUrl(view.path, other.path)},
                   {"current", other.path == view.path}});
  page["views"] = nav;
  return page;
}

// A table of areas (rows) by `indicators` (columns), or several when there are more columns
// than fit on a printed page; adds each cell to `key`. `title` heads the tables ("" for none);
// `id` makes their ids unique on the page.
void AddDashboardTables(const SiteMap& map, const std::string& path, const std::string& id,
                        const std::string& title, const std::string& about_url,
                        const std::vector<uint32_t>& indicators, DashboardKey& key,
                        json& tables, Charts& charts) {
  const auto& results = map.results();
  const std::vector<uint32_t> areas = DashboardAreas(map);
  const size_t parts = (indicators.size() + kMaxDashboardColumns - 1) / kMaxDashboardColumns;
  const size_t per_part = parts == 0 ? 0 : (indicators.size() + parts - 1) / parts;
  for (size_t part = 0; part < parts; ++part) {
    const size_t first = part * per_part;
    const size_t last = std::min(indicators.size(), first + per_part);
    std::string table_id = id + (parts > 1 ? "-" + std::to_string(part + 1) : "");
    std::string of = parts > 1 ? map.site().text("dash_table_part",
                                                 {{"first", std::to_string(first + 1)},
                                                  {"last", std::to_string(last)},
                                                  {"total", std::to_string(indicators.size())}})
                               : "";
    json columns = json::array();
    for (size_t idx = first; idx < last; ++idx) {
      const auto& indicator = map.site().indicators[indicators[idx]];
      columns.push_back(Link(path, map.IndicatorPath(indicator.id), indicator.short_title));
    }
    json rows = json::array();
    for (uint32_t area : areas) {
      // Sparklines for the borough and its groups only: one in every ward's cell too would
      // take the page past its weight budget; each ward's trends are on its own page.
      bool sparkline = results.areas[area].is_group || area == map.home();
      json cells = json::array();
      for (size_t idx = first; idx < last; ++idx) {
        DashboardCell cell = MakeDashboardCell(map, indicators[idx], area, sparkline);
        key.Add(cell);
        json cell_view = DashboardCellJson(map.site().text, cell);
        if (HasChart(cell.sparkline))
          charts.push_back({"/tables"_json_pointer / tables.size() / "rows" / rows.size() /
                                "cells" / cells.size() / "sparkline",
                            std::move(cell.sparkline), "", ""});
        cells.push_back(std::move(cell_view));
      }
      rows.push_back({{"area", Link(path, map.AreaPath(area), results.areas[area].name)},
                      {"cells", cells}});
    }
    tables.push_back(
        {{"id", table_id},
         {"title", title.empty() ? "" : title + of},
         {"about_url", about_url},
         {"caption", (title.empty() ? map.site().text("col_progress_target") : title) + of +
                         map.site().text("dash_caption_suffix")},
         {"summary", map.site().text(
                         "dash_table_summary",
                         {{"indicators", map.site().text.Count(
                                             "count_indicators",
                                             static_cast<int64_t>(last - first))},
                          {"areas", map.site().text.Count("count_areas",
                                                          static_cast<int64_t>(areas.size()))}})},
         {"columns", columns},
         {"rows", rows}});
  }
}

PageView DashboardTablesPage(SiteMap& map, const std::vector<DashboardView>& views,
                             const DashboardView& view) {
  const size_t area_count = DashboardAreas(map).size();
  DashboardKey key(true);
  json tables = json::array();
  Charts charts;
  size_t indicator_count = 0;
  std::string title;
  std::string lead;
  const i18n::Catalogue& t = map.site().text;
  auto counts = [&]() -> i18n::Args {
    return {{"indicators", t.Count("count_indicators", static_cast<int64_t>(indicator_count))},
            {"areas", t.Count("count_areas", static_cast<int64_t>(area_count))},
            {"cells", t.Count("count_cells", static_cast<int64_t>(indicator_count * area_count))}};
  };
  if (view.kind == DashboardKind::kOutcome) {
    std::vector<uint32_t> indicators;
    for (const auto& [outcome, ids] : OutcomeIndicators(map.site(), false))
      if (outcome == view.outcome) indicators = ids;
    indicator_count = indicators.size();
    AddDashboardTables(map, view.path, "dash-" + view.outcome->id, "", "", indicators, key,
                       tables, charts);
    title = t("dash_title_outcome", {{"outcome", view.outcome->title}});
    lead = t("dash_lead_outcome", counts());
  } else {
    for (const auto& [outcome, indicators] : OutcomeIndicators(map.site(), true)) {
      if (indicators.empty()) continue;
      indicator_count += indicators.size();
      AddDashboardTables(map, view.path, "dash-" + outcome->id, outcome->title,
                         RelativeUrl(view.path, map.OutcomePath(outcome->id)), indicators, key,
                         tables, charts);
    }
    title = t("dash_title_all");
    lead = t("dash_lead_all", counts());
  }
  json page = DashboardLayout(map, views, view, title, lead);
  if (view.kind == DashboardKind::kOutcome)
    page["outcome"] = Link(view.path, map.OutcomePath(view.outcome->id), view.outcome->title);
  page["tables"] = tables;
  page["has_tables"] = !tables.empty();
  page["key"] = key.ToJson(map.site().text);
  return MakePage(view.path, "dashboard", page, std::move(charts));
}

// What has not met its target: for each indicator, the areas not met, then those close.
PageView DashboardNotMetPage(SiteMap& map, const std::vector<DashboardView>& views,
                             const DashboardView& view) {
  const auto& results = map.results();
  const std::vector<uint32_t> areas = DashboardAreas(map);
  DashboardKey key(false);
  json groups = json::array();
  size_t not_met = 0;
  size_t close = 0;
  size_t indicator_count = 0;
  size_t all_indicators = 0;
  std::set<uint32_t> areas_named;
  for (const auto& [outcome, indicators] : OutcomeIndicators(map.site(), true)) {
    json lists = json::array();
    all_indicators += indicators.size();
    for (uint32_t indicator_idx : indicators) {
      std::vector<std::pair<uint32_t, DashboardCell>> found;
      for (uint32_t area : areas) {
        DashboardCell cell = MakeDashboardCell(map, indicator_idx, area, false);
        if (cell.status == compute::TargetStatus::kNotMet ||
            cell.status == compute::TargetStatus::kClose)
          found.emplace_back(area, std::move(cell));
      }
      if (found.empty()) continue;
      std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return (a.second.status == compute::TargetStatus::kNotMet) >
               (b.second.status == compute::TargetStatus::kNotMet);
      });
      ++indicator_count;
      // One reference for the whole table when every row shares it (the usual case), so it is
      // said once, above the table.
      bool shared = std::all_of(found.begin(), found.end(), [&](const auto& row) {
        return row.second.reference == found.front().second.reference;
      });
      json rows = json::array();
      for (const auto& [area, cell] : found) {
        key.Add(cell);
        areas_named.insert(area);
        (cell.status == compute::TargetStatus::kNotMet ? not_met : close) += 1;
        rows.push_back({{"area", Link(view.path, map.AreaPath(area), results.areas[area].name)},
                        {"cell", DashboardCellJson(map.site().text, cell)},
                        {"reference", cell.reference}});
      }
      const auto& indicator = map.site().indicators[indicator_idx];
      lists.push_back(
          {{"id", "dash-" + indicator.id},
           {"indicator", Link(view.path, map.IndicatorPath(indicator.id), indicator.short_title)},
           {"caption", map.site().text("dash_list_caption", {{"indicator", indicator.short_title}})},
           {"reference", shared ? found.front().second.reference : ""},
           {"per_row_reference", !shared},
           {"summary", Plural(found.size(), "area", "areas") + "."},
           {"rows", rows}});
    }
    if (lists.empty()) continue;
    groups.push_back({{"title", outcome->title},
                      {"url", RelativeUrl(view.path, map.OutcomePath(outcome->id))},
                      {"lists", lists}});
  }
  const size_t cells = not_met + close;
  const i18n::Catalogue& t = map.site().text;
  auto number = [](size_t n) { return base::FormatNumber(static_cast<double>(n), 0); };
  std::string lead =
      cells == 0
          ? t("dash_not_met_none")
          : t("dash_not_met_lead",
              {{"cells", t.Count("count_cells", static_cast<int64_t>(cells))},
               {"not_met", number(not_met)},
               {"close", number(close)},
               {"indicator_count", number(indicator_count)},
               {"indicators", t.Count("count_indicators", static_cast<int64_t>(all_indicators))},
               {"area_count", number(areas_named.size())},
               {"areas", t.Count("count_areas", static_cast<int64_t>(areas.size()))}});
  json page = DashboardLayout(map, views, view, t("dash_title_not_met"), lead);
  page["groups"] = groups;
  page["has_groups"] = !groups.empty();
  page["key"] = key.ToJson(map.site().text);
  return MakePage(view.path, "dashboard", page);
}

std::vector<PageView> DashboardPages(SiteMap& map) {
  const std::vector<DashboardView> views = DashboardViews(map.site());
  std::vector<PageView> pages;
  for (const auto& view : views)
    pages.push_back(view.kind == DashboardKind::kNotMet ? DashboardNotMetPage(map, views, view)
                                                        : DashboardTablesPage(map, views, view));
  return pages;
}

PageView ContentPageView(SiteMap& map, size_t page_idx) {
  const auto& page = map.site().pages[page_idx];
  const std::string path = map.ContentPath(page.path);
  std::vector<Crumb> crumbs;
  if (page.type != model::ContentType::kPage)
    crumbs.push_back({ContentTypeLabel(map.site().text, page.type, true), map.ListPath(page.type)});
  crumbs.push_back({page.title, ""});
  json view = Layout(map, path, page.title, page.summary, crumbs, "library");
  view["summary"] = page.summary;
  view["date"] = LongDate(map.site().text, page.date);
  view["date_iso"] = page.date;
  view["type"] = ContentTypeLabel(map.site().text, page.type, false);
  view["author"] = page.author;
  json outcomes = json::array();
  for (const auto& id : page.outcomes)
    for (const auto& outcome : map.site().outcomes)
      if (outcome.id == id) outcomes.push_back(Link(path, map.OutcomePath(id), outcome.title));
  view["outcomes"] = outcomes;
  json areas = json::array();
  for (const auto& code : page.areas) {
    int32_t area = map.results().FindArea(code);
    if (area < 0) continue;
    std::string area_path = map.AreaPath(static_cast<uint32_t>(area));
    if (area_path.empty()) continue;
    areas.push_back(Link(path, area_path, map.results().areas[static_cast<size_t>(area)].name));
  }
  view["areas"] = areas;
  view["has_links"] = !outcomes.empty() || !areas.empty();
  view["evidence_kind"] = EvidenceKindLabel(map.site().text, page.evidence_kind);
  json quotes = json::array();
  for (const model::Quote& quote : page.quotes)
    quotes.push_back({{"text", quote.text}, {"who", quote.who}});
  view["quotes"] = quotes;
  view["has_quotes"] = !quotes.empty();
  PageView result = MakePage(path, "content", view);
  result.markdown.push_back(BodyPart(map, page, path, "body_html", ""));
  return result;
}

// The pages of a list of content, kListPageItems items each, the first at `first`: page 2 on at
// ListPagePath(first, n), titled "<title> (page n of N)", with links between them.
std::vector<PageView> PagedList(const SiteMap& map, const std::string& first,
                                const std::string& title, const std::string& lead,
                                const std::string& description, std::vector<Crumb> crumbs,
                                const std::vector<size_t>& pages) {
  const i18n::Catalogue& text = map.site().text;
  const size_t count = std::max<size_t>(1, (pages.size() + kListPageItems - 1) / kListPageItems);
  std::vector<PageView> result;
  for (size_t number = 1; number <= count; ++number) {
    const std::string path = ListPagePath(first, number);
    const std::string numbers_text[] = {std::to_string(number), std::to_string(count)};
    const i18n::Args place = {{"page_number", numbers_text[0]}, {"page_count", numbers_text[1]}};
    std::string page_title = title;
    std::vector<Crumb> page_crumbs = crumbs;
    if (number > 1) {
      i18n::Args args = place;
      args.emplace_back("title", title);
      page_title = text("pagination_title", args);
      page_crumbs.back().path = first;
      page_crumbs.push_back({text("pagination_status", place), ""});
    }
    json view = Layout(map, path, page_title, description, page_crumbs, "library");
    view["lead"] = lead;
    const size_t begin = (number - 1) * kListPageItems;
    const size_t end = std::min(pages.size(), begin + kListPageItems);
    view["items"] = ContentList(
        map, path,
        std::vector<size_t>(pages.begin() + static_cast<std::ptrdiff_t>(begin),
                            pages.begin() + static_cast<std::ptrdiff_t>(end)));
    if (count > 1) {
      json pagination = {{"status", text("pagination_status", place)}};
      if (number > 1) pagination["previous"] = RelativeUrl(path, ListPagePath(first, number - 1));
      if (number < count) pagination["next"] = RelativeUrl(path, ListPagePath(first, number + 1));
      // The first and last pages, and two either side of this one; a gap for the rest.
      json numbers = json::array();
      bool gap = false;
      for (size_t other = 1; other <= count; ++other) {
        const bool shown = other == 1 || other == count ||
                           (other + 2 >= number && other <= number + 2);
        if (!shown) {
          if (!gap) numbers.push_back({{"gap", true}});
          gap = true;
          continue;
        }
        gap = false;
        json item = {{"number", other}, {"current", other == number}};
        if (other != number) item["url"] = RelativeUrl(path, ListPagePath(first, other));
        numbers.push_back(item);
      }
      pagination["numbers"] = numbers;
      view["pagination"] = pagination;
    }
    result.push_back(MakePage(path, "list", view));
  }
  return result;
}

std::vector<PageView> ListPages(SiteMap& map, model::ContentType type) {
  const std::string title = ContentTypeLabel(map.site().text, type, true);
  std::vector<size_t> pages;
  for (size_t page_idx : map.published())
    if (map.site().pages[page_idx].type == type) pages.push_back(page_idx);
  return PagedList(map, map.ListPath(type), title, map.site().text("list_lead"),
                   map.site().text("list_description", {{"title", title}}), {{title, ""}}, pages);
}

// The whole list of an outcome's content, when its page shows only the newest.
std::vector<PageView> OutcomeListPages(SiteMap& map, const model::Outcome& outcome) {
  const std::vector<size_t> pages = map.PagesForOutcome(outcome.id);
  if (pages.size() <= kShortListItems) return {};
  const std::string title = map.site().text("list_outcome_title", {{"outcome", outcome.title}});
  const std::string lead = map.site().text("list_outcome_lead");
  return PagedList(map, OutcomeListPath(outcome.id), title, lead, title,
                   {{map.site().text("nav_library"), "library/index.html"}, {title, ""}}, pages);
}

// The whole list of the evidence for an outcome (`kind` "outcomes") or an indicator
// ("indicators") called `title`, when its page shows only the newest.
std::vector<PageView> EvidenceListPages(SiteMap& map, const char* kind, const std::string& id,
                                        const std::vector<size_t>& pages,
                                        const std::string& title) {
  if (pages.size() <= kShortListItems) return {};
  const std::string heading = map.site().text("list_evidence_title", {{"title", title}});
  return PagedList(map, EvidenceListPath(kind, id), heading,
                   map.site().text("list_evidence_lead"), heading,
                   {{map.site().text("nav_library"), "library/index.html"}, {heading, ""}}, pages);
}

// The whole list of an area's content, when its page shows only the newest.
std::vector<PageView> AreaListPages(SiteMap& map, uint32_t area_idx) {
  const std::vector<size_t> pages = map.PagesForArea(area_idx);
  const std::string first = AreaListPath(map, area_idx);
  if (pages.size() <= kShortListItems || first.empty()) return {};
  const std::string& name = map.results().areas[area_idx].name;
  const std::string title = map.site().text("area_stories", {{"area_name", name}});
  const std::string lead = map.site().text("list_area_lead", {{"area_name", name}});
  return PagedList(map, first, title, lead, title,
                   {{map.site().text("nav_library"), "library/index.html"}, {title, ""}}, pages);
}

PageView LibraryPage(SiteMap& map) {
  const std::string path = "library/index.html";
  json view = Layout(map, path, map.site().text("nav_library"),
                     map.site().text("library_description"),
                     {{map.site().text("nav_library"), ""}}, "library");
  json sections = json::array();
  for (auto type : kListedTypes) {
    size_t count = 0;
    for (size_t page_idx : map.published()) count += map.site().pages[page_idx].type == type;
    if (count)
      sections.push_back({{"label", ContentTypeLabel(map.site().text, type, true)},
                          {"url", RelativeUrl(path, map.ListPath(type))},
                          {"count", count}});
  }
  view["sections"] = sections;
  json by_outcome = json::array();
  for (const auto& outcome : map.site().outcomes) {
    json section = {{"title", outcome.title}};
    ShortList(map, path, map.PagesForOutcome(outcome.id), OutcomeListPath(outcome.id), "items",
              section);
    if (!section["items"].empty()) by_outcome.push_back(section);
  }
  view["by_outcome"] = by_outcome;
  json by_area = json::array();
  std::vector<uint32_t> areas = map.groups();
  areas.insert(areas.end(), map.wards().begin(), map.wards().end());
  for (uint32_t area : areas) {
    std::vector<size_t> pages;
    for (size_t page_idx : map.published())
      for (const auto& code : map.site().pages[page_idx].areas)
        if (code == map.results().areas[area].code) {
          pages.push_back(page_idx);
          break;
        }
    if (pages.empty()) continue;
    json section = {{"title", map.results().areas[area].name}};
    // Cut short, it links to the area's whole list (which also has its groups' pages: it is
    // never shorter than this one, so it is written whenever this one is cut).
    ShortList(map, path, pages, AreaListPath(map, area), "items", section);
    by_area.push_back(section);
  }
  view["by_area"] = by_area;
  view["has_by_outcome"] = !by_outcome.empty();
  view["has_by_area"] = !by_area.empty();
  json other = json::array();
  for (size_t page_idx : map.published())
    if (map.site().pages[page_idx].type == model::ContentType::kPage)
      other.push_back(ContentSummary(map, path, page_idx));
  view["other"] = other;
  view["has_other"] = !other.empty();
  return MakePage(path, "library", view);
}

PageView MethodologyPage(SiteMap& map) {
  const std::string path = "methodology/index.html";
  const auto& config = map.site().config;
  json view = Layout(map, path, map.site().text("nav_methodology"),
                     map.site().text("methodology_description"),
                     {{map.site().text("nav_methodology"), ""}}, "methodology");
  view["max_suppressed"] = config.suppression.MaxSuppressed();
  view["suppression_none"] = config.suppression.MaxSuppressed() == 0;
  view["round_to"] = config.suppression.round_to;
  view["rounding"] = config.suppression.round_to > 1;
  view["close_tolerance"] = base::FormatNumber(config.close_tolerance, 1);
  view["trend_points"] = config.trend_points;
  json statuses = json::array();
  for (auto status : {compute::TargetStatus::kMet, compute::TargetStatus::kClose,
                      compute::TargetStatus::kNotMet,
                      compute::TargetStatus::kNoTarget, compute::TargetStatus::kNoValue})
    statuses.push_back(BadgeJson(TargetStatusBadge(map.site().text, status)));
  view["statuses"] = statuses;
  view["not_certain"] = NotCertain(map.site().text);
  std::vector<std::string> comparators;
  for (uint32_t area : map.results().comparator_areas) comparators.push_back(map.results().areas[area].name);
  view["comparators"] = JoinWords(map.site().text, comparators);
  json groups = json::array();
  for (uint32_t group : map.groups()) {
    std::vector<std::string> members;
    for (uint32_t member : map.results().areas[group].members) members.push_back(map.results().areas[member].name);
    groups.push_back({{"name", map.results().areas[group].name}, {"members", JoinWords(map.site().text, members)}});
  }
  view["groups"] = groups;
  json indicators = json::array();
  for (const auto& indicator : map.site().indicators)
    indicators.push_back(Link(path, map.IndicatorPath(indicator.id), indicator.title));
  view["indicators"] = indicators;
  return MakePage(path, "methodology", view);
}

PageView DownloadsPage(SiteMap& map) {
  const std::string path = "downloads/index.html";
  json view = Layout(map, path, map.site().text("nav_downloads"),
                     map.site().text("downloads_description"),
                     {{map.site().text("nav_downloads"), ""}}, "downloads");
  json indicators = json::array();
  for (const auto& indicator : map.site().indicators)
    indicators.push_back({{"title", indicator.title},
                          {"csv", RelativeUrl(path, "downloads/" + indicator.id + ".csv")},
                          {"json", RelativeUrl(path, "downloads/" + indicator.id + ".json")}});
  view["indicators"] = indicators;
  view["all_csv"] = RelativeUrl(path, "downloads/all.csv");
  view["all_json"] = RelativeUrl(path, "downloads/all.json");
  view["datapackage"] = RelativeUrl(path, "downloads/datapackage.json");
  if (!map.site().spending.empty())
    view["spending"] = {
        {"csv", RelativeUrl(path, std::string("downloads/") + kSpendingTable + ".csv")},
        {"json", RelativeUrl(path, std::string("downloads/") + kSpendingTable + ".json")}};
  json scrutiny = json::array();
  json wards = json::array();
  for (const auto& pack : ListPacks(map.site(), map.results())) {
    if (pack.kind == PackKind::kScrutiny) {
      const auto& config = map.site().config.packs[pack.index];
      scrutiny.push_back({{"url", RelativeUrl(path, pack.path)},
                          {"label", config.title},
                          {"date", LongDate(map.site().text, config.meeting_date)}});
    } else {
      wards.push_back(Link(path, pack.path, map.results().areas[pack.index].name));
    }
  }
  view["scrutiny_packs"] = scrutiny;
  view["ward_packs"] = wards;
  view["has_packs"] = !scrutiny.empty() || !wards.empty();
  return MakePage(path, "downloads", view);
}

PageView AccessibilityPage(SiteMap& map) {
  const std::string path = "accessibility/index.html";
  json view = Layout(map, path, map.site().text("footer_accessibility"),
                     map.site().text("accessibility_description"),
                     {{map.site().text("accessibility_crumb"), ""}}, "");
  return MakePage(path, "accessibility", view);
}

PageView NotFoundPage(SiteMap& map) {
  // 404.html is served from any folder, so its links must not depend on where it is: it uses
  // the base URL when there is one, and otherwise links relative to the site root.
  const std::string path = "404.html";
  json view = Layout(map, path, map.site().text("notfound_title"),
                     map.site().text("notfound_description"), {}, "");
  const auto& base_url = map.site().config.base_url;
  if (!base_url.empty()) view["base_href"] = base_url.back() == '/' ? base_url : base_url + "/";
  return MakePage(path, "not-found", view);
}

PageView FeedPage(SiteMap& map) {
  const auto& config = map.site().config;
  std::string base = config.base_url.empty() ? "" : (config.base_url.back() == '/' ? config.base_url : config.base_url + "/");
  json entries = json::array();
  std::string updated = config.data_date;
  // The newest 50 items: a feed tells readers what changed, it is not an archive.
  constexpr size_t kFeedEntries = 50;
  for (size_t page_idx : map.published()) {
    const auto& page = map.site().pages[page_idx];
    if (updated < page.date) updated = page.date;
    if (entries.size() >= kFeedEntries) continue;
    std::string link = base + base::EncodeUrlPath(map.ContentPath(page.path));
    entries.push_back({{"title", page.title},
                       {"summary", page.summary},
                       {"link", link},
                       {"id", base.empty() ? "urn:outcomes:" + base::Slugify(config.organisation) + ":" +
                                                 base::EncodeUrlPath(map.ContentPath(page.path))
                                           : link},
                       {"updated", page.date + "T00:00:00Z"},
                       {"author", page.author.empty() ? config.organisation : page.author}});
  }
  json view = {{"title", config.title},
               {"organisation", config.organisation},
               {"id", base.empty() ? "urn:outcomes:" + base::Slugify(config.organisation) : base},
               {"site_url", base.empty() ? "index.html" : base},
               {"self_url", base.empty() ? "feed.xml" : base + "feed.xml"},
               {"updated", (updated.empty() ? "2000-01-01" : updated) + "T00:00:00Z"},
               {"entries", entries}};
  return MakePage("feed.xml", "feed", view);
}

}  // namespace

void BuildSiteView(const model::Site& site, const compute::Results& results,
                   base::Diagnostics& diagnostics, const std::function<void(PageView&&)>& on_page) {
  SiteMap map(site, results, diagnostics);
  std::vector<std::string> paths;  // every page's path, for the sitemap and the clash check
  auto emit = [&](PageView page) {
    paths.push_back(page.path);
    on_page(std::move(page));
  };
  emit(HomePage(map));
  emit(OutcomesIndexPage(map));
  for (const auto& outcome : site.outcomes) emit(OutcomePage(map, outcome));
  emit(IndicatorsIndexPage(map));
  for (uint32_t idx = 0; idx < site.indicators.size(); ++idx) emit(IndicatorPage(map, idx));
  emit(AreasIndexPage(map));
  PostcodePages(map, emit);
  SearchPages(map, emit);
  emit(AreaPage(map, map.home()));
  for (uint32_t group : map.groups()) emit(AreaPage(map, group));
  for (uint32_t ward : map.wards()) emit(AreaPage(map, ward));
  for (uint32_t group : map.groups())
    for (uint32_t other : CompareWith(map, group)) emit(ComparePage(map, group, other));
  for (uint32_t ward : map.wards())
    for (uint32_t other : CompareWith(map, ward)) emit(ComparePage(map, ward, other));
  CompareAnyPages(map, emit);
  for (auto& page : DashboardPages(map)) emit(std::move(page));
  for (size_t page_idx : map.published()) emit(ContentPageView(map, page_idx));
  for (auto type : kListedTypes) {
    bool any = false;
    for (size_t page_idx : map.published()) any |= site.pages[page_idx].type == type;
    if (any)
      for (auto& page : ListPages(map, type)) emit(std::move(page));
  }
  for (const auto& outcome : site.outcomes) {
    for (auto& page : OutcomeListPages(map, outcome)) emit(std::move(page));
    for (auto& page : EvidenceListPages(map, "outcomes", outcome.id,
                                        map.EvidenceFor(OutcomeEvidenceIds(outcome)),
                                        outcome.title))
      emit(std::move(page));
  }
  for (const auto& indicator : site.indicators)
    for (auto& page : EvidenceListPages(map, "indicators", indicator.id,
                                        map.EvidenceFor({indicator.id}), indicator.title))
      emit(std::move(page));
  for (auto& page : AreaListPages(map, map.home())) emit(std::move(page));
  for (uint32_t group : map.groups())
    for (auto& page : AreaListPages(map, group)) emit(std::move(page));
  for (uint32_t ward : map.wards())
    for (auto& page : AreaListPages(map, ward)) emit(std::move(page));
  emit(LibraryPage(map));
  emit(MethodologyPage(map));
  emit(DownloadsPage(map));
  emit(AccessibilityPage(map));
  emit(NotFoundPage(map));
  emit(FeedPage(map));
  // sitemap.xml lists what was built, as absolute URLs (the sitemap protocol has no relative
  // ones): without a base_url there is no sitemap, and robots.txt names none.
  std::string base = site.config.base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  if (!base.empty()) {
    json urls = json::array();
    for (const auto& path : paths) {
      if (path.size() < 10 || path.compare(path.size() - 10, 10, "index.html") != 0) continue;
      urls.push_back({{"loc", base + base::EncodeUrlPath(path.substr(0, path.size() - 10))}});
    }
    std::sort(urls.begin(), urls.end(),
              [](const json& a, const json& b) { return a["loc"] < b["loc"]; });
    emit(MakePage("sitemap.xml", "sitemap", {{"urls", urls}}));
  }
  emit(MakePage("robots.txt", "robots",
                {{"sitemap_url", base.empty() ? "" : base + "sitemap.xml"},
                 {"has_sitemap_url", !base.empty()}}));
  // Two pages may not share a path (e.g. content/dashboard.md, or two content files whose
  // names give one slug).
  std::sort(paths.begin(), paths.end());
  for (size_t idx = 1; idx < paths.size(); ++idx) {
    if (paths[idx] != paths[idx - 1] || (idx >= 2 && paths[idx] == paths[idx - 2])) continue;
    // Blame the content file (the generated page cannot move); name the other side.
    const std::string& path = paths[idx];
    std::vector<const base::Location*> sources;
    for (const auto& page : site.pages)
      if (!page.draft && map.ContentPath(page.path) == path) sources.push_back(&page.location);
    if (sources.empty()) {
      diagnostics.Error({"content", 0, 0}, "two pages would be written to " + path);
    } else if (sources.size() == 1) {
      diagnostics.Error(*sources.front(),
                        "this page would be written to " + path +
                            ", where the site already writes a page of its own",
                        "rename or move the content file");
    } else {
      for (size_t source = 1; source < sources.size(); ++source)
        diagnostics.Error(*sources[source],
                          "this page would be written to " + path + ", like " +
                              sources.front()->file,
                          "rename one of them: file names that differ only in capitals or "
                          "punctuation give the same web address");
    }
  }
}

std::vector<PageView> BuildSiteView(const model::Site& site, const compute::Results& results,
                                    base::Diagnostics& diagnostics) {
  std::vector<PageView> pages;
  BuildSiteView(site, results, diagnostics, [&](PageView&& page) { pages.push_back(std::move(page)); });
  std::stable_sort(pages.begin(), pages.end(),
                   [](const PageView& a, const PageView& b) { return a.path < b.path; });
  return pages;
}

}  // namespace outcomes::view
