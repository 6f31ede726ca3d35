// File access under the link rule: a symbolic link may lead anywhere inside the site folder,
// never out of it; loops, dangling links and unreadable folders are located diagnostics, never
// exceptions. The links are made at run time (git does not carry them well).
#include "load/internal/files.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace outcomes::load::internal {
namespace {

namespace fs = std::filesystem;

// A fresh folder holding `site/` and `outside/`, removed at the end of the test.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : path_(fs::temp_directory_path() /
              ("outcomes-files-test-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_ / "site");
    fs::create_directories(path_ / "outside");
  }
  ~Scratch() {
    std::error_code error;
    fs::permissions(path_ / "site" / "content" / "locked", fs::perms::owner_all,
                    fs::perm_options::add, error);
    fs::remove_all(path_, error);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  std::string site() const { return (path_ / "site").string(); }
  fs::path operator/(const std::string& relative) const { return path_ / relative; }

  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }
  // A link at `relative` whose text is `target` (as `ln -s target relative`).
  void Link(const std::string& target, const std::string& relative) const {
    fs::create_directories((path_ / relative).parent_path());
    fs::create_symlink(target, path_ / relative);
  }

 private:
  fs::path path_;
};

std::vector<std::string> Messages(const base::Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const base::Diagnostic& item : diagnostics.items())
    lines.push_back(base::FormatDiagnostic(item).substr(0, base::FormatDiagnostic(item).find('\n')));
  return lines;
}

const std::vector<std::string> kMarkdown = {".md"};

TEST_CASE("links inside the site are followed, to files and to folders") {
  Scratch scratch("inside");
  scratch.Write("site/content/a.md", "a");
  scratch.Write("site/common/b.md", "b");
  scratch.Write("site/common/deeper/c.md", "c");
  scratch.Link("../common/b.md", "site/content/b-link.md");
  scratch.Link("../common", "site/content/common");
  base::Diagnostics diagnostics;
  auto files = ListFiles(scratch.site(), "content", kMarkdown, true, diagnostics);
  CHECK(Messages(diagnostics).empty());
  CHECK(files == std::vector<std::string>{"content/a.md", "content/b-link.md",
                                          "content/common/b.md", "content/common/deeper/c.md"});
  auto text = ReadFile(scratch.site(), "content/common/deeper/c.md", diagnostics, true);
  REQUIRE(text);
  CHECK(*text == "c");
}

TEST_CASE("a link out of the site is reported at the link, and what it points to is not read") {
  Scratch scratch("outside");
  scratch.Write("outside/secret.md", "---\ntitle: secret\n---\n");
  scratch.Write("site/content/pages/ok.md", "ok");
  scratch.Link((scratch / "outside/secret.md").string(), "site/content/pages/leak.md");
  scratch.Link("../../../outside", "site/content/pages/folder");
  base::Diagnostics diagnostics;
  auto files = ListFiles(scratch.site(), "content", kMarkdown, true, diagnostics);
  CHECK(files == std::vector<std::string>{"content/pages/ok.md"});
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{
            "content/pages/folder: error: symbolic link points outside the site folder",
            "content/pages/leak.md: error: symbolic link points outside the site folder"});
  REQUIRE(!diagnostics.items().empty());
  CHECK(diagnostics.items()[0].hint.find("inside") != std::string::npos);

  base::Diagnostics reading;
  CHECK(!ReadFile(scratch.site(), "content/pages/leak.md", reading, true));
  CHECK(!ReadBytes(scratch.site(), "content/pages/folder/secret.md", reading));
  CHECK(Messages(reading) ==
        std::vector<std::string>{
            "content/pages/leak.md: error: symbolic link points outside the site folder",
            "content/pages/folder: error: symbolic link points outside the site folder"});
}

