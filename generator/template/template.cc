#include "template/template.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "template/internal/parser.h"
#include "template/internal/references.h"
#include "template/internal/render.h"

namespace outcomes::tmpl {
namespace {

constexpr std::string_view kExtension = ".mustache";

}  // namespace

Templates::Templates() = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

bool Templates::Add(const std::string& name, std::string_view text, const std::string& file,
                    base::Diagnostics& diagnostics) {
  if (const auto bad = base::FindInvalidUtf8(text)) {
    diagnostics.Error({file, bad->line, bad->column}, "invalid UTF-8 in template",
                      "save the file as UTF-8");
    return false;
  }
  std::unique_ptr<internal::Template> parsed = internal::Parse(name, text, file, diagnostics);
  if (parsed == nullptr) return false;
  templates_[name] = std::move(parsed);
  return true;
}

bool Templates::LoadDirectory(const std::string& dir, const std::string& display_prefix,
                              base::Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<std::string> relatives;
  fs::recursive_directory_iterator entries(dir, error);
  const fs::recursive_directory_iterator end;
  for (; !error && entries != end; entries.increment(error)) {
    const fs::path& path = entries->path();
    if (path.extension() != kExtension || !entries->is_regular_file(error)) continue;
    relatives.push_back(path.lexically_relative(dir).generic_string());
  }
  if (error) {
    diagnostics.Error({display_prefix},
                      "cannot read the template folder `" + dir + "`: " + error.message());
    return false;
  }
  std::sort(relatives.begin(), relatives.end());  // deterministic diagnostics
  bool ok = true;
  std::set<std::string> unparsed;  // reported already: tags naming them are not "not found"
  for (const std::string& relative : relatives) {
    const std::string display = display_prefix + relative;
    std::ifstream in(fs::path(dir) / relative, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      diagnostics.Error({display}, "cannot read template file");
      ok = false;
      continue;
    }
    const std::string name = relative.substr(0, relative.size() - kExtension.size());
    if (!Add(name, text.str(), display, diagnostics)) {
      unparsed.insert(name);
      ok = false;
    }
  }
  return internal::CheckReferences(templates_, unparsed, display_prefix, diagnostics) && ok;
}

bool Templates::Has(const std::string& name) const { return templates_.count(name) > 0; }

bool Templates::Render(const std::string& name, const nlohmann::json& data, std::string& out,
                       std::string* error, const RenderOptions& options) const {
  const auto found = templates_.find(name);
  std::string message;
  bool ok = false;
  const size_t start = out.size();
  if (found == templates_.end()) {
    message = "template '" + name + "' not found";
  } else {
    ok = internal::RenderTemplate(templates_, *found->second, data, options, out, message);
  }
  if (!ok) {
    out.resize(start);
    if (error != nullptr) *error = std::move(message);
  }
  return ok;
}

}  // namespace outcomes::tmpl
