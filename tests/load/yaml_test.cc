// ParseYaml: what it accepts and where it reports what it refuses (every YAML reader goes
// through it: site.yaml, data/outcomes.yaml, indicators, front matter and figure blocks).
#include <doctest/doctest.h>

#include <string>

#include "load/internal/yaml_fields.h"

namespace {

using outcomes::base::Diagnostics;
using outcomes::base::FormatDiagnostic;
using outcomes::load::internal::ParseYaml;

std::string Repeat(std::string_view text, size_t times) {
  std::string out;
  for (size_t idx = 0; idx < times; ++idx) out += text;
  return out;
}

// The one diagnostic ParseYaml gives for `text` (file "x.yaml"), or "" when it parses.
std::string Problem(const std::string& text) {
  Diagnostics diagnostics;
  const bool parsed = ParseYaml(text, "x.yaml", diagnostics).has_value();
  if (parsed)
    return diagnostics.items().empty() ? ""
                                       : "parsed, yet: " + FormatDiagnostic(diagnostics.items()[0]);
  REQUIRE(diagnostics.error_count() == 1);
  return FormatDiagnostic(diagnostics.items()[0]);
}

TEST_CASE("ParseYaml accepts quoted scalars that close, wherever the document ends") {
  const char* kValid[] = {
      "language: \"en-GB\"\n",
      "language: \"en-GB\"",
      "a: \"say \\\"hi\\\"\"\n",
      "a: 'it''s'\n",
      "a: 'it''s'",
      "a: \"two\n  lines\"\n",
      "a: [\"x\", 'y']\n",
      "- \"a\"\n- 'b'\n",
      "a: it's fine\n",              // an apostrophe in plain text is not a quote
      "title: Data [draft\n",        // nor a bracket in plain text a list
      "a: |\n  [[[[[[[[[[\n  \"\n",  // a block scalar holds anything
      "\"key\": 1\n",
      "a: b # \"comment\n",
      "",
  };
  for (const char* text : kValid) {
    CAPTURE(text);
    CHECK(Problem(text).empty());
  }
}

TEST_CASE("ParseYaml refuses a quoted scalar that runs to the end of the text, at its quote") {
  // yaml-cpp 0.7 itself accepts these when a line break follows the last character.
  CHECK(Problem("title: x\nlanguage: \"en-GB\n") ==
        "x.yaml:2:11: error: quoted text is never closed: the \" here runs to the end of the file\n"
        "  hint: end the text with \" (a \" inside it is written \\\")");
  CHECK(Problem("a: 'it''s\n\n") ==
        "x.yaml:1:4: error: quoted text is never closed: the ' here runs to the end of the file\n"
        "  hint: end the text with ' (a ' inside it is written '')");
  CHECK(Problem("a: \"x\\\"\n").find("x.yaml:1:4: error: quoted text is never closed") == 0);
  CHECK(Problem("- a\n- \"b\n  c\n").find("x.yaml:2:3: error: quoted text is never closed") == 0);
  // Without the final line break yaml-cpp reports it itself.
  CHECK(Problem("language: \"en-GB") == "x.yaml:1:17: error: invalid YAML: illegal EOF in scalar");
}

TEST_CASE("ParseYaml refuses invalid UTF-8 at the bad byte") {
  CHECK(Problem("title: ok\nname: caf\xE9\n") ==
        "x.yaml:2:10: error: invalid UTF-8 in YAML (byte 0xE9)\n"
        "  hint: save the file as UTF-8");
}

TEST_CASE("ParseYaml refuses nesting past its limits with a located error, never a crash") {
  CHECK(Problem("a: " + Repeat("[", 100) + Repeat("]", 100) + "\n").empty());
  CHECK(Problem("a: " + Repeat("[", 101) + Repeat("]", 101) + "\n") ==
        "x.yaml:1:104: error: lists and mappings nested more than 100 levels deep\n"
        "  hint: a few levels are all a site needs: look for brackets written by mistake");
  CHECK(Problem("a:\n  b: " + Repeat("{c: ", 300000) + "d" + Repeat("}", 300000) + "\n")
            .find("x.yaml:2:406: error: lists and mappings nested more than 100 levels") == 0);
  // Flow brackets inside quotes and comments do not count.
  CHECK(Problem("a: \"" + Repeat("[", 200) + "\" # " + Repeat("{", 200) + "\n").empty());
  // Block nesting has no brackets to count: yaml-cpp stops it at 500 levels.
  CHECK(Problem(Repeat("- ", 300000) + "x\n")
            .find("x.yaml:1:1000: error: lists and mappings nested too deeply for the YAML "
                  "reader") == 0);
}

}  // namespace