TEST_CASE("a linked folder out of the site is named once, however many files are read through it") {
  Scratch scratch("linked-data");
  scratch.Write("outside/data/areas.csv", "code,name,type\n");
  scratch.Write("outside/data/outcomes.yaml", "outcomes: []\n");
  scratch.Link((scratch / "outside/data").string(), "site/data");
  base::Diagnostics diagnostics;
  CHECK(!ReadFile(scratch.site(), "data/areas.csv", diagnostics, true));
  CHECK(!ReadFile(scratch.site(), "data/outcomes.yaml", diagnostics, true));
  CHECK(!CheckFolder(scratch.site(), "data/observations", diagnostics));
  CHECK(ListFiles(scratch.site(), "data/indicators", {".yaml"}, false, diagnostics).empty());
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{"data: error: symbolic link points outside the site folder"});
}

TEST_CASE("loops end with a located error: a link to itself, a folder link to its parent") {
  Scratch scratch("loops");
  scratch.Write("site/content/a.md", "a");
  scratch.Link("self.md", "site/content/self.md");
  scratch.Link("ping", "site/content/pong");
  scratch.Link("pong", "site/content/ping");
  scratch.Link("..", "site/content/sub/up");
  scratch.Link("../..", "site/content/sub/root");
  base::Diagnostics diagnostics;
  auto files = ListFiles(scratch.site(), "content", kMarkdown, true, diagnostics);
  CHECK(files == std::vector<std::string>{"content/a.md"});
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{
            "content/ping: error: symbolic link loop: following the link never reaches a file "
            "or folder",
            "content/pong: error: symbolic link loop: following the link never reaches a file "
            "or folder",
            "content/self.md: error: symbolic link loop: following the link never reaches a "
            "file or folder",
            "content/sub/root: error: symbolic link loop: the link leads to the site folder, a "
            "folder that contains the link itself",
            "content/sub/up: error: symbolic link loop: the link leads to `content`, a folder "
            "that contains the link itself"});
  base::Diagnostics reading;
  CHECK(!ReadFile(scratch.site(), "content/self.md", reading, true));
  CHECK(Messages(reading) ==
        std::vector<std::string>{"content/self.md: error: symbolic link loop: following the "
                                 "link never reaches a file or folder"});
}

TEST_CASE("a folder reached twice is read once, and the second link is blamed") {
  Scratch scratch("twice");
  scratch.Write("site/content/news/a.md", "a");
  // "alias" sorts before "news": the real folder is still the one read, the link the one blamed.
  scratch.Link("news", "site/content/alias");
  base::Diagnostics diagnostics;
  auto files = ListFiles(scratch.site(), "content", kMarkdown, true, diagnostics);
  CHECK(files == std::vector<std::string>{"content/news/a.md"});
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{"content/alias: error: symbolic link leads to a folder that is "
                                 "already read as `content/news`"});
}

TEST_CASE("dangling links, pipes and hidden names") {
  Scratch scratch("odd");
  scratch.Write("site/data/observations/a.csv", "x");
  scratch.Write("site/data/observations/.hidden.csv", "x");
  scratch.Link("gone.csv", "site/data/observations/dangling.csv");
  scratch.Link("gone.txt", "site/data/observations/notes.txt");  // not a name we read
  scratch.Link("/nowhere", "site/data/observations/.#lock.csv");  // an editor's lock file
  REQUIRE(::mkfifo((scratch / "site/data/observations/pipe.csv").c_str(), 0600) == 0);
  base::Diagnostics diagnostics;
  auto files = ListFiles(scratch.site(), "data/observations", {".csv"}, false, diagnostics);
  CHECK(files == std::vector<std::string>{"data/observations/a.csv"});
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{
            "data/observations/dangling.csv: error: symbolic link points to something that "
            "does not exist",
            "data/observations/pipe.csv: error: not a regular file (it is a pipe, socket or "
            "device)"});
}

