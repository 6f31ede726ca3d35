#include "serve/internal/pages.h"

#include <algorithm>

namespace outcomes::serve {

namespace {

// The top of our own pages: no stylesheet from the site (it may be the thing that is broken).
std::string PageStart(std::string_view title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         EscapeHtml(title) +
         "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
         "padding:0 1rem;line-height:1.5}pre{white-space:pre-wrap;background:#f4f4f4;"
         "padding:.75rem;border-left:4px solid #b00020}</style>\n</head>\n<body>\n<main>\n";
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string ReloadScript(uint64_t generation) {
  // Only a number and constants go into the script: nothing here needs escaping.
  return "<script>(function(){var built=\"" + std::to_string(generation) +
         "\";var events=new EventSource(\"" + std::string(kEventsPath) +
         "\");events.addEventListener(\"hello\",function(e){if(e.data!==built)location.reload();});"
         "events.addEventListener(\"reload\",function(){location.reload();});})();</script>\n";
}

std::string InjectReloadScript(std::string_view html, uint64_t generation) {
  static constexpr std::string_view kClose = "</body>";
  size_t at = std::string_view::npos;
  for (size_t idx = html.size() >= kClose.size() ? html.size() - kClose.size() + 1 : 0; idx > 0;
       --idx) {
    std::string_view candidate = html.substr(idx - 1, kClose.size());
    if (std::equal(candidate.begin(), candidate.end(), kClose.begin(), kClose.end(),
                   [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; })) {
      at = idx - 1;
      break;
    }
  }
  std::string script = ReloadScript(generation);
  if (at == std::string_view::npos) return std::string(html) + script;
  std::string out;
  out.reserve(html.size() + script.size());
  out.append(html.substr(0, at)).append(script).append(html.substr(at));
  return out;
}

std::string ErrorPage(const base::Diagnostics& diagnostics, uint64_t generation) {
  std::string page = PageStart("Build failed: " + std::to_string(diagnostics.error_count()) +
                               " error(s) – outcomes serve");
  page += "<h1>The site has " + std::to_string(diagnostics.error_count()) + " error(s)</h1>\n";
  page += "<p>Fix them and save: this page reloads by itself when the site builds again.</p>\n"
          "<ol>\n";
  for (const base::Diagnostic& diagnostic : diagnostics.items())
    page += "<li><pre>" + EscapeHtml(base::FormatDiagnostic(diagnostic)) + "</pre></li>\n";
  page += "</ol>\n</main>\n" + ReloadScript(generation) + "</body>\n</html>\n";
  return page;
}

std::string NotFoundPage(std::string_view path, uint64_t generation) {
  return PageStart("Not found – outcomes serve") + "<h1>Not found</h1>\n<p>Nothing is built at " +
         "<code>" + EscapeHtml(path) + "</code>.</p>\n<p><a href=\"/\">Home page</a></p>\n</main>\n" +
         ReloadScript(generation) + "</body>\n</html>\n";
}

}  // namespace outcomes::serve
