// What serve mode adds to pages: the reload script, the error page and the fallback 404 page.
// None of it is ever written to disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace outcomes::serve {

// The path of the Server-Sent Events stream the reload script listens to.
inline constexpr std::string_view kEventsPath = "/_outcomes/events";

// `text` with & < > " ' as character references, for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

// The script injected into served pages. `generation` is the build the page was served from:
// on (re)connecting, the stream says which build is current, and a page from an older one
// reloads (so a rebuild that finished while the page was loading is not missed); a "reload"
// event reloads it too.
std::string ReloadScript(uint64_t generation);

// `html` with ReloadScript(generation) inserted before its last </body> (any case), or appended
// when there is none.
std::string InjectReloadScript(std::string_view html, uint64_t generation);

// A page listing every diagnostic of a failed build, as `outcomes check` prints it
// (file:line:col: error: message, then the hint), HTML-escaped, with the reload script.
std::string ErrorPage(const base::Diagnostics& diagnostics, uint64_t generation);

// A plain "not found" page for a site without 404.html (the reload script included).
std::string NotFoundPage(std::string_view path, uint64_t generation);

}  // namespace outcomes::serve
