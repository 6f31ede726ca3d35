// Reads the wards of a new site from a GeoJSON boundary file, as ONS publishes them (each
// feature has its ward's code and name, WD25CD/WD25NM, and its council's, LAD25CD/LAD25NM).
#pragma once

#include <string>
#include <vector>

namespace outcomes::scaffold::internal {

struct Ward {
  std::string code;
  std::string name;
};

struct WardFile {
  std::string bytes;  // the file exactly as read (copied into the new site)
  // The properties the codes and names came from; code_property is "" when every feature's
  // code is its "id" or "code" property (the loader reads those without being told).
  std::string code_property;
  std::string name_property;
  std::vector<Ward> wards;   // sorted by name, then code
  std::string council_code;  // "" when the file does not say
  std::string council_name;
};

struct WardOptions {
  std::string code_property;  // "" for each: worked out
  std::string name_property;
  std::string council_property;
  std::string council_name_property;
};

// Reads the wards of `text`, the bytes of the boundary file `path` (named in messages), into
// `out`. Returns "" or an error for the user (with `hint` set where one
// helps): invalid JSON (at its file:line:col), not a non-empty
// FeatureCollection, a feature without the code or name property (naming the feature by
// number and the properties it has), two features with one code, or wards of several councils.
//
// Without a code property, one is worked out as the loader does (load/boundaries.cc): of the
// properties named like ONS codes (base/ons.h), the one every feature has with a different
// value; else each feature's "id" or "code". Without a name property: the code property's ONS
// partner (WD25CD → WD25NM), else "name". Without a council property: a property named like
// an ONS code whose value, and its name partner's, is the same in every feature (LAD… first).
std::string ReadWards(const std::string& path, std::string text, const WardOptions& options,
                      WardFile& out, std::string& hint);

}  // namespace outcomes::scaffold::internal
