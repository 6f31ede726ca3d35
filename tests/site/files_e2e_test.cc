// End-to-end, with the real binary: hostile files in the site folder (symbolic links out of
// it, loops) and output folders inside the site's inputs. Links are made at run time: git does
// not carry symbolic links well.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

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

// A copy of the example site's inputs at `scratch/site`.
fs::path CopyExample(const Scratch& scratch) {
  const fs::path site = scratch / "site";
  fs::create_directories(site);
  for (const char* part : {"site.yaml", "data", "content", "templates"}) {
    const fs::path from = fs::path(OUTCOMES_SOURCE_DIR) / part;
    if (fs::exists(from)) fs::copy(from, site / part, fs::copy_options::recursive);
  }
  return site;
}

// Every file under `root`, relative path -> bytes.
std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).generic_string()] = ReadAll(entry.path());
  return files;
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
  fs::rename(site / "content/minutes", site / "shared-minutes");
  fs::create_symlink("../shared-minutes", site / "content/minutes");
  Write(site / "shared/extra.css", "/* linked */\n");
  fs::create_symlink("../../shared/extra.css", site / "templates/assets/extra.css");
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
