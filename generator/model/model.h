// The site model: plain, immutable-after-load values for everything a site folder holds.
//
// Loaders in load/ build a Site; compute/ reads it. No I/O here. Cross references are
// resolved to indices at load time (an Observation names its indicator and area by index).
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "i18n/i18n.h"
#include "model/period.h"

namespace outcomes::markdown {
class Prepared;
}  // namespace outcomes::markdown

namespace outcomes::model {

using base::Location;

enum class SuppressionPreset { kOneToFour, kOneToSeven, kUnderTen, kNone };

struct SuppressionConfig {
  SuppressionPreset preset = SuppressionPreset::kOneToFour;  // default: counts 1-4 suppressed
  int round_to = 0;  // 0 = publish counts as they are; 5 = round published counts to base 5
  // Counts from 1 to MaxSuppressed() (inclusive) are suppressed; 0 means none are.
  int MaxSuppressed() const {
    switch (preset) {
      case SuppressionPreset::kOneToFour: return 4;
      case SuppressionPreset::kOneToSeven: return 7;
      case SuppressionPreset::kUnderTen: return 9;
      case SuppressionPreset::kNone: return 0;
    }
    return 4;
  }
};

struct AreaGroup {
  std::string id;
  std::string name;
  std::string within;       // parent code of members; default the home area
  std::string tag;          // members carry this tag, or
  std::string without_tag;  // members do not carry this tag
  Location location;
};

// A body whose spending data/spending.csv records (the council, the NHS, the police, a
// district council, the voluntary sector).
struct Partner {
  std::string id;    // as spending.csv's partner column names it
  std::string name;  // as readers see it
  Location location;
};

struct PackConfig {
  std::string id;
  std::string title;
  std::string meeting_date;  // YYYY-MM-DD
  std::vector<std::string> outcomes;
  std::vector<Location> outcome_locations;
  // The local authority the pack is about (an area code); empty = SiteConfig::home_area.
  std::string area;
  Location area_location;
  Location location;
};

// Which wards get a ward pack: the home area's (the default) or every area of type ward.
enum class WardPacks { kHome, kAll };

struct SiteContact {
  std::string team;   // e.g. "Public Health Intelligence team"
  std::string email;
  std::string phone;
  std::string url;    // a contact page
  bool Any() const { return !email.empty() || !phone.empty() || !url.empty(); }
};

// Which GeoJSON feature properties hold each boundary's area code and name (site.yaml
// `boundaries:`). Blank: worked out from each file (see load/boundaries.cc).
struct BoundaryProperties {
  std::string code;
  std::string name;
  Location code_location;
  Location name_location;
};

// site.yaml `postcodes:`, the postcode -> ward lookup behind the finder.
enum class PostcodeLayout {
  kHeader,         // a header row naming the columns: ONS Postcode Directory, NSPL, extracts
  kCodePointOpen,  // OS Code-Point Open: no header; postcode first, ward code tenth
};
struct PostcodeConfig {
  bool enabled = false;
  std::string file = "data/postcodes.csv";
  PostcodeLayout layout = PostcodeLayout::kHeader;
  std::string postcode_column;    // header layout; "" = the first of pcds, pcd, pcd7, pcd8, postcode
  std::string ward_column;        // header layout; required
  std::string terminated_column;  // header layout; "" = doterm when the file has it
  Location location;              // the postcodes: mapping
  Location file_location;
};

struct SiteConfig {
  std::string title;
  std::string organisation;
  std::string language = "en-GB";  // picks the interface text catalogue (i18n/)
  Location language_location;
  std::string base_url;  // optional
  std::string home_area;
  std::vector<std::string> comparators;
  bool example_data = false;
  // Optional: the example-data banner's words, replacing those worked out from the flags.
  std::string example_data_text;
  // Optional: who readers contact about the figures (footer, accessibility statement).
  SiteContact contact;
  bool allow_raw_html = false;  // default false: raw HTML in Markdown is shown as text
  std::string data_date;  // optional, YYYY-MM-DD
  SuppressionConfig suppression;
  double close_tolerance = 2.0;  // default tolerance for "close to target"
  int trend_points = 5;          // points used by the recent-trend test
  std::vector<AreaGroup> groups;
  std::vector<Partner> partners;  // site.yaml partners:, in the order given
  std::string gap_target;  // group id, optional
  std::string gap_rest;    // group id, optional
  std::vector<PackConfig> packs;
  WardPacks ward_packs = WardPacks::kHome;
  BoundaryProperties boundary_properties;
  PostcodeConfig postcodes;
  Location location;
  Location home_area_location;
  std::vector<Location> comparator_locations;
  Location gap_target_location;
  Location gap_rest_location;
};

// What a success statement is measured by and what speaks to it (outcomes.yaml may give a
// statement as {text, indicators, evidence} instead of plain text).
struct StatementLinks {
  std::vector<std::string> indicators;  // indicator ids
  std::vector<Location> indicator_locations;
  std::vector<std::string> evidence;  // content pages, as paths under content/ ("case-studies/x.md")
  std::vector<Location> evidence_locations;
  // Service categories of data/spending.csv (rows of the same outcome) whose spending is
  // behind the statement.
  std::vector<std::string> spending;
  std::vector<Location> spending_locations;
};

struct StatementGroup {
  std::string title;
  std::vector<std::string> statements;
  std::vector<StatementLinks> links;  // parallel to `statements`
};

// Spend per head on an outcome (outcomes.yaml `spend_per_head`): the people the spending is
// for are counted by the denominator of `population` (an indicator id), e.g. the children aged
// under 5 behind a rate per 10,000 children of that age; `per` names one of them ("child aged
// under 5").
struct SpendPerHead {
  std::string population;
  std::string per;
  Location location;             // the spend_per_head mapping
  Location population_location;  // its population value
};

struct Outcome {
  std::string id;
  std::string title;
  std::string owner;
  std::string summary;
  std::string page;  // optional content path, e.g. outcomes/best-start.md
  Location page_location;
  std::vector<StatementGroup> groups;
  std::vector<std::string> indicator_ids;
  std::vector<Location> indicator_locations;  // where each id was written
  std::optional<SpendPerHead> spend_per_head;
  Location location;
};

enum class Unit { kPercent, kRate, kCount, kCurrency, kNumber };
enum class Polarity { kHigherIsBetter, kLowerIsBetter, kNeutral };
enum class CiMethod { kGiven, kWilson, kByar, kNone };

struct TrajectoryPoint {
  Period period;
  double value = 0;
};

struct Target {
  double value = 0;
  Period period;
  std::optional<double> tolerance;  // default SiteConfig::close_tolerance
  std::vector<TrajectoryPoint> trajectory;
};

struct Indicator {
  std::string id;
  std::string title;
  std::string short_title;
  std::string phrase;
  std::string population;
  Unit unit = Unit::kPercent;
  double per = 0;  // for rates
  int decimals = 1;
  Polarity polarity = Polarity::kHigherIsBetter;
  std::string source;
  std::string definition;  // Markdown
  std::string method;      // Markdown
  PeriodType period_type = PeriodType::kCalendarYear;
  // False when data/indicators/ID.yaml gave an unknown period_type (already one error): the
  // indicator's periods cannot be read, so its rows are skipped without further errors.
  bool period_type_known = true;
  std::optional<Period> baseline;
  std::optional<Target> target;
  CiMethod ci_method = CiMethod::kGiven;
  std::vector<std::string> breakdowns;
  std::optional<int64_t> fingertips_id;
  std::string fingertips_age;  // optional: the Age of the export's rows to read ("" = any)
  Location location;
};

struct Area {
  std::string code;
  std::string name;
  std::string type;
  std::string parent;  // blank for none
  std::vector<std::string> tags;
  Location location;
  bool HasTag(const std::string& tag) const {
    for (const auto& t : tags)
      if (t == tag) return true;
    return false;
  }
};

// How a value cell was given.
enum class Marker : uint8_t { kNone, kSuppressedAtSource, kNotAvailable };

// Row flags from the note column.
inline constexpr uint8_t kFlagExample = 1;
inline constexpr uint8_t kFlagProvisional = 2;
inline constexpr uint8_t kFlagRevised = 4;

// One row of data. Missing numbers are NaN rather than std::optional: a national site has
// millions of rows and this keeps a row at 64 bytes.
struct Observation {
  uint32_t indicator = 0;  // index into Site::indicators
  uint32_t area = 0;       // index into Site::areas
  Period period;
  uint16_t breakdown = 0;  // 0 = all; i + 1 = indicator.breakdowns[i]
  Marker marker = Marker::kNone;
  uint8_t flags = 0;
  uint32_t note = 0;       // index into Site::notes; 0 = none
  uint32_t file = 0;       // index into Site::files
  uint32_t line = 0;
  double value = NAN;
  double count = NAN;
  double denominator = NAN;
  double lower_ci = NAN;
  double upper_ci = NAN;
};

inline bool Has(double x) { return !std::isnan(x); }

struct Ring {
  std::vector<std::pair<double, double>> points;  // longitude, latitude
};
struct Polygon {
  std::vector<Ring> rings;  // first is the outer ring, the rest holes
};
struct Boundary {
  std::string area_code;
  std::vector<Polygon> polygons;
  Location location;
};

// One row of data/spending.csv: pounds, cash terms, spent on an outcome in a financial year.
// One live postcode of the lookup: "SS00AA" (upper case, no spaces) and the ward code the
// file gives it (which may not be a ward of the site).
struct Postcode {
  std::string code;
  std::string ward;
  uint32_t line = 0;  // in the lookup file
};

// "SS0 0AA" for "SS00AA": the outward code, a space, the inward code.
inline std::string DisplayPostcode(std::string_view code) {
  if (code.size() < 5) return std::string(code);
  return std::string(code.substr(0, code.size() - 3)) + " " +
         std::string(code.substr(code.size() - 3));
}

struct Spending {
  std::string outcome;
  std::string area;
  Period period;
  std::string partner;   // a Partner id, or "" when the file does not say who spent it
  std::string category;  // the service category, free text; "" when not given
  double amount = 0;
  std::string note;
  Location location;
};

enum class ContentType { kCaseStudy, kStrategy, kReport, kMinutes, kPage, kNews };

// A link or image in a page's Markdown, as written.
struct ContentLink {
  std::string destination;
  bool is_image = false;
  Location location;
};

// A figure block in a page's Markdown (a fenced block whose info string names a figure).
struct FigureSpec {
  std::string kind;  // chart, status, table, map
  std::string indicator;
  std::vector<std::string> areas;  // area codes or group ids; empty = the figure's default
  Location location;
};

// A short attributed quote a content page carries (front matter `quotes:`). Only quotes whose
// consent is recorded are kept: load drops the rest with a warning, so no output can hold them.
struct Quote {
  std::string text;
  std::string who;  // who said it, as they agreed to be named ("a mother in Kursaal")
  Location location;
};

struct ContentPage {
  std::string path;  // relative to content/, e.g. case-studies/bradford.md
  std::string title;
  std::string summary;
  std::string date;  // YYYY-MM-DD
  ContentType type = ContentType::kPage;
  std::vector<std::string> outcomes;
  std::vector<std::string> areas;  // area codes or group ids
  std::vector<Location> outcome_locations;
  std::vector<Location> area_locations;
  std::string author;
  bool draft = false;
  // What the page is evidence for (front matter `evidence_for`: indicator or outcome ids) and of
  // what kind (`evidence`: case-study, family-story, survey, consultation, evaluation,
  // distance-travelled; "" when not said).
  std::vector<std::string> evidence_for;
  std::vector<Location> evidence_for_locations;
  std::string evidence_kind;
  std::vector<Quote> quotes;  // consented quotes only
  // Markdown after the front matter. Emptied once the body is prepared (below): a build needs
  // only the prepared HTML.
  std::string body;
  uint32_t body_line = 1;  // line of the body's first line in the file
  // The body parsed once, at load, and rendered with its links and figures left open
  // (markdown::Prepared); null when the body could not be parsed (an error was reported).
  std::shared_ptr<const markdown::Prepared> prepared;
  std::vector<std::string> anchors;  // heading ids of the rendered page
  std::vector<ContentLink> links;
  std::vector<FigureSpec> figures;
  Location location;
};

struct Site {
  std::string root;  // the site folder as given
  SiteConfig config;
  std::vector<Outcome> outcomes;
  std::vector<Indicator> indicators;
  std::vector<Area> areas;
  std::vector<Observation> observations;
  std::vector<Boundary> boundaries;
  std::vector<Spending> spending;
  std::vector<Postcode> postcodes;  // sorted by code
  std::vector<ContentPage> pages;
  std::vector<std::string> notes{""};  // interned note texts; index 0 is "no note"
  std::vector<std::string> files;      // observation file names (relative), for locations
  i18n::Catalogue text;                // the interface text in the site's language

  std::unordered_map<std::string, uint32_t> indicator_index;
  std::unordered_map<std::string, uint32_t> area_index;

  const Indicator* FindIndicator(const std::string& id) const {
    auto it = indicator_index.find(id);
    return it == indicator_index.end() ? nullptr : &indicators[it->second];
  }
  const Area* FindArea(const std::string& code) const {
    auto it = area_index.find(code);
    return it == area_index.end() ? nullptr : &areas[it->second];
  }
  // The name of the area with `code`, or of the group of wards with that id (site.yaml's
  // groups:); `code` itself when neither.
  std::string AreaOrGroupName(const std::string& code) const {
    if (const Area* area = FindArea(code)) return area->name;
    for (const AreaGroup& group : config.groups)
      if (group.id == code) return group.name;
    return code;
  }
  Location LocationOf(const Observation& observation) const {
    return {files[observation.file], observation.line, 0};
  }
};

std::string_view UnitName(Unit unit);
std::string_view PolarityName(Polarity polarity);
std::string_view CiMethodName(CiMethod method);
std::string_view ContentTypeName(ContentType type);
std::string_view SuppressionPresetName(SuppressionPreset preset);

}  // namespace outcomes::model