TEST_CASE("the listing without diagnostics hands bad links to ReadFile, which reports them") {
  Scratch scratch("silent");
  scratch.Write("outside/x.csv", "a,b\n");
  scratch.Write("site/data/observations/a.csv", "a,b\n");
  scratch.Link((scratch / "outside/x.csv").string(), "site/data/observations/leak.csv");
  scratch.Link("loop.csv", "site/data/observations/loop.csv");
  auto files = ListFiles(scratch.site(), "data/observations", {".csv"}, false);
  REQUIRE(files == std::vector<std::string>{"data/observations/a.csv",
                                            "data/observations/leak.csv",
                                            "data/observations/loop.csv"});
  base::Diagnostics diagnostics;
  std::vector<std::string> read;
  for (const std::string& file : files)
    if (auto text = ReadFile(scratch.site(), file, diagnostics, true)) read.push_back(file);
  CHECK(read == std::vector<std::string>{"data/observations/a.csv"});
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{
            "data/observations/leak.csv: error: symbolic link points outside the site folder",
            "data/observations/loop.csv: error: symbolic link loop: following the link never "
            "reaches a file or folder"});
}

TEST_CASE("a folder that cannot be listed is a located error") {
  Scratch scratch("locked");
  scratch.Write("site/content/a.md", "a");
  scratch.Write("site/content/locked/b.md", "b");
  fs::permissions(scratch / "site/content/locked", fs::perms::owner_all | fs::perms::group_all |
                                                       fs::perms::others_all,
                  fs::perm_options::remove);
  auto list = [&] {
    base::Diagnostics diagnostics;
    auto files = ListFiles(scratch.site(), "content", kMarkdown, true, diagnostics);
    return files == std::vector<std::string>{"content/a.md"} &&
           Messages(diagnostics) ==
               std::vector<std::string>{
                   "content/locked: error: cannot list the folder: Permission denied"};
  };
  if (::geteuid() != 0) {
    CHECK(list());
    return;
  }
  // Permissions do not stop root: list as nobody, in a child process.
  fs::permissions(scratch / "outside", fs::perms::all, fs::perm_options::add);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    bool ok = ::setgid(65534) == 0 && ::setuid(65534) == 0 && list();
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("an empty file is an error at line 1, column 1") {
  Scratch scratch("empty");
  scratch.Write("site/data/observations/bad.csv", "");
  scratch.Write("site/data/indicators/blank.yaml", "\xEF\xBB\xBF \r\n\n\t\n");
  scratch.Write("site/data/indicators/fine.yaml", "id: x\n");
  base::Diagnostics diagnostics;
  CHECK(!ReadFile(scratch.site(), "data/observations/bad.csv", diagnostics, true));
  CHECK(!ReadFile(scratch.site(), "data/indicators/blank.yaml", diagnostics, true));
  CHECK(ReadFile(scratch.site(), "data/indicators/fine.yaml", diagnostics, true));
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(base::FormatDiagnostic(diagnostics.items()[0]) ==
        "data/observations/bad.csv:1:1: error: the file is empty\n"
        "  hint: a CSV file starts with a header row");
  CHECK(Messages(diagnostics)[1] == "data/indicators/blank.yaml:1:1: error: the file is empty");
  // Static files are bytes: an empty one is fine.
  scratch.Write("site/templates/assets/empty.css", "");
  base::Diagnostics bytes;
  auto css = ReadBytes(scratch.site(), "templates/assets/empty.css", bytes);
  REQUIRE(css);
  CHECK(css->empty());
  CHECK(bytes.items().empty());
}

TEST_CASE("a folder where a file should be, and a missing file") {
  Scratch scratch("shapes");
  fs::create_directories(scratch / "site/data/areas.csv");
  base::Diagnostics diagnostics;
  CHECK(!ReadFile(scratch.site(), "data/areas.csv", diagnostics, true));
  CHECK(!ReadFile(scratch.site(), "data/spending.csv", diagnostics, false));
  CHECK(!ReadFile(scratch.site(), "site.yaml", diagnostics, true));
  CHECK(Messages(diagnostics) ==
        std::vector<std::string>{"data/areas.csv: error: expected a file, found a folder",
                                 "site.yaml: error: missing required file"});
}

}  // namespace
}  // namespace outcomes::load::internal
