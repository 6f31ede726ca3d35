// Quotes from families are published only with consent recorded (issue 12): a quote without
// consent, or with consent: false, is left out with a warning, and its words reach no output —
// no page, download, model.json, feed or sitemap, no part of an Excel pack, and not the
// suppression report beside the output.
#include <doctest/doctest.h>

#include <zip.h>

#include <string>

#include "e2e_util.h"

namespace outcomes::e2e {
namespace {

// Every part of the .xlsx (zip) file at `path`, inflated, one after another.
std::string UnzippedParts(const fs::path& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE_MESSAGE(archive != nullptr, "cannot open " << path.string());
  std::string text;
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  for (zip_int64_t idx = 0; idx < entries; ++idx) {
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(idx), 0);
    REQUIRE(file != nullptr);
    char buffer[65536];
    zip_int64_t got;
    while ((got = zip_fread(file, buffer, sizeof buffer)) > 0)
      text.append(buffer, static_cast<size_t>(got));
    zip_fclose(file);
  }
  zip_close(archive);
  return text;
}

TEST_CASE("a quote without recorded consent appears in no output, and says why") {
  const fs::path site = CopyExample("quotes");
  const fs::path page = site / "content" / "case-studies" / "basildon.md";
  std::string text = ReadAll(page);
  const std::string marker = "evidence: case-study\n";
  REQUIRE(text.find(marker) != std::string::npos);
  text.insert(text.find(marker) + marker.size(),
              "quotes:\n"
              "  - text: \"Kept-quote words zqx1\"\n"
              "    who: A father in Basildon\n"
              "    consent: true\n"
              "  - text: \"Unconsented words zqx2\"\n"
              "    who: Named person zqx3\n"
              "  - text: \"Refused words zqx4\"\n"
              "    who: Another person zqx5\n"
              "    consent: false\n");
  WriteAll(page, text);
  const fs::path out = FreshFolder("quotes-out");
  const Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string());
  REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  CHECK(run.output.find("warning: quote by 'Named person zqx3' is not published: no consent is "
                        "recorded") != std::string::npos);
  CHECK(run.output.find("warning: quote by 'Another person zqx5' is not published: consent is "
                        "false") != std::string::npos);

  size_t files = 0;
  bool kept_seen = false;
  auto search = [&](const std::string& name, const std::string& bytes) {
    ++files;
    CAPTURE(name);
    for (const char* secret : {"zqx2", "zqx3", "zqx4", "zqx5"}) {
      CAPTURE(secret);
      CHECK(bytes.find(secret) == std::string::npos);
    }
    kept_seen |= bytes.find("zqx1") != std::string::npos;
  };
  for (const auto& [name, bytes] : Tree(out)) {
    search(name, bytes);
    if (name.ends_with(".xlsx")) search(name + " (unzipped)", UnzippedParts(out / name));
  }
  const fs::path report = out.string() + ".suppression-report.json";
  REQUIRE(fs::exists(report));
  search(report.filename().string(), ReadAll(report));
  CHECK(files > 100);
  // The consented quote is published, on its page and the outcomes' pages it is evidence for.
  CHECK(kept_seen);
  const std::string own = ReadAll(out / "case-studies/basildon/index.html");
  CHECK(own.find("<blockquote><p>Kept-quote words zqx1</p></blockquote>") != std::string::npos);
  CHECK(own.find("<figcaption>— A father in Basildon</figcaption>") != std::string::npos);
  fs::remove_all(site);
  fs::remove_all(out);
  fs::remove(report);
}

}  // namespace
}  // namespace outcomes::e2e
