// ONS property names (base/ons.h): which properties name codes, and their name partners.
#include "base/ons.h"

#include <doctest/doctest.h>

using outcomes::base::IsOnsCodeProperty;
using outcomes::base::OnsNamePropertyFor;

TEST_CASE("properties named like ONS codes: 2-5 capitals, two digits, CD") {
  for (const char* key : {"WD25CD", "WD13CD", "LAD25CD", "LSOA21CD", "MSOA11CD", "CTYUA23CD"})
    CHECK_MESSAGE(IsOnsCodeProperty(key), key);
  for (const char* key : {"WD13CDO", "wd25cd", "W25CD", "WARDSX25CD", "WD2CD", "WD25NM",
                          "LADCD_ACTIVE", "UTLACD", "RGNCD", "CD", "", "WD25 CD"})
    CHECK_MESSAGE(!IsOnsCodeProperty(key), key);
}

TEST_CASE("the name property that goes with a code property") {
  CHECK(OnsNamePropertyFor("WD25CD") == "WD25NM");
  CHECK(OnsNamePropertyFor("LAD25CD") == "LAD25NM");
  CHECK(OnsNamePropertyFor("code") == "");
  CHECK(OnsNamePropertyFor("") == "");
}
