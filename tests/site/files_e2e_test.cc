// End-to-end, with the real binary: hostile files in the site folder (symbolic links out of
// it, loops) and what killed builds leave beside the output folder. Links and leftovers are
// made at run time: git does not carry symbolic links well, and pids are per run.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "e2e_util.h"

namespace {

namespace fs = std::filesystem;

const char kMarker[] = ".outcomes-output";

using outcomes::e2e::Run;

using outcomes::e2e::ReadAll;
using outcomes::e2e::Tree;
void Write(const fs::path& path, const std::string& text) { outcomes::e2e::WriteAll(path, text); }

// A fresh folder for one test, unique across the processes ctest runs at once; removed after.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("outcomes-files-e2e-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Scratch() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  fs::path operator/(const std::string& relative) const { return path_ / relative; }

 private:
  fs::path path_;
};

Run RunOutcomes(const std::string& arguments, const Scratch& scratch) {
  static int counter = 0;
  const fs::path log = scratch / ("run-" + std::to_string(++counter) + ".log");
  const std::string command =
      std::string(OUTCOMES_BINARY) + " " + arguments + " >" + log.string() + " 2>&1";
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = ReadAll(log);
  return run;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}


// The names directly inside `folder` that belong to the output `out`: "out" and ".out.*",
// sorted, one a line.
std::string OutputNames(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name == "out" || name.rfind(".out.", 0) == 0) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  std::string lines;
  for (const std::string& name : names) lines += name + "\n";
  return lines;
}

// A copy of the example site's inputs at `scratch/site`.
fs::path CopyExample(const Scratch& scratch) {
  const fs::path site = scratch / "site";
  fs::create_directories(site);
  for (const char* part : {"site.yaml", "data", "content", "templates"}) {
    const fs::path from = fs::path(OUTCOMES_SOURCE_DIR) / part;
    if (fs::exists(from)) fs::copy(from, site / part, fs::copy_options::recursive);
  }
  // The example's theme is built in; these tests put links into a site's own templates/.
  fs::create_directories(site / "templates/assets");
  return site;
}

// The pid of a process that has ended (a child that exited at once and was reaped).
pid_t DeadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

// Starts the binary with `arguments` and output to `log`, without waiting.
pid_t Start(const std::vector<std::string>& arguments, const fs::path& log) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    // Whatever the test runner ignores, the build under test must see its signals.
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    std::vector<char*> argv;
    std::string binary = OUTCOMES_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = arguments;
    for (std::string& argument : copies) argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return child;
}

// Waits until `path` exists or `pid` has ended (then false).
bool WaitFor(const fs::path& path, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(path)) return true;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

const std::string kOutsideLink = "error: symbolic link points outside the site folder";

}  // namespace

TEST_CASE("links out of the site are named by check and build, and nothing behind them is read") {
  Scratch scratch("outside");
  const fs::path site = CopyExample(scratch);
  Write(scratch / "outside/secret.md",
        "---\ntitle: Secret leaked page\nsummary: s\ndate: 2020-01-01\ntype: page\n---\n\nSECRET\n");
  Write(scratch / "outside/host.txt", "SECRET-HOST\n");
  Write(scratch / "outside/more.csv", "indicator,area,period,value\n");
  fs::create_directories(site / "content/pages");
  fs::create_symlink(scratch / "outside/secret.md", site / "content/pages/leak.md");
  fs::create_symlink(scratch / "outside/host.txt", site / "templates/assets/host.txt");
  fs::create_symlink(scratch / "outside/more.csv", site / "data/observations/more.csv");
  fs::create_symlink("../../outside", site / "content/elsewhere");

  const std::string args = "--site " + site.string();
  for (const std::string& command : {"check " + args, "build " + args}) {
    Run run = RunOutcomes(command, scratch);
    INFO(command << "\n" << run.output);
    CHECK(run.exit_code == 1);
    CHECK(Contains(run.output, "content/pages/leak.md: " + kOutsideLink));
    CHECK(Contains(run.output, "data/observations/more.csv: " + kOutsideLink));
    CHECK(Contains(run.output, "content/elsewhere: " + kOutsideLink));
    CHECK(Contains(run.output, "hint: "));
    CHECK_FALSE(Contains(run.output, "SECRET"));
    CHECK_FALSE(Contains(run.output, "outside/"));  // the link is named, not its target
  }
  // With the data and content links gone, the asset link is still caught (by check too).
  fs::remove(site / "content/pages/leak.md");
  fs::remove(site / "data/observations/more.csv");
  fs::remove(site / "content/elsewhere");
  for (const std::string& command : {"check " + args, "build " + args}) {
    Run run = RunOutcomes(command, scratch);
    INFO(command << "\n" << run.output);
    CHECK(run.exit_code == 1);
    CHECK(Contains(run.output, "templates/assets/host.txt: " + kOutsideLink));
  }
  CHECK_FALSE(fs::exists(site / "site-output"));
}

