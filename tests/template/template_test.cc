// The engine beyond the spec: syntax errors with their locations, render errors, escaping,
// truthiness, layouts, loading a folder, and rendering from many threads at once.
#include "template/template.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace outcomes::tmpl {
namespace {

using nlohmann::json;

// Adds `text` as template "page" (file "templates/page.mustache") and renders it with `data`;
// fails the test on any syntax or render error.
std::string RenderPage(std::string_view text, const json& data) {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("page", text, "templates/page.mustache", diagnostics));
  std::string out;
  std::string error;
  CHECK_MESSAGE(templates.Render("page", data, out, &error), error);
  return out;
}

TEST_CASE("syntax errors name the file, line and column of the offending tag") {
  struct Case {
    const char* text;
    uint32_t line;
    uint32_t column;
    const char* message;
  };
  const Case kCases[] = {
      {"Hello\n  {{name", 2, 3, "unclosed tag: `{{` is not closed by `}}`"},
      {"{{name\n<p>{{other}}</p>", 1, 1, "unclosed tag: `{{` is not closed by `}}` on its line"},
      {"<p>{{{raw}}</p>", 1, 4, "unclosed tag: `{{` is not closed by `}}}`"},
      {"a\n{{#a}}\nb\n", 2, 1, "`{{#a}}` is never closed"},
      {"<ul>\n  {{#items}}<li>{{.}}</li>{{/item}}\n", 2, 27,
       "`{{/item}}` does not match `{{#items}}` opened at line 2, column 3"},
      {"{{#a}}{{/b}}", 1, 7, "`{{/b}}` does not match `{{#a}}` opened at line 1, column 1"},
      {"x\n y {{/a}}", 2, 4, "`{{/a}}` closes nothing: no section `a` is open"},
      {"{{<layout}}{{$title}}x{{/layout}}", 1, 23,
       "`{{/layout}}` does not match `{{$title}}` opened at line 1, column 12"},
      {"{{}}", 1, 1, "empty tag `{{}}`: expected a name"},
      {"{{#}}{{/}}", 1, 1, "empty tag `{{#}}`: expected a name"},
      {"{{page title}}", 1, 1, "the name in `{{page title}}` contains a space"},
      {"ok\n{{= <% =}}", 2, 1, "bad delimiter change `{{= <% =}}`"},
      {"{{=<% %>=}}\n<% name }}", 2, 1, "unclosed tag: `<%` is not closed by `%>`"},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text);
    Templates templates;
    base::Diagnostics diagnostics;
    CHECK_FALSE(templates.Add("page", test.text, "templates/page.mustache", diagnostics));
    CHECK_FALSE(templates.Has("page"));
    REQUIRE(diagnostics.error_count() == 1);
    const base::Diagnostic& error = diagnostics.items().front();
    CHECK(error.location.file == "templates/page.mustache");
    CHECK(error.location.line == test.line);
    CHECK(error.location.column == test.column);
    CHECK(error.message == test.message);
  }
}

TEST_CASE("every unclosed section is reported, and a hint says how to fix it") {
  Templates templates;
  base::Diagnostics diagnostics;
  CHECK_FALSE(templates.Add("page", "{{#a}}\n  {{^b}}\n", "page.mustache", diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "page.mustache:1:1: error: `{{#a}}` is never closed\n"
        "  hint: add the closing tag for `a` where it ends");
  CHECK(base::FormatDiagnostic(diagnostics.items()[1]) ==
        "page.mustache:2:3: error: `{{^b}}` is never closed\n"
        "  hint: add the closing tag for `b` where it ends");
}

TEST_CASE("a failed Add keeps the template already loaded under that name") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("page", "v1", "page.mustache", diagnostics));
  CHECK_FALSE(templates.Add("page", "{{#broken}}", "page.mustache", diagnostics));
  std::string out;
  CHECK(templates.Render("page", json::object(), out, nullptr));
  CHECK(out == "v1");
}

TEST_CASE("invalid UTF-8 in a template is an error at its byte") {
  Templates templates;
  base::Diagnostics diagnostics;
  CHECK_FALSE(templates.Add("page", "ok\ncaf\xE9", "page.mustache", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 2);
  CHECK(diagnostics.items()[0].location.column == 4);
}

TEST_CASE("text and tags inside a parent, other than blocks, are ignored with one warning") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(
      templates.Add("base", "<title>{{$title}}{{/title}}</title>", "base.mustache", diagnostics));
  REQUIRE(templates.Add("page", "{{<base}}\n  oops {{name}}\n  {{$title}}Hi{{/title}}\n{{/base}}\n",
                        "page.mustache", diagnostics));
  CHECK_FALSE(diagnostics.HasErrors());
  REQUIRE(diagnostics.warning_count() == 1);
  CHECK(diagnostics.items()[0].location.line == 2);
  CHECK(diagnostics.items()[0].location.column == 3);
  std::string out;
  CHECK(templates.Render("page", json{{"name", "x"}}, out, nullptr));
  CHECK(out == "<title>Hi</title>");
}

