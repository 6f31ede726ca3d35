// Every word, CSS class, shape and formatted number the outputs show for a computed result.
// The words come from the interface text catalogue `t` (the site's language).
// Templates never decide: they print what these functions return.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "compute/compute.h"
#include "i18n/i18n.h"
#include "model/model.h"

namespace outcomes::view {

// A value with its unit for display: "74.0%", "290.5 per 10,000", "1,026", "£1,250,000".
// Empty for NaN.
std::string FormatValue(const i18n::Catalogue& t, const model::Indicator& indicator, double value);
// "70.1% to 77.4%" (or "" when there is no interval).
std::string FormatInterval(const i18n::Catalogue& t, const model::Indicator& indicator,
                           double lower, double upper);
// The unit in words for table headings: "%", "per 10,000 children aged under 5", "number".
std::string UnitLabel(const i18n::Catalogue& t, const model::Indicator& indicator);

// The words and look of a judgement (a target status or a comparison), as every output shows
// it; `shape` is a character that differs per judgement, so that none depends on colour alone.
struct Badge {
  std::string label;        // "Target met", "Better than England"
  std::string css_class;    // "status--met", "compare--better"
  std::string shape;        // "●"
  std::string key;          // the machine name: "met", "better"
  std::string qualifier;    // kNotCertain when the reference lies inside the 95% interval, else ""
  // Target statuses only (a comparison's JSON has none of these keys):
  bool status = false;
  std::string description;  // what the status means, for a key
  std::string reference;    // what it was judged against (below), or ""
  std::string text;         // label, reference and qualifier in one phrase
};
// The badge as a page's Mustache view has it: {"label", "class", "shape", "key", "qualifier"},
// and for a status also "description", "reference" and "text".
nlohmann::json BadgeJson(const Badge& badge);

// A status badge for a key or legend (no reference, no qualifier; text = label).
Badge TargetStatusBadge(const i18n::Catalogue& t, compute::TargetStatus status);
// The badge of one judged cell: the above, with the label naming a trajectory step as the path
// ("On the path to target"), plus
//   qualifier  kNotCertain when the reference lies inside the 95% interval, else ""
//   reference  what it was judged against: "Target: 75.0% by 2019/20", "Path to target:
//              74.5% in 2018/19, on the way to 75.0% by 2019/20", "Target: 75.0% by
//              2019/20 (that date has passed)"; "" when there is no reference
//   text       label, reference and qualifier in one phrase for a sentence or a cell title.
Badge TargetStatusBadge(const i18n::Catalogue& t, const model::Indicator& indicator,
                        const compute::Cell& cell);
// The qualifier a status carries when chance could explain it ("not certain — small numbers,
// could be chance").
std::string NotCertain(const i18n::Catalogue& t);
// "75.0% by 2019/20"; "" without a target.
std::string TargetBy(const i18n::Catalogue& t, const model::Indicator& indicator);
// "Target: 75.0% by 2019/20" (and the path step / passed date as above); "" for none.
std::string TargetReferenceText(const i18n::Catalogue& t, const model::Indicator& indicator,
                                const compute::Cell& cell);
// "Better than England" and its look.
Badge ComparisonBadge(const i18n::Catalogue& t, compute::Comparison comparison,
                      const std::string& benchmark);
// "Getting better (more than chance)", "No clear change", "Up since 2017/18 (not tested)",
// and a large or contrary latest change first: "Up in 2019/20 (more than chance); over the
// longer run, down since 2014/15 (not tested)".
std::string TrendLabel(const i18n::Catalogue& t, const model::Indicator& indicator,
                       const compute::Trend& trend);
// Why a cell shows no value: "[c] suppressed: small number", "[x] not available" ...
std::string HiddenLabel(const i18n::Catalogue& t, compute::Hidden hidden);
// The machine name of why a cell is hidden, for public outputs (model.json): primary and
// secondary suppression are both "suppressed" — only the unpublished report tells them apart.
std::string_view HiddenPublicName(compute::Hidden hidden);
// The short marker used in tables for a hidden cell: "[c]", "[x]", "[z]".
std::string HiddenMarker(compute::Hidden hidden);
// Why a figure was not compared: "no benchmark value for this period" ("" for kNone).
std::string NotComparedText(const i18n::Catalogue& t, compute::NotComparedReason reason);
std::string PolarityText(const i18n::Catalogue& t, model::Polarity polarity);
std::string ContentTypeLabel(const i18n::Catalogue& t, model::ContentType type, bool plural);
// The example-data banner's words, worked out from which published figures carry the example
// flag ("Some figures on this site are made up ...: the ward figures for 13 of 13 indicators,
// and the figures for Southend-on-Sea, East of England and England for 7 of 13 ..."), or the
// site's own example_data_text. "" when nothing is flagged and the site is not example data.
std::string ExampleDataNotice(const model::Site& site, const compute::Results& results);
// "1 February 2014" for "2014-02-01" (month names from the catalogue).
std::string LongDate(const i18n::Catalogue& text, const std::string& iso_date);

// The kind of a piece of evidence (front matter `evidence`) as readers see it: "Case study",
// "Family story"; "" for none.
std::string EvidenceKindLabel(const i18n::Catalogue& t, const std::string& kind);

// The balanced impact assessment's verdict in short, by whether there are figures (indicators)
// and voices (evidence pages): for one success statement ("Figures, no voices yet"), or with
// `whole_outcome` a sentence for the outcome as a whole.
std::string BalanceVerdict(const i18n::Catalogue& t, bool figures, bool voices,
                           bool whole_outcome);

}  // namespace outcomes::view
