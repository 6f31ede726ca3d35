// `outcomes serve`: a local preview of the site on 127.0.0.1.
//
// Builds the site into a private temporary folder and serves it over HTTP. A watcher polls the
// site's inputs; on a change it rebuilds (into a second temporary folder, so the one being
// served is never half-written) and tells every open page to reload through Server-Sent Events
// (`/_outcomes/events`; a small script is injected into each HTML page as it is served — the
// built files never contain it). While the site has errors every HTML request gets a page
// listing them as file:line:col instead of the stale site. The site's own output folder is
// never touched.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace outcomes::serve {

struct Options {
  std::string site_dir = ".";  // the site folder
  int port = 8000;             // 0: let the system pick a free port
  bool verbose = false;        // print each build phase and its time to `log`
  std::function<void(const std::string&)> log;  // diagnostics and build notes; default: stderr
  // How often the inputs are polled, and how long they must stay unchanged before a rebuild
  // (an editor's save can be several writes).
  std::chrono::milliseconds poll_interval{100};
  std::chrono::milliseconds debounce{50};
};

// Serves until SIGINT, SIGTERM or SIGHUP, then stops, removes its temporary folders and
// returns 0. Prints "Serving <site> at http://127.0.0.1:PORT/ (Ctrl-C to stop)" on stdout once
// the first build is done (with the real port when `port` is 0). Returns 1, with a message on
// `log`, when the port cannot be bound (another server has it) or the temporary folder cannot
// be made. The calling thread must be the program's only thread: stop signals are blocked in
// every thread and taken by this one.
int Serve(const Options& options);

}  // namespace outcomes::serve
