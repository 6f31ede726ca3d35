// End-to-end: the real `outcomes serve` on a copy of the example, driven by an HTTP client.
// Edit a page's Markdown → a reload event and the new text; break a data file → the error page
// with its file:line; fix it → the site returns; stop → the temporary folders are gone.
#include <doctest/doctest.h>
#include <httplib.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <thread>

#include "../site/e2e_util.h"

using namespace outcomes::e2e;  // NOLINT: a test file, not a header
using Clock = std::chrono::steady_clock;

namespace {

// Builds under AddressSanitizer on a shared 2-core machine take seconds: generous bounds that
// only a broken server reaches.
constexpr std::chrono::seconds kBuildBound{300};

// Polls `done` every 20 ms until it holds or `bound` passes.
bool WaitFor(const std::function<bool()>& done, std::chrono::seconds bound = kBuildBound) {
  const auto deadline = Clock::now() + bound;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// `outcomes serve --port 0` as a child process: stdout on a pipe (for the port), stderr to a
// log file (for failure messages).
class ServeProcess {
 public:
  ServeProcess(const fs::path& site, const fs::path& log, int port = 0) : log_(log) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    const std::string port_text = std::to_string(port);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(out[0]);
      ::close(out[1]);
      ::execl(OUTCOMES_BINARY, OUTCOMES_BINARY, "serve", "--site", site.c_str(), "--port",
              port_text.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    stdout_ = out[0];
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(stdout_);
  }

  // Reads stdout until the "Serving … at http://127.0.0.1:PORT/" line (or end of output, or
  // the bound); returns the port, or 0.
  int ReadPort() {
    std::string text;
    const auto deadline = Clock::now() + kBuildBound;
    std::smatch match;
    const std::regex serving("Serving .* at http://127\\.0\\.0\\.1:([0-9]+)/");
    while (!std::regex_search(text, match, serving)) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd ready{stdout_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return 0;
      char buffer[512];
      ssize_t got = ::read(stdout_, buffer, sizeof(buffer));
      if (got <= 0) return 0;
      text.append(buffer, static_cast<size_t>(got));
    }
    return std::stoi(match[1].str());
  }

  // Sends `signal` and waits (bounded) for the exit; the exit code, or -1.
  int Stop(int signal = SIGTERM) {
    ::kill(pid_, signal);
    return Wait();
  }
  int Wait() {
    int status = 0;
    bool done = WaitFor([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; },
                        std::chrono::seconds(30));
    if (!done) return -1;
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string Log() const { return ReadAll(log_); }

 private:
  fs::path log_;
  pid_t pid_ = -1;
  int stdout_ = -1;
  bool exited_ = false;
};

// Subscribes to the event stream on its own thread and keeps everything it receives.
class EventStream {
 public:
  explicit EventStream(int port)
      : thread_([this, port] {
          httplib::Client client("127.0.0.1", port);
          client.set_read_timeout(std::chrono::seconds(30));
          client.Get("/_outcomes/events", [this](const char* data, size_t length) {
            std::lock_guard lock(mutex_);
            text_.append(data, length);
            return !stop_;
          });
        }) {}
  ~EventStream() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;  // the server's next keep-alive (every second) ends the request
    }
    thread_.join();
  }
  std::string Text() {
    std::lock_guard lock(mutex_);
    return text_;
  }
  size_t Count(const std::string& event) {
    std::string text = Text();
    size_t count = 0;
    for (size_t at = text.find(event); at != std::string::npos; at = text.find(event, at + 1))
      ++count;
    return count;
  }

 private:
  std::mutex mutex_;
  std::string text_;
  bool stop_ = false;
  std::thread thread_;
};

struct Page {
  int status = 0;
  std::string body;
  std::string type;
};

Page Get(int port, const std::string& path) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::seconds(30));
  Page page;
  if (auto response = client.Get(path)) {
    page.status = response->status;
    page.body = response->body;
    page.type = response->get_header_value("Content-Type");
  }
  return page;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The temporary folder the server said it builds into.
fs::path TempFolder(const std::string& log) {
  std::smatch match;
  static const std::regex built_in("builds go to (\\S+)");
  return std::regex_search(log, match, built_in) ? fs::path(match[1].str()) : fs::path();
}

}  // namespace

