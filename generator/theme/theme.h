// The built-in theme: the default templates, stylesheet and interface text, compiled into the
// binary from the repository's theme/ folder. A site's own templates/ (and i18n/) override it
// file by file; `outcomes theme export` writes it out for customising.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace outcomes::theme {

struct File {
  std::string_view path;   // relative to theme/, '/' separated: "templates/home.mustache"
  std::string_view bytes;  // the file exactly as it is in theme/
};

// Every built-in file, sorted by path.
std::span<const File> Files();

// The built-in file at `path` (relative to theme/), if there is one.
std::optional<std::string_view> Find(std::string_view path);

// Writes every built-in file under `dir` (theme/templates/x → dir/templates/x). An existing
// file is left alone and reported unless `overwrite`. Returns "" or a message for the user;
// `written` counts the files written.
std::string Export(const std::string& dir, bool overwrite, size_t& written);

}  // namespace outcomes::theme