TEST_CASE("a missing partial or parent is a render error naming the template and the tag") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(
      templates.Add("page", "<nav>\n  {{> nav}}</nav>", "templates/page.mustache", diagnostics));
  REQUIRE(templates.Add("article", "{{<layouts/base}}{{/layouts/base}}",
                        "templates/article.mustache", diagnostics));
  REQUIRE(templates.Add("outer", "[{{>page}}]", "templates/outer.mustache", diagnostics));
  REQUIRE(templates.Add("dynamic", "{{>*kind}}", "templates/dynamic.mustache", diagnostics));

  std::string out = "kept";
  std::string error;
  CHECK_FALSE(templates.Render("page", json::object(), out, &error));
  CHECK(error == "template 'page': partial 'nav' not found (templates/page.mustache:2:3)");
  CHECK(out == "kept");  // nothing of the failed page is left behind

  CHECK_FALSE(templates.Render("article", json::object(), out, &error));
  CHECK(error ==
        "template 'article': parent 'layouts/base' not found (templates/article.mustache:1:1)");
  // The error names the template that holds the tag, not the one asked for.
  CHECK_FALSE(templates.Render("outer", json::object(), out, &error));
  CHECK(error == "template 'page': partial 'nav' not found (templates/page.mustache:2:3)");
  CHECK_FALSE(templates.Render("dynamic", json::object(), out, &error));
  CHECK(error ==
        "template 'dynamic': the name of dynamic partial `*kind` is not a string in "
        "the data (templates/dynamic.mustache:1:1)");
  CHECK_FALSE(templates.Render("dynamic", json{{"kind", "chart"}}, out, &error));
  CHECK(error == "template 'dynamic': partial 'chart' not found (templates/dynamic.mustache:1:1)");
  CHECK_FALSE(templates.Render("nope", json::object(), out, &error));
  CHECK(error == "template 'nope' not found");
  CHECK(out == "kept");

  // The spec's behaviour, on request: a missing partial renders as "".
  CHECK(
      templates.Render("outer", json::object(), out, &error, {.missing_partial_is_error = false}));
  CHECK(out == "kept[<nav>\n  </nav>]");
}

TEST_CASE("interpolating an object or a list is a render error") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("page", "<p>\n{{area}}</p>", "page.mustache", diagnostics));
  std::string out;
  std::string error;
  CHECK_FALSE(templates.Render("page", json{{"area", {{"name", "Leeds"}}}}, out, &error));
  CHECK(error ==
        "template 'page': `area` is an object, which cannot be written as text "
        "(page.mustache:2:1)");
  CHECK_FALSE(templates.Render("page", json{{"area", {1, 2}}}, out, &error));
  CHECK(error ==
        "template 'page': `area` is a list, which cannot be written as text "
        "(page.mustache:2:1)");
}

TEST_CASE("a template that includes itself whatever the data stops with an error") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("loop", "x{{>loop}}", "loop.mustache", diagnostics));
  std::string out;
  std::string error;
  CHECK_FALSE(templates.Render("loop", json::object(), out, &error));
  CHECK(error.find("nested more than 200 deep") != std::string::npos);
  CHECK(out.empty());

  // Recursion over data is fine. (Leaves need their own empty "children": a missing name is
  // looked up further down the context stack, which would find the parent's list again.)
  REQUIRE(templates.Add("tree", "{{name}}({{#children}}{{>tree}}{{/children}})", "tree.mustache",
                        diagnostics));
  const json tree = json::parse(R"({"name": "a", "children": [
      {"name": "b", "children": [{"name": "c", "children": []}]},
      {"name": "d", "children": []}]})");
  CHECK(templates.Render("tree", tree, out, &error));
  CHECK(out == "a(b(c())d())");
}

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int idx = 0; idx < times; ++idx) out += text;
  return out;
}

