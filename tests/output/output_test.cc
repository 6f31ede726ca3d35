// Tests for outcomes::output: the guards on the output folder and the staging sink's atomic swap.
// Every test works inside its own fresh folder under the system temp folder and removes it.
//
// Some tests pinned bugs in output/ that are now fixed (see the comment above each).
#include "output/output.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace outcomes::output {
namespace {

namespace fs = std::filesystem;

// A fresh, empty folder removed again at the end of the test.
class TempFolder {
 public:
  explicit TempFolder(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("outcomes-output-test-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~TempFolder() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& relative) const { return path_ / relative; }

 private:
  fs::path path_;
};

// Sets HOME for the length of a test and restores it after.
class ScopedHome {
 public:
  explicit ScopedHome(const fs::path& home) {
    if (const char* old = std::getenv("HOME")) old_ = old;
    ::setenv("HOME", home.c_str(), 1);
  }
  ~ScopedHome() {
    if (old_)
      ::setenv("HOME", old_->c_str(), 1);
    else
      ::unsetenv("HOME");
  }
  ScopedHome(const ScopedHome&) = delete;
  ScopedHome& operator=(const ScopedHome&) = delete;

 private:
  std::optional<std::string> old_;
};

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every file under `root`, relative path -> bytes.
std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).generic_string()] = ReadFile(entry.path());
  return files;
}

