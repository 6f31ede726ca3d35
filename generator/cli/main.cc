// outcomes: the command line. Parses arguments, runs a site phase, prints diagnostics and
// chooses the exit code: 0 success, 1 problems in the site, 2 usage errors.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>

#include "serve/serve.h"
#include "site/site.h"

namespace {

using outcomes::base::Diagnostic;
using outcomes::base::Severity;

void PrintText(const outcomes::site::Outcome& outcome) {
  for (const Diagnostic& diagnostic : outcome.diagnostics.items())
    fmt::print(stderr, "{}\n", outcomes::base::FormatDiagnostic(diagnostic));
  if (outcome.diagnostics.items().empty()) return;
  fmt::print(stderr, "{} error(s), {} warning(s)\n", outcome.diagnostics.error_count(),
             outcome.diagnostics.warning_count());
}

void PrintJson(const outcomes::site::Outcome& outcome) {
  nlohmann::json items = nlohmann::json::array();
  for (const Diagnostic& diagnostic : outcome.diagnostics.items()) {
    items.push_back({{"severity", diagnostic.severity == Severity::kError ? "error" : "warning"},
                     {"file", diagnostic.location.file},
                     {"line", diagnostic.location.line},
                     {"column", diagnostic.location.column},
                     {"message", diagnostic.message},
                     {"hint", diagnostic.hint}});
  }
  nlohmann::json out = {{"ok", outcome.ok()},
                        {"errors", outcome.diagnostics.error_count()},
                        {"warnings", outcome.diagnostics.warning_count()},
                        {"observations", outcome.observations},
                        {"suppressed_cells", outcome.suppressed_cells},
                        {"diagnostics", items}};
  // A path given on the command line may be any bytes: shown with U+FFFD where it is not UTF-8,
  // so the report is always valid JSON.
  fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

int Run(int argc, char** argv) {
  CLI::App app{"outcomes: publish a council's outcomes data as a website and briefing packs"};
  app.require_subcommand(1);
  outcomes::site::Options options;
  std::string format = "text";
  auto add_common = [&](CLI::App* command) {
    command->add_option("--site", options.site_dir, "The site folder (default: current folder)");
    command->add_option("--format", format, "Diagnostics as text or json")
        ->check(CLI::IsMember({"text", "json"}));
    command->add_flag("-v,--verbose", options.verbose, "Print each phase and its time");
  };
  CLI::App* build = app.add_subcommand("build", "Check the site, then write every output");
  add_common(build);
  build->add_option("--out", options.out_dir, "Output folder (default: site-output/ in the site)");
  CLI::App* check = app.add_subcommand("check", "Load, validate and compute; write nothing");
  add_common(check);
  CLI::App* serve = app.add_subcommand(
      "serve", "Preview the site on 127.0.0.1; rebuild and reload pages when a file changes");
  outcomes::serve::Options serve_options;
  serve->add_option("--site", serve_options.site_dir, "The site folder (default: current folder)");
  serve->add_option("--port", serve_options.port, "Port on 127.0.0.1 (default 8000; 0: any free)")
      ->check(CLI::Range(0, 65535));
  serve->add_flag("-v,--verbose", serve_options.verbose,
                  "Print each changed file, build phase and time");
  CLI::App* version = app.add_subcommand("version", "Print the version");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (version->parsed()) {
    fmt::print("outcomes {}\n", outcomes::site::Version());
    return 0;
  }
  options.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
  if (serve->parsed()) {
    serve_options.log = options.log;
    return outcomes::serve::Serve(serve_options);
  }
  outcomes::site::Outcome outcome =
      build->parsed() ? outcomes::site::Build(options) : outcomes::site::Check(options);
  if (format == "json")
    PrintJson(outcome);
  else
    PrintText(outcome);
  if (!outcome.ok()) return 1;
  if (format == "text") {
    if (build->parsed())
      fmt::print("built {} files from {} observations ({} cells suppressed)\n",
                 outcome.files_written, outcome.observations, outcome.suppressed_cells);
    else
      fmt::print("ok: {} observations, {} cells suppressed\n", outcome.observations,
                 outcome.suppressed_cells);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    // Environment failures (disk full, permissions) end here; bad input never throws.
    fmt::print(stderr, "outcomes: error: {}\n", e.what());
    return 1;
  }
}
