#include "output/output.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

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

// ---------------------------------------------------------------------------------------------
// Our folders beside the output

// `.out.staging-` and `.out.old-`, followed by the pid of the build that made the folder.
std::string StagingPrefix(const fs::path& target) {
  return "." + target.filename().string() + ".staging-";
}

std::string OldPrefix(const fs::path& target) { return "." + target.filename().string() + ".old-"; }

// The pid in `name` when it is `prefix` followed by a process id, else 0.
pid_t LeftoverPid(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.size() > prefix.size() + 9 ||
      name.compare(0, prefix.size(), prefix) != 0)
    return 0;
  pid_t pid = 0;
  for (size_t idx = prefix.size(); idx < name.size(); ++idx) {
    if (name[idx] < '0' || name[idx] > '9') return 0;
    pid = pid * 10 + (name[idx] - '0');
  }
  return pid;
}

// Staging folders of the sinks open in this process, which Recover must not take for leftovers
// of an earlier process that had our pid.
std::mutex open_staging_mutex;
std::set<std::string> open_staging;

void SetOpen(const std::string& staging, bool open) {
  std::lock_guard<std::mutex> lock(open_staging_mutex);
  if (open)
    open_staging.insert(staging);
  else
    open_staging.erase(staging);
}

// True when the build that made `folder` (named with `pid`) is no longer running. A pid that
// was reused by another program since counts as running: its leftovers wait for a later
// build, which is safe.
bool Abandoned(pid_t pid, const fs::path& folder) {
  if (pid == ::getpid()) {
    std::lock_guard<std::mutex> lock(open_staging_mutex);
    return open_staging.count(folder.string()) == 0;
  }
  return ::kill(pid, 0) == -1 && errno == ESRCH;
}

// Removes `folder` if we made it: it carries our marker file, or it is empty (and so holds
// nothing to lose). The marker goes last, so a removal cut short by a kill leaves a folder
// that is still ours and the next build finishes the job. Never follows a link. Returns
// true when the folder is gone.
bool RemoveOurs(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(fs::symlink_status(folder, error))) return false;
  const fs::path marker = folder / std::string(kMarkerFile);
  const bool marked = fs::is_regular_file(fs::symlink_status(marker, error));
  if (!marked && !fs::is_empty(folder, error)) return false;
  std::vector<fs::path> entries;
  for (fs::directory_iterator entry(folder, error); !error && entry != fs::directory_iterator();
       entry.increment(error))
    if (entry->path() != marker) entries.push_back(entry->path());
  for (const fs::path& entry : entries) fs::remove_all(entry, error);
  fs::remove(marker, error);
  fs::remove(folder, error);
  return !fs::exists(fs::symlink_status(folder, error));
}

// ---------------------------------------------------------------------------------------------
// Stop signals
//
// While a sink is open, SIGINT, SIGTERM and SIGHUP only record the signal: the handler stores
// it in a lock-free atomic, which is async-signal-safe, and does nothing else. Removing the
// staging folder from the handler itself would not be: it needs opendir/readdir (which
// allocate) while other threads may be writing into the folder. Instead the sink refuses
// writes and the commit once a signal is recorded, the build unwinds, the destructor removes
// the staging folder in ordinary code and then raises the signal again with its previous
// handling. The handler is installed with SA_RESTART, so a write interrupted by the signal
// carries on rather than failing. A second signal means the user insists: the handler
// restores the default handling and raises it (sigaction and raise are async-signal-safe),
// ending the process at once; Recover removes the staging folder on the next build.

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr size_t kStopSignalCount = sizeof kStopSignals / sizeof kStopSignals[0];

std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free int");

// Only touched by the thread that opens and closes sinks (the build's main thread).
int signal_users = 0;
struct sigaction previous_actions[kStopSignalCount];
bool handled[kStopSignalCount];

extern "C" void OnStopSignal(int signal_number) {
  const int saved_errno = errno;
  int none = 0;
  if (!stop_signal.compare_exchange_strong(none, signal_number)) {
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number, &action, nullptr);
    raise(signal_number);  // delivered when this handler returns
  }
  errno = saved_errno;
}

