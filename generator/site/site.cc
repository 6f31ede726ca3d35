#include "site/site.h"

#include <chrono>
#include <filesystem>
#include <optional>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "compute/compute.h"
#include "load/load.h"
#include "base/parallel.h"
#include "output/output.h"
#include "render/html/html.h"
#include "render/opendata/opendata.h"
#include "render/xlsx/xlsx.h"
#include "theme/theme.h"
#include "view/pack_view.h"
#include "view/opendata_view.h"
#include "view/site_view.h"
#include "view/view.h"

namespace outcomes::site {

namespace {

// ", peak 123 MB": the process's peak resident memory so far, where the system tells it.
std::string PeakMemory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return ", peak " + std::to_string(std::stol(line.substr(6)) / 1024) + " MB";
  return "";
}

class PhaseTimer {
 public:
  PhaseTimer(const Options& options, const char* name)
      : options_(options), name_(name), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    if (!options_.verbose || !options_.log) return;
    auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             start_);
    options_.log(std::string(name_) + ": " + std::to_string(static_cast<long>(elapsed.count())) +
                 " ms" + PeakMemory());
  }

 private:
  const Options& options_;
  const char* name_;
  std::chrono::steady_clock::time_point start_;
};

std::string OutDir(const Options& options) {
  if (!options.out_dir.empty()) return options.out_dir;
  return (std::filesystem::path(options.site_dir) / "site-output").string();
}

struct Computed {
  model::Site site;
  std::optional<compute::Results> results;
  view::OpenData opendata;  // the open data view without its rows (downloads/)
  tmpl::Templates templates;
};

std::string TemplatesDir(const Options& options) {
  return (std::filesystem::path(options.site_dir) / "templates").string();
}

constexpr std::string_view kThemeTemplates = "templates/";
constexpr std::string_view kTemplateExtension = ".mustache";

// Parses the built-in theme's templates, then the site's own templates/ (when it has one) over
// them: a site's file replaces the built-in one of the same name, the rest stay built in.
void LoadTemplates(const Options& options, Computed& computed, Outcome& outcome) {
  PhaseTimer timer(options, "templates");
  for (const theme::File& file : theme::Files()) {
    if (!file.path.starts_with(kThemeTemplates) || !file.path.ends_with(kTemplateExtension))
      continue;
    const std::string_view name = file.path.substr(
        kThemeTemplates.size(),
        file.path.size() - kThemeTemplates.size() - kTemplateExtension.size());
    computed.templates.Add(std::string(name), file.bytes,
                           "(built-in theme) " + std::string(file.path), outcome.diagnostics);
  }
  std::error_code error;
  if (!std::filesystem::is_directory(TemplatesDir(options), error)) return;
  // The template engine reads the folder itself: first make sure no link in it (assets
  // included) leads out of the site or loops.
  const size_t errors_before = outcome.diagnostics.error_count();
  load::ListSiteFiles(options.site_dir, "templates", {}, outcome.diagnostics);
  if (outcome.diagnostics.error_count() > errors_before) return;
  computed.templates.LoadDirectory(TemplatesDir(options), "templates/", outcome.diagnostics);
}

// `for_build`: the views only the build writes (open data) are made here, the pages' views
// later, as they are written; check makes the pages' views here, for their diagnostics.
Computed LoadAndCompute(const Options& options, Outcome& outcome, bool for_build) {
  Computed computed;
  std::error_code error;
  if (!std::filesystem::is_directory(options.site_dir, error)) {
    outcome.diagnostics.Error({options.site_dir, 0, 0}, "the site folder does not exist");
    return computed;
  }
  {
    PhaseTimer timer(options, "load");
    computed.site = load::LoadSite(options.site_dir, outcome.diagnostics);
  }
  outcome.observations = computed.site.observations.size();
  if (outcome.diagnostics.HasErrors()) return computed;
  {
    PhaseTimer timer(options, "compute");
    computed.results = compute::Compute(computed.site);
  }
  outcome.suppressed_cells = computed.results->suppressed.size();
  // Every output is made from the results, where small numbers are already suppressed: the raw
  // observations go now, so no writer can reach them (and a national site sheds 200 MB).
  std::vector<model::Observation>().swap(computed.site.observations);
  if (!for_build) {
    // check only wants the views' diagnostics: each page is dropped as soon as it is made (a
    // build makes them as it writes them).
    PhaseTimer timer(options, "views");
    view::BuildSiteView(computed.site, *computed.results, outcome.diagnostics,
                        [](view::PageView&&) {});
  }
  if (for_build) {
    PhaseTimer timer(options, "open data view");
    computed.opendata = view::OpenDataHeader(computed.site, *computed.results);
  }
  return computed;
}

