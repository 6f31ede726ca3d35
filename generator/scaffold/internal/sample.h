// The made-up figures of a new site: the sample indicator (scaffold/data/indicators/) for each
// ward and, added up from the wards' counts, for their council.
#pragma once

#include <string>
#include <vector>

namespace outcomes::scaffold::internal {

struct SampleRow {
  std::string area;      // an area code
  std::string period;    // "2024/25"
  std::string value;     // "72.4": a percentage, one decimal
  long count = 0;        // residents satisfied
  long denominator = 0;  // residents who answered
};

// Five financial years (2020/21 to 2024/25) of figures for each ward and the council, in that
// order: each ward's figures depend only on its code (the same ward gets the same figures in
// every new site), are between about 55% and 85% of 75 to 195 answers, so none is small
// enough to be suppressed; the council's are the sums of its wards'.
std::vector<SampleRow> SampleRows(const std::vector<std::string>& ward_codes,
                                  const std::string& council_code);

}  // namespace outcomes::scaffold::internal
