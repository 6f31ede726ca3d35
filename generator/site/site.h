// The build as a list of named phases: guard output → load → compute → views → render →
// commit. `check` runs the first half; `build` runs them all.
#pragma once

#include <functional>
#include <string>

#include "base/diagnostics.h"

namespace outcomes::site {

// The suppression report (every hidden cell, primary or secondary, and its rule) is written
// beside the output folder as "<out>" + this suffix: it is disclosive, so never published.
inline constexpr const char* kSuppressionReportSuffix = ".suppression-report.json";

struct Options {
  std::string site_dir = ".";  // the site folder
  std::string out_dir;         // default: <site_dir>/site-output
  bool verbose = false;        // print each phase and its time to `log`
  std::function<void(const std::string&)> log;  // where verbose lines go
};

struct Outcome {
  base::Diagnostics diagnostics;
  size_t observations = 0;
  size_t suppressed_cells = 0;
  size_t files_written = 0;
  bool ok() const { return !diagnostics.HasErrors(); }
};

// Loads, validates and computes the site; writes nothing.
Outcome Check(const Options& options);

// Check(), then writes every output into a staging folder and swaps it in, then writes the
// suppression report beside it. On any error the previous output is left untouched.
Outcome Build(const Options& options);

// The version string, e.g. "0.1.0".
const char* Version();

}  // namespace outcomes::site
