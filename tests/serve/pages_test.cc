// The reload script's injection, the error page and escaping.
#include <doctest/doctest.h>

#include <string>

#include "serve/internal/pages.h"

using namespace outcomes::serve;  // NOLINT: a test file, not a header

TEST_CASE("the reload script goes before the last </body> in any case") {
  const std::string script = ReloadScript(7);
  CHECK(script.find("\"7\"") != std::string::npos);
  CHECK(script.find("/_outcomes/events") != std::string::npos);
  CHECK(script.find("location.reload()") != std::string::npos);
  CHECK(InjectReloadScript("<p>x</p></body></html>", 7) == "<p>x</p>" + script + "</body></html>");
  CHECK(InjectReloadScript("<p></body></p></BODY>", 7) == "<p></body></p>" + script + "</BODY>");
  CHECK(InjectReloadScript("<p>no body end</p>", 7) == "<p>no body end</p>" + script);
  CHECK(InjectReloadScript("", 7) == script);
}

TEST_CASE("the error page lists every diagnostic as file:line:col and escapes them") {
  outcomes::base::Diagnostics diagnostics;
  diagnostics.Error({"data/observations/x.csv", 14, 31}, "count '<b>' is not a number",
                    "write a number & try \"again\"");
  diagnostics.Warning({"content/a.md", 2, 0}, "unknown area");
  const std::string page = ErrorPage(diagnostics, 3);
  CHECK(page.find("data/observations/x.csv:14:31: error: count &#39;&lt;b&gt;&#39; is not a "
                  "number") != std::string::npos);
  CHECK(page.find("hint: write a number &amp; try &quot;again&quot;") != std::string::npos);
  CHECK(page.find("content/a.md:2: warning: unknown area") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("1 error(s)") != std::string::npos);
  CHECK(page.find(ReloadScript(3)) != std::string::npos);
}

TEST_CASE("HTML escaping") {
  CHECK(EscapeHtml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(NotFoundPage("/<x>", 1).find("/&lt;x&gt;") != std::string::npos);
}
