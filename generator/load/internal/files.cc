#include "load/internal/files.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <string_view>
#include <system_error>
#include <utility>

#include "base/utf8.h"

namespace outcomes::load::internal {

namespace fs = std::filesystem;

namespace {

// A problem with a path, blamed on `where` (relative to the site folder): the link or folder
// at fault, not the file we were after.
// `name` with every byte outside printable ASCII written as \xNN, for a message about a name
// that is not text.
std::string ShowBytes(const std::string& name) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string shown;
  for (char raw : name) {
    unsigned char c = static_cast<unsigned char>(raw);
    if (c >= 0x20 && c < 0x7F) {
      shown += raw;
    } else {
      shown += "\\x";
      shown += kHex[c >> 4];
      shown += kHex[c & 15];
    }
  }
  return shown;
}

struct Problem {
  std::string where;
  std::string message;
  std::string hint;
};

// A link on the way to several files (a linked data/ folder) is reported once, not per file.
void ReportOnce(base::Diagnostics& diagnostics, const Problem& problem) {
  for (const base::Diagnostic& item : diagnostics.items())
    if (item.location.file == problem.where && item.location.line == 0 &&
        item.message == problem.message)
      return;
  diagnostics.Error({problem.where, 0, 0}, problem.message, problem.hint);
}

// The site folder with every link resolved; nullopt when it does not exist (the caller of
// LoadSite reports that).
std::optional<fs::path> SiteRoot(const std::string& root) {
  std::error_code error;
  fs::path canonical = fs::canonical(root, error);
  if (error) return std::nullopt;
  return canonical;
}

// True when `inner` is `outer` or lies inside it; both canonical.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  return std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first == outer.end();
}

Problem Outside(const std::string& where) {
  return {where, "symbolic link points outside the site folder",
          "copy what it points to into the site folder: links may only lead to files and "
          "folders inside it"};
}

// Why a link could not be resolved.
Problem BrokenLink(const std::string& where, const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels)
    return {where, "symbolic link loop: following the link never reaches a file or folder",
            "fix or delete the link"};
  if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory)
    return {where, "symbolic link points to something that does not exist",
            "fix or delete the link"};
  return {where, "cannot follow the symbolic link: " + error.message(), "fix or delete the link"};
}

Problem Unlistable(const std::string& where, const std::error_code& error) {
  return {where, "cannot list the folder: " + error.message(),
          "check that the folder exists and can be read (its permissions)"};
}

Problem NotRegular(const std::string& where, const fs::file_status& status) {
  if (fs::is_directory(status))
    return {where, "expected a file, found a folder", "rename or move the folder"};
  return {where, "not a regular file (it is a pipe, socket or device)",
          "replace it with an ordinary file"};
}

// Checks each part of `relative` (from the site root) in turn: the first link that leads out
// of the site, loops or leads nowhere is the problem. A path that does not exist is not a
// problem here (the caller decides whether a missing file matters).
std::optional<Problem> CheckPath(const std::string& root, const fs::path& root_canonical,
                                 const std::string& relative) {
  fs::path current = root;
  std::string where;
  for (const fs::path& part : fs::path(relative)) {
    if (part.empty() || part == ".") continue;
    if (!where.empty()) where += '/';
    where += part.generic_string();
    // Our own callers never pass "..": refuse it rather than reason about it.
    if (part == "..") return Problem{relative, "path leads outside the site folder", ""};
    current /= part;
    std::error_code error;
    fs::file_status status = fs::symlink_status(current, error);
    if (status.type() == fs::file_type::not_found) return std::nullopt;
    if (error) return Problem{where, "cannot read: " + error.message(), "check its permissions"};
    if (!fs::is_symlink(status)) continue;
    fs::path target = fs::canonical(current, error);
    if (error) return BrokenLink(where, error);
    if (!IsWithin(target, root_canonical)) return Outside(where);
  }
  return std::nullopt;
}

bool IsBlank(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads `root/relative` after checking the way to it. `required`: a missing file is reported.
std::optional<std::string> ReadChecked(const std::string& root, const std::string& relative,
                                       base::Diagnostics& diagnostics, bool required) {
  fs::path path = fs::path(root) / relative;
  if (std::optional<fs::path> root_canonical = SiteRoot(root)) {
    if (std::optional<Problem> problem = CheckPath(root, *root_canonical, relative)) {
      ReportOnce(diagnostics, *problem);
      return std::nullopt;
    }
  }
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    if (required) diagnostics.Error({relative, 0, 0}, "missing required file");
    return std::nullopt;
  }
  if (error) {
    diagnostics.Error({relative, 0, 0}, "cannot read file: " + error.message());
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    ReportOnce(diagnostics, NotRegular(relative, status));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.Error({relative, 0, 0}, "cannot read file");
    return std::nullopt;
  }
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (!in) {
    diagnostics.Error({relative, 0, 0}, "cannot read file");
    return std::nullopt;
  }
  return text;
}

