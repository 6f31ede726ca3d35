// What the watcher looks at: a cheap fingerprint of the site's inputs, compared between polls.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace outcomes::serve {

struct FileStamp {
  int64_t modified = 0;  // last write time, in the file clock's ticks
  uintmax_t size = 0;
  bool operator==(const FileStamp&) const = default;
};

// Relative path ('/' separated) -> stamp, for every input of the site at `site_dir`: site.yaml
// and everything under data/, content/, templates/, theme/ and i18n/, without ignored names.
// Unreadable entries are left out (a file deleted mid-scan is simply gone).
using Snapshot = std::map<std::string, FileStamp>;
Snapshot TakeSnapshot(const std::string& site_dir);

// True for names the watcher skips: hidden files and folders (".git", ".#draft.md" from
// Emacs) and editor temporary files ("x.swp", "x.swx", "x~", "4913" from Vim's write test).
bool IsIgnoredName(std::string_view name);

}  // namespace outcomes::serve
