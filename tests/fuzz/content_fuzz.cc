// A content page (content/**/*.md): front matter, quotes, the Markdown body's headings, links
// and figure blocks, read as LoadContent reads each file; then the checks across files (links
// to other pages and their anchors, outcomes and areas named).
#include "fuzz_site.h"
#include "load/internal/loaders.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace outcomes;
  model::Site site = fuzz::ExampleSite();
  base::Diagnostics diagnostics;
  auto page = load::internal::ReadContentPage("content/fuzz/page.md", fuzz::Text(data, size),
                                              site, diagnostics);
  if (!page) return 0;
  site.pages.push_back(std::move(*page));
  load::internal::Validate(site, diagnostics);
  return 0;
}
