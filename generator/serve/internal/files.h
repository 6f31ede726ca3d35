// Mapping a request's target to a file of the built site, and a file's Content-Type.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace outcomes::serve {

enum class Resolution {
  kFile,       // `relative` names a file under the root
  kRedirect,   // a folder asked for without its trailing slash: redirect to `location`
  kNotFound,   // nothing there, or a path we refuse (.., hidden files, NUL, bad escapes)
};

struct Resolved {
  Resolution kind = Resolution::kNotFound;
  std::string relative;  // kFile: '/'-separated path under the root, e.g. "areas/index.html"
  std::string location;  // kRedirect: the target with a slash added (query kept)
};

// Percent-decodes `text`. Returns false for a malformed escape or a decoded NUL byte.
bool PercentDecode(std::string_view text, std::string* decoded);

// The path part of a raw request target ("/a%20b/?x=1" -> "/a%20b/"), not yet decoded.
std::string_view TargetPath(std::string_view target);

// Resolves the raw request target `target` against the built site at `root`: the path is
// percent-decoded once, split on '/', and refused when a segment is ".." or starts with '.'
// (the marker file and anything hidden). A folder serves its index.html; a folder asked for
// without a trailing slash is redirected so that the site's relative links resolve, to a path
// with one leading slash (never "//name/", which a browser reads as another host). A target
// with a control character is refused.
Resolved ResolveTarget(const std::filesystem::path& root, std::string_view target);

// The Content-Type for a file name by its extension (text types with charset=utf-8);
// application/octet-stream when unknown.
std::string ContentType(std::string_view name);

// True for a file that is served as a page (".html").
bool IsHtml(std::string_view name);

}  // namespace outcomes::serve
