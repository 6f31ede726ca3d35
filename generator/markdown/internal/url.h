// URL safety: the schemes a rendered link or image must never carry.
//
// Internal to the markdown module.
#pragma once

#include <string_view>

namespace outcomes::markdown::internal {

// True when `url` would run code or reach the reader's own files if put in href/src: its scheme
// (read as a browser reads it: leading control characters and spaces skipped, tabs and line
// breaks anywhere ignored, any case) is javascript:, vbscript:, file: or data:, except that an
// image (`is_image`) may use data:image/png, gif, jpeg or webp, as cmark-gfm allows. Relative
// URLs, fragments and other schemes (https:, mailto:, tel:, …) are safe.
bool IsUnsafeUrl(std::string_view url, bool is_image);

// Appends `url` to `out` as cmark-gfm 0.29.0.gfm.6 writes a link's or an image's URL into
// href/src: letters, digits and - _ . + ! * ( ) , % # @ ? = ; : / $ ~ as they are, '&' as
// "&amp;", '\'' as "&#x27;", every other byte as %XX (upper-case hex).
void AppendEscapedHref(std::string_view url, std::string& out);

}  // namespace outcomes::markdown::internal
