// What the fuzz targets share (tests/fuzz/, docs/fuzzing.md): the input as text, and the site a
// target reads a file into.
//
// Each target is a file tests/fuzz/<target>_fuzz.cc defining LLVMFuzzerTestOneInput, which
// hands its input, in memory, to the entry point the loader uses for that kind of file. The same
// source is linked with libFuzzer (make fuzz, clang) or with replay_main.cc (every build: the
// corpus and regressions replayed as ctest tests).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace outcomes::fuzz {

// The input as a string (its bytes as they are).
inline std::string Text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The parts of `text` between lines "%%" (at most `max_parts`: the last keeps any later "%%"),
// for targets that read two files at once (a mapping and its data file; a template and the
// partials it includes).
std::vector<std::string> SplitParts(const std::string& text, size_t max_parts);

// The example site (the repository root), loaded once, without its observations, boundaries
// and spending rows: the indicators, areas, outcomes, groups, partners and pages an input may
// refer to. Diagnostics of loading it are dropped (tests check the example elsewhere).
const model::Site& ExampleSite();

}  // namespace outcomes::fuzz
