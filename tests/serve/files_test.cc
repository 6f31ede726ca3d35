// Request targets to built files: decoding, refusals, folders, content types.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "serve/internal/files.h"

namespace fs = std::filesystem;
using outcomes::serve::ContentType;
using outcomes::serve::IsHtml;
using outcomes::serve::PercentDecode;
using outcomes::serve::Resolution;
using outcomes::serve::ResolveTarget;

namespace {

// A tiny built site: index.html, areas/index.html, a file with a space, a hidden marker file,
// and a secret beside the root that no target may reach.
fs::path MakeRoot() {
  fs::path base = fs::temp_directory_path() / ("outcomes-serve-files-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "site" / "areas");
  for (const char* file : {"site/index.html", "site/areas/index.html", "site/a b.csv",
                           "site/.outcomes-output", "secret.txt"})
    std::ofstream(base / file) << "x";
  return base / "site";
}

}  // namespace

TEST_CASE("percent-decoding refuses malformed escapes and NUL") {
  std::string out;
  CHECK(PercentDecode("/a%20b%2Fc", &out));
  CHECK(out == "/a b/c");
  CHECK_FALSE(PercentDecode("/a%2", &out));
  CHECK_FALSE(PercentDecode("/a%zz", &out));
  CHECK_FALSE(PercentDecode("/a%00b", &out));
}

TEST_CASE("targets resolve to files under the root and nowhere else") {
  const fs::path root = MakeRoot();
  struct Case {
    const char* target;
    Resolution kind;
    const char* expected;  // relative file, or redirect location
  };
  const Case cases[] = {
      {"/", Resolution::kFile, "index.html"},
      {"/index.html", Resolution::kFile, "index.html"},
      {"/?x=1", Resolution::kFile, "index.html"},
      {"/areas/", Resolution::kFile, "areas/index.html"},
      {"/areas//./", Resolution::kFile, "areas/index.html"},
      {"/areas", Resolution::kRedirect, "/areas/"},
      {"/areas?x=1", Resolution::kRedirect, "/areas/?x=1"},
      {"//areas", Resolution::kRedirect, "/areas/"},
      {"///areas?x=1", Resolution::kRedirect, "/areas/?x=1"},
      {"/areas?x=1\r\nSet-Cookie: a=b", Resolution::kNotFound, ""},
      {"/a%20b.csv", Resolution::kFile, "a b.csv"},
      {"/missing.html", Resolution::kNotFound, ""},
      {"/../secret.txt", Resolution::kNotFound, ""},
      {"/%2e%2e/secret.txt", Resolution::kNotFound, ""},
      {"/areas/%2E%2E/%2E%2E/secret.txt", Resolution::kNotFound, ""},
      {"/..%2fsecret.txt", Resolution::kNotFound, ""},
      {"/.outcomes-output", Resolution::kNotFound, ""},
      {"/index.html%00.css", Resolution::kNotFound, ""},
      {"/%zz", Resolution::kNotFound, ""},
      {"relative", Resolution::kNotFound, ""},
      {"/..\\secret.txt", Resolution::kNotFound, ""},
  };
  for (const Case& test : cases) {
    INFO(test.target);
    auto resolved = ResolveTarget(root, test.target);
    CHECK(resolved.kind == test.kind);
    if (test.kind == Resolution::kFile) CHECK(resolved.relative == test.expected);
    if (test.kind == Resolution::kRedirect) CHECK(resolved.location == test.expected);
  }
  fs::remove_all(root.parent_path());
}

TEST_CASE("content types by extension") {
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"assets/site.css", "text/css; charset=utf-8"},
      {"a.js", "text/javascript; charset=utf-8"},
      {"map.svg", "image/svg+xml"},
      {"downloads/all.json", "application/json"},
      {"downloads/all.csv", "text/csv; charset=utf-8"},
      {"packs/x.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"wards.geojson", "application/geo+json"},
      {"logo.PNG", "image/png"},
      {"favicon.ico", "image/x-icon"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"feed.xml", "application/xml"},
      {"no-extension", "application/octet-stream"},
      {"dir.d/file", "application/octet-stream"},
  };
  for (const auto& [name, type] : cases) {
    INFO(name);
    CHECK(ContentType(name) == type);
  }
  CHECK(IsHtml("a/index.html"));
  CHECK_FALSE(IsHtml("a/feed.xml"));
}
