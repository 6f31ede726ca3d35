#include "serve/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>

#include <array>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <sstream>
#include <thread>

#include "base/diagnostics.h"
#include "serve/internal/files.h"
#include "serve/internal/pages.h"
#include "serve/internal/watch.h"
#include "site/site.h"

namespace outcomes::serve {

namespace fs = std::filesystem;

namespace {

// How often an idle event stream sends a comment: a closed page is noticed (the write fails)
// and its thread freed within this time.
constexpr std::chrono::seconds kKeepAlive{1};
// Each open page holds one event stream, and with it one of the server's threads.
constexpr size_t kServerThreads = 32;

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

// The builds and what is being served, shared by the watcher (which builds) and the server's
// threads (which read). Builds alternate between two private folders: the one being served is
// never the one being written.
class Preview {
 public:
  Preview(const Options& options, const fs::path& temp_root)
      : options_(options), outs_{temp_root / "a", temp_root / "b"} {}

  // Builds into the folder not being served; on success serves it. Either way the generation
  // goes up and every open page is told to reload. Watcher thread only.
  void Rebuild() {
    int target;
    {
      std::lock_guard lock(mutex_);
      target = current_ == 0 ? 1 : 0;
    }
    auto start = std::chrono::steady_clock::now();
    site::Outcome outcome;
    {
      // Waits for requests still reading what was served two builds ago.
      std::unique_lock writing(folder_mutexes_[target]);
      site::Options build;
      build.site_dir = options_.site_dir;
      build.out_dir = outs_[target].string();
      build.verbose = options_.verbose;
      build.log = options_.log;
      outcome = site::Build(build);
    }
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    for (const base::Diagnostic& diagnostic : outcome.diagnostics.items())
      options_.log(base::FormatDiagnostic(diagnostic));
    uint64_t generation;
    {
      std::lock_guard lock(mutex_);
      if (outcome.ok()) {
        current_ = target;
        errors_.reset();
      } else {
        errors_ = outcome.diagnostics;
      }
      generation = ++generation_;
    }
    events_.notify_all();
    if (outcome.ok())
      options_.log("built " + std::to_string(outcome.files_written) + " files in " +
                   std::to_string(elapsed.count()) + " ms (build " + std::to_string(generation) +
                   ")");
    else
      options_.log("build failed with " + std::to_string(outcome.diagnostics.error_count()) +
                   " error(s) in " + std::to_string(elapsed.count()) +
                   " ms: pages show them until they are fixed");
  }

  void Handle(const httplib::Request& request, httplib::Response& response) {
    // A preview must never show a stale page from the browser's cache.
    response.set_header("Cache-Control", "no-store");
    if (request.method != "GET" && request.method != "HEAD") {
      response.status = 405;
      response.set_header("Allow", "GET, HEAD");
      response.set_content("405 method not allowed\n", "text/plain; charset=utf-8");
      return;
    }
    if (TargetPath(request.target) == kEventsPath) {
      StreamEvents(response);
      return;
    }
    std::unique_lock state(mutex_);
    const uint64_t generation = generation_;
    const int served = current_;
    std::optional<base::Diagnostics> errors = errors_;
    std::shared_lock<std::shared_mutex> reading;
    if (served >= 0) reading = std::shared_lock(folder_mutexes_[served]);
    state.unlock();

    Resolved resolved;
    if (served >= 0) resolved = ResolveTarget(outs_[served], request.target);
    if (errors && (resolved.kind == Resolution::kNotFound ||
                   (resolved.kind == Resolution::kFile && IsHtml(resolved.relative)))) {
      // Pages show what is wrong instead of the stale site; other files (styles, images) may
      // still come from the last good build.
      response.status = 500;
      response.set_content(ErrorPage(*errors, generation), "text/html; charset=utf-8");
      return;
    }
    switch (resolved.kind) {
      case Resolution::kRedirect:
        response.status = 301;
        response.set_header("Location", resolved.location);
        return;
      case Resolution::kNotFound: {
        response.status = 404;
        std::optional<std::string> page;
        if (served >= 0) page = ReadFile(outs_[served] / "404.html");
        response.set_content(page ? InjectReloadScript(*page, generation)
                                  : NotFoundPage(TargetPath(request.target), generation),
                             "text/html; charset=utf-8");
        return;
      }
      case Resolution::kFile: {
        std::optional<std::string> bytes = ReadFile(outs_[served] / resolved.relative);
        if (!bytes) {
          response.status = 500;
          response.set_content("could not read " + resolved.relative + "\n",
                               "text/plain; charset=utf-8");
          return;
        }
        std::string type = ContentType(resolved.relative);
        if (IsHtml(resolved.relative)) *bytes = InjectReloadScript(*bytes, generation);
        response.set_content(std::move(*bytes), type);
        return;
      }
    }
  }

  // Ends every event stream and the watcher's waits.
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    events_.notify_all();
  }

  // Sleeps for `duration`; false when stopping.
  bool Wait(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !events_.wait_for(lock, duration, [this] { return stopping_; });
  }