TEST_CASE("an edit reloads the page and a broken data file shows its file:line until fixed") {
  const fs::path site = CopyExample("serve-site");
  ServeProcess server(site, site.parent_path() / "serve-site.log");
  const int port = server.ReadPort();
  INFO(server.Log());
  REQUIRE_MESSAGE(port > 0, "no 'Serving … at http://127.0.0.1:PORT/' line on stdout");

  const std::string about = "/pages/about/";
  Page page = Get(port, about);
  REQUIRE(page.status == 200);
  CHECK(page.type == "text/html; charset=utf-8");
  CHECK(Contains(page.body, "About this site"));
  CHECK(Contains(page.body, "/_outcomes/events"));

  EventStream events(port);
  REQUIRE_MESSAGE(WaitFor([&] { return events.Count("event: hello") == 1; },
                          std::chrono::seconds(30)),
                  "no hello on the event stream: " << events.Text());

  // Edit a Markdown file: a reload event, then the page with the new text.
  const fs::path markdown = site / "content/pages/about.md";
  const std::string original_markdown = ReadAll(markdown);
  WriteAll(markdown, original_markdown + "\nA sentence the serve test added.\n");
  CHECK_MESSAGE(WaitFor([&] { return events.Count("event: reload") >= 1; }),
                "no reload event after editing " << markdown << ": " << events.Text());
  page = Get(port, about);
  CHECK(page.status == 200);
  CHECK(Contains(page.body, "A sentence the serve test added."));

  // Break a data file: a count that is not a number on a known line.
  const fs::path csv = site / "data/observations/example-wards.csv";
  const std::string original_csv = ReadAll(csv);
  std::istringstream lines(original_csv);
  std::string broken, line;
  int line_number = 0, broken_line = 0;
  while (std::getline(lines, line)) {
    ++line_number;
    auto fields = SplitCsvLine(line);
    if (broken_line == 0 && line_number > 1 && fields.size() > 6 && !fields[5].empty() &&
        line.find('"') == std::string::npos) {
      fields[5] = "not-a-count";
      line.clear();
      for (size_t idx = 0; idx < fields.size(); ++idx) line += (idx ? "," : "") + fields[idx];
      broken_line = line_number;
    }
    broken += line + "\n";
  }
  REQUIRE(broken_line > 0);
  const size_t reloads = events.Count("event: reload");
  WriteAll(csv, broken);
  const std::string location =
      "data/observations/example-wards.csv:" + std::to_string(broken_line) + ":";
  CHECK_MESSAGE(WaitFor([&] {
                  page = Get(port, about);
                  return page.status == 500;
                }),
                "no error page after breaking " << csv);
  CHECK(Contains(page.body, location));
  CHECK(Contains(page.body, "not-a-count"));
  CHECK(Contains(page.body, "/_outcomes/events"));
  CHECK(Get(port, "/").status == 500);
  CHECK(WaitFor([&] { return events.Count("event: reload") > reloads; },
                std::chrono::seconds(10)));
  // Styles still come from the last good build, so the error page's links keep working.
  CHECK(Get(port, "/assets/site.css").status == 200);

  // Fix it: the site returns, with the edit.
  WriteAll(csv, original_csv);
  CHECK_MESSAGE(WaitFor([&] {
                  page = Get(port, about);
                  return page.status == 200;
                }),
                "the site did not return after fixing " << csv);
  CHECK(Contains(page.body, "A sentence the serve test added."));
  CHECK_FALSE(Contains(page.body, location));

  // The built files never carry the script; the site's own output folder is untouched.
  const fs::path temp = TempFolder(server.Log());
  REQUIRE_MESSAGE(!temp.empty(), "the log does not say where builds go");
  size_t html_files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(temp)) {
    if (entry.path().extension() != ".html") continue;
    ++html_files;
    CHECK_FALSE(Contains(ReadAll(entry.path()), "_outcomes"));
  }
  CHECK(html_files > 10);
  CHECK_FALSE(fs::exists(site / "site-output"));

  CHECK(server.Stop(SIGTERM) == 0);
  CHECK_FALSE(fs::exists(temp));
}

TEST_CASE("requests for files and folders and bad requests") {
  const fs::path site = CopyExample("serve-requests");
  ServeProcess server(site, site.parent_path() / "serve-requests.log");
  const int port = server.ReadPort();
  INFO(server.Log());
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);

  auto css = client.Get("/assets/site.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK_FALSE(Contains(css->body, "_outcomes"));
  CHECK(css->get_header_value("Cache-Control") == "no-store");

  auto folder = client.Get("/areas");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/areas/");

  auto missing = client.Get("/no-such-page/");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(Contains(missing->body, "/_outcomes/events"));

  for (const char* escape : {"/../site.yaml", "/%2e%2e/site.yaml", "/..%2f..%2fetc/passwd"}) {
    INFO(escape);
    auto response = client.Get(escape);
    REQUIRE(response);
    CHECK(response->status == 404);
  }

  auto head = client.Head("/");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());

  auto post = client.Post("/", "x", "text/plain");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");

  // A second server on the same port is refused: no SO_REUSEPORT sharing.
  ServeProcess second(site, site.parent_path() / "serve-requests-second.log", port);
  CHECK(second.Wait() == 1);
  CHECK(Contains(second.Log(), "cannot listen on 127.0.0.1:" + std::to_string(port)));

  CHECK(server.Stop(SIGINT) == 0);
}
