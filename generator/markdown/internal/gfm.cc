#include "markdown/internal/gfm.h"

#include <cassert>
#include <cstdlib>
#include <mutex>

namespace outcomes::markdown::internal {

namespace {

struct CoreExtensions {
  cmark_syntax_extension* table = nullptr;
  cmark_syntax_extension* strikethrough = nullptr;
  cmark_syntax_extension* autolink = nullptr;
  cmark_syntax_extension* tagfilter = nullptr;
  cmark_syntax_extension* tasklist = nullptr;
};

// cmark_gfm_core_extensions_ensure_registered() writes the global extension registry behind an
// unsynchronised flag, so two threads calling it at once race: std::call_once makes the first
// caller register and every other caller wait for it. After that the registry is only read.
const CoreExtensions& Extensions() {
  static std::once_flag once;
  static CoreExtensions extensions;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    extensions.table = cmark_find_syntax_extension("table");
    extensions.strikethrough = cmark_find_syntax_extension("strikethrough");
    extensions.autolink = cmark_find_syntax_extension("autolink");
    extensions.tagfilter = cmark_find_syntax_extension("tagfilter");
    extensions.tasklist = cmark_find_syntax_extension("tasklist");
  });
  // Programmer error, not bad input: the library was built without its core extensions.
  assert(extensions.table && extensions.strikethrough && extensions.autolink &&
         extensions.tagfilter && extensions.tasklist);
  return extensions;
}

// cmark-gfm 0.29.0.gfm.6 is not re-entrant while parsing: cmark_parser_finish() ->
// process_inlines() adds each attached extension's special characters ('~' for strikethrough, ':'
// 'w' for autolink, …) to a GLOBAL table (inlines.c SPECIAL_CHARS / SKIP_CHARS) and removes them
// again when done, so one thread finishing a parse switches strikethrough and autolinks off under
// another thread still parsing inlines. Finishing a parse therefore takes this lock; feeding
// (the block structure) and rendering read only the parser's or the tree's own state and run
// unlocked.
std::mutex& ParseMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

Gfm ParseGfm(std::string_view markdown, int cmark_options) {
  const CoreExtensions& extensions = Extensions();
  Gfm gfm;
  gfm.parser.reset(cmark_parser_new(cmark_options));
  for (cmark_syntax_extension* extension :
       {extensions.table, extensions.strikethrough, extensions.autolink, extensions.tagfilter,
        extensions.tasklist}) {
    cmark_parser_attach_syntax_extension(gfm.parser.get(), extension);
  }
  // Block structure is found while feeding, with the parser's own state only (reference
  // definitions are read there too, without the special-character table).
  cmark_parser_feed(gfm.parser.get(), markdown.data(), markdown.size());
  std::lock_guard<std::mutex> lock(ParseMutex());
  gfm.root.reset(cmark_parser_finish(gfm.parser.get()));
  return gfm;
}

cmark_syntax_extension* TasklistExtension() { return Extensions().tasklist; }

std::string RenderGfmHtml(const Gfm& gfm, int cmark_options) {
  char* html = cmark_render_html(gfm.root.get(), cmark_options,
                                 cmark_parser_get_syntax_extensions(gfm.parser.get()));
  std::string result(html);
  cmark_get_default_mem_allocator()->free(html);
  return result;
}

}  // namespace outcomes::markdown::internal
