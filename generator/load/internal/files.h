// File access for loaders: reading whole files and listing a folder's files in sorted order.
//
// Every read and every listing keeps to one rule: a symbolic link may lead anywhere inside the
// site folder, never out of it. A link that leads out, a link that loops or leads nowhere, and
// a folder that cannot be listed are reported as located diagnostics naming the link or folder
// (`content/pages/leak.md: error: symbolic link points outside the site folder`); nothing here
// throws on bad input. Names starting with '.' (editor and version-control files) are skipped.
//
// The checks resolve paths before opening them; they guard against a site folder that carries
// hostile links, not against another process changing the folder while we read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace outcomes::load::internal {

// Reads `root/relative` as text. When it cannot be read, reports "cannot read file" (or
// "missing required file" when `required` and it does not exist), a link problem on the way
// to it, "the file is empty" (at 1:1) for a file of nothing but spaces and line ends, or a
// control character, and returns nullopt.
std::optional<std::string> ReadFile(const std::string& root, const std::string& relative,
                                    base::Diagnostics& diagnostics, bool required);

// The checks ReadFile makes of every text file once read: reports "the file is empty" or a
// control character at `relative` and returns false.
bool CheckText(const std::string& text, const std::string& relative,
               base::Diagnostics& diagnostics);

// Reads `root/relative` as bytes, as they are (static files such as images): only the link
// rule and "cannot read file" apply. A missing file is reported too.
std::optional<std::string> ReadBytes(const std::string& root, const std::string& relative,
                                     base::Diagnostics& diagnostics);

bool FileExists(const std::string& root, const std::string& relative);

// Relative paths ('/' separated, from `root`) of the regular files under `root/folder` whose
// names end with one of `extensions` (any name when `extensions` is empty), sorted; recursive
// when asked. Links inside the site are followed, folders too; a folder reached a second time
// is reported (a loop, or a link to a folder already listed), so every listing ends.
// A missing folder gives an empty list and no diagnostic.
std::vector<std::string> ListFiles(const std::string& root, const std::string& folder,
                                   const std::vector<std::string>& extensions, bool recursive,
                                   base::Diagnostics& diagnostics);

// The same without diagnostics, for callers that pass every listed file to ReadFile: a listed
// file whose link breaks the rule is returned, so that ReadFile reports it. Problems with the
// folder itself are not reported: call CheckFolder for that. Prefer the overload above.
std::vector<std::string> ListFiles(const std::string& root, const std::string& folder,
                                   const std::vector<std::string>& extensions, bool recursive);

// Reports a link on the way to `root/folder` that breaks the rule, or a folder that exists
// but cannot be listed. Returns true when there is no such problem (a missing folder is fine).
// Reports each problem once however often it is asked.
bool CheckFolder(const std::string& root, const std::string& folder,
                 base::Diagnostics& diagnostics);

}  // namespace outcomes::load::internal
