// The table cmake/embed_files.cmake generates from theme/ (build/generated/theme_files.cc).
#pragma once

#include <cstddef>

#include "theme/theme.h"

namespace outcomes::theme::internal {

extern const File kEmbedded[];
extern const size_t kEmbeddedCount;

}  // namespace outcomes::theme::internal
