// Where things live in the output: the one home of every output path made from input (area
// slugs, content page folders, pack file names). Every URL to them is made by
// base::RelativeUrl, which percent-encodes what a path may not carry.
#pragma once

#include <string>
#include <vector>

#include "compute/compute.h"
#include "model/model.h"

namespace outcomes::view {

// A slug for every result area (same index): groups keep their id (already a slug), every
// other area gets base::SlugSet's unique slug of its name, told apart by its code when names
// repeat ("zed", "zed-e05900001", "zed-e05900001-2"). Deterministic: areas.csv order.
std::vector<std::string> AreaSlugs(const model::Site& site, const compute::Results& results);

// The output folder of a content file's page: its path under content/ without ".md", each
// folder and the file name made a slug ("case-studies/Bradford Story.md" ->
// "case-studies/bradford-story"). Two files may end up with one folder: the site view reports
// that as a clash at the second file.
std::string ContentFolder(const std::string& content_path);

}  // namespace outcomes::view
