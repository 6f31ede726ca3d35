// Mustache source text → Template (the tree the renderer walks).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "template/internal/ast.h"

namespace outcomes::tmpl::internal {

// Parses `source` as template `name`. Returns nullptr after adding at least one error (located
// in `file`, with 1-based line and byte column) to `diagnostics` when the text is not a valid
// template: a tag without its closing delimiter, a section/parent/block never closed or closed
// by the wrong name, a close tag with nothing open, an empty or space-containing name, a
// malformed delimiter change, or sections, parents and blocks nested more than 100 deep (the
// tree is walked recursively, so its depth is bounded). Warnings (ignored content inside a parent tag) do not fail.
std::unique_ptr<Template> Parse(const std::string& name, std::string_view source,
                                const std::string& file, base::Diagnostics& diagnostics);

}  // namespace outcomes::tmpl::internal