TEST_CASE("loops in content/, data/ and templates/ are located errors, not a crash") {
  Scratch scratch("loops");
  const fs::path site = CopyExample(scratch);
  fs::create_symlink("loop.md", site / "content/loop.md");
  fs::create_symlink("..", site / "content/minutes/up");
  fs::create_symlink("loop.csv", site / "data/observations/loop.csv");
  fs::create_symlink("b", site / "data/boundaries/a.geojson");
  fs::create_symlink("a.geojson", site / "data/boundaries/b");
  fs::create_symlink(".", site / "templates/assets/here");
  for (const std::string command : {"check", "build"}) {
    Run run = RunOutcomes(command + " --site " + site.string(), scratch);
    INFO(command << "\n" << run.output);
    CHECK(run.exit_code == 1);
    CHECK_FALSE(Contains(run.output, "filesystem error"));
    CHECK(Contains(run.output, "content/loop.md: error: symbolic link loop"));
    CHECK(Contains(run.output, "content/minutes/up: error: symbolic link loop"));
    CHECK(Contains(run.output, "data/observations/loop.csv: error: symbolic link loop"));
    CHECK(Contains(run.output, "data/boundaries/a.geojson: error: symbolic link loop"));
    if (command == "check")  // build stops at the data before it reads templates
      CHECK(Contains(run.output, "templates/assets/here: error: symbolic link loop"));
  }
}

TEST_CASE("links inside the site are followed, and the build publishes what they lead to") {
  Scratch scratch("inside");
  const fs::path site = CopyExample(scratch);
  fs::rename(site / "content/minutes", site / "common-minutes");
  fs::create_symlink("../common-minutes", site / "content/minutes");
  Write(site / "common/extra.css", "/* linked */\n");
  fs::create_symlink("../../common/extra.css", site / "templates/assets/extra.css");
  const fs::path out = scratch / "out";
  Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string(), scratch);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(ReadAll(out / "assets/extra.css") == "/* linked */\n");
  CHECK(fs::exists(out / "minutes/index.html"));
}

TEST_CASE("--out inside one of the site's input folders is refused") {
  Scratch scratch("inputs");
  const fs::path site = CopyExample(scratch);
  fs::create_symlink(site / "templates", scratch / "templates-link");
  for (const fs::path& out :
       {site / "templates/assets", site / "templates/assets/out", site / "templates",
        site / "content/out", site / "data/out", scratch / "templates-link/assets/out"}) {
    const auto before = Tree(site);
    Run run = RunOutcomes("build --site " + site.string() + " --out " + out.string(), scratch);
    INFO(out.string() << "\n" << run.output);
    CHECK(run.exit_code == 1);
    CHECK(Contains(run.output, "refusing to write the site into the site's"));
    CHECK(Tree(site) == before);
  }
}

TEST_CASE("a build removes the staging folders killed builds left, and only those") {
  Scratch scratch("stale");
  const fs::path site = CopyExample(scratch);
  const fs::path out = scratch / "out";
  const std::string build = "build --site " + site.string() + " --out " + out.string();
  REQUIRE(RunOutcomes(build, scratch).exit_code == 0);
  const std::string dead = std::to_string(DeadPid());
  const std::string other_dead = std::to_string(DeadPid());
  const std::string alive = std::to_string(::getpid());
  // Ours, from a dead build: removed.
  Write(scratch / (".out.staging-" + dead) / kMarker, "");
  Write(scratch / (".out.staging-" + dead) / "indicators/gld/index.html", "partial");
  Write(scratch / (".out.old-" + dead) / kMarker, "");
  Write(scratch / (".out.old-" + dead) / "index.html", "old");
  fs::create_directories(scratch / (".out.staging-" + other_dead));  // empty: nothing to lose
  // Not ours (no marker), or a build still running: kept.
  Write(scratch / (".out.staging-" + other_dead + "0") / "notes.txt", "mine");
  Write(scratch / (".out.staging-" + alive) / kMarker, "");
  Write(scratch / ".out.staging-12x" / kMarker, "");
  std::vector<std::string> kept = {".out.staging-" + alive, ".out.staging-" + other_dead + "0",
                                   ".out.staging-12x", "out"};
  std::sort(kept.begin(), kept.end());

  // check writes nothing and tidies nothing.
  const std::string names = OutputNames(scratch / "");
  CHECK(RunOutcomes("check --site " + site.string(), scratch).exit_code == 0);
  CHECK(OutputNames(scratch / "") == names);

  Run run = RunOutcomes(build, scratch);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  std::string left;
  for (const std::string& name : kept) left += name + "\n";
  CHECK(OutputNames(scratch / "") == left);
  CHECK(ReadAll(scratch / (".out.staging-" + other_dead + "0") / "notes.txt") == "mine");
}

