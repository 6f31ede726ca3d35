#include "output/output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace outcomes::output {

namespace fs = std::filesystem;

namespace {

fs::path Canonical(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  fs::path canonical = fs::weakly_canonical(absolute, error);
  if (error) canonical = absolute.lexically_normal();
  // "out/" names the folder "out": drop a trailing separator so filename() is not empty.
  if (canonical.filename().empty() && canonical.has_parent_path() &&
      canonical != canonical.root_path())
    canonical = canonical.parent_path();
  return canonical;
}

// True when `inner` is `outer` or lies inside it.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto outer_it = outer.begin();
  auto inner_it = inner.begin();
  for (; outer_it != outer.end(); ++outer_it, ++inner_it) {
    if (outer_it->empty()) continue;  // trailing separator
    if (inner_it == inner.end() || *inner_it != *outer_it) return false;
  }
  return true;
}

bool SafeRelative(const std::string& relative) {
  if (relative.empty() || relative.front() == '/') return false;
  fs::path path(relative);
  for (const auto& part : path)
    if (part == ".." || part == ".") return false;
  return true;
}

}  // namespace

std::string CheckOutputFolder(const std::string& out, const std::string& site_root) {
  if (out.empty()) return "the output folder is empty";
  fs::path target = Canonical(out);
  fs::path site = Canonical(site_root);
  if (target == target.root_path()) return "refusing to write the site into the root folder /";
  if (const char* home = std::getenv("HOME"); home && *home && target == Canonical(home))
    return "refusing to write the site into your home folder";
  if (target == site) return "refusing to write the site into the site folder itself";
  if (IsWithin(site, target)) return "refusing to write the site into a folder that contains the site";
  for (const char* input : {"content", "data", "templates"}) {
    if (IsWithin(target, Canonical((site / input).string())))
      return std::string("refusing to write the site into the site's ") + input +
             "/ folder or a folder inside it: each build would take the last one's output as "
             "input";
  }
  std::error_code error;
  if (fs::exists(target, error)) {
    if (!fs::is_directory(target, error)) return "the output path exists and is not a folder";
    if (fs::exists(target / "content", error) || fs::exists(target / "data", error))
      return "refusing to write the site into a folder that contains content/ or data/";
    bool empty = fs::is_empty(target, error);
    if (!empty && !fs::exists(target / std::string(kMarkerFile), error))
      return "refusing to replace a non-empty folder that was not made by outcomes (no " +
             std::string(kMarkerFile) + " file in it)";
  }
  return {};
}

std::optional<Sink> Sink::Open(const std::string& out, std::string* error) {
  fs::path target = Canonical(out);
  fs::path parent = target.parent_path();
  std::error_code code;
  fs::create_directories(parent, code);
  if (code) {
    *error = "cannot create " + parent.string() + ": " + code.message();
    return std::nullopt;
  }
  fs::path staging = parent / ("." + target.filename().string() + ".staging-" +
                               std::to_string(::getpid()));
  fs::remove_all(staging, code);
  if (!fs::create_directory(staging, code)) {
    *error = "cannot create the staging folder " + staging.string() + ": " + code.message();
    return std::nullopt;
  }
  Sink sink(target.string(), staging.string());
  if (!sink.Write(std::string(kMarkerFile),
                  "This folder was written by outcomes build and is replaced by the next one.\n",
                  error))
    return std::nullopt;
  return sink;
}

Sink::Sink(Sink&& other) noexcept
    : out_(std::move(other.out_)), staging_(std::move(other.staging_)),
      committed_(other.committed_), made_folders_(std::move(other.made_folders_)) {
  other.committed_ = true;  // the moved-from sink owns nothing
  other.staging_.clear();
}

Sink::~Sink() {
  if (committed_ || staging_.empty()) return;
  std::error_code error;
  fs::remove_all(staging_, error);
}

std::string Sink::PathFor(const std::string& relative, std::string* error) {
  if (!SafeRelative(relative)) {
    *error = "refusing to write outside the output folder: '" + relative + "'";
    return {};
  }
  fs::path path = fs::path(staging_) / relative;
  // A site writes thousands of files into a few hundred folders: create each folder once.
  std::string folder = path.parent_path().string();
  if (!made_folders_.count(folder)) {
    std::error_code code;
    fs::create_directories(folder, code);
    if (code) {
      *error = "cannot create " + folder + ": " + code.message();
      return {};
    }
    made_folders_.insert(folder);
  }
  return path.string();
}

bool Sink::Write(const std::string& relative, std::string_view bytes, std::string* error) {
  std::string path = PathFor(relative, error);
  if (path.empty()) return false;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool Sink::Commit(std::string* error) {
  std::error_code code;
  fs::path target(out_);
  fs::path old = target.parent_path() /
                 ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
  bool had_old = fs::exists(target, code);
  if (had_old) {
    fs::remove_all(old, code);
    fs::rename(target, old, code);
    if (code) {
      *error = "cannot move the previous output aside: " + code.message();
      return false;
    }
  }
  fs::rename(staging_, target, code);
  if (code) {
    *error = "cannot move the new output into place: " + code.message();
    std::error_code restore;
    if (had_old) fs::rename(old, target, restore);
    return false;
  }
  committed_ = true;
  if (had_old) fs::remove_all(old, code);
  return true;
}

}  // namespace outcomes::output