void HoldSignals() {
  if (signal_users++ > 0) return;
  for (size_t idx = 0; idx < kStopSignalCount; ++idx) {
    sigaction(kStopSignals[idx], nullptr, &previous_actions[idx]);
    // A signal the user asked to ignore (nohup, a background job) stays ignored.
    handled[idx] = previous_actions[idx].sa_handler != SIG_IGN;
    if (!handled[idx]) continue;
    struct sigaction action = {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(kStopSignals[idx], &action, nullptr);
  }
}

void ReleaseSignals() {
  if (--signal_users > 0) return;
  for (size_t idx = 0; idx < kStopSignalCount; ++idx)
    if (handled[idx]) sigaction(kStopSignals[idx], &previous_actions[idx], nullptr);
  if (const int signal_number = stop_signal.exchange(0)) raise(signal_number);
}

const char* SignalName(int signal_number) {
  switch (signal_number) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "a signal";
  }
}

// "" when no stop signal was received, else the error a sink gives for any further work.
std::string Stopped() {
  const int signal_number = stop_signal.load();
  if (signal_number == 0) return {};
  return std::string("stopped by ") + SignalName(signal_number) +
         " before the new output was complete; the previous output is untouched";
}

}  // namespace

int StopSignal() { return stop_signal.load(); }

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

std::vector<std::string> Recover(const std::string& out) {
  std::vector<std::string> notes;
  const fs::path target = Canonical(out);
  const fs::path parent = target.parent_path();
  const std::string staging_prefix = StagingPrefix(target);
  const std::string old_prefix = OldPrefix(target);
  std::vector<fs::path> stale_staging;
  std::vector<fs::path> stale_old;
  std::error_code error;
  for (fs::directory_iterator entry(parent, error); !error && entry != fs::directory_iterator();
       entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (pid_t pid = LeftoverPid(name, staging_prefix); pid > 0 && Abandoned(pid, entry->path()))
      stale_staging.push_back(entry->path());
    else if (pid_t pid = LeftoverPid(name, old_prefix); pid > 0 && Abandoned(pid, entry->path()))
      stale_old.push_back(entry->path());
  }
  std::sort(stale_staging.begin(), stale_staging.end());
  std::sort(stale_old.begin(), stale_old.end());
  // A build killed between its two renames left no output, its previous output aside and its
  // new output in staging. The previous output is the one known to be whole: put it back.
  bool have_output = fs::exists(fs::symlink_status(target, error));
  if (!have_output && !stale_old.empty()) {
    auto newest = std::max_element(
        stale_old.begin(), stale_old.end(), [](const fs::path& a, const fs::path& b) {
          std::error_code ignored;
          return fs::last_write_time(a, ignored) < fs::last_write_time(b, ignored);
        });
    fs::rename(*newest, target, error);
    if (error) {
      notes.push_back("the output folder is missing and " + newest->string() +
                      " holds the previous output, which could not be put back (" +
                      error.message() + "): rename it to " + target.string() + " yourself");
      return notes;  // touch nothing else until the user has it back
    }
    notes.push_back("put the previous output back from " + newest->filename().string() +
                    ": an earlier build was stopped while putting its output in place");
    have_output = true;
    stale_old.erase(newest);
  }
  for (const fs::path& folder : stale_staging) RemoveOurs(folder);
  if (have_output)
    for (const fs::path& folder : stale_old) RemoveOurs(folder);
  return notes;
}

std::optional<Sink> Sink::Open(const std::string& out, std::string* error) {
  fs::path target = Canonical(out);
  fs::path parent = target.parent_path();
  // Signals are held from before the staging folder exists until after it is gone.
  Sink sink(target.string(), "");
  HoldSignals();
  sink.handles_signals_ = true;
  std::error_code code;
  fs::create_directories(parent, code);
  if (code) {
    *error = "cannot create " + parent.string() + ": " + code.message();
    return std::nullopt;
  }
  fs::path staging = parent / (StagingPrefix(target) + std::to_string(::getpid()));
  // Only an earlier process with our pid can have left this folder.
  if (fs::exists(fs::symlink_status(staging, code)) && !RemoveOurs(staging)) {
    *error = staging.string() + " is in the way and was not made by outcomes: move it away";
    return std::nullopt;
  }
  if (!fs::create_directory(staging, code)) {
    *error = "cannot create the staging folder " + staging.string() + ": " + code.message();
    return std::nullopt;
  }
  sink.staging_ = staging.string();
  SetOpen(sink.staging_, true);
  if (!sink.Write(std::string(kMarkerFile),
                  "This folder was written by outcomes build and is replaced by the next one.\n",
                  error))
    return std::nullopt;
  return sink;
}

