// How ONS (Office for National Statistics) geography files name their properties: a ward file
// carries the ward's code as WD25CD and its name as WD25NM, its council's as LAD25CD/LAD25NM.
// Read by the boundary loader and by `outcomes new`, so both pick the same properties.
#pragma once

#include <string>
#include <string_view>

namespace outcomes::base {

// Whether `key` is named like an ONS code property: 2-5 capital letters, two digits and "CD"
// (WD13CD, WD25CD, LAD25CD, LSOA21CD; not WD13CDO).
bool IsOnsCodeProperty(std::string_view key);

// The name property that goes with a code property (WD22CD → WD22NM), or "" when `key` does
// not end in "CD".
std::string OnsNamePropertyFor(std::string_view code_property);

}  // namespace outcomes::base
