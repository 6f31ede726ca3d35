// CSV, as every tabular loader reads it: ReadCsv, a header mapped with CsvHeader, each row's
// field count checked and every field read as a number cell.
#include <array>

#include "fuzz_site.h"
#include "load/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::string text = fuzz::Text(data, size);
  const std::string file = "data/fuzz.csv";
  static constexpr std::array<load::CsvColumn, 4> kColumns{
      {{"area", true}, {"period", false}, {"value", true}, {"note", false}}};
  base::Diagnostics diagnostics;
  load::FileErrors errors(file, diagnostics);
  load::CsvHeader header;
  bool first = true;
  load::ReadCsv(text, file, diagnostics, [&](const load::CsvRecord& record) {
    for (size_t field_idx = 0; field_idx <= record.size(); ++field_idx)
      record.FieldLocation(file, field_idx);
    if (first) {
      first = false;
      header = load::CsvHeader::Read(record, kColumns, file, diagnostics,
                                     load::CsvHeader::Unknown::kIgnore);
      return true;
    }
    header.CheckFieldCount(record, file, errors);
    for (std::string_view field : record.fields) load::ParseNumberCell(field);
    return true;
  });
  return 0;
}
