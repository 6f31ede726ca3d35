// The table cmake/embed_files.cmake generates from scaffold/ (build/generated/scaffold_files.cc).
#pragma once

#include <cstddef>

#include "scaffold/scaffold.h"

namespace outcomes::scaffold::internal {

extern const File kEmbedded[];
extern const size_t kEmbeddedCount;

}  // namespace outcomes::scaffold::internal