Sink::Sink(Sink&& other) noexcept
    : out_(std::move(other.out_)), staging_(std::move(other.staging_)),
      committed_(other.committed_), handles_signals_(other.handles_signals_),
      made_folders_(std::move(other.made_folders_)),
      folders_mutex_(std::move(other.folders_mutex_)) {
  other.committed_ = true;  // the moved-from sink owns nothing
  other.staging_.clear();
  other.handles_signals_ = false;
}

Sink::~Sink() {
  if (!staging_.empty()) {
    if (!committed_) RemoveOurs(staging_);
    SetOpen(staging_, false);
  }
  if (handles_signals_) ReleaseSignals();
}

std::string Sink::PathFor(const std::string& relative, std::string* error) {
  if (std::string stopped = Stopped(); !stopped.empty()) {
    *error = std::move(stopped);
    return {};
  }
  if (!SafeRelative(relative)) {
    *error = "refusing to write outside the output folder: '" + relative + "'";
    return {};
  }
  fs::path path = fs::path(staging_) / relative;
  // A site writes thousands of files into a few hundred folders: create each folder once.
  // The folders are created outside the lock, so that threads writing pages do not wait for
  // each other's mkdir; two creating one folder at once both succeed.
  std::string folder = path.parent_path().string();
  const std::string above = path.parent_path().parent_path().string();
  bool made, above_made;
  {
    std::lock_guard lock(*folders_mutex_);
    made = made_folders_.count(folder) > 0;
    above_made = made_folders_.count(above) > 0;
  }
  if (!made) {
    std::error_code code;
    // Most folders are one level below a folder made already (a page's own folder): one
    // mkdir, without create_directories' look at every level first.
    if (!above_made || ::mkdir(folder.c_str(), 0777) != 0) fs::create_directories(folder, code);
    if (code) {
      *error = "cannot create " + folder + ": " + code.message();
      return {};
    }
    std::lock_guard lock(*folders_mutex_);
    made_folders_.insert(folder);
  }
  return path.string();
}

bool Sink::Write(const std::string& relative, std::string_view bytes, std::string* error) {
  return WriteFile(relative, bytes, std::ios::trunc, error);
}

bool Sink::Append(const std::string& relative, std::string_view bytes, std::string* error) {
  return WriteFile(relative, bytes, std::ios::app, error);
}

bool Sink::WriteFile(const std::string& relative, std::string_view bytes,
                     std::ios::openmode mode, std::string* error) {
  std::string path = PathFor(relative, error);
  if (path.empty()) return false;
  std::ofstream file(path, std::ios::binary | mode);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool Sink::Commit(std::string* error) {
  if (std::string stopped = Stopped(); !stopped.empty()) {
    *error = std::move(stopped);
    return false;
  }
  std::error_code code;
  fs::path target(out_);
  fs::path old = target.parent_path() / (OldPrefix(target) + std::to_string(::getpid()));
  bool had_old = fs::exists(fs::symlink_status(target, code));
  if (had_old) {
    // Only an earlier process with our pid can have left this folder.
    if (fs::exists(fs::symlink_status(old, code)) && !RemoveOurs(old)) {
      *error = "cannot move the previous output aside: " + old.string() +
               " is in the way and was not made by outcomes";
      return false;
    }
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
  // The previous output carries our marker (CheckOutputFolder saw to it) or was empty; if it
  // is neither, it stays beside the output rather than being deleted.
  if (had_old) RemoveOurs(old);
  return true;
}

}  // namespace outcomes::output
