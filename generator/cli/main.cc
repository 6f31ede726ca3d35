// outcomes: the command line. Parses arguments, runs a site phase, prints diagnostics and
// chooses the exit code: 0 success, 1 problems in the site, 2 usage errors.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>


#include <cstdio>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include "scaffold/scaffold.h"
#include "serve/serve.h"
#include "site/site.h"
#include "theme/theme.h"

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

// "build, check and version": the commands `app` has, for messages.
std::string CommandList(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  std::string list;
  for (size_t idx = 0; idx < names.size(); ++idx)
    list += (idx == 0 ? "" : idx + 1 == names.size() ? " and " : ", ") + names[idx];
  return list;
}

// What a user probably meant by a word that is not a command (words other tools use).
std::string Suggestion(CLI::App& app, const std::string& word) {
  static const std::map<std::string, std::string> kMeant = {
      {"init", "new"},     {"create", "new"},   {"scaffold", "new"}, {"start", "new"},
      {"preview", "serve"}, {"server", "serve"}, {"watch", "serve"},  {"dev", "serve"},
      {"validate", "check"}, {"lint", "check"},  {"generate", "build"}, {"publish", "build"},
      {"export", "theme"},   {"--version", "version"}};
  auto it = kMeant.find(word);
  if (it == kMeant.end()) return {};
  for (const CLI::App* command : app.get_subcommands({}))
    if (command->get_name() == it->second) return it->second;
  return {};
}

// A missing or unknown command (of `app`: the tool, or a command with commands of its own such
// as `theme`): one error naming the commands there are (exit 2).
int CommandError(CLI::App& app, const std::string& word) {
  const std::string what = app.get_parent() ? "`" + app.get_name() + "` command" : "command";
  if (word.empty()) {
    fmt::print(stderr, "outcomes: error: no {} given\n", what);
  } else {
    fmt::print(stderr, "outcomes: error: unknown {} '{}'\n", what, word);
    if (std::string meant = Suggestion(app, word); !meant.empty())
      fmt::print(stderr, "  hint: did you mean `outcomes {}`?\n", meant);
  }
  const std::string path = app.get_parent() ? "outcomes " + app.get_name() : "outcomes";
  fmt::print(stderr, "  hint: the {}s are {}; `{} COMMAND --help` explains one\n", what,
             CommandList(app), path);
  return 2;
}

int ThemeExport(const std::string& dir, bool force) {
  size_t written = 0;
  std::string error = outcomes::theme::Export(dir, force, written);
  if (!error.empty()) {
    fmt::print(stderr, "outcomes: error: {}\n", error);
    return 1;
  }
  fmt::print("wrote the built-in theme to {}: {} files (templates/ and the rest, as a site "
             "overrides them)\n",
             dir, written);
  return 0;
}

// `dir` as a shell word, for the command the user runs next.
std::string ShellWord(const std::string& dir) {
  if (!dir.empty() && dir.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789-_./") == std::string::npos)
    return dir;
  std::string quoted = "'";
  for (char ch : dir) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return quoted + "'";
}

int NewSite(const outcomes::scaffold::Options& options) {
  outcomes::scaffold::Result result = outcomes::scaffold::New(options);
  if (!result.error.empty()) {
    fmt::print(stderr, "outcomes: error: {}\n", result.error);
    if (!result.hint.empty()) fmt::print(stderr, "  hint: {}\n", result.hint);
    return 1;
  }
  fmt::print("wrote a new site into {} ({} files{}): {} and {} {}wards, with made-up sample "
             "figures\n",
             options.dir, result.files.size(),
             result.overwritten.empty()
                 ? ""
                 : ", " + std::to_string(result.overwritten.size()) + " of them over files there",
             result.council, result.wards, result.sample_areas ? "sample " : "");
  for (const std::string& note : result.notes) fmt::print("note: {}\n", note);
  const std::string site = ShellWord(options.dir);
  fmt::print(
      "next: outcomes check --site {0}, then outcomes build --site {0}; read {0}/README.md\n",
      site);
  return 0;
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
  CLI::App* theme = app.add_subcommand("theme", "The built-in theme (templates, stylesheet)");
  theme->require_subcommand(1);
  CLI::App* theme_export =
      theme->add_subcommand("export", "Write the built-in theme into DIR, to customise it");
  std::string export_dir;
  bool force = false;
  theme_export->add_option("DIR", export_dir, "Folder to write into (usually the site folder)")
      ->required();
  theme_export->add_flag("--force", force, "Overwrite files that are already there");
  CLI::App* create = app.add_subcommand("new", "Write a small new site that builds at once");
  outcomes::scaffold::Options scaffold;
  create->add_option("DIR", scaffold.dir, "Folder for the site (made if missing; must be empty)")
      ->required();
  create->add_option("--name", scaffold.name,
                     "Your council's name (default: \"Example Council\", a placeholder)");
  CLI::Option* boundaries = create->add_option(
      "--boundaries", scaffold.boundaries,
      "A GeoJSON file of your council's wards (e.g. from the ONS Open Geography Portal)");
  create->add_option("--code-property", scaffold.code_property,
                     "The property holding each ward's code (e.g. WD25CD)")
      ->needs(boundaries);
  create->add_option("--name-property", scaffold.name_property,
                     "The property holding each ward's name (e.g. WD25NM)")
      ->needs(boundaries);
  create->add_option("--council-property", scaffold.council_property,
                     "The property holding the council's code (e.g. LAD25CD)")
      ->needs(boundaries);
  create->add_option("--council-name-property", scaffold.council_name_property,
                     "The property holding the council's name (e.g. LAD25NM)")
      ->needs(boundaries);
  create->add_flag("--force", scaffold.force,
                   "Write into a folder that is not empty, over files of the same name");
  // An unknown or missing command is named, with the commands there are (CLI11 would say
  // only that an argument was not expected, or that "a subcommand is required").
  CLI::App* level = &app;
  for (int idx = 1; level; ++idx) {
    if (level != &app && level->get_subcommands({}).empty()) break;  // a command with options
    const std::string word = idx < argc ? argv[idx] : "";
    if (!word.empty() && word[0] == '-') break;  // --help, or options CLI11 checks
    CLI::App* next = nullptr;
    for (CLI::App* command : level->get_subcommands({}))
      if (command->get_name() == word) next = command;
    if (!next) return CommandError(*level, word);
    level = next;
  }
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
  if (theme_export->parsed()) return ThemeExport(export_dir, force);
  if (create->parsed()) return NewSite(scaffold);
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
  // Memory comes from jemalloc (linked in CMakeLists.txt): it keeps the large buffers a build
  // streams its outputs through for reuse, as glibc did only once told to with mallopt.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    // Environment failures (disk full, permissions) end here; bad input never throws.
    fmt::print(stderr, "outcomes: error: {}\n", e.what());
    return 1;
  }
}
