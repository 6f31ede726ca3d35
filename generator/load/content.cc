// Reads the YAML front matter of every content/**/*.md page. Markdown bodies are kept as text;
// rendering them is the website's job.
#include <algorithm>
#include <optional>

#include "base/parallel.h"
#include "base/utf8.h"
#include "markdown/markdown.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"

namespace outcomes::load::internal {

namespace {

// Splits "---\n<front matter>\n---\n<body>". Returns false if there is no front matter.
// `front` keeps the opening "---" line so YAML line numbers match the file's.
bool SplitFrontMatter(const std::string& text, std::string& front, std::string& body,
                      uint32_t& body_line) {
  size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  auto line_end = [&](size_t from) {
    size_t end = text.find('\n', from);
    return end == std::string::npos ? text.size() : end;
  };
  auto line_text = [&](size_t from, size_t end) {
    std::string line = text.substr(from, end - from);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  };
  size_t first_end = line_end(start);
  if (line_text(start, first_end) != "---") return false;
  uint32_t line = 1;
  size_t position = first_end + 1;
  while (position <= text.size()) {
    size_t end = line_end(position);
    ++line;
    std::string current = line_text(position, end);
    if (current == "---" || current == "...") {
      front = text.substr(start, position - start);
      body = end < text.size() ? text.substr(end + 1) : std::string();
      body_line = line + 1;
      return true;
    }
    if (end >= text.size()) break;
    position = end + 1;
  }
  return false;
}

// Reads one figure block's YAML (indicator, areas) into `figure`. The YAML's line numbers are
// made file lines by prefixing as many empty lines as precede the block's body.
void ReadFigure(const std::string& file, const markdown::FigureRef& ref, model::FigureSpec& figure,
                base::Diagnostics& diagnostics) {
  figure.kind = ref.kind;
  figure.location = {file, ref.line, 1};
  std::string text = std::string(ref.line, '\n') + ref.body;
  auto root = ParseYaml(text, file, diagnostics);
  if (!root) return;
  if (!root->IsDefined() || root->IsNull()) {
    diagnostics.Error(figure.location, "empty " + ref.kind + " block",
                      "give at least the indicator, e.g. indicator: gld");
    return;
  }
  YamlFields fields(*root, file, diagnostics, ref.kind + " block");
  if (!fields.ok()) return;
  if (fields.String("indicator", figure.indicator, true))
    figure.location = fields.Where("indicator");
  std::vector<base::Location> area_locations;
  fields.StringList("areas", figure.areas, false, &area_locations);
  fields.Finish();
}

// Parses the Markdown body for what other files must agree with: heading anchors, links and
// figure blocks. (The HTML is rendered later, by the website writer.)
void ReadBody(const std::string& file, const model::Site& site, model::ContentPage& page,
              base::Diagnostics& diagnostics) {
  if (const auto problem = markdown::CheckLimits(page.body, page.body_line)) {
    diagnostics.Error({file, problem->line, problem->column}, problem->message, problem->hint);
    page.body.clear();  // never parsed, here or when the page is built
    return;
  }
  // The options a build renders with (the words for screen readers in the site's language).
  markdown::Options options;
  options.allow_raw_html = site.config.allow_raw_html;
  options.table_label = site.text("md_table_label");  // keeps its {number}
  options.footnotes_heading = site.text("md_footnotes");
  options.footnote_back_label = site.text("md_footnote_back");
  markdown::Document document = markdown::Document::Parse(page.body, page.body_line, options);
  for (const auto& heading : document.headings()) page.anchors.push_back(heading.id);
  for (const auto& link : document.links()) {
    page.links.push_back({link.destination, link.is_image, {file, link.line, link.column}});
    if (link.is_image && link.alt_text.empty())
      diagnostics.Warning({file, link.line, link.column},
                          "image '" + link.destination + "' has no alt text",
                          "describe the image in the brackets: ![what it shows](" +
                              link.destination + ")");
  }
  for (const auto& ref : document.figures()) {
    model::FigureSpec figure;
    ReadFigure(file, ref, figure, diagnostics);
    page.figures.push_back(std::move(figure));
  }
  // Parsed once: what a build renders is kept, the tree and the Markdown go.
  page.prepared = std::make_shared<const markdown::Prepared>(document.Prepare());
  std::string().swap(page.body);
}

// quotes: [{text, who, consent}]: only a quote whose consent is recorded (consent: true) is
// kept; any other is left out of the site with a warning, so that it reaches no output.
void ReadQuotes(YamlFields& fields, const std::string& file, model::ContentPage& page,
                base::Diagnostics& diagnostics) {
  YAML::Node node = fields.Child("quotes", false);
  if (!node.IsDefined() || node.IsNull()) return;
  if (!node.IsSequence()) {
    diagnostics.Error(LocationOf(file, node), "'quotes' must be a list of quotes",
                      "e.g. quotes: [{text: \"...\", who: a parent in Kursaal, consent: true}]");
    return;
  }
  for (const auto& item : node) {
    YamlFields quote_fields(item, file, diagnostics, "quote");
    if (!quote_fields.ok()) continue;
    model::Quote quote;
    quote.location = LocationOf(file, item);
    bool consent = false;
    const bool has_text = quote_fields.String("text", quote.text, true);
    const bool has_who = quote_fields.String("who", quote.who, true);
    const bool said = quote_fields.Bool("consent", consent);
    quote_fields.Finish();
    if (!has_text || !has_who) continue;
    if (quote.text.size() > 1000)
      diagnostics.Error(quote_fields.Where("text"),
                        "a quote may be at most 1000 characters long, this one has " +
                            std::to_string(quote.text.size()),
                        "quote the words that matter; the page's text can say the rest");
    if (!said || !consent) {
      diagnostics.Warning(quote.location,
                          "quote by '" + quote.who + "' is not published: " +
                              (said ? "consent is false" : "no consent is recorded"),
                          "add consent: true once the person has agreed to be quoted");
      continue;
    }
    page.quotes.push_back(std::move(quote));
  }
}

}  // namespace

std::optional<model::ContentPage> ReadContentPage(const std::string& file, const std::string& text,
                                           const model::Site& site,
                                           base::Diagnostics& diagnostics) {
  if (auto bad = base::FindInvalidUtf8(text)) {
    diagnostics.Error({file, bad->line, bad->column}, "invalid UTF-8 in Markdown file");
    return std::nullopt;
  }
  std::string front;
  model::ContentPage page;
  if (!SplitFrontMatter(text, front, page.body, page.body_line)) {
    diagnostics.Error({file, 1, 1}, "missing front matter",
                      "start the file with a line '---', then title, summary, date and type, "
                      "then a closing '---'");
    return std::nullopt;
  }
  auto root = ParseYaml(front, file, diagnostics);
  if (!root) return std::nullopt;
  YamlFields fields(*root, file, diagnostics, "front matter");
  if (!fields.ok()) return std::nullopt;
  page.path = file.substr(std::string("content/").size());
  page.location = {file, 1, 1};
  fields.String("title", page.title, true);
  fields.String("summary", page.summary, true);
  if (fields.String("date", page.date, true) && !IsIsoDate(page.date))
    diagnostics.Error(fields.Where("date"),
                      "date must be written YYYY-MM-DD, got '" + page.date + "'");
  std::string type;
  if (fields.String("type", type, true)) {
    static const std::pair<const char*, model::ContentType> kTypes[] = {
        {"case-study", model::ContentType::kCaseStudy}, {"strategy", model::ContentType::kStrategy},
        {"report", model::ContentType::kReport},        {"minutes", model::ContentType::kMinutes},
        {"page", model::ContentType::kPage},            {"news", model::ContentType::kNews}};
    bool found = false;
    std::vector<std::string> names;
    for (const auto& [name, value] : kTypes) {
      names.push_back(name);
      if (type == name) {
        page.type = value;
        found = true;
      }
    }
    if (!found) {
      std::string closest = ClosestWord(type, names);
      diagnostics.Error(fields.Where("type"), "unknown content type '" + type + "'",
                        closest.empty()
                            ? "use case-study, strategy, report, minutes, page or news"
                            : "did you mean '" + closest + "'?");
    }
  }
  fields.StringList("outcomes", page.outcomes, false, &page.outcome_locations);
  fields.StringList("areas", page.areas, false, &page.area_locations);
  fields.String("author", page.author, false);
  fields.Bool("draft", page.draft);
  fields.StringList("evidence_for", page.evidence_for, false, &page.evidence_for_locations);
  if (fields.String("evidence", page.evidence_kind, false)) {
    static const std::vector<std::string> kKinds = {"case-study",   "family-story",
                                                    "survey",       "consultation",
                                                    "evaluation",   "distance-travelled"};
    if (std::find(kKinds.begin(), kKinds.end(), page.evidence_kind) == kKinds.end()) {
      const std::string closest = ClosestWord(page.evidence_kind, kKinds);
      diagnostics.Error(fields.Where("evidence"),
                        "unknown kind of evidence '" + page.evidence_kind + "'",
                        closest.empty() ? "use case-study, family-story, survey, consultation, "
                                          "evaluation or distance-travelled"
                                        : "did you mean '" + closest + "'?");
    }
  }
  ReadQuotes(fields, file, page, diagnostics);
  fields.Finish();
  ReadBody(file, site, page, diagnostics);
  return page;
}

// Files are read and parsed in parallel, and taken in the order they are listed, so pages and
// diagnostics come out as they would one by one.
void LoadContent(model::Site& site, base::Diagnostics& diagnostics) {
  const std::vector<std::string> files =
      ListFiles(site.root, "content", {".md"}, true, diagnostics);
  struct Read {
    std::optional<model::ContentPage> page;
    base::Diagnostics diagnostics;
  };
  base::InOrder<Read>(
      files.size(),
      [&](size_t idx) {
        Read read;
        if (auto text = ReadFile(site.root, files[idx], read.diagnostics, true))
          read.page = ReadContentPage(files[idx], *text, site, read.diagnostics);
        return read;
      },
      [&](size_t, Read& read) {
        diagnostics.Append(read.diagnostics);
        if (read.page) site.pages.push_back(std::move(*read.page));
        return true;
      },
      0, 64);
}

}  // namespace outcomes::load::internal
