#include "scaffold/internal/sample.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace outcomes::scaffold::internal {

namespace {

// FNV-1a: a stable hash of a code (std::hash may differ between builds).
uint64_t Hash(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char ch : text) {
    hash ^= ch;
    hash *= 1099511628211ull;
  }
  return hash;
}

// A number in [0, 1) from a hash and a salt.
double Unit(uint64_t hash, uint64_t salt) {
  uint64_t mixed = (hash ^ (salt * 0x9e3779b97f4a7c15ull)) * 0xbf58476d1ce4e5b9ull;
  mixed ^= mixed >> 31;
  return static_cast<double>(mixed % 10000) / 10000.0;
}

std::string Percent(long count, long denominator) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f",
                100.0 * static_cast<double>(count) / static_cast<double>(denominator));
  return text;
}

constexpr const char* kPeriods[] = {"2020/21", "2021/22", "2022/23", "2023/24", "2024/25"};

}  // namespace

std::vector<SampleRow> SampleRows(const std::vector<std::string>& ward_codes,
                                  const std::string& council_code) {
  std::vector<SampleRow> rows;
  std::vector<long> council_count(std::size(kPeriods), 0);
  std::vector<long> council_denominator(std::size(kPeriods), 0);
  for (const std::string& code : ward_codes) {
    const uint64_t hash = Hash(code);
    const double level = 0.60 + 0.18 * Unit(hash, 1);              // 60% to 78% in the first year
    const double change = -0.010 + 0.025 * Unit(hash, 2);          // -1 to +1.5 points a year
    const long size = 90 + static_cast<long>(90 * Unit(hash, 3));  // 90 to 179 answers
    for (size_t period_idx = 0; period_idx < std::size(kPeriods); ++period_idx) {
      const double wobble = 0.04 * (Unit(hash, 10 + period_idx) - 0.5);
      const double share = level + change * static_cast<double>(period_idx) + wobble;
      SampleRow row;
      row.area = code;
      row.period = kPeriods[period_idx];
      row.denominator = size - 15 + static_cast<long>(30 * Unit(hash, 20 + period_idx));
      row.count = std::lround(share * static_cast<double>(row.denominator));
      row.value = Percent(row.count, row.denominator);
      council_count[period_idx] += row.count;
      council_denominator[period_idx] += row.denominator;
      rows.push_back(std::move(row));
    }
  }
  for (size_t period_idx = 0; period_idx < std::size(kPeriods); ++period_idx) {
    if (council_denominator[period_idx] == 0) continue;
    SampleRow row;
    row.area = council_code;
    row.period = kPeriods[period_idx];
    row.count = council_count[period_idx];
    row.denominator = council_denominator[period_idx];
    row.value = Percent(row.count, row.denominator);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace outcomes::scaffold::internal
