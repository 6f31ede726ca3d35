// CSV and JSON cell writing for the open data writer (internal to render/opendata).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "view/opendata.h"

namespace outcomes::render::internal {

// The line ending of every CSV row (RFC 4180).
inline constexpr std::string_view kCsvLineEnd = "\r\n";

// Whether a spreadsheet could take `text` for a formula: it starts with =, +, -, @, a tab or a
// carriage return (the OWASP "CSV injection" list).
bool LooksLikeFormula(std::string_view text);

// A text field: prefixed with ' when it LooksLikeFormula; then quoted (quotes doubled) when it
// was prefixed or contains a comma, quote, CR or LF; otherwise as it is.
std::string CsvText(std::string_view text);

// A number's text: a whole number a double holds exactly (|value| < 2^53) as an integer in full,
// other numbers in their shortest round-trip form (base::ShortestNumber); "" for a number that
// is not finite.
std::string NumberText(double value);

// A number as the JSON files hold it, the same text as NumberText: null when not finite, an
// integer when it is a whole number a double holds exactly, otherwise the double.
nlohmann::ordered_json NumberJson(double value);

// One CSV field for a row cell: missing -> empty; number -> NumberText (never quoted or
// prefixed: -1.5 stays a number); text -> CsvText.
std::string CsvField(const view::OpenDataCell& cell);

// A JSON string: `text` escaped (invalid UTF-8 replaced by U+FFFD) and quoted.
std::string JsonText(std::string_view text);

// One JSON value for a row cell: a number as NumberText (null when not finite), text as
// JsonText, missing as null.
std::string JsonValue(const view::OpenDataCell& cell);

// One JSON value for metadata: integers in full, other numbers as NumberText (null when not
// finite), strings as JsonText, anything else compact.
std::string JsonValue(const nlohmann::ordered_json& value);

}  // namespace outcomes::render::internal
