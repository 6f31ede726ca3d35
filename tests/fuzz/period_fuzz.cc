// Periods: the input's first byte picks the period type, the rest is the text. A period that
// parses must print a label that parses back to the same period (every output writes labels,
// and Excel packs and downloads are read back in).
#include <cstdlib>

#include "fuzz_site.h"
#include "model/period.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  if (size == 0) return 0;
  const auto type = static_cast<model::PeriodType>(data[0] % 7);
  const std::string text = fuzz::Text(data + 1, size - 1);
  std::string error;
  const auto period = model::ParsePeriod(text, type, &error);
  model::ParsePeriodType(text);
  if (!period) return 0;
  const std::string label = period->Label();
  period->Phrase();
  period->Shifted(1).Label();
  period->Shifted(-1).Label();
  const auto again = model::ParsePeriod(label, type, nullptr);
  if (!again || *again != *period) std::abort();  // the label does not read back
  return 0;
}