// Lays out every page (view::BuildSiteView, on this thread) while workers render each page as
// it comes (a pure function of its view) and write it: only the pages under way are ever
// held, views or HTML. A page that fails to render is an error (every page is still tried,
// so all such errors are reported, in path order); nothing is written after it.
bool WritePages(const Options& options, Computed& computed, output::Sink& sink,
                const std::string& out, Outcome& outcome) {
  PhaseTimer timer(options, "pages");
  markdown::Options markdown_options;
  markdown_options.allow_raw_html = computed.site.config.allow_raw_html;
  markdown_options.table_label = computed.site.text("md_table_label");  // keeps its {number}
  markdown_options.footnotes_heading = computed.site.text("md_footnotes");
  markdown_options.footnote_back_label = computed.site.text("md_footnote_back");
  const view::TemplateTexts texts(computed.site.text);
  std::mutex mutex;  // guards what follows
  std::vector<std::pair<std::string, std::string>> render_errors;  // (path, message)
  std::string write_error;
  std::atomic<bool> failed{false};
  bool writing = true;
  size_t written = 0;
  {
    base::WorkQueue<view::PageView> queue(
        [&](view::PageView& page) {
          if (failed) return;
          const std::string path = page.path;
          std::string html;
          std::string error;
          render::PageFiles files;  // the page's chart downloads (SVG and CSV)
          const bool raw = page.template_name.empty();  // a file written as it is
          if (raw) html = std::move(page.raw);
          const bool rendered =
              raw || render::RenderPage(std::move(page), computed.templates, markdown_options,
                                        texts, html, &error, &files);
          files.emplace(files.begin(), path, std::move(html));
          {
            std::lock_guard lock(mutex);
            if (!rendered) {
              render_errors.emplace_back(path, error);
              writing = false;
            }
            if (!writing) return;
          }
          // Written outside the lock: the sink takes files from several threads at once, and
          // the file system's work (a folder and a file per page) is most of a page's cost.
          for (const auto& [file, bytes] : files) {
            std::string file_error;
            if (!sink.Write(file, bytes, &file_error)) {
              std::lock_guard lock(mutex);
              if (!failed) write_error = std::move(file_error);
              writing = false;
              failed = true;  // the disk or a stop signal: the rest need not be made
              return;
            }
            std::lock_guard lock(mutex);
            ++written;
          }
        },
        /*capacity=*/32);
    view::BuildSiteView(computed.site, *computed.results, outcome.diagnostics,
                        [&](view::PageView&& page) { queue.Push(std::move(page)); });
    queue.Finish();
  }
  outcome.files_written += written;
  std::sort(render_errors.begin(), render_errors.end());
  for (const auto& [path, error] : render_errors)
    outcome.diagnostics.Error({"templates", 0, 0}, "while rendering " + path + ": " + error);
  if (failed) outcome.diagnostics.Error({out, 0, 0}, write_error);
  return !outcome.diagnostics.HasErrors();
}

// Static files: the built-in theme's templates/assets/, with the site's own templates/assets/
// over them, as (output path, bytes), sorted. Problems (a link out of the site, an unreadable
// file) go to `diagnostics`.
std::vector<std::pair<std::string, std::string>> Assets(const Options& options,
                                                        base::Diagnostics& diagnostics) {
  std::map<std::string, std::string> assets;
  const std::string prefix = "templates/";
  for (const theme::File& file : theme::Files())
    if (file.path.starts_with(prefix + "assets/"))
      assets[std::string(file.path.substr(prefix.size()))] = std::string(file.bytes);
  std::error_code error;
  if (std::filesystem::is_directory(std::filesystem::path(options.site_dir) / prefix / "assets",
                                    error)) {
    for (const std::string& file :
         load::ListSiteFiles(options.site_dir, prefix + "assets", {}, diagnostics)) {
      if (auto bytes = load::ReadSiteFile(options.site_dir, file, diagnostics))
        assets[file.substr(prefix.size())] = std::move(*bytes);
    }
  }
  return {assets.begin(), assets.end()};
}

// The outputs that grow with the whole site, model.json and the open data, written a piece at
// a time so that memory follows the largest piece (one indicator's table), never the whole.
bool WriteLargeFiles(const Options& options, const Computed& computed, output::Sink& sink,
                     const std::string& out, Outcome& outcome) {
  std::string error;
  std::set<std::string> files;
  auto to_sink = [&](const std::string& path, std::string_view bytes, bool append) {
    files.insert(path);
    return append ? sink.Append(path, bytes, &error) : sink.Write(path, bytes, &error);
  };
  bool ok;
  {
    PhaseTimer timer(options, "model.json");
    constexpr size_t kPiece = 4 << 20;
    std::string piece;
    bool started = false;
    auto flush = [&] {
      bool written = to_sink("model.json", piece, started);
      started = true;
      piece.clear();
      return written;
    };
    ok = view::WriteModel(computed.site, *computed.results,
                          [&](std::string_view bytes) {
                            if (bytes.size() >= kPiece) {  // a large piece goes as it is
                              if (!flush()) return false;
                              bool written = to_sink("model.json", bytes, true);
                              return written;
                            }
                            piece += bytes;
                            return piece.size() < kPiece || flush();
                          }) &&
         flush();
  }
  if (ok) {
    PhaseTimer timer(options, "open data");
    ok = render::WriteOpenData(
        computed.opendata,
        [&](size_t table, const std::function<void(const view::OpenDataRow&)>& row) {
          view::OpenDataRows(computed.site, *computed.results, static_cast<uint32_t>(table), row);
        },
        to_sink);
  }
  if (!ok) {
    outcome.diagnostics.Error({out, 0, 0}, error);
    return false;
  }
  outcome.files_written += files.size();
  return true;
}

