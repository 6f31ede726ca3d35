// Runs the official Mustache spec (tests/conformance/mustache/specs/*.json, copied from the
// spec repository with its LICENSE; read at run time) through the engine: every test of every module we implement must pass.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "base/diagnostics.h"
#include "template/template.h"

namespace outcomes::tmpl {
namespace {

// Test data, not source: the spec's JSON files with their licence (tests/conformance/mustache/).
constexpr const char* kSpecDir = OUTCOMES_SOURCE_DIR "/tests/conformance/mustache/specs/";

std::string Describe(const base::Diagnostics& diagnostics) {
  std::string text;
  for (const base::Diagnostic& diagnostic : diagnostics.items()) {
    text += base::FormatDiagnostic(diagnostic) + "\n";
  }
  return text;
}

// Runs every test of `module` ("sections", "~inheritance"), one CHECK each, and prints the
// count passed. A missing or unreadable spec file fails: it must not pass by testing nothing.
void RunSpecModule(const std::string& module) {
  const std::string path = std::string(kSpecDir) + module + ".json";
  std::ifstream in(path);
  if (!in) {
    FAIL("cannot read the Mustache spec file " << path);
  }
  const nlohmann::json spec = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (spec.is_discarded() || !spec.contains("tests") || spec["tests"].empty()) {
    FAIL("the Mustache spec file " << path << " is not a spec (no \"tests\")");
  }
  size_t passed = 0;
  const size_t total = spec["tests"].size();
  for (const nlohmann::json& test : spec["tests"]) {
    Templates templates;
    base::Diagnostics diagnostics;
    bool parsed = true;
    if (test.contains("partials")) {
      for (const auto& [name, text] : test["partials"].items()) {
        parsed =
            templates.Add(name, text.get<std::string>(), name + ".mustache", diagnostics) && parsed;
      }
    }
    parsed =
        templates.Add("test", test["template"].get<std::string>(), "test.mustache", diagnostics) &&
        parsed;
    std::string out;
    std::string error;
    const bool rendered = parsed && templates.Render("test", test["data"], out, &error,
                                                     {.missing_partial_is_error = false});
    const std::string expected = test["expected"].get<std::string>();
    const std::string name = test["name"].get<std::string>();
    const std::string template_text = test["template"].get<std::string>();
    const std::string problems = Describe(diagnostics) + error;
    CAPTURE(module);
    CAPTURE(name);
    CAPTURE(template_text);
    CAPTURE(problems);
    CHECK(rendered);
    CHECK(out == expected);
    if (rendered && out == expected) ++passed;
  }
  MESSAGE("Mustache spec " << module << ": " << passed << "/" << total << " tests passed");
  CHECK(passed == total);
}

TEST_CASE("Mustache spec: comments") { RunSpecModule("comments"); }
TEST_CASE("Mustache spec: delimiters") { RunSpecModule("delimiters"); }
TEST_CASE("Mustache spec: interpolation") { RunSpecModule("interpolation"); }
TEST_CASE("Mustache spec: inverted") { RunSpecModule("inverted"); }
TEST_CASE("Mustache spec: partials") { RunSpecModule("partials"); }
TEST_CASE("Mustache spec: sections") { RunSpecModule("sections"); }
TEST_CASE("Mustache spec: ~inheritance") { RunSpecModule("~inheritance"); }
TEST_CASE("Mustache spec: ~dynamic-names") { RunSpecModule("~dynamic-names"); }

}  // namespace
}  // namespace outcomes::tmpl