 private:
  // Server-Sent Events: "hello" with the current build on connecting, then "reload" with the
  // new build after each rebuild, and a comment as keep-alive.
  void StreamEvents(httplib::Response& response) {
    auto seen = std::make_shared<std::optional<uint64_t>>();
    response.set_chunked_content_provider(
        "text/event-stream", [this, seen](size_t, httplib::DataSink& sink) {
          std::string message;
          {
            std::unique_lock lock(mutex_);
            if (!*seen) {
              *seen = generation_;
              message = "retry: 1000\nevent: hello\ndata: " + std::to_string(generation_) + "\n\n";
            } else {
              events_.wait_for(lock, kKeepAlive,
                               [&] { return stopping_ || generation_ != **seen; });
              if (stopping_) {
                sink.done();
                return true;
              }
              if (generation_ != **seen) {
                *seen = generation_;
                message = "event: reload\ndata: " + std::to_string(generation_) + "\n\n";
              } else {
                message = ": keep-alive\n\n";
              }
            }
          }
          return sink.write(message.data(), message.size());
        });
  }

  const Options& options_;
  const std::array<fs::path, 2> outs_;
  std::array<std::shared_mutex, 2> folder_mutexes_;  // writer: the build into that folder
  std::mutex mutex_;                                 // guards the members below
  std::condition_variable events_;                   // a new build, or stopping
  int current_ = -1;                                 // the folder served; -1 before a good build
  uint64_t generation_ = 0;                          // builds finished, good or bad
  std::optional<base::Diagnostics> errors_;          // the last build's, when it failed
  bool stopping_ = false;
};

// Polls the inputs; once they have changed and then stayed unchanged for the debounce time,
// rebuilds. A change made during a build is seen at the next poll.
void Watch(const Options& options, Snapshot last, Preview& preview) {
  while (preview.Wait(options.poll_interval)) {
    Snapshot now = TakeSnapshot(options.site_dir);
    if (now == last) continue;
    // An editor's save can be several writes (a temporary file, a rename): wait for quiet, but
    // not forever when something keeps writing.
    for (int round = 0; round < 20; ++round) {
      if (!preview.Wait(options.debounce)) return;
      Snapshot again = TakeSnapshot(options.site_dir);
      if (again == now) break;
      now = std::move(again);
    }
    if (options.verbose)
      for (const auto& [path, stamp] : now)
        if (auto old = last.find(path); old == last.end() || !(old->second == stamp))
          options.log("changed: " + path);
    last = std::move(now);
    preview.Rebuild();
  }
}

}  // namespace

int Serve(const Options& given) {
  Options options = given;
  if (!options.log) options.log = [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  // Stop signals wait for the main thread's sigwait below: blocked here, before any thread is
  // made, they stay blocked in every thread (the server's, the watcher's and the build's), so
  // a build is never cut short and the temporary folders are always removed.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stop_signals, signal);
  sigset_t previous_mask;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous_mask);
  // A page closed mid-response must not end the server.
  ::signal(SIGPIPE, SIG_IGN);

  std::string temp_template = (fs::temp_directory_path() / "outcomes-serve-XXXXXX").string();
  if (::mkdtemp(temp_template.data()) == nullptr) {
    options.log("outcomes: error: could not make a temporary folder in " +
                fs::temp_directory_path().string());
    pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
    return 1;
  }
  const fs::path temp_root = temp_template;
  options.log("builds go to " + temp_root.string() + " (removed on exit)");

  int status = 0;
  {
    httplib::Server server;
    // SO_REUSEADDR lets a restarted server take its port back at once; httplib's default would
    // add SO_REUSEPORT, with which a second server could share the port and steal requests.
    server.set_socket_options([](int sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(1);
    server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
    Preview preview(options, temp_root);
    // Every request, whatever its method, is ours: no other routes are registered.
    server.set_pre_routing_handler(
        [&preview](const httplib::Request& request, httplib::Response& response) {
          preview.Handle(request, response);
          return httplib::Server::HandlerResponse::Handled;
        });

    int port = options.port;
    bool bound = port == 0 ? (port = server.bind_to_any_port("127.0.0.1")) > 0
                           : server.bind_to_port("127.0.0.1", port);
    if (!bound) {
      options.log("outcomes: error: cannot listen on 127.0.0.1:" + std::to_string(options.port) +
                  " (is another server using the port? --port 0 picks a free one)");
      status = 1;
    } else {
      Snapshot inputs = TakeSnapshot(options.site_dir);
      preview.Rebuild();
      std::thread listener([&server] { server.listen_after_bind(); });
      std::thread watcher(
          [&options, &preview, inputs = std::move(inputs)] { Watch(options, inputs, preview); });
      // stop() does nothing to a server not yet running: wait for it (listening starts at once).
      for (int tries = 0; tries < 5000 && !server.is_running(); ++tries)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::printf("Serving %s at http://127.0.0.1:%d/ (Ctrl-C to stop)\n",
                  fs::absolute(options.site_dir).lexically_normal().string().c_str(), port);
      std::fflush(stdout);
      int received = 0;
      sigwait(&stop_signals, &received);
      options.log("stopping");
      preview.Stop();
      server.stop();
      listener.join();
      watcher.join();
    }
  }
  std::error_code error;
  fs::remove_all(temp_root, error);
  if (error) options.log("outcomes: warning: could not remove " + temp_root.string());
  pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
  return status;
}

}  // namespace outcomes::serve