// Writes every Excel pack into the staging folder, one pure task per pack, in parallel.
// libxlsxwriter 1.1.4 writes only to a path: the sink hands the paths out first (PathFor
// creates folders). This phase runs alone: libxlsxwriter calls gmtime(), which is not
// thread-safe against other code calling it (every pack carries the same date, so packs are
// safe alongside each other).
bool WritePacks(const Options& options, const Computed& computed, output::Sink& sink,
                const std::string& out, Outcome& outcome) {
  PhaseTimer timer(options, "packs");
  std::vector<view::PackRef> packs = view::ListPacks(computed.site, *computed.results);
  std::vector<std::string> paths(packs.size());
  std::string error;
  for (size_t idx = 0; idx < packs.size(); ++idx) {
    paths[idx] = sink.PathFor(packs[idx].path, &error);
    if (paths[idx].empty()) {
      outcome.diagnostics.Error({out, 0, 0}, error);
      return false;
    }
  }
  std::vector<std::string> errors(packs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    // A stop signal ends the phase after the packs under way (output/ then refuses to commit).
    for (size_t idx = next++; idx < packs.size() && !output::StopSignal(); idx = next++) {
      const view::Pack pack = view::PackView(computed.site, *computed.results, packs[idx]);
      if (!render::WriteWorkbook(pack, paths[idx], &errors[idx]) && errors[idx].empty())
        errors[idx] = "could not write the workbook";
    }
  };
  size_t thread_count = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                         std::max<size_t>(1, packs.size()));
  std::vector<std::thread> threads;
  for (size_t idx = 1; idx < thread_count; ++idx) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  for (size_t idx = 0; idx < packs.size(); ++idx) {
    if (errors[idx].empty())
      ++outcome.files_written;
    else
      outcome.diagnostics.Error({out, 0, 0},
                                "while writing " + packs[idx].path + ": " + errors[idx]);
  }
  return !outcome.diagnostics.HasErrors();
}

}  // namespace

const char* Version() { return OUTCOMES_VERSION; }

Outcome Check(const Options& options) {
  Outcome outcome;
  Computed computed = LoadAndCompute(options, outcome, false);
  LoadTemplates(options, computed, outcome);
  return outcome;
}

Outcome Build(const Options& options) {
  Outcome outcome;
  const std::string out = OutDir(options);
  {
    PhaseTimer timer(options, "guard output");
    std::string refusal = output::CheckOutputFolder(out, options.site_dir);
    if (!refusal.empty()) {
      outcome.diagnostics.Error({out, 0, 0}, refusal, "choose another folder with --out");
      return outcome;
    }
    for (const std::string& note : output::Recover(out))
      outcome.diagnostics.Warning({out, 0, 0}, note);
  }
  Computed computed = LoadAndCompute(options, outcome, true);
  if (!computed.results || outcome.diagnostics.HasErrors()) return outcome;
  LoadTemplates(options, computed, outcome);
  if (outcome.diagnostics.HasErrors()) return outcome;
  auto assets = Assets(options, outcome.diagnostics);
  if (outcome.diagnostics.HasErrors()) return outcome;
  std::string error;
  auto sink = output::Sink::Open(out, &error);
  if (!sink) {
    outcome.diagnostics.Error({out, 0, 0}, error);
    return outcome;
  }
  for (const auto& [path, bytes] : assets) {
    if (!sink->Write(path, bytes, &error)) {
      outcome.diagnostics.Error({out, 0, 0}, error);
      return outcome;
    }
    ++outcome.files_written;
  }
  if (!WritePages(options, computed, *sink, out, outcome)) return outcome;
  if (!WriteLargeFiles(options, computed, *sink, out, outcome)) return outcome;
  if (!WritePacks(options, computed, *sink, out, outcome)) return outcome;
  {
    PhaseTimer timer(options, "commit");
    if (!sink->Commit(&error)) {
      outcome.diagnostics.Error({out, 0, 0}, error);
      return outcome;
    }
  }
  {
    // Which hidden cells are primary is itself disclosive: the report goes beside the output
    // folder, for the publisher's eyes, and is never published with the site.
    PhaseTimer timer(options, "suppression report");
    auto report = [&](const std::function<bool(std::string_view)>& write) {
      return view::WriteSuppressionReport(computed.site, *computed.results, write);
    };
    if (!output::WriteBeside(out, kSuppressionReportSuffix, report, &error))
      outcome.diagnostics.Error({out, 0, 0}, error);
  }
  return outcome;
}

}  // namespace outcomes::site
