// Tests for outcomes::markdown: what a Document reports (headings, links, figures, with file
// lines) and the HTML it renders (GFM, heading ids, figure replacement, footnote prefixes, raw
// HTML and unsafe URLs), plus PlainText and use from several threads.
#include "markdown/markdown.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cctype>
#include <iterator>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "markdown/internal/slots.h"

namespace outcomes::markdown {
namespace {

std::string Identity(const std::string& url) { return url; }

std::string Render(std::string_view text, const Options& options = {},
                   const std::string& footnote_prefix = "doc-") {
  Document document = Document::Parse(text, 1, options);
  return document.RenderHtml(Identity, {}, footnote_prefix);
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every id="…" value in `html`.
std::vector<std::string> Ids(const std::string& html) {
  std::vector<std::string> ids;
  const std::string attribute = " id=\"";
  for (size_t pos = html.find(attribute); pos != std::string::npos;
       pos = html.find(attribute, pos + 1)) {
    const size_t start = pos + attribute.size();
    ids.push_back(html.substr(start, html.find('"', start) - start));
  }
  return ids;
}

TEST_CASE("GFM tables render with style alignment, never the obsolete align attribute") {
  const std::string html = Render("| Ward | Rate |\n|:-----|-----:|\n| Kursaal | 61.2 |\n");
  CHECK(Contains(html, "<table>"));
  CHECK(Contains(html, "<th style=\"text-align: left\">Ward</th>"));
  CHECK(Contains(html, "<th style=\"text-align: right\">Rate</th>"));
  CHECK(Contains(html, "<td style=\"text-align: right\">61.2</td>"));
  CHECK_FALSE(Contains(html, "align=\""));
}

TEST_CASE("GFM strikethrough and autolinks render") {
  CHECK(Render("~~old target~~ new") == "<p><del>old target</del> new</p>\n");
  const std::string html = Render("See www.example.com, <https://example.org/a> or a@example.org.");
  CHECK(Contains(html, "<a href=\"http://www.example.com\">www.example.com</a>"));
  CHECK(Contains(html, "<a href=\"https://example.org/a\">https://example.org/a</a>"));
  CHECK(Contains(html, "<a href=\"mailto:a@example.org\">a@example.org</a>"));
}

TEST_CASE("task list checkboxes are named by a label holding the item's text") {
  const std::string html = Render("- [ ] publish the plan\n- [x] agree the *targets*\n- plain\n");
  CHECK(html ==
        "<ul>\n"
        "<li><label class=\"task-item\"><input type=\"checkbox\" class=\"task-checkbox\" "
        "disabled=\"\" /> publish the plan</label></li>\n"
        "<li><label class=\"task-item\"><input type=\"checkbox\" class=\"task-checkbox\" "
        "checked=\"\" disabled=\"\" /> agree the <em>targets</em></label></li>\n"
        "<li>plain</li>\n"
        "</ul>\n");
  // A loose list keeps its paragraphs, with the label inside.
  const std::string loose = Render("- [x] one\n\n- [ ] two\n");
  CHECK(Contains(loose,
                 "<li>\n<p><label class=\"task-item\"><input type=\"checkbox\" "
                 "class=\"task-checkbox\" checked=\"\" disabled=\"\" /> one</label></p>"));
}

TEST_CASE("footnotes render with the caller's prefix on every id and internal link") {
  const std::string html = Render(
      "Rates fell[^src] and rose[^src] again[^2].\n\n[^src]: ONS, 2024.\n[^2]: Local data.\n", {},
      "story-");
  CHECK(Contains(html,
                 "<sup class=\"footnote-ref\"><a href=\"#story-fn-src\" "
                 "id=\"story-fnref-src\" data-footnote-ref>1</a></sup>"));
  CHECK(Contains(html, "id=\"story-fnref-src-2\""));
  CHECK(Contains(html, "<section class=\"footnotes\" data-footnotes>"));
  CHECK(Contains(html, "<li id=\"story-fn-src\">"));
  CHECK(Contains(html, "<li id=\"story-fn-2\">"));
  CHECK(Contains(html, "<a href=\"#story-fnref-src\" class=\"footnote-backref\""));
  CHECK(Contains(html, "<a href=\"#story-fnref-src-2\" class=\"footnote-backref\""));
  CHECK(Contains(html, "<a href=\"#story-fnref-2\" class=\"footnote-backref\""));
  CHECK_FALSE(Contains(html, "\"#fn-"));
  CHECK_FALSE(Contains(html, "\"fn-"));
  CHECK_FALSE(Contains(html, "\"#fnref-"));
  CHECK_FALSE(Contains(html, "\"fnref-"));
  // Characters that do not belong in an id are dropped from the prefix.
  const std::string odd = Render("A[^1].\n\n[^1]: B.\n", {}, "a\"b c<");
  CHECK(Contains(odd, "<li id=\"abcfn-1\">"));
}

TEST_CASE("two documents with different footnote prefixes share no id") {
  const std::string text = "## Notes\n\nOne[^1] two[^2].\n\n[^1]: First.\n[^2]: Second.\n";
  const std::string first = Render(text, {}, "definition-");
  const std::string second = Render(text, {}, "method-");
  std::vector<std::string> footnote_ids;
  for (const std::string& html : {first, second}) {
    for (const std::string& id : Ids(html)) {
      if (id.find("fn") != std::string::npos) footnote_ids.push_back(id);
    }
  }
  REQUIRE(footnote_ids.size() == 8);  // two references and two definitions in each
  CHECK(std::set<std::string>(footnote_ids.begin(), footnote_ids.end()).size() == 8);
}

TEST_CASE("headings get unique slug ids, in source order") {
  const Document document = Document::Parse(
      "# Why it matters\n\n## Why it matters\n\n## Why it matters?\n\n### Why it matters 2\n\n"
      "## Café & Ŵyl: children's centres\n\n## `gld` *levels*\n\n## !!!\n\nSetext\n---\n",
      1, {});
  const auto& headings = document.headings();
  REQUIRE(headings.size() == 8);
  CHECK(headings[0].level == 1);
  CHECK(headings[0].text == "Why it matters");
  CHECK(headings[0].id == "why-it-matters");
  CHECK(headings[1].id == "why-it-matters-2");
  CHECK(headings[2].id == "why-it-matters-3");
  CHECK(headings[3].level == 3);
  CHECK(headings[3].id == "why-it-matters-2-2");  // its own slug was taken by the repeat
  CHECK(headings[4].text == "Café & Ŵyl: children's centres");
  CHECK(headings[4].id == "cafe-wyl-childrens-centres");
  CHECK(headings[5].text == "gld levels");
  CHECK(headings[5].id == "gld-levels");
  CHECK(headings[6].id == "section");
  CHECK(headings[7].level == 2);
  CHECK(headings[7].text == "Setext");
  CHECK(headings[7].line == 15);
}

TEST_CASE("repeated headings number on from the last suffix, skipping ids already taken") {
  const Document document =
      Document::Parse("# A\n# A 3\n# A\n# A\n# A\n# A 2 2\n# A 2\n# A\n", 1, {});
  std::vector<std::string> ids;
  for (const Heading& heading : document.headings()) ids.push_back(heading.id);
  CHECK(ids == std::vector<std::string>{"a", "a-3", "a-2", "a-4", "a-5", "a-2-2", "a-2-3", "a-6"});
  // 20,000 equal headings (this took 30 s when each one tried every suffix from 2 again).
  std::string many;
  for (int idx = 0; idx < 20000; ++idx) many += "## Same\n\n";
  const Document repeated = Document::Parse(many, 1, {});
  REQUIRE(repeated.headings().size() == 20000);
  CHECK(repeated.headings()[0].id == "same");
  CHECK(repeated.headings()[1].id == "same-2");
  CHECK(repeated.headings()[19999].id == "same-20000");
}

std::string Repeat(std::string_view text, size_t times) {
  std::string out;
  for (size_t idx = 0; idx < times; ++idx) out += text;
  return out;
}

TEST_CASE("CheckLimits allows tables of 200 columns and nesting 100 deep") {
  const std::string table = Repeat("| a ", 200) + "|\n" + Repeat("|---", 200) + "|\n";
  CHECK_FALSE(CheckLimits(table, 1).has_value());
  CHECK_FALSE(CheckLimits(Repeat("> ", 100) + "x\n", 1).has_value());
  CHECK_FALSE(CheckLimits(Repeat("- ", 100) + "x\n", 1).has_value());
  CHECK_FALSE(CheckLimits(Repeat("\\|", 5000) + "\n", 1).has_value());  // escaped: text
  std::string list;  // nested by indentation, 100 levels
  for (size_t level = 0; level < 100; ++level) list += std::string(2 * level, ' ') + "- x\n";
  CHECK_FALSE(CheckLimits(list, 1).has_value());
  Document document = Document::Parse(table + Repeat(">", 100) + " deep\n", 1, {});
  CHECK(Contains(document.RenderHtml(Identity, {}, "d-"), "<p>deep</p>"));
}

TEST_CASE("CheckLimits finds wide table rows and deep nesting, at the file line and column") {
  struct Case {
    std::string markdown;
    uint32_t line;
    uint32_t column;
    const char* message;
  };
  const Case kCases[] = {
      {"Intro\n\n" + Repeat("| a ", 201) + "|\n", 12, 805,
       "more than 201 '|' on one line: a table may have at most 200 columns"},
      {Repeat("|", 20000), 10, 202,
       "more than 201 '|' on one line: a table may have at most 200 columns"},
      {Repeat(">", 101) + " x\n", 10, 101,
       "block quotes and lists nested more than 100 levels deep"},
      {Repeat("> - ", 60) + "x\n", 10, 201,
       "block quotes and lists nested more than 100 levels deep"},
      {"text\n" + std::string(202, ' ') + "x\n", 11, 202,
       "block quotes and lists nested more than 100 levels deep"},
      {Repeat(">", 300000) + "\n" + Repeat("lazy\n", 10), 10, 101,
       "block quotes and lists nested more than 100 levels deep"},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.markdown.substr(0, 60));
    const std::optional<LimitProblem> problem = CheckLimits(test.markdown, 10);
    REQUIRE(problem.has_value());
    CHECK(problem->line == test.line);
    CHECK(problem->column == test.column);
    CHECK(problem->message == test.message);
    CHECK_FALSE(problem->hint.empty());
  }
}

TEST_CASE("headings render with their ids and avoid reserved ids") {
  Options options;
  options.reserved_ids = {"main", "content"};
  Document document = Document::Parse("## Main\n\nText.\n\n# Content *here*\n", 1, options);
  REQUIRE(document.headings().size() == 2);
  CHECK(document.headings()[0].id == "main-2");
  const std::string html = document.RenderHtml(Identity, {}, "x-");
  CHECK(html ==
        "<h2 id=\"main-2\">Main</h2>\n<p>Text.</p>\n<h1 id=\"content-here\">Content "
        "<em>here</em></h1>\n");
}

TEST_CASE("reported lines are file lines: first_line is added") {
  const std::string text =
      "# Title\n"                               // 1
      "\n"                                      // 2
      "See [the plan](plan.md) and\n"           // 3
      "[the map](map.md) or ![](chart.png).\n"  // 4
      "\n"                                      // 5
      "> Quoted [source](src.md).\n"            // 6
      "\n"                                      // 7
      "- item [one](one.md)\n"                  // 8
      "\n"                                      // 9
      "| a | b |\n"                             // 10
      "|---|---|\n"                             // 11
      "| [cell](cell.md) | x |\n"               // 12
      "\n"                                      // 13
      "Mail a@example.org\n"                    // 14
      "then [last](last.md)[^n].\n"             // 15
      "\n"                                      // 16
      "```chart\n"                              // 17
      "indicator: gld\n"                        // 18
      "```\n"                                   // 19
      "\n"                                      // 20
      "[^n]: Note [fn](fn.md).\n"               // 21
      "\n"                                      // 22
      "After [after](after.md).\n";             // 23
  // Five lines of front matter precede the Markdown.
  const uint32_t first_line = 6;
  const Document document = Document::Parse(text, first_line, {});
  const auto file_line = [&](uint32_t line) { return line + first_line - 1; };

  REQUIRE(document.headings().size() == 1);
  CHECK(document.headings()[0].line == file_line(1));

  struct Expected {
    const char* destination;
    uint32_t line;
    uint32_t column;
  };
  const Expected kExpected[] = {
      {"plan.md", 3, 5},
      {"map.md", 4, 1},
      {"chart.png", 4, 22},
      {"src.md", 6, 10},
      {"one.md", 8, 8},
      {"cell.md", 12, 3},
      {"mailto:a@example.org", 14, 0},  // e-mail autolinks carry no column
      {"last.md", 15, 6},
      {"fn.md", 21, 12},
      {"after.md", 23, 7},
  };
  const auto& links = document.links();
  REQUIRE(links.size() == std::size(kExpected));
  for (size_t link_idx = 0; link_idx < links.size(); ++link_idx) {
    CAPTURE(link_idx);
    CHECK(links[link_idx].destination == kExpected[link_idx].destination);
    CHECK(links[link_idx].line == file_line(kExpected[link_idx].line));
    CHECK(links[link_idx].column == kExpected[link_idx].column);
  }

  REQUIRE(document.figures().size() == 1);
  CHECK(document.figures()[0].kind == "chart");
  CHECK(document.figures()[0].body == "indicator: gld\n");
  CHECK(document.figures()[0].line == file_line(17));
}

TEST_CASE("rewrite is applied to every link and image destination") {
  Document document = Document::Parse(
      "[Strategy](../content/strategies/x.md), ![Map of wards](img/map.png) and [ref].\n\n"
      "[ref]: ../content/about.md\n",
      1, {});
  REQUIRE(document.links().size() == 3);
  CHECK(document.links()[2].destination == "../content/about.md");
  std::vector<std::string> seen;
  const std::string html = document.RenderHtml(
      [&](const std::string& url) {
        seen.push_back(url);
        if (url == "../content/strategies/x.md") return std::string("../strategies/x/");
        if (url == "img/map.png") return std::string("../static/map.png");
        return std::string("../about/");
      },
      {}, "p-");
  CHECK(seen == std::vector<std::string>{"../content/strategies/x.md", "img/map.png",
                                         "../content/about.md"});
  CHECK(html ==
        "<p><a href=\"../strategies/x/\">Strategy</a>, <img src=\"../static/map.png\" alt=\"Map "
        "of wards\" /> and <a href=\"../about/\">ref</a>.</p>\n");
  // Each render starts again from the parsed destinations.
  const std::string again = document.RenderHtml(Identity, {}, "p-");
  CHECK(Contains(again, "href=\"../content/strategies/x.md\""));
}

TEST_CASE("figure blocks are replaced by the caller's HTML and the content around them stays") {
  Document document = Document::Parse(
      "Before **it**.\n\n```chart\nindicator: gld\nareas: [target-area]\n```\n\n"
      "```yaml\nnot: a figure\n```\n\n- In a list:\n\n  ~~~status  extra words\n  indicator: x\n"
      "  ~~~\n\nAfter.\n",
      1, {});
  const auto& figures = document.figures();
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].kind == "chart");
  CHECK(figures[0].body == "indicator: gld\nareas: [target-area]\n");
  CHECK(figures[0].line == 3);
  CHECK(figures[1].kind == "status");
  CHECK(figures[1].body == "indicator: x\n");
  CHECK(figures[1].line == 14);
  const std::string html =
      document.RenderHtml(Identity, {"<figure>chart</figure>", "<figure>status</figure>"}, "p-");
  CHECK(html ==
        "<p>Before <strong>it</strong>.</p>\n"
        "<figure>chart</figure>\n"
        "<pre><code class=\"language-yaml\">not: a figure\n</code></pre>\n"
        "<ul>\n<li>\n<p>In a list:</p>\n<figure>status</figure>\n</li>\n</ul>\n"
        "<p>After.</p>\n");
  // A figure without HTML renders as nothing; extra HTML is ignored.
  const std::string partial = document.RenderHtml(Identity, {"<figure>only</figure>"}, "p-");
  CHECK(Contains(partial, "<figure>only</figure>"));
  CHECK_FALSE(Contains(partial, "status"));
  CHECK_FALSE(Contains(partial, "indicator"));
}

