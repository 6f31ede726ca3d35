// Views: the JSON view models every writer renders from. A view holds only published,
// formatted figures (from compute::Results), never raw observations.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compute/compute.h"
#include "model/model.h"

namespace outcomes::view {

// The whole computed model as one document (model.json): site settings, areas and groups,
// outcomes, indicators with every published cell, statuses, trends, sentences, gaps, the
// suppression report and content front matter. Keys are sorted and arrays stably ordered, so
// the same inputs give the same bytes.
nlohmann::json ModelView(const model::Site& site, const compute::Results& results);
// model.json's bytes (ModelView(...).dump(1) and a line break) given to `write` a piece at a
// time, at most one indicator's part, so that the whole is never in memory; the parts are made
// in parallel, and the cells written as text without building ModelView's objects (a test
// holds the two to the same bytes). Stops and returns false as soon as `write` returns false.
bool WriteModel(const model::Site& site, const compute::Results& results,
                const std::function<bool(std::string_view)>& write);

// The suppression report: one row per hidden cell and the rule that hid it (no figures). It
// says which cells are primary, so it is written beside the output folder, never inside it.
nlohmann::json SuppressionReportView(const model::Site& site, const compute::Results& results);
// The report's file (SuppressionReportView(...).dump(1) and a line break) given to `write` a
// row at a time. Stops and returns false as soon as `write` returns false.
bool WriteSuppressionReport(const model::Site& site, const compute::Results& results,
                            const std::function<bool(std::string_view)>& write);

}  // namespace outcomes::view
