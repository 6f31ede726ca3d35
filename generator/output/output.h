// The only code that touches the output folder.
//
// A build writes into a staging folder beside the target and swaps it in only when every
// output was written, so a failed build leaves the previous output untouched. Guards refuse
// output folders whose replacement would destroy something that is not ours.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace outcomes::output {

// The file every output folder we write carries, so we never replace a folder we did not make.
inline constexpr std::string_view kMarkerFile = ".outcomes-output";

// Returns "" when `out` may be (re)written for the site at `site_root`, else why not: `/`, the
// home folder, the site folder or any folder that contains it, the site's `content/`, `data/`
// or `templates/` folder or any folder inside them (the next build would read or publish the
// output as input), a folder containing `content/` or `data/`, or an existing non-empty folder
// without our marker file.
std::string CheckOutputFolder(const std::string& out, const std::string& site_root);

class Sink {
 public:
  // Creates an empty staging folder beside `out`. nullopt (with `error` set) when it cannot.
  static std::optional<Sink> Open(const std::string& out, std::string* error);
  Sink(Sink&& other) noexcept;
  Sink& operator=(Sink&&) = delete;
  // Removes the staging folder unless Commit() succeeded.
  ~Sink();

  // Writes `bytes` to `relative` ('/' separated, no "..", not absolute) inside the staging
  // folder, creating parent folders. Returns false with `error` set on failure.
  bool Write(const std::string& relative, std::string_view bytes, std::string* error);
  // The absolute staging path for `relative`, with parent folders created, for writers that
  // must write to a path themselves (libxlsxwriter). "" for a rejected path.
  std::string PathFor(const std::string& relative, std::string* error);

  // Swaps the staging folder in place of the output folder: the old output is moved aside,
  // the staging folder renamed to `out`, and the old output removed. Returns false with
  // `error` set (and the old output restored) on failure.
  bool Commit(std::string* error);

  const std::string& staging() const { return staging_; }

 private:
  Sink(std::string out, std::string staging) : out_(std::move(out)), staging_(std::move(staging)) {}
  std::string out_;
  std::string staging_;
  bool committed_ = false;
  std::set<std::string> made_folders_;  // folders already created in the staging folder
};

}  // namespace outcomes::output