TEST_CASE("sections, parents and blocks nest at most 100 deep; deeper is an error at the tag") {
  // 100 deep parses and renders.
  CHECK(RenderPage(Repeat("{{#a}}", 100) + "x" + Repeat("{{/a}}", 100), json{{"a", true}}) == "x");
  struct Case {
    std::string text;
    uint32_t column;
    const char* message;
  };
  std::string blocks;
  for (int idx = 0; idx < 30000; ++idx) blocks += "{{$b" + std::to_string(idx) + "}}";
  const Case kCases[] = {
      {Repeat("{{#a}}", 101) + Repeat("{{/a}}", 101), 601,
       "`{{#a}}` is nested more than 100 deep in sections, parents and blocks"},
      {Repeat("{{^a}}", 30000) + Repeat("{{/a}}", 30000), 601,
       "`{{^a}}` is nested more than 100 deep in sections, parents and blocks"},
      // Far deeper than any stack would take, and never closed: the depth is found first.
      {Repeat("{{#a}}", 300000), 601,
       "`{{#a}}` is nested more than 100 deep in sections, parents and blocks"},
      {blocks, 791, "`{{$b100}}` is nested more than 100 deep in sections, parents and blocks"},
      {Repeat("{{<p}}{{$b}}", 51), 601,
       "`{{<p}}` is nested more than 100 deep in sections, parents and blocks"},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.text.substr(0, 40));
    Templates templates;
    base::Diagnostics diagnostics;
    CHECK_FALSE(templates.Add("page", test.text, "templates/page.mustache", diagnostics));
    REQUIRE(diagnostics.error_count() == 1);
    const base::Diagnostic& error = diagnostics.items().front();
    CHECK(error.location.line == 1);
    CHECK(error.location.column == test.column);
    CHECK(error.message == test.message);
    CHECK(error.hint == "close sections before opening more: no page needs this depth");
  }
}

TEST_CASE("rendering stops with an error past 1000 nested sections, partials and blocks") {
  // Nine sections around each inclusion: the total nesting reaches 1000 before the 200
  // partials do.
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("deep", Repeat("{{#a}}", 9) + "{{>deep}}" + Repeat("{{/a}}", 9),
                        "deep.mustache", diagnostics));
  std::string out;
  std::string error;
  CHECK_FALSE(templates.Render("deep", json{{"a", true}}, out, &error));
  CHECK(error.find("sections, partials, parents and blocks nested more than 1000 deep") !=
        std::string::npos);
  CHECK(out.empty());
}

TEST_CASE("variables are HTML-escaped, raw variables are not") {
  const json data = {
      {"script", "<script>alert('x')</script>"},
      {"attribute", "\"><img onerror=x>"},
      {"amp", "Fish & chips"},
  };
  CHECK(RenderPage("{{script}}", data) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  CHECK(RenderPage("<a title=\"{{attribute}}\">", data) ==
        "<a title=\"&quot;&gt;&lt;img onerror=x&gt;\">");
  CHECK(RenderPage("{{amp}}|{{{amp}}}|{{& amp}}", data) ==
        "Fish &amp; chips|Fish & chips|Fish & chips");
  CHECK(RenderPage("{{{script}}}", data) == "<script>alert('x')</script>");
  CHECK(RenderPage("{{#list}}{{.}}{{/list}}", json{{"list", {"<", "'"}}}) == "&lt;&#39;");
}

TEST_CASE("mustache tags in the data are written literally, never rendered") {
  const json data = {{"text", "{{secret}} {{>partial}} {{#a}}x{{/a}}"}, {"secret", "LEAK"}};
  CHECK(RenderPage("{{text}}", data) == "{{secret}} {{&gt;partial}} {{#a}}x{{/a}}");
  CHECK(RenderPage("{{{text}}}", data) == "{{secret}} {{>partial}} {{#a}}x{{/a}}");
}

TEST_CASE("interpolated values: strings, numbers, booleans, null, missing") {
  const json data = json::parse(
      R"({"s": "text", "i": 85, "n": -3, "u": 18446744073709551615, "f": 1.21, "whole": 3.0,
          "t": true, "no": false, "null": null})");
  CHECK(RenderPage("{{s}}|{{i}}|{{n}}|{{u}}|{{f}}|{{whole}}|{{t}}|{{no}}|{{null}}|{{missing}}|",
                   data) == "text|85|-3|18446744073709551615|1.21|3.0|true|false|||");
}

TEST_CASE("truthiness follows the spec's !!data: null, false, 0, \"\" and [] are falsey") {
  struct Case {
    const char* value;  // JSON
    const char* expected;
  };
  const Case kCases[] = {
      {"null", "no"},       {"false", "no"},
      {"0", "no"},          {"0.0", "no"},
      {"\"\"", "no"},       {"[]", "no"},
      {"true", "yes"},      {"1", "yes"},
      {"-1", "yes"},        {"\"0\"", "yes"},
      {"\"false\"", "yes"}, {"{}", "yes"},
      {"[0]", "yes"},       {"[false, null]", "yesyes"},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.value);
    const json data = {{"v", json::parse(test.value)}};
    CHECK(RenderPage("{{#v}}yes{{/v}}{{^v}}no{{/v}}", data) == test.expected);
  }
  CHECK(RenderPage("{{#missing}}yes{{/missing}}{{^missing}}no{{/missing}}", json::object()) ==
        "no");
}

