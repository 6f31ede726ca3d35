// packs_bench: how long the Excel packs of a site take to build (issue 5's speed requirement).
//
//   packs_bench SITE_DIR OUT_DIR [THREADS]
//
// Loads the site (load::LoadSite), computes it (compute::Compute), then writes every pack of
// view::ListPacks under OUT_DIR on THREADS threads (default 2), exactly as site.cc's WritePacks
// does, and prints each phase's time. Run it under /usr/bin/time -v for the peak memory
// (bench/packs/run.sh does).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "base/diagnostics.h"
#include "compute/compute.h"
#include "load/load.h"
#include "render/xlsx/xlsx.h"
#include "view/pack_view.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace outcomes;
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: %s SITE_DIR OUT_DIR [THREADS]\n", argv[0]);
    return 2;
  }
  const std::string site_dir = argv[1];
  const std::string out = argv[2];
  const size_t wanted_threads = argc == 4 ? std::strtoul(argv[3], nullptr, 10) : 2;
  const Clock::time_point all = Clock::now();

  Clock::time_point start = Clock::now();
  base::Diagnostics diagnostics;
  model::Site site = load::LoadSite(site_dir, diagnostics);
  if (diagnostics.HasErrors()) {
    for (const auto& item : diagnostics.items())
      std::fprintf(stderr, "%s\n", base::FormatDiagnostic(item).c_str());
    return 1;
  }
  std::printf("load      %8.2f s  (%zu areas, %zu indicators, %zu observations)\n", Since(start),
              site.areas.size(), site.indicators.size(), site.observations.size());

  start = Clock::now();
  compute::Results results = compute::Compute(site);
  std::printf("compute   %8.2f s  (%zu series)\n", Since(start), results.series.size());

  start = Clock::now();
  std::vector<view::PackRef> packs = view::ListPacks(site, results);
  size_t scrutiny = 0;
  for (const auto& pack : packs) scrutiny += pack.kind == view::PackKind::kScrutiny;
  std::vector<std::string> paths(packs.size());
  std::error_code error_code;
  for (size_t idx = 0; idx < packs.size(); ++idx) {
    std::filesystem::path path = std::filesystem::path(out) / packs[idx].path;
    std::filesystem::create_directories(path.parent_path(), error_code);
    paths[idx] = path.string();
  }
  std::printf("list      %8.2f s  (%zu packs: %zu scrutiny, %zu ward)\n", Since(start),
              packs.size(), scrutiny, packs.size() - scrutiny);

  // As site.cc's WritePacks, with the thread count fixed.
  start = Clock::now();
  std::vector<std::string> errors(packs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t idx = next++; idx < packs.size(); idx = next++) {
      const view::Pack pack = view::PackView(site, results, packs[idx]);
      if (!render::WriteWorkbook(pack, paths[idx], &errors[idx]) && errors[idx].empty())
        errors[idx] = "could not write the workbook";
    }
  };
  size_t thread_count = std::min<size_t>(std::max<size_t>(1, wanted_threads),
                                         std::max<size_t>(1, packs.size()));
  std::vector<std::thread> threads;
  for (size_t idx = 1; idx < thread_count; ++idx) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  uintmax_t bytes = 0;
  int failed = 0;
  for (size_t idx = 0; idx < packs.size(); ++idx) {
    if (!errors[idx].empty()) {
      if (++failed <= 10)
        std::fprintf(stderr, "while writing %s: %s\n", packs[idx].path.c_str(),
                     errors[idx].c_str());
      continue;
    }
    bytes += std::filesystem::file_size(paths[idx], error_code);
  }
  std::printf("packs     %8.2f s  (%zu threads, %.1f MB written)\n", Since(start), thread_count,
              static_cast<double>(bytes) / 1e6);
  std::printf("total     %8.2f s\n", Since(all));
  return failed == 0 ? 0 : 1;
}