TEST_CASE("a prepared document renders as the parsed one does, for any rewrite, on any thread") {
  const std::string text =
      "# Title\n\nSee [a](a.md), ![pic](p.png) and [b](b.md#x \"B\").[^n]\n\n"
      "```chart\nindicator: gld\n```\n\nText that names outcomes-slot-0000000000000000-L0- "
      "and <b>bold</b>.\n\n| x |\n|---|\n| [c](a.md) |\n\n[^n]: Note with [d](d.md).\n";
  auto rewrite_one = [](const std::string& url) { return "../one/" + url + "?q=1&r='2'"; };
  auto rewrite_two = [](const std::string& url) { return url == "a.md" ? "javascript:x" : url; };
  Document document = Document::Parse(text, 1, {});
  const std::string one = document.RenderHtml(rewrite_one, {"<figure>1</figure>"}, "one-");
  const std::string two = document.RenderHtml(rewrite_two, {}, "two_");
  CHECK(Contains(one, "href=\"../one/a.md?q=1&amp;r=&#x27;2&#x27;\""));
  CHECK(Contains(one, "src=\"../one/p.png?q=1&amp;r=&#x27;2&#x27;\""));
  CHECK(Contains(one, "<figure>1</figure>\n"));
  CHECK(Contains(one, "names outcomes-slot-0000000000000000-L0- and"));
  CHECK(Contains(two, "<a href=\"\">a</a>"));  // unsafe after rewriting
  CHECK(Contains(two, "id=\"two_fn-n\""));
  const Prepared prepared = Document::Parse(text, 1, {}).Prepare();
  std::vector<std::thread> threads;
  std::atomic<int> same{0};
  for (int thread = 0; thread < 4; ++thread)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        same += prepared.Render(rewrite_one, {"<figure>1</figure>"}, "one-") == one;
        same += prepared.Render(rewrite_two, {}, "two_") == two;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(same == 400);
}