TEST_CASE("a page extends one base layout: blocks, partials and indentation") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("layouts/base",
                        "<!doctype html>\n"
                        "<html lang=\"{{lang}}\">\n"
                        "<head>\n"
                        "  <title>{{$title}}{{site}}{{/title}}</title>\n"
                        "</head>\n"
                        "<body>\n"
                        "  {{> partials/nav}}\n"
                        "  <main>\n"
                        "    {{$content}}\n"
                        "    {{/content}}\n"
                        "  </main>\n"
                        "</body>\n"
                        "</html>\n",
                        "templates/layouts/base.mustache", diagnostics));
  REQUIRE(templates.Add("partials/nav",
                        "<nav>\n"
                        "{{#nav}}\n"
                        "  <a href=\"{{url}}\">{{label}}</a>\n"
                        "{{/nav}}\n"
                        "</nav>\n",
                        "templates/partials/nav.mustache", diagnostics));
  REQUIRE(templates.Add("page",
                        "{{<layouts/base}}\n"
                        "  {{$title}}{{page.title}} – {{site}}{{/title}}\n"
                        "  {{$content}}\n"
                        "    <h1>{{page.title}}</h1>\n"
                        "    {{#page.paragraphs}}\n"
                        "    <p>{{.}}</p>\n"
                        "    {{/page.paragraphs}}\n"
                        "  {{/content}}\n"
                        "{{/layouts/base}}\n",
                        "templates/page.mustache", diagnostics));
  CHECK(diagnostics.items().empty());
  const json data = json::parse(R"({
      "lang": "en", "site": "Outcomes",
      "nav": [{"url": "/", "label": "Home"}, {"url": "/about/", "label": "About & help"}],
      "page": {"title": "Smoking", "paragraphs": ["One.", "Two <b>"]}})");
  std::string out;
  std::string error;
  REQUIRE_MESSAGE(templates.Render("page", data, out, &error), error);
  CHECK(out ==
        "<!doctype html>\n"
        "<html lang=\"en\">\n"
        "<head>\n"
        "  <title>Smoking – Outcomes</title>\n"
        "</head>\n"
        "<body>\n"
        "  <nav>\n"
        "    <a href=\"/\">Home</a>\n"
        "    <a href=\"/about/\">About &amp; help</a>\n"
        "  </nav>\n"
        "  <main>\n"
        "    <h1>Smoking</h1>\n"
        "    <p>One.</p>\n"
        "    <p>Two &lt;b&gt;</p>\n"
        "  </main>\n"
        "</body>\n"
        "</html>\n");
  // The layout alone renders its defaults.
  out.clear();
  REQUIRE(templates.Render("layouts/base", data, out, &error));
  CHECK(out.find("<title>Outcomes</title>") != std::string::npos);
}

TEST_CASE("parsed once, rendered concurrently from many threads with identical output") {
  Templates templates;
  base::Diagnostics diagnostics;
  REQUIRE(templates.Add("layout", "<h1>{{$title}}{{/title}}</h1>\n  {{>row}}\n{{$body}}{{/body}}",
                        "layout.mustache", diagnostics));
  REQUIRE(templates.Add("row", "{{#rows}}\n<tr><td>{{name}}</td><td>{{value}}</td></tr>\n{{/rows}}",
                        "row.mustache", diagnostics));
  REQUIRE(templates.Add("page",
                        "{{<layout}}{{$title}}{{title}}{{/title}}"
                        "{{$body}}{{#rows}}{{^value}}none {{/value}}{{/rows}}{{/body}}{{/layout}}",
                        "page.mustache", diagnostics));
  json data = {{"title", "T & <U>"}, {"rows", json::array()}};
  for (int row_idx = 0; row_idx < 200; ++row_idx) {
    data["rows"].push_back({{"name", "area " + std::to_string(row_idx)}, {"value", row_idx % 7}});
  }
  std::string expected;
  std::string error;
  REQUIRE(templates.Render("page", data, expected, &error));
  REQUIRE(expected.size() > 5000);

  constexpr int kThreads = 8;
  constexpr int kRendersPerThread = 100;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  const Templates& shared = templates;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int render_idx = 0; render_idx < kRendersPerThread; ++render_idx) {
        std::string out;
        if (!shared.Render("page", data, out, nullptr) || out != expected) {
          ++mismatches[thread_idx];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    CAPTURE(thread_idx);
    CHECK(mismatches[thread_idx] == 0);
  }
}

