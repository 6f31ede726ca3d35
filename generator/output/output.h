// The only code that touches the output folder.
//
// A build writes into a staging folder beside the target and swaps it in only when every
// output was written, so a failed build leaves the previous output untouched. Guards refuse
// output folders whose replacement would destroy something that is not ours.
//
// Beside an output folder `out` we make only `.out.staging-<pid>` (the build under way) and,
// for a moment during Commit, `.out.old-<pid>` (the previous output). Both carry our marker
// file. While a Sink is open, SIGINT, SIGTERM and SIGHUP do not kill the process at once: the
// sink stops taking writes, removes its staging folder and then lets the signal take effect.
// What a SIGKILL (or a crash) leaves behind, Recover tidies up on the next build.
#pragma once

#include <functional>
#include <ios>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace outcomes::output {

// The file every output folder we write carries, so we never replace a folder we did not make.
inline constexpr std::string_view kMarkerFile = ".outcomes-output";

// Returns "" when `out` may be (re)written for the site at `site_root`, else why not: `/`, the
// home folder, the site folder or any folder that contains it, the site's `content/`, `data/`
// or `templates/` folder or any folder inside them (the next build would read or publish the
// output as input), a folder containing `content/` or `data/`, or an existing non-empty folder
// without our marker file.
std::string CheckOutputFolder(const std::string& out, const std::string& site_root);

// Tidies what builds that are no longer running left beside `out` (call it after
// CheckOutputFolder accepted `out`, before Open):
//  - when `out` is missing and a `.out.old-<pid>` is there (a build killed between the two
//    renames of Commit), puts the newest one back as `out`;
//  - removes `.out.staging-<pid>` folders, and `.out.old-<pid>` folders once `out` exists.
// A pid counts as no longer running when kill(pid, 0) says there is no such process; a folder
// is removed only when it carries our marker file (or is empty). Never removes an old output
// that has no replacement. Returns notes for the user (a restored output, one that could not
// be restored); tidying that went as planned says nothing.
std::vector<std::string> Recover(const std::string& out);

// The stop signal (SIGINT, SIGTERM or SIGHUP) received while a Sink was open, or 0. Long
// phases that write through paths from PathFor check it between pieces of work.
int StopSignal();

class Sink {
 public:
  // Creates an empty staging folder (with our marker file) beside `out` and, while the sink
  // lives, handles stop signals (see the top of this file; a signal that was being ignored,
  // as under nohup, stays ignored). nullopt (with `error` set) when it cannot: a folder of
  // that name that is not ours is left alone.
  static std::optional<Sink> Open(const std::string& out, std::string* error);
  Sink(Sink&& other) noexcept;
  Sink& operator=(Sink&&) = delete;
  // Removes the staging folder unless Commit() succeeded. When the last open sink goes and a
  // stop signal was received, restores the signal's previous handling and raises it again:
  // from the default handling, this ends the process.
  ~Sink();

  // Writes `bytes` to `relative` ('/' separated, no "..", not absolute) inside the staging
  // folder, creating parent folders. Returns false with `error` set on failure or once a stop
  // signal was received. Write, Append and PathFor may be called from several threads at
  // once, each for its own file.
  bool Write(const std::string& relative, std::string_view bytes, std::string* error);
  // Adds `bytes` to the end of `relative` (creating it when missing), for an output written
  // piece by piece so that the whole of it is never in memory: Write the first piece, Append
  // the rest. Same errors as Write.
  bool Append(const std::string& relative, std::string_view bytes, std::string* error);
  // The absolute staging path for `relative`, with parent folders created, for writers that
  // must write to a path themselves (libxlsxwriter). "" for a rejected path or once a stop
  // signal was received.
  std::string PathFor(const std::string& relative, std::string* error);

  // Swaps the staging folder in place of the output folder: the old output is moved aside,
  // the staging folder renamed to `out`, and the old output removed. Returns false with
  // `error` set (and the old output restored) on failure, or without touching anything once a
  // stop signal was received. A stop signal cannot cut the swap short.
  bool Commit(std::string* error);

  const std::string& staging() const { return staging_; }

 private:
  Sink(std::string out, std::string staging) : out_(std::move(out)), staging_(std::move(staging)) {}
  bool WriteFile(const std::string& relative, std::string_view bytes, std::ios::openmode mode,
                 std::string* error);
  std::string out_;
  std::string staging_;
  bool committed_ = false;
  bool handles_signals_ = false;        // this sink counts in the signal handlers' users
  std::set<std::string> made_folders_;  // folders already created in the staging folder
  std::unique_ptr<std::mutex> folders_mutex_ = std::make_unique<std::mutex>();  // guards it
};

// The path of a file that sits beside the output folder `out` (never inside it): its name is
// the folder's name followed by `suffix` ("site-output" + ".suppression-report.json").
std::string BesidePath(const std::string& out, std::string_view suffix);
// Writes `bytes` to BesidePath(out, suffix), atomically (a temporary file renamed over the
// old one). Returns false with `error` set on failure. For what must not be published with
// the site, such as the suppression report.
bool WriteBeside(const std::string& out, std::string_view suffix, std::string_view bytes,
                 std::string* error);
// The same for a file too large to hold whole: `pieces` gives its bytes in order to the
// function it is passed (which returns false once writing failed) and returns false to give
// up; the old file then stays.
using Pieces = std::function<bool(const std::function<bool(std::string_view)>&)>;
bool WriteBeside(const std::string& out, std::string_view suffix, const Pieces& pieces,
                 std::string* error);

}  // namespace outcomes::output