// Names directly inside `folder`.
std::vector<std::string> Names(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A site folder (with data/ and content/) inside `root`.
fs::path MakeSite(const TempFolder& root) {
  fs::path site = root / "site";
  WriteFile(site / "site.yaml", "title: Test\n");
  WriteFile(site / "data" / "areas.csv", "code,name\n");
  WriteFile(site / "content" / "index.md", "# Hello\n");
  return site;
}

// A previous build's output: the marker and two files.
void MakePreviousOutput(const fs::path& out) {
  WriteFile(out / std::string(kMarkerFile), "previous build\n");
  WriteFile(out / "index.html", "<p>old</p>\n");
  WriteFile(out / "old" / "page.html", "<p>old page</p>\n");
}

// ---------------------------------------------------------------------------------------------
// CheckOutputFolder

struct Refusal {
  std::string description;
  std::string out;
  std::string reason;  // a part of the message
};

TEST_CASE("CheckOutputFolder refuses folders whose replacement would destroy what is not ours") {
  TempFolder root("refusals");
  const fs::path site = MakeSite(root);
  const fs::path home = root / "home";
  fs::create_directories(home);
  ScopedHome scoped_home(home);
  WriteFile(root / "with-data" / "data" / "x.csv", "a\n");
  fs::create_directories(root / "with-content" / "content");
  WriteFile(root / "with-data-and-marker" / "data" / "x.csv", "a\n");
  WriteFile(root / "with-data-and-marker" / std::string(kMarkerFile), "");
  WriteFile(root / "not-ours" / "notes.txt", "my notes\n");
  fs::create_directories(root / "not-ours-only-folder" / "photos");
  WriteFile(root / "a-file", "x\n");

  const Refusal refusals[] = {
      {"the root folder", "/", "root folder"},
      {"the root folder, spelled /.", "/.", "root folder"},
      {"the home folder", home.string(), "home folder"},
      {"the home folder with a trailing slash", home.string() + "/", "home folder"},
      {"the site folder", site.string(), "site folder itself"},
      {"the site folder with a trailing slash", site.string() + "/", "site folder itself"},
      {"the site folder spelled with ..", (root / "home" / ".." / "site").string(),
       "site folder itself"},
      {"the site's parent", root.path().string(), "contains the site"},
      {"the site's grandparent", root.path().parent_path().string(), "contains the site"},
      {"a folder containing data/", (root / "with-data").string(), "content/ or data/"},
      {"a folder containing content/", (root / "with-content").string(), "content/ or data/"},
      {"a folder containing data/ even with our marker", (root / "with-data-and-marker").string(),
       "content/ or data/"},
      {"a non-empty folder without the marker", (root / "not-ours").string(),
       std::string(kMarkerFile)},
      {"a folder holding only a folder, without the marker",
       (root / "not-ours-only-folder").string(), std::string(kMarkerFile)},
      {"a file", (root / "a-file").string(), "not a folder"},
      {"nothing", "", "empty"},
  };
  for (const Refusal& refusal : refusals) {
    CAPTURE(refusal.description);
    CAPTURE(refusal.out);
    const std::string message = CheckOutputFolder(refusal.out, site.string());
    CAPTURE(message);
    CHECK(!message.empty());
    CHECK(message.find(refusal.reason) != std::string::npos);
  }
  // Nothing was touched.
  CHECK(ReadFile(root / "not-ours" / "notes.txt") == "my notes\n");
  CHECK(fs::exists(site / "data" / "areas.csv"));
}

TEST_CASE("CheckOutputFolder refuses the site folder reached through a relative path") {
  TempFolder root("relative");
  const fs::path site = MakeSite(root);
  const fs::path cwd = fs::current_path();
  fs::current_path(root.path());
  CHECK(!CheckOutputFolder("site", site.string()).empty());
  CHECK(!CheckOutputFolder(".", "site").empty());  // the site's parent, relative both ways
  CHECK(!CheckOutputFolder("./site/", "site").empty());
  CHECK(CheckOutputFolder("site-output", "site").empty());
  fs::current_path(cwd);
}

TEST_CASE("CheckOutputFolder accepts a new folder, an empty one, or a previous output") {
  TempFolder root("acceptance");
  const fs::path site = MakeSite(root);
  fs::create_directories(root / "empty");
  MakePreviousOutput(root / "previous");
  struct Accepted {
    std::string description;
    std::string out;
  };
  const Accepted accepted[] = {
      {"a missing folder", (root / "new").string()},
      {"a missing folder with a trailing slash", (root / "new").string() + "/"},
      {"a missing nested folder", (root / "a" / "b" / "c").string()},
      {"an empty folder", (root / "empty").string()},
      {"a previous output with the marker", (root / "previous").string()},
      {"the default: site-output inside the site", (site / "site-output").string()},
  };
  for (const Accepted& c : accepted) {
    CAPTURE(c.description);
    CAPTURE(c.out);
    CHECK(CheckOutputFolder(c.out, site.string()) == "");
  }
}

// ---------------------------------------------------------------------------------------------
// Sink

TEST_CASE("a Sink writes into a staging folder beside the output, and Commit puts it in place") {
  TempFolder root("commit-new");
  const fs::path out = root / "out";
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  const fs::path staging = sink->staging();
  CHECK(staging.parent_path() == root.path());  // beside the output, so rename() is atomic
  CHECK(staging != out);
  CHECK(fs::is_directory(staging));
  CHECK(fs::exists(staging / std::string(kMarkerFile)));

  CHECK(sink->Write("index.html", "<p>new</p>\n", &error));
  CHECK(sink->Write("areas/kursaal/index.html", "<p>Kursaal</p>\n", &error));
  const std::string xlsx = sink->PathFor("downloads/pack.xlsx", &error);
  CHECK(xlsx == (staging / "downloads" / "pack.xlsx").string());
  CHECK(fs::is_directory(staging / "downloads"));
  WriteFile(xlsx, "PK");
  CHECK(ReadFile(staging / "areas" / "kursaal" / "index.html") == "<p>Kursaal</p>\n");
  CHECK(!fs::exists(out));  // nothing in place until Commit

  REQUIRE_MESSAGE(sink->Commit(&error), error);
  CHECK(!fs::exists(staging));
  const auto files = Tree(out);
  CHECK(files.size() == 4);
  CHECK(files.count(std::string(kMarkerFile)) == 1);
  CHECK(files.at("index.html") == "<p>new</p>\n");
  CHECK(files.at("areas/kursaal/index.html") == "<p>Kursaal</p>\n");
  CHECK(files.at("downloads/pack.xlsx") == "PK");
  sink.reset();  // destroying a committed sink removes nothing
  CHECK(fs::exists(out / "index.html"));
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
  // The output now passes the guard for the next build.
  CHECK(CheckOutputFolder(out.string(), (root / "site").string()) == "");
}

TEST_CASE("Commit replaces a previous output completely and leaves nothing beside it") {
  TempFolder root("commit-replace");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(sink->Write("index.html", "<p>new</p>\n", &error));
  CHECK(sink->Write("new/page.html", "<p>new page</p>\n", &error));
  // Before Commit the old output is still whole.
  CHECK(ReadFile(out / "index.html") == "<p>old</p>\n");
  REQUIRE_MESSAGE(sink->Commit(&error), error);
  const auto files = Tree(out);
  CHECK(files.size() == 3);
  CHECK(files.at("index.html") == "<p>new</p>\n");
  CHECK(files.at("new/page.html") == "<p>new page</p>\n");
  CHECK(files.count("old/page.html") == 0);  // old files do not survive
  CHECK(files.at(std::string(kMarkerFile)) != "previous build\n");
  // No staging or moved-aside folder is left beside the output.
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("a Sink destroyed without Commit leaves the old output untouched and removes staging") {
  TempFolder root("abandon");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  const auto before = Tree(out);
  fs::path staging;
  {
    std::string error;
    std::optional<Sink> sink = Sink::Open(out.string(), &error);
    REQUIRE_MESSAGE(sink.has_value(), error);
    staging = sink->staging();
    CHECK(sink->Write("index.html", "<p>half-built</p>\n", &error));
    CHECK(fs::exists(staging / "index.html"));
  }  // the build failed: no Commit
  CHECK(!fs::exists(staging));
  CHECK(Tree(out) == before);
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("a Sink abandoned before any output existed leaves nothing") {
  TempFolder root("abandon-new");
  const fs::path out = root / "out";
  {
    std::string error;
    std::optional<Sink> sink = Sink::Open(out.string(), &error);
    REQUIRE_MESSAGE(sink.has_value(), error);
    CHECK(sink->Write("index.html", "x", &error));
  }
  CHECK(!fs::exists(out));
  CHECK(Names(root.path()).empty());
}

TEST_CASE("a moved-from Sink owns nothing, the moved-to Sink commits") {
  TempFolder root("move");
  const fs::path out = root / "out";
  std::string error;
  std::optional<Sink> first = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(first.has_value(), error);
  const fs::path staging = first->staging();
  Sink second(std::move(*first));
  first.reset();  // must not remove the staging folder the second sink now owns
  CHECK(fs::exists(staging / std::string(kMarkerFile)));
  CHECK(second.staging() == staging.string());
  CHECK(second.Write("index.html", "moved\n", &error));
  REQUIRE_MESSAGE(second.Commit(&error), error);
  CHECK(ReadFile(out / "index.html") == "moved\n");
}

TEST_CASE("Open creates missing parent folders of the output") {
  TempFolder root("parents");
  const fs::path out = root / "a" / "b" / "out";
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(sink->Write("index.html", "deep\n", &error));
  REQUIRE_MESSAGE(sink->Commit(&error), error);
  CHECK(ReadFile(out / "index.html") == "deep\n");
}

TEST_CASE("Write and PathFor refuse paths that leave the staging folder") {
  TempFolder root("escape");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  const auto before = Tree(out);
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  const std::string absolute = (root / "absolute.txt").string();
  const std::string refused[] = {
      "../x",   "../out/index.html",  "a/../../x", "a/..", "..",
      absolute, "/etc/outcomes-test", "",          "./x",  ".",
  };
  for (const std::string& relative : refused) {
    CAPTURE(relative);
    error.clear();
    CHECK(!sink->Write(relative, "escaped\n", &error));
    CHECK(error.find("outside the output folder") != std::string::npos);
    error.clear();
    CHECK(sink->PathFor(relative, &error).empty());
    CHECK(!error.empty());
  }
  CHECK(!fs::exists(root / "x"));
  CHECK(!fs::exists(root / "absolute.txt"));
  CHECK(!fs::exists("/etc/outcomes-test"));
  CHECK(Tree(out) == before);
  // An ordinary nested path is fine, and ".." inside a file name is only a name.
  CHECK(sink->Write("a/b..c.txt", "ok\n", &error));
  CHECK(ReadFile(fs::path(sink->staging()) / "a" / "b..c.txt") == "ok\n");
}

TEST_CASE("Commit works for an existing output given with a trailing slash") {
  TempFolder root("slash-existing");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string() + "/", &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(sink->Write("index.html", "<p>new</p>\n", &error));
  REQUIRE_MESSAGE(sink->Commit(&error), error);
  CHECK(ReadFile(out / "index.html") == "<p>new</p>\n");
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
}

// Once a bug (fixed): an output folder that does not exist yet, given with a trailing slash ("--out new/",
// which CheckOutputFolder accepts), breaks the sink. Canonical() keeps the trailing separator for
// a path that does not exist (weakly_canonical("/tmp/x/new/") is "/tmp/x/new/", whose filename()
// is "" and parent_path() is "/tmp/x/new"), so Open creates the output folder itself and puts
// the staging folder INSIDE it (/tmp/x/new/..staging-<pid>); Commit then tries to rename
// /tmp/x/new/ to /tmp/x/new/..old-<pid> (into itself), fails with "cannot move the previous
// output aside: Invalid argument", and the build leaves an empty new/ behind.
TEST_CASE("Open and Commit work for a new output given with a trailing slash") {
  TempFolder root("slash-new");
  const fs::path out = root / "new";
  REQUIRE(CheckOutputFolder(out.string() + "/", (root / "site").string()) == "");
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string() + "/", &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(fs::path(sink->staging()).parent_path() == root.path());  // beside, not inside
  CHECK(sink->Write("index.html", "<p>new</p>\n", &error));
  const bool committed = sink->Commit(&error);
  CAPTURE(error);
  CHECK(committed);
  sink.reset();
  CHECK(ReadFile(out / "index.html") == "<p>new</p>\n");
  CHECK(fs::exists(out / std::string(kMarkerFile)));
}

// ---------------------------------------------------------------------------------------------
// The site's input folders

TEST_CASE("CheckOutputFolder refuses the site's input folders and any folder inside them") {
  TempFolder root("inputs");
  const fs::path site = MakeSite(root);
  WriteFile(site / "templates" / "assets" / "style.css", "body {}\n");
  fs::create_directory_symlink(site / "templates", root / "templates-link");
  const std::string inside[] = {
      (site / "templates").string(),
      (site / "templates" / "assets").string(),
      (site / "templates" / "assets" / "out").string(),
      (site / "templates" / "assets" / "out").string() + "/",
      (site / "content" / "out").string(),
      (site / "data" / "out" / "deeper").string(),
      (root / "templates-link" / "assets" / "out").string(),  // through a link
      (site / "site-output" / ".." / "templates" / "x").string(),
  };
  for (const std::string& out : inside) {
    CAPTURE(out);
    const std::string message = CheckOutputFolder(out, site.string());
    CHECK(message.find("the site's ") != std::string::npos);
  }
  CHECK(CheckOutputFolder((site / "site-output").string(), site.string()) == "");
  CHECK(CheckOutputFolder((site / "templates-out").string(), site.string()) == "");
}

// ---------------------------------------------------------------------------------------------
// Recover: what killed builds left beside the output

// A pid no process has: a child that exited and was reaped.
pid_t DeadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

// A folder as a build leaves it: our marker file and one page.
void MakeOurs(const fs::path& folder, const std::string& page) {
  WriteFile(folder / std::string(kMarkerFile), "");
  WriteFile(folder / "index.html", page);
}

TEST_CASE("Recover removes the leftovers of builds that are not running, only when they are ours") {
  TempFolder root("recover-stale");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  const std::string dead = std::to_string(DeadPid());
  const std::string alive = std::to_string(::getppid());
  MakeOurs(root / (".out.staging-" + dead), "partial");
  MakeOurs(root / (".out.old-" + dead), "old");
  fs::create_directories(root / (".out.old-" + dead + "1"));        // empty: nothing to lose
  WriteFile(root / (".out.staging-" + dead + "2") / "mine.txt", "x");  // no marker: not ours
  MakeOurs(root / (".out.staging-" + alive), "running");               // a build under way
  MakeOurs(root / (".other.staging-" + dead), "another output's");
  MakeOurs(root / ".out.staging-", "no pid");
  MakeOurs(root / ".out.staging-1a", "not a pid");
  fs::create_directory_symlink(root / (".out.staging-" + dead + "2"),
                               root / (".out.staging-" + dead + "3"));  // a link: not followed
  const auto before = Tree(out);
  CHECK(Recover(out.string()).empty());
  CHECK(Tree(out) == before);
  std::vector<std::string> kept = {".other.staging-" + dead,     ".out.staging-",
                                   ".out.staging-" + alive,       ".out.staging-" + dead + "2",
                                   ".out.staging-" + dead + "3", ".out.staging-1a",
                                   "out"};
  std::sort(kept.begin(), kept.end());
  CHECK(Names(root.path()) == kept);
  CHECK(ReadFile(root / (".out.staging-" + dead + "2") / "mine.txt") == "x");
}

TEST_CASE("Recover puts back the previous output when a build was killed between its renames") {
  TempFolder root("recover-between");
  const fs::path out = root / "out";
  const std::string older = std::to_string(DeadPid());
  const std::string newer = std::to_string(DeadPid());
  MakeOurs(root / (".out.old-" + older), "older");
  MakeOurs(root / (".out.old-" + newer), "newer");
  MakeOurs(root / (".out.staging-" + newer), "complete but never swapped in");
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(root / (".out.old-" + older), now - std::chrono::hours(2));
  fs::last_write_time(root / (".out.old-" + newer), now - std::chrono::hours(1));
  const std::vector<std::string> notes = Recover((out.string() + "/"));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "put the previous output back from .out.old-" + newer +
                        ": an earlier build was stopped while putting its output in place");
  CHECK(ReadFile(out / "index.html") == "newer");
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
  CHECK(Recover(out.string()).empty());  // nothing left to do
}

TEST_CASE("Recover leaves an old output alone while no output replaces it") {
  TempFolder root("recover-keep");
  const fs::path out = root / "out";
  const std::string dead = std::to_string(DeadPid());
  WriteFile(root / (".out.old-" + dead) / "index.html", "no marker");  // restored all the same
  CHECK(Recover(out.string()).size() == 1);
  CHECK(ReadFile(out / "index.html") == "no marker");
  // The output exists: an unmarked old output beside it is still not deleted.
  WriteFile(root / (".out.old-" + dead) / "index.html", "someone's");
  CHECK(Recover(out.string()).empty());
  CHECK(ReadFile(root / (".out.old-" + dead) / "index.html") == "someone's");
}

TEST_CASE("Recover does not take an open sink's staging folder for a leftover") {
  TempFolder root("recover-open");
  const fs::path out = root / "out";
  std::string error;
  std::optional<Sink> sink = Sink::Open(out.string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(Recover(out.string()).empty());
  CHECK(fs::exists(fs::path(sink->staging()) / std::string(kMarkerFile)));
  CHECK(sink->Write("index.html", "x", &error));
  REQUIRE_MESSAGE(sink->Commit(&error), error);
}

TEST_CASE("a leftover with this process's pid (an earlier process's) is replaced if it is ours") {
  TempFolder root("own-pid");
  const fs::path out = root / "out";
  MakePreviousOutput(out);
  const std::string pid = std::to_string(::getpid());
  MakeOurs(root / (".out.staging-" + pid), "stale");
  MakeOurs(root / (".out.old-" + pid), "stale");
  std::string error;
  {
    std::optional<Sink> sink = Sink::Open(out.string(), &error);
    REQUIRE_MESSAGE(sink.has_value(), error);
    CHECK(!fs::exists(fs::path(sink->staging()) / "index.html"));  // a fresh staging folder
    CHECK(sink->Write("index.html", "new", &error));
    REQUIRE_MESSAGE(sink->Commit(&error), error);
  }
  CHECK(ReadFile(out / "index.html") == "new");
  CHECK(Names(root.path()) == std::vector<std::string>{"out"});
  // Not ours: Open leaves it and says so.
  WriteFile(root / (".out.staging-" + pid) / "mine.txt", "x");
  CHECK(!Sink::Open(out.string(), &error).has_value());
  CHECK(error.find("not made by outcomes") != std::string::npos);
  CHECK(ReadFile(root / (".out.staging-" + pid) / "mine.txt") == "x");
}

// ---------------------------------------------------------------------------------------------
// Stop signals

std::atomic<int> test_handler_calls{0};
extern "C" void CountSignal(int) { ++test_handler_calls; }

TEST_CASE("a stop signal while a Sink is open: no more writes, no commit, staging removed") {
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    CAPTURE(signal_number);
    TempFolder root("signal-" + std::to_string(signal_number));
    const fs::path out = root / "out";
    MakePreviousOutput(out);
    const auto before = Tree(out);
    // Stands in for the default handling, which would end the test process.
    struct sigaction mine = {};
    struct sigaction previous = {};
    mine.sa_handler = CountSignal;
    sigemptyset(&mine.sa_mask);
    REQUIRE(sigaction(signal_number, &mine, &previous) == 0);
    test_handler_calls = 0;
    {
      std::string error;
      std::optional<Sink> sink = Sink::Open(out.string(), &error);
      REQUIRE_MESSAGE(sink.has_value(), error);
      CHECK(sink->Write("index.html", "half", &error));
      CHECK(StopSignal() == 0);
      ::raise(signal_number);
      CHECK(StopSignal() == signal_number);
      CHECK(test_handler_calls == 0);  // held while the sink is open
      CHECK(!sink->Write("more.html", "x", &error));
      CHECK(error.find("stopped by SIG") != std::string::npos);
      CHECK(sink->PathFor("pack.xlsx", &error).empty());
      CHECK(!sink->Commit(&error));
      CHECK(error.find("the previous output is untouched") != std::string::npos);
      CHECK(fs::exists(sink->staging()));
    }
    // The sink is gone: staging removed, then the signal raised again with the handling it had.
    CHECK(test_handler_calls == 1);
    CHECK(StopSignal() == 0);
    CHECK(Names(root.path()) == std::vector<std::string>{"out"});
    CHECK(Tree(out) == before);
    struct sigaction now = {};
    sigaction(signal_number, nullptr, &now);
    CHECK((now.sa_handler == CountSignal));
    sigaction(signal_number, &previous, nullptr);
  }
}

TEST_CASE("an ignored signal stays ignored while a Sink is open") {
  struct sigaction ignore = {};
  struct sigaction previous = {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  REQUIRE(sigaction(SIGHUP, &ignore, &previous) == 0);
  TempFolder root("signal-ignored");
  const fs::path out = root / "out";
  std::string error;
  {
    std::optional<Sink> sink = Sink::Open(out.string(), &error);
    REQUIRE_MESSAGE(sink.has_value(), error);
    ::raise(SIGHUP);
    CHECK(StopSignal() == 0);
    CHECK(sink->Write("index.html", "x", &error));
    CHECK(sink->Commit(&error));
  }
  CHECK(ReadFile(out / "index.html") == "x");
  sigaction(SIGHUP, &previous, nullptr);
}

}  // namespace
}  // namespace outcomes::output

namespace outcomes::output {

TEST_CASE("Append adds to a file piece by piece; Write starts it again") {
  TempFolder root("append");
  std::string error;
  std::optional<Sink> sink = Sink::Open((root / "out").string(), &error);
  REQUIRE_MESSAGE(sink.has_value(), error);
  CHECK(sink->Append("downloads/all.csv", "a,b\r\n", &error));  // a missing file is created
  CHECK(sink->Append("downloads/all.csv", "1,2\r\n", &error));
  CHECK(ReadFile(fs::path(sink->staging()) / "downloads" / "all.csv") == "a,b\r\n1,2\r\n");
  CHECK(sink->Write("downloads/all.csv", "x\r\n", &error));
  CHECK(sink->Append("downloads/all.csv", "y\r\n", &error));
  CHECK(ReadFile(fs::path(sink->staging()) / "downloads" / "all.csv") == "x\r\ny\r\n");
  CHECK_FALSE(sink->Append("../escape.csv", "z", &error));
  CHECK(!fs::exists(root / "escape.csv"));
}

TEST_CASE("a report written beside the output in pieces is all or nothing") {
  TempFolder root("beside-pieces");
  const std::string out = (root / "site-output").string();
  std::string error;
  REQUIRE(WriteBeside(out, ".report.json", "old\n", &error));
  auto pieces = [](int stop_after) {
    return [stop_after](const std::function<bool(std::string_view)>& write) {
      for (int idx = 0; idx < 5; ++idx) {
        if (idx == stop_after) return false;
        if (!write("piece " + std::to_string(idx) + "\n")) return false;
      }
      return true;
    };
  };
  // Given up half way: the old report stays, and no temporary file is left beside it.
  CHECK_FALSE(WriteBeside(out, ".report.json", Pieces(pieces(2)), &error));
  CHECK(ReadFile(BesidePath(out, ".report.json")) == "old\n");
  CHECK(Names(root.path()) == std::vector<std::string>{"site-output.report.json"});
  REQUIRE(WriteBeside(out, ".report.json", Pieces(pieces(-1)), &error));
  CHECK(ReadFile(BesidePath(out, ".report.json")) ==
        "piece 0\npiece 1\npiece 2\npiece 3\npiece 4\n");
}

}  // namespace outcomes::output
