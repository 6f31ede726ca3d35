// Helpers for end-to-end tests: run the real binary, copy the example site, read outputs.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace outcomes::e2e {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

inline std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void WriteAll(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Runs `outcomes <arguments>` (arguments are passed to the shell as written).
inline Run RunOutcomes(const std::string& arguments) {
  // ctest runs test cases as separate processes at the same time: the name must be unique
  // across processes (pid) and within one (counter).
  static int counter = 0;
  fs::path log = fs::temp_directory_path() / ("outcomes-e2e-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(++counter) + ".log");
  std::string command =
      std::string(OUTCOMES_BINARY) + " " + arguments + " >" + log.string() + " 2>&1";
  int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.output = ReadAll(log);
  fs::remove(log);
  return run;
}

// Every file under `root`, relative path -> bytes.
inline std::map<std::string, std::string> Tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).generic_string()] = ReadAll(entry.path());
  return files;
}

// An empty folder in the temporary folder (emptied first when it exists), named per process so
// test runs of two checkouts at once do not meet.
inline fs::path FreshFolder(const std::string& name) {
  fs::path path = fs::temp_directory_path() /
                  ("outcomes-e2e-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(path);
  fs::create_directories(path);
  return path;
}

// A copy of the example site's inputs (not its build folders or output).
inline fs::path CopyExample(const std::string& name) {
  fs::path site = FreshFolder(name);
  for (const char* part : {"site.yaml", "data", "content", "templates"}) {
    fs::path from = fs::path(OUTCOMES_SOURCE_DIR) / part;
    if (fs::exists(from)) fs::copy(from, site / part, fs::copy_options::recursive);
  }
  return site;
}

// One CSV record's fields (quotes and doubled quotes undone; a trailing \r dropped).
inline std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t idx = 0; idx < line.size(); ++idx) {
    char ch = line[idx];
    if (quoted) {
      if (ch == '"' && idx + 1 < line.size() && line[idx + 1] == '"') {
        field += '"';
        ++idx;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      fields.push_back(field);
      field.clear();
    } else if (ch != '\r') {
      field += ch;
    }
  }
  fields.push_back(field);
  return fields;
}

}  // namespace outcomes::e2e