TEST_CASE("figure kinds come from the options") {
  Options options;
  options.figure_kinds = {"trend"};
  const Document document =
      Document::Parse("```chart\na: 1\n```\n\n```trend\nb: 2\n```\n\n    indented\n", 1, options);
  REQUIRE(document.figures().size() == 1);
  CHECK(document.figures()[0].kind == "trend");
}

TEST_CASE("raw HTML is never output as HTML when it is not allowed") {
  const std::string html = Render(
      "<script>alert(1)</script>\n\nA picture <img src=x onerror=alert(1)> here.\n\n"
      "<!-- a note for editors -->\n\nInline <b>bold</b> and <!-- hidden --> text.\n\n"
      "<div onclick=\"alert(1)\">\nblock\n</div>\n");
  CHECK_FALSE(Contains(html, "<script"));
  CHECK_FALSE(Contains(html, "<img"));
  CHECK_FALSE(Contains(html, "<b>"));
  CHECK_FALSE(Contains(html, "<div"));
  CHECK_FALSE(Contains(html, "<!--"));
  CHECK(Contains(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
  CHECK(Contains(html, "A picture &lt;img src=x onerror=alert(1)&gt; here."));
  CHECK(Contains(html, "<p>Inline &lt;b&gt;bold&lt;/b&gt; and  text.</p>"));
  CHECK(Contains(html, "<p>&lt;div onclick=&quot;alert(1)&quot;&gt;\nblock\n&lt;/div&gt;</p>"));
  CHECK_FALSE(Contains(html, "a note for editors"));
  CHECK_FALSE(Contains(html, "hidden"));
}

TEST_CASE("raw HTML passes when allowed, with GFM's tagfilter") {
  Options options;
  options.allow_raw_html = true;
  const Document document =
      Document::Parse("## A <abbr title=\"National Health Service\">NHS</abbr> plan\n", 1, options);
  REQUIRE(document.headings().size() == 1);
  CHECK(document.headings()[0].text == "A NHS plan");
  CHECK(document.headings()[0].id == "a-nhs-plan");
  const std::string html = Render(
      "Inline <b>bold</b>.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n", options);
  CHECK(Contains(html, "<b>bold</b>"));
  CHECK_FALSE(Contains(html, "<script"));
  CHECK(Contains(html, "&lt;script>"));
  CHECK_FALSE(Contains(html, "javascript:"));
}

TEST_CASE("unsafe URLs are never output") {
  const char* const kUnsafe[] = {
      "[x](javascript:alert(1))",
      "[x](JavaScript:alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](<java\tscript:alert(1)>)",
      "<javascript:alert(1)>",
      "[x](vbscript:msgbox(1))",
      "[x](data:text/html;base64,PHNjcmlwdD4=)",
      "![x](data:image/svg+xml;base64,PHN2Zz4=)",
      "[x](file:///etc/passwd)",
      "[x][r]\n\n[r]: javascript:alert(1)",
  };
  for (bool allow_raw_html : {false, true}) {
    Options options;
    options.allow_raw_html = allow_raw_html;
    for (const std::string text : kUnsafe) {
      CAPTURE(text);
      CAPTURE(allow_raw_html);
      Document document = Document::Parse(text, 1, options);
      REQUIRE(document.links().size() == 1);
      const std::string html = document.RenderHtml(Identity, {}, "p-");
      CHECK((Contains(html, "href=\"\"") || Contains(html, "src=\"\"")));
      // No attribute value names the scheme (an autolink's TEXT may: it is shown, not followed).
      std::string lower = html;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const char* scheme : {"=\"javascript", "=\"vbscript", "=\"data:", "=\"file:"}) {
        CHECK_FALSE(Contains(lower, scheme));
      }
    }
  }
  // A rewrite that returns an unsafe URL is caught too; images may use raster data: URLs.
  Document document =
      Document::Parse("[x](page.md) ![dot](data:image/png;base64,iVBORw0KGgo=)", 1, {});
  const std::string html = document.RenderHtml(
      [](const std::string& url) {
        return url == "page.md" ? std::string("javascript:alert(1)") : url;
      },
      {}, "p-");
  CHECK(Contains(html, "<a href=\"\">x</a>"));
  CHECK(Contains(html, "src=\"data:image/png;base64,iVBORw0KGgo=\""));
}

TEST_CASE("template syntax in Markdown comes out as literal text") {
  CHECK(Render("Hello {{mustache}} and {{{triple}}} {{#section}}x{{/section}}") ==
        "<p>Hello {{mustache}} and {{{triple}}} {{#section}}x{{/section}}</p>\n");
  const std::string code = Render("`{{name}}`");
  CHECK(code == "<p><code>{{name}}</code></p>\n");
}

TEST_CASE("images report their alt text, empty when there is none") {
  const Document document = Document::Parse(
      "![](a.png) ![A *bar* chart of rates](b.png) [link](c.md) [![](d.png)](e.md)", 1, {});
  const auto& links = document.links();
  REQUIRE(links.size() == 5);
  CHECK(links[0].is_image);
  CHECK(links[0].alt_text.empty());
  CHECK(links[1].is_image);
  CHECK(links[1].alt_text == "A bar chart of rates");
  CHECK_FALSE(links[2].is_image);
  CHECK(links[2].alt_text.empty());
  CHECK_FALSE(links[3].is_image);
  CHECK(links[3].destination == "e.md");
  CHECK(links[4].is_image);
  CHECK(links[4].destination == "d.png");
  CHECK(links[4].alt_text.empty());
}

TEST_CASE("documents move, a moved-from document renders nothing") {
  Document first = Document::Parse("# Title\n\n[a](b.md)\n", 3, {});
  Document second = std::move(first);
  CHECK(second.headings().size() == 1);
  CHECK(second.links().size() == 1);
  CHECK(second.RenderHtml(Identity, {}, "p-") ==
        "<h1 id=\"title\">Title</h1>\n<p><a href=\"b.md\">a</a></p>\n");
  CHECK(first.RenderHtml(Identity, {}, "p-").empty());  // NOLINT(bugprone-use-after-move)
  Document third = Document::Parse("", 1, {});
  third = std::move(second);
  CHECK(third.links().size() == 1);
  CHECK(Document::Parse("", 1, {}).RenderHtml(Identity, {}, "p-").empty());
}

TEST_CASE("PlainText keeps the words a reader sees and nothing else") {
  struct Case {
    const char* markdown;
    const char* text;
  };
  const Case kCases[] = {
      {"**Children** in [Kursaal](wards/kursaal.md) reached a *good level*.",
       "Children in Kursaal reached a good level."},
      {"Line one\nline two  \nline three", "Line one line two line three"},
      {"# Heading\n\nPara.\n\n- one\n- two\n\n> quoted", "Heading Para. one two quoted"},
      {"Fish &amp; chips &lt;3 `a < b`", "Fish & chips <3 a < b"},
      {"Raw <b>bold</b> <!-- note -->here\n\n<div>\ngone\n</div>\n", "Raw bold here"},
      {"See ![a map of wards](m.png).", "See a map of wards."},
      {"Rates fell[^1].\n\n[^1]: Source: ONS.", "Rates fell."},
      {"Before\n\n```chart\nindicator: gld\n```\n\nAfter", "Before After"},
      {"| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
      {"- [x] done\n- [ ] todo", "done todo"},
      {"~~old~~ new www.example.com", "old new www.example.com"},
      {"", ""},
      {"   \n\n  ", ""},
  };
  for (const Case& test : kCases) {
    CAPTURE(test.markdown);
    CHECK(PlainText(test.markdown) == test.text);
  }
}

TEST_CASE("different documents parse and render correctly on several threads at once") {
  // cmark-gfm switches extension characters on and off in a global table while parsing; without
  // the module's lock, one thread finishing a parse turns strikethrough and autolinks off under
  // another.
  std::vector<std::string> texts;
  for (int text_idx = 0; text_idx < 8; ++text_idx) {
    std::string text = "# Part " + std::to_string(text_idx) + "\n\n";
    for (int para_idx = 0; para_idx < 40; ++para_idx) {
      text += "~~old~~ new www.example" + std::to_string(para_idx) +
              ".org and x@y.org [^n] | a |\n\n| a | b |\n|---|--:|\n| ~~1~~ | 2 |\n\n";
    }
    text += "[^n]: Note.\n";
    texts.push_back(std::move(text));
  }
  std::vector<std::string> expected;
  for (const std::string& text : texts) expected.push_back(Render(text));
  for (const std::string& html : expected) {
    REQUIRE(Contains(html, "<del>old</del>"));
    REQUIRE(Contains(html, "href=\"http://www.example39.org\""));
  }

  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (size_t text_idx = 0; text_idx < texts.size(); ++text_idx) {
    threads.emplace_back([&, text_idx] {
      for (int round = 0; round < 25; ++round) {
        if (Render(texts[text_idx]) != expected[text_idx]) ++mismatches;
        if (PlainText(texts[text_idx]).empty()) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches.load() == 0);
}

TEST_CASE("text holding this run's slot prefix stays text, whatever slot number follows") {
  // Found by fuzzing (tests/fuzz/regressions/markdown/): the slot prefix is random, but a page
  // that held it with a slot number past the document's links was read out of bounds.
  const std::string& prefix = internal::SlotPrefix();
  const std::string text = "See " + prefix + "L7- and " + prefix + "F3-\n, " + prefix + "L0- " +
                           prefix + "Lx- " + prefix + "L99999999999999999999- and [a](a.md)\n";
  const std::string html = Render(text);
  CHECK(Contains(html, prefix + "L7- and"));
  CHECK(Contains(html, prefix + "F3-"));
  CHECK(Contains(html, prefix + "L99999999999999999999-"));
  CHECK(Contains(html, ">a</a>"));
}

}  // namespace
}  // namespace outcomes::markdown
