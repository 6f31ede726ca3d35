// Static checks across a folder of templates: what the partial and parent tags name.
#pragma once

#include <set>
#include <string>

#include "base/diagnostics.h"
#include "template/template.h"

namespace outcomes::tmpl::internal {

// Checks every partial and parent tag of `templates` that names its template in the text
// (`{{>name}}`, `{{<name}}`; dynamic names are only known at render time):
//  - the name must be a loaded template, or one of `unparsed` (files that failed to parse and
//    were reported already): else an error at the tag naming the file that is missing,
//    `display_prefix` + name + ".mustache";
//  - no template may include itself, directly or through others, whatever the data (even
//    inside a section: site view models are not trees, and a name missing from a nested
//    context is looked up in the outer one, so such a loop would not end): an error at the tag
//    that closes each loop, with the loop spelled out.
// Returns false when it added an error. Linear in the number of tags; never recursive.
bool CheckReferences(const Templates::Map& templates, const std::set<std::string>& unparsed,
                     const std::string& display_prefix, base::Diagnostics& diagnostics);

}  // namespace outcomes::tmpl::internal
