// Tests for the URL safety check RenderHtml applies to every destination.
#include "markdown/internal/url.h"

#include "markdown/internal/gfm.h"

#include <doctest/doctest.h>

#include <string>

namespace outcomes::markdown::internal {
namespace {

TEST_CASE("IsUnsafeUrl refuses script, file and non-image data URLs however they are written") {
  const std::string kUnsafe[] = {
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " \x01javascript:alert(1)",
      "java\tscr\nipt:alert(1)",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "data:text/html,<script>alert(1)</script>",
      std::string("\0javascript:x", 13),
  };
  for (const std::string& url : kUnsafe) {
    CAPTURE(url);
    CHECK(IsUnsafeUrl(url, false));
    CHECK(IsUnsafeUrl(url, true));
  }
  CHECK(IsUnsafeUrl("data:image/png;base64,AAAA", false));
  CHECK(IsUnsafeUrl("data:image/svg+xml,<svg/>", true));
  CHECK(IsUnsafeUrl("data:image/pngx,AAAA", true));
}

TEST_CASE("IsUnsafeUrl accepts ordinary links and raster data images") {
  const std::string kSafe[] = {
      "",
      "../strategies/x/",
      "page.md#why-it-matters",
      "#fn-1",
      "https://example.org/javascript:",
      "http://www.example.com",
      "mailto:someone@example.org",
      "tel:+441702215000",
      "javascript.html",
      "folder/javascript:x",
      "?q=javascript:x",
  };
  for (const std::string& url : kSafe) {
    CAPTURE(url);
    CHECK_FALSE(IsUnsafeUrl(url, false));
  }
  for (const char* url : {"data:image/png;base64,AAAA", "DATA:IMAGE/JPEG;base64,AAAA",
                          "data:image/gif,x", "data:image/webp;base64,AAAA"}) {
    CAPTURE(url);
    CHECK_FALSE(IsUnsafeUrl(url, true));
  }
}

// The href cmark-gfm itself writes for a link whose URL is `url`.
std::string CmarkHref(const std::string& url) {
  Gfm gfm = ParseGfm("[x](y)\n", CMARK_OPT_UNSAFE);
  cmark_node* link = cmark_node_first_child(cmark_node_first_child(gfm.root.get()));
  REQUIRE(cmark_node_get_type(link) == CMARK_NODE_LINK);
  cmark_node_set_url(link, url.c_str());
  const std::string html = RenderGfmHtml(gfm, CMARK_OPT_UNSAFE);
  const size_t start = html.find("href=\"") + 6;
  return html.substr(start, html.find('"', start) - start);
}

TEST_CASE("AppendEscapedHref writes every byte as cmark-gfm writes it into an href") {
  for (int byte = 1; byte < 256; ++byte) {
    const std::string url = std::string("a") + static_cast<char>(byte) + "z";
    std::string ours;
    AppendEscapedHref(url, ours);
    CAPTURE(byte);
    CHECK(ours == CmarkHref(url));
  }
  std::string ours;
  AppendEscapedHref("../reports/r-1.html#next-steps?a=1&b='2' ü", ours);
  CHECK(ours == "../reports/r-1.html#next-steps?a=1&amp;b=&#x27;2&#x27;%20%C3%BC");
}

}  // namespace
}  // namespace outcomes::markdown::internal
