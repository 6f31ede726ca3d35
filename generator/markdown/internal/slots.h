// The marks Document::Prepare puts where a link's URL or a figure block goes, to cut the
// rendered HTML at them.
//
// Internal to the markdown module (and its tests: a test that writes the prefix into a page
// checks that such text stays text).
#pragma once

#include <string>

namespace outcomes::markdown::internal {

// "outcomes-slot-<16 hex digits>-": the hex digits are drawn at random when the program starts,
// so no text of a page can hold the prefix by chance or by design. A slot is the prefix then
// "L<link>-" in a link's href or an image's src, or "F<figure>-" and a line break where a figure
// block goes: only letters, digits and '-', which cmark-gfm writes into an href unchanged.
const std::string& SlotPrefix();

}  // namespace outcomes::markdown::internal
