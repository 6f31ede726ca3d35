// Number formatting shared by every output: fixed decimals, thousands separators, rounding
// half away from zero (as spreadsheets and the public expect), and no "-0".
#pragma once

#include <string>

namespace outcomes::base {

// Rounds `value` to `decimals` places, half away from zero.
double RoundTo(double value, int decimals);

// "1,234.5" for (1234.5, 1); separators on every group of three digits; "-0.0" becomes "0.0".
// NaN gives "".
std::string FormatNumber(double value, int decimals, bool thousands = true);

// "1st", "2nd", "3rd", "11th", "22nd", "2,345th".
std::string FormatOrdinal(size_t n);

// Shortest decimal text that reads back as the same double ("74", "61.25", "0.1"); used in
// machine-readable output so values round-trip. NaN gives "".
std::string ShortestNumber(double value);

}  // namespace outcomes::base