// One listing of a folder under the link rule. Real folders are listed first and links to
// folders after them, each folder once: a folder reached again through a link is reported at
// the link (a loop when the link lies inside it), so a listing always ends and a folder's own
// path is never blamed for a link elsewhere.
class Lister {
 public:
  Lister(const std::string& root, fs::path root_canonical,
         const std::vector<std::string>& extensions, bool recursive, base::Diagnostics* diagnostics)
      : root_(root),
        root_canonical_(std::move(root_canonical)),
        extensions_(extensions),
        recursive_(recursive),
        diagnostics_(diagnostics) {}

  std::vector<std::string> Run(const std::string& folder) {
    if (std::optional<Problem> problem = CheckPath(root_, root_canonical_, folder)) {
      Report(*problem);
      return {};
    }
    std::error_code error;
    fs::path real = fs::canonical(fs::path(root_) / folder, error);
    if (error || !fs::is_directory(real, error)) return {};  // missing: nothing to list
    listed_[real] = folder;
    pending_.push_back({folder, real});
    while (!pending_.empty() || !links_.empty()) {
      while (!pending_.empty()) {
        auto [where, path] = std::move(pending_.back());
        pending_.pop_back();
        ListFolder(where, path);
      }
      if (!links_.empty()) {
        FolderLink link = std::move(links_.front());
        links_.pop_front();
        FollowFolderLink(link);
      }
    }
    std::sort(files_.begin(), files_.end());
    return std::move(files_);
  }

 private:
  struct FolderLink {
    std::string where;  // the link, relative to the site
    fs::path target;    // canonical
    fs::path parent;    // canonical folder holding the link
  };

  bool Wanted(const std::string& name) const {
    if (extensions_.empty()) return true;
    for (const std::string& extension : extensions_)
      if (name.size() > extension.size() && EndsWith(name, extension)) return true;
    return false;
  }

  void Report(const Problem& problem) {
    if (diagnostics_) ReportOnce(*diagnostics_, problem);
  }

  // A link that breaks the rule. Reported when we would have read it: a wanted name, or any
  // name in a recursive listing (it may be a folder). Without diagnostics a wanted file is
  // listed so that ReadFile reports it.
  void Refuse(const std::string& where, const std::string& name, const Problem& problem) {
    if (diagnostics_) {
      if (Wanted(name) || recursive_) Report(problem);
    } else if (Wanted(name)) {
      files_.push_back(where);
    }
  }

  void AddFile(const std::string& where, const std::string& name, const fs::file_status& status) {
    if (!Wanted(name)) return;
    if (fs::is_regular_file(status))
      files_.push_back(where);
    else
      Refuse(where, name, NotRegular(where, status));
  }

  void ListFolder(const std::string& where, const fs::path& real) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    fs::directory_iterator entry(real, error);
    for (; !error && entry != fs::directory_iterator(); entry.increment(error))
      entries.push_back(*entry);
    if (error) Report(Unlistable(where, error));  // and keep what was listed
    // Directory order depends on the file system: sort, so diagnostics come in one order.
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) {
                return a.path().filename() < b.path().filename();
              });
    std::vector<std::pair<std::string, fs::path>> folders;
    for (const fs::directory_entry& item : entries) {
      const std::string name = item.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      // A name becomes a web address, a link text and a diagnostic: it must be text.
      if (base::FindInvalidUtf8(name)) {
        Report({where, "the name `" + ShowBytes(name) + "` is not valid UTF-8",
                "rename it: file and folder names become web addresses and page text"});
        continue;
      }
      const std::string child = where + "/" + name;
      fs::file_status status = item.symlink_status(error);
      if (error) {
        Report({child, "cannot read: " + error.message(), "check its permissions"});
        continue;
      }
      if (fs::is_symlink(status)) {
        FollowLink(child, name, item.path(), real);
      } else if (fs::is_directory(status)) {
        if (recursive_) folders.emplace_back(child, real / name);
      } else {
        AddFile(child, name, status);
      }
    }
    // Pushed in reverse so they are listed in name order.
    for (auto folder = folders.rbegin(); folder != folders.rend(); ++folder) {
      auto [seen, inserted] = listed_.emplace(folder->second, folder->first);
      if (!inserted) {
        Report({folder->first, "this folder is already read as `" + seen->second + "`",
                "delete the symbolic link that leads to it a second time"});
        continue;
      }
      pending_.push_back(*folder);
    }
  }

  void FollowLink(const std::string& where, const std::string& name, const fs::path& path,
                  const fs::path& parent) {
    std::error_code error;
    fs::path target = fs::canonical(path, error);
    if (error) return Refuse(where, name, BrokenLink(where, error));
    if (!IsWithin(target, root_canonical_)) return Refuse(where, name, Outside(where));
    fs::file_status status = fs::status(target, error);
    if (error) return Refuse(where, name, BrokenLink(where, error));
    if (fs::is_directory(status)) {
      if (recursive_) links_.push_back({where, target, parent});
      return;
    }
    AddFile(where, name, status);
  }

  void FollowFolderLink(const FolderLink& link) {
    if (IsWithin(link.parent, link.target)) {
      std::string target = link.target.lexically_relative(root_canonical_).generic_string();
      Report({link.where,
              "symbolic link loop: the link leads to " +
                  (target == "." ? std::string("the site folder") : "`" + target + "`") +
                  ", a folder that contains the link itself",
              "delete the link"});
      return;
    }
    auto [seen, inserted] = listed_.emplace(link.target, link.where);
    if (!inserted) {
      Report({link.where,
              "symbolic link leads to a folder that is already read as `" + seen->second + "`",
              "delete the link: each folder is read once"});
      return;
    }
    pending_.push_back({link.where, link.target});
  }

  const std::string& root_;
  const fs::path root_canonical_;
  const std::vector<std::string>& extensions_;
  const bool recursive_;
  base::Diagnostics* const diagnostics_;
  std::map<fs::path, std::string> listed_;  // canonical folder -> where it was listed
  std::vector<std::pair<std::string, fs::path>> pending_;  // (where, canonical) to list
  std::deque<FolderLink> links_;  // links to folders, followed once real folders are done
  std::vector<std::string> files_;
};