class TempFolder {
 public:
  TempFolder() {
    path_ = std::filesystem::temp_directory_path() /
            ("outcomes-template-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() { std::filesystem::remove_all(path_); }
  void Write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST_CASE("LoadDirectory names templates by relative path and reports errors by file") {
  TempFolder folder;
  folder.Write("layouts/base.mustache", "<main>{{$content}}{{/content}}</main>");
  folder.Write("page.mustache",
               "{{<layouts/base}}{{$content}}{{>partials/hi}}{{/content}}{{/layouts/base}}");
  folder.Write("partials/hi.mustache", "Hi {{name}}");
  folder.Write("partials/broken.mustache", "ok\n\n  {{#open}}");
  folder.Write("notes.txt", "{{ignored");
  Templates templates;
  base::Diagnostics diagnostics;
  CHECK_FALSE(templates.LoadDirectory(folder.path(), "templates/", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "templates/partials/broken.mustache:3:3: error: `{{#open}}` is never closed\n"
        "  hint: add the closing tag for `open` where it ends");
  CHECK(templates.Has("layouts/base"));
  CHECK(templates.Has("page"));
  CHECK(templates.Has("partials/hi"));
  CHECK_FALSE(templates.Has("partials/broken"));
  CHECK_FALSE(templates.Has("notes"));
  std::string out;
  CHECK(templates.Render("page", json{{"name", "Ada"}}, out, nullptr));
  CHECK(out == "<main>Hi Ada</main>");

  base::Diagnostics missing;
  CHECK_FALSE(templates.LoadDirectory(folder.path() + "/nope", "templates/", missing));
  REQUIRE(missing.error_count() == 1);
  CHECK(missing.items()[0].location.file == "templates/");
}

TEST_CASE("LoadDirectory reports a partial or parent that names no template, at the tag") {
  TempFolder folder;
  folder.Write("page.mustache", "<p>\n  {{>partials/statsu}}\n{{<layouts/bsae}}{{/layouts/bsae}}");
  folder.Write("partials/status.mustache", "ok");
  // A file that fails to parse is reported once, not again at each tag naming it.
  folder.Write("partials/broken.mustache", "{{#open}}");
  folder.Write("other.mustache", "{{>partials/broken}}{{>*dynamic}}");
  Templates templates;
  base::Diagnostics diagnostics;
  CHECK_FALSE(templates.LoadDirectory(folder.path(), "templates/", diagnostics));
  REQUIRE(diagnostics.error_count() == 3);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "templates/partials/broken.mustache:1:1: error: `{{#open}}` is never closed\n"
        "  hint: add the closing tag for `open` where it ends");
  CHECK(base::FormatDiagnostic(diagnostics.items()[1]) ==
        "templates/page.mustache:2:3: error: partial 'partials/statsu' not found: there is no "
        "templates/partials/statsu.mustache\n"
        "  hint: create templates/partials/statsu.mustache, or correct the name in the tag");
  CHECK(base::FormatDiagnostic(diagnostics.items()[2]) ==
        "templates/page.mustache:3:1: error: parent 'layouts/bsae' not found: there is no "
        "templates/layouts/bsae.mustache\n"
        "  hint: create templates/layouts/bsae.mustache, or correct the name in the tag");
}

TEST_CASE("LoadDirectory reports templates that include themselves, even inside a section") {
  TempFolder folder;
  folder.Write("a.mustache", "{{>b}}");
  folder.Write("b.mustache", "x\n{{#items}}{{>c}}{{/items}}");
  folder.Write("c.mustache", "{{<a}}{{/a}}");
  folder.Write("self.mustache", "{{#children}}{{>self}}{{/children}}");
  folder.Write("fine.mustache", "{{>a}}{{>a}}");  // includes a loop but is not on it
  Templates templates;
  base::Diagnostics diagnostics;
  CHECK_FALSE(templates.LoadDirectory(folder.path(), "templates/", diagnostics));
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "templates/c.mustache:1:1: error: parent 'a' makes templates include themselves in a "
        "loop: a -> b -> c -> a\n"
        "  hint: a template must not include itself, directly or through others: rendering it "
        "would never end");
  CHECK(diagnostics.items()[1].location.file == "templates/self.mustache");
  CHECK(diagnostics.items()[1].location.column == 14);
  CHECK(diagnostics.items()[1].message ==
        "partial 'self' makes templates include themselves in a loop: self -> self");
}

}  // namespace
}  // namespace outcomes::tmpl