TEST_CASE("a build killed between its two renames: the next run puts the previous output back") {
  Scratch scratch("between");
  const fs::path site = CopyExample(scratch);
  const fs::path out = scratch / "out";
  const std::string build = "build --site " + site.string() + " --out " + out.string();
  REQUIRE(RunOutcomes(build, scratch).exit_code == 0);
  const auto previous = Tree(out);
  // The state after the first rename: no output, the old one aside, the new one in staging.
  const std::string dead = std::to_string(DeadPid());
  fs::rename(out, scratch / (".out.old-" + dead));
  Write(scratch / (".out.staging-" + dead) / kMarker, "");
  Write(scratch / (".out.staging-" + dead) / "index.html", "new");

  // check does not touch it.
  CHECK(RunOutcomes("check --site " + site.string(), scratch).exit_code == 0);
  CHECK(fs::exists(scratch / (".out.old-" + dead)));
  CHECK_FALSE(fs::exists(out));

  // A build that fails on its input still gives the previous output back first.
  Write(site / "data/observations/broken.csv",
        "indicator,area,period,value\ngld,E05002216,2018/19,not-a-number\n");
  Run failed = RunOutcomes(build, scratch);
  INFO(failed.output);
  CHECK(failed.exit_code == 1);
  CHECK(Contains(failed.output, "warning: put the previous output back from .out.old-" + dead));
  REQUIRE(fs::exists(out));
  CHECK(Tree(out) == previous);
  CHECK(OutputNames(scratch / "") == "out\n");  // the staging folder is gone too

  fs::remove(site / "data/observations/broken.csv");
  Run run = RunOutcomes(build, scratch);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(Tree(out) == previous);
}

TEST_CASE("SIGKILL in the middle of a build: the next build removes what it left") {
  Scratch scratch("sigkill");
  const fs::path site = CopyExample(scratch);
  const fs::path out = scratch / "out";
  const std::string build = "build --site " + site.string() + " --out " + out.string();
  REQUIRE(RunOutcomes(build, scratch).exit_code == 0);
  const auto previous = Tree(out);
  const pid_t pid = Start({"build", "--site", site.string(), "--out", out.string()},
                          scratch / "killed.log");
  const fs::path staging = scratch / (".out.staging-" + std::to_string(pid));
  const bool seen = WaitFor(staging / kMarker, pid);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE_MESSAGE(seen, "the build ended before its staging folder was seen");
  CHECK(WIFSIGNALED(status));
  CHECK(fs::exists(staging));  // nothing can clean up after SIGKILL...
  CHECK(Tree(out) == previous);

  Run run = RunOutcomes(build, scratch);  // ...but the next build does
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(OutputNames(scratch / "") == "out\n");
}

TEST_CASE("SIGTERM or SIGINT in the middle of a build removes its staging folder, then ends it") {
  for (int signal_number : {SIGTERM, SIGINT}) {
    CAPTURE(signal_number);
    Scratch scratch("sigterm-" + std::to_string(signal_number));
    const fs::path site = CopyExample(scratch);
    const fs::path out = scratch / "out";
    REQUIRE(RunOutcomes("build --site " + site.string() + " --out " + out.string(), scratch)
                .exit_code == 0);
    const auto previous = Tree(out);
    const pid_t pid = Start({"build", "--site", site.string(), "--out", out.string()},
                            scratch / "stopped.log");
    const fs::path staging = scratch / (".out.staging-" + std::to_string(pid));
    const bool seen = WaitFor(staging / kMarker, pid);
    ::kill(pid, signal_number);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE_MESSAGE(seen, "the build ended before its staging folder was seen");
    INFO(ReadAll(scratch / "stopped.log"));
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == signal_number);
    CHECK_FALSE(fs::exists(staging));
    CHECK(Tree(out) == previous);
    CHECK(OutputNames(scratch / "") == "out\n");
  }
}
