// Markdown with figure blocks and links, as content pages and narrative fields are read and
// rendered: CheckLimits first (as every loader does), then Parse with and without raw HTML,
// every link rewritten and every figure block replaced, as the website writer renders a page.
// The prepared rendering must give the same bytes as rendering the document directly.
#include <cstdlib>

#include "fuzz_site.h"
#include "markdown/internal/slots.h"
#include "markdown/markdown.h"

namespace {

// `text` with every slot prefix of another run (markdown/internal/slots.h: "outcomes-slot-",
// 16 hex digits, '-') made this run's. libFuzzer learns the run's random prefix from the
// program's comparisons; so a reproducer that holds it reproduces in every run.
std::string WithThisRunsSlots(std::string text) {
  const std::string& prefix = outcomes::markdown::internal::SlotPrefix();
  constexpr std::string_view kStart = "outcomes-slot-";
  for (size_t at = text.find(kStart); at != std::string::npos; at = text.find(kStart, at + 1)) {
    if (at + prefix.size() > text.size() || text[at + prefix.size() - 1] != '-') continue;
    const std::string_view digits(text.data() + at + kStart.size(), 16);
    if (digits.find_first_not_of("0123456789abcdef") == std::string_view::npos)
      text.replace(at, prefix.size(), prefix);
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  const std::string text = WithThisRunsSlots(fuzz::Text(data, size));
  markdown::PlainText(text);
  if (markdown::CheckLimits(text, 3)) return 0;
  for (const bool allow_raw_html : {false, true}) {
    markdown::Options options;
    options.allow_raw_html = allow_raw_html;
    options.reserved_ids = {"main", "content"};
    markdown::Document document = markdown::Document::Parse(text, 3, options);
    // Links to other pages become relative URLs with an anchor; the rest stay as written.
    auto rewrite = [](const std::string& destination) {
      return destination.ends_with(".md") ? "../" + destination.substr(0, destination.size() - 3) +
                                                "/#top"
                                          : destination;
    };
    std::vector<std::string> figures;
    for (size_t figure_idx = 0; figure_idx < document.figures().size(); ++figure_idx)
      figures.push_back("<figure>" + std::to_string(figure_idx) + "</figure>");
    if (!figures.empty() && size % 3 == 0) figures.pop_back();  // one left without HTML
    const std::string direct = document.RenderHtml(rewrite, figures, "p_");
    const markdown::Prepared prepared = document.Prepare();
    if (prepared.Render(rewrite, figures, "p_") != direct) std::abort();
  }
  return 0;
}