std::vector<std::string> List(const std::string& root, const std::string& folder,
                              const std::vector<std::string>& extensions, bool recursive,
                              base::Diagnostics* diagnostics) {
  std::optional<fs::path> root_canonical = SiteRoot(root);
  if (!root_canonical) return {};
  return Lister(root, *root_canonical, extensions, recursive, diagnostics).Run(folder);
}

}  // namespace

bool CheckText(const std::string& text, const std::string& relative,
               base::Diagnostics& diagnostics) {
  // Every input file has something in it: an empty one is a mistake of the same kind for a
  // CSV, a YAML or a Markdown file. Blamed on line 1, where the content should start.
  if (IsBlank(text)) {
    diagnostics.Error({relative, 1, 1}, "the file is empty",
                      EndsWith(relative, ".csv") ? "a CSV file starts with a header row"
                                                 : "write its content, or delete the file");
    return false;
  }
  // Invalid UTF-8 is reported by each reader with its own message; control characters are
  // checked here, once, for every kind of file.
  if (!base::FindInvalidUtf8(text)) {
    uint32_t code_point = 0;
    if (auto bad = base::FindControlCharacter(text, &code_point)) {
      char name[16];
      std::snprintf(name, sizeof name, "U+%04X", code_point);
      diagnostics.Error({relative, bad->line, bad->column},
                        std::string("control character ") + name + " is not allowed",
                        "delete it: it is invisible, and web pages and feeds cannot carry it");
      return false;
    }
  }
  return true;
}

std::optional<std::string> ReadFile(const std::string& root, const std::string& relative,
                                    base::Diagnostics& diagnostics, bool required) {
  std::optional<std::string> text = ReadChecked(root, relative, diagnostics, required);
  if (!text || !CheckText(*text, relative, diagnostics)) return std::nullopt;
  return text;
}

std::optional<std::string> ReadBytes(const std::string& root, const std::string& relative,
                                     base::Diagnostics& diagnostics) {
  return ReadChecked(root, relative, diagnostics, true);
}

bool FileExists(const std::string& root, const std::string& relative) {
  std::error_code error;
  return fs::is_regular_file(fs::path(root) / relative, error);
}

std::vector<std::string> ListFiles(const std::string& root, const std::string& folder,
                                   const std::vector<std::string>& extensions, bool recursive,
                                   base::Diagnostics& diagnostics) {
  return List(root, folder, extensions, recursive, &diagnostics);
}

std::vector<std::string> ListFiles(const std::string& root, const std::string& folder,
                                   const std::vector<std::string>& extensions, bool recursive) {
  return List(root, folder, extensions, recursive, nullptr);
}

bool CheckFolder(const std::string& root, const std::string& folder,
                 base::Diagnostics& diagnostics) {
  std::optional<fs::path> root_canonical = SiteRoot(root);
  if (!root_canonical) return true;
  if (std::optional<Problem> problem = CheckPath(root, *root_canonical, folder)) {
    ReportOnce(diagnostics, *problem);
    return false;
  }
  std::error_code error;
  fs::path path = fs::path(root) / folder;
  if (!fs::is_directory(path, error)) return true;  // missing: the loaders say what is missing
  fs::directory_iterator entries(path, error);
  if (error) {
    ReportOnce(diagnostics, Unlistable(folder, error));
    return false;
  }
  return true;
}

}  // namespace outcomes::load::internal
