// Replays files through a fuzz target without libFuzzer: `<target>_replay DIR_OR_FILE...` runs
// LLVMFuzzerTestOneInput once on every regular file (folders are walked recursively, in sorted
// order). ctest runs it over tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/ in
// every build, so a fixed crash stays fixed under the release and sanitizer builds alike.
// Exits 1 when an argument names nothing readable or no file at all is found (a mistyped folder
// must not pass as "nothing to replay").
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int arg_idx = 1; arg_idx < argc; ++arg_idx) {
    const fs::path path = argv[arg_idx];
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const auto& entry : fs::recursive_directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      std::fprintf(stderr, "%s: no such file or folder\n", argv[arg_idx]);
      return 1;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "no files to replay\n");
    return 1;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", file.c_str());
      return 1;
    }
    const std::string data = bytes.str();
    // Named first, so that a crash's report says which file caused it.
    std::fprintf(stderr, "replaying %s\n", file.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  }
  std::printf("replayed %zu files\n", files.size());
  return 0;
}
