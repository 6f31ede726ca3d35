// Reads site.yaml into model::SiteConfig.
#include <map>
#include <tuple>

#include "base/text.h"
#include "load/internal/files.h"
#include "load/internal/loaders.h"
#include "load/internal/yaml_fields.h"

namespace outcomes::load::internal {

namespace {

constexpr const char* kFile = "site.yaml";

// An absolute http(s) URL made only of the characters RFC 3986 allows.
bool IsWebAddress(const std::string& text) {
  size_t scheme = text.rfind("https://", 0) == 0 ? 8 : text.rfind("http://", 0) == 0 ? 7 : 0;
  if (scheme == 0 || text.size() == scheme) return false;
  static const std::string kAllowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
  return text.find_first_not_of(kAllowed) == std::string::npos;
}

void ReadSuppression(YamlFields& parent, model::SuppressionConfig& out) {
  YAML::Node node = parent.Child("suppression", false);
  if (!node.IsDefined()) return;
  YamlFields fields(node, kFile, parent.diagnostics(), "suppression");
  std::string preset;
  if (fields.String("preset", preset, false)) {
    if (preset == "1-4") out.preset = model::SuppressionPreset::kOneToFour;
    else if (preset == "1-7") out.preset = model::SuppressionPreset::kOneToSeven;
    else if (preset == "under-10") out.preset = model::SuppressionPreset::kUnderTen;
    else if (preset == "none") out.preset = model::SuppressionPreset::kNone;
    else
      parent.diagnostics().Error(fields.Where("preset"),
                                 "unknown suppression preset '" + preset + "'",
                                 "use \"1-4\", \"1-7\", \"under-10\" or \"none\"");
  }
  if (fields.Int("round_to", out.round_to, false) && out.round_to != 0 && out.round_to != 5)
    parent.diagnostics().Error(fields.Where("round_to"), "round_to must be 0 or 5");
  fields.Finish();
}

void ReadStatus(YamlFields& parent, model::SiteConfig& out) {
  YAML::Node node = parent.Child("status", false);
  if (!node.IsDefined()) return;
  YamlFields fields(node, kFile, parent.diagnostics(), "status");
  if (fields.Double("close_tolerance", out.close_tolerance, false) && out.close_tolerance < 0)
    parent.diagnostics().Error(fields.Where("close_tolerance"),
                               "close_tolerance must not be negative");
  if (fields.Int("trend_points", out.trend_points, false) &&
      (out.trend_points < 3 || out.trend_points > 20))
    parent.diagnostics().Error(fields.Where("trend_points"),
                               "trend_points must be between 3 and 20");
  fields.Finish();
}

void ReadGroups(YamlFields& parent, model::SiteConfig& out) {
  YAML::Node node = parent.Child("groups", false);
  if (!node.IsDefined()) return;
  auto& diagnostics = parent.diagnostics();
  if (!node.IsSequence()) {
    diagnostics.Error(LocationOf(kFile, node), "'groups' must be a list of groups");
    return;
  }
  for (const auto& item : node) {
    YamlFields fields(item, kFile, diagnostics, "group");
    if (!fields.ok()) continue;
    model::AreaGroup group;
    group.location = LocationOf(kFile, item);
    fields.String("id", group.id, true);
    if (fields.String("name", group.name, true))
      CheckLength(group.name, base::kMaxNameLength, fields.Where("name"), "group name", diagnostics);
    fields.String("within", group.within, false);
    bool has_tag = fields.String("tag", group.tag, false);
    bool has_without = fields.String("without_tag", group.without_tag, false);
    if (has_tag == has_without)
      diagnostics.Error(group.location, "group '" + group.id +
                                            "' needs exactly one of 'tag' or 'without_tag'");
    if (!group.id.empty() && !base::IsSlug(group.id))
      diagnostics.Error(fields.Where("id"), "group id '" + group.id +
                                                "' must use lower-case letters, digits and "
                                                "hyphens (at most 100 characters)");
    fields.Finish();
    out.groups.push_back(std::move(group));
  }
}

// partners: [{id, name}], who spends on the outcomes (data/spending.csv's partner column).
void ReadPartners(YamlFields& parent, model::SiteConfig& out) {
  YAML::Node node = parent.Child("partners", false);
  if (!node.IsDefined()) return;
  auto& diagnostics = parent.diagnostics();
  if (!node.IsSequence()) {
    diagnostics.Error(LocationOf(kFile, node), "'partners' must be a list of partners",
                      "e.g. partners: [{id: council, name: Southend-on-Sea City Council}]");
    return;
  }
  std::map<std::string, base::Location> seen;
  for (const auto& item : node) {
    YamlFields fields(item, kFile, diagnostics, "partner");
    if (!fields.ok()) continue;
    model::Partner partner;
    partner.location = LocationOf(kFile, item);
    if (fields.String("id", partner.id, true)) {
      if (!base::IsSlug(partner.id)) {
        diagnostics.Error(fields.Where("id"), "partner id '" + partner.id +
                                                  "' must use lower-case letters, digits and "
                                                  "hyphens (at most 100 characters)",
                          "e.g. 'council', 'nhs', 'police'");
      } else if (auto first = seen.find(partner.id); first != seen.end()) {
        diagnostics.Error(fields.Where("id"),
                          "partner '" + partner.id + "' is listed twice (first at line " +
                              std::to_string(first->second.line) + ")");
      } else {
        seen.emplace(partner.id, fields.Where("id"));
      }
    }
    if (fields.String("name", partner.name, true))
      CheckLength(partner.name, base::kMaxNameLength, fields.Where("name"), "partner name",
                  diagnostics);
    fields.Finish();
    out.partners.push_back(std::move(partner));
  }
}

void ReadPacks(YamlFields& parent, model::SiteConfig& out) {
  YAML::Node node = parent.Child("packs", false);
  if (!node.IsDefined()) return;
  auto& diagnostics = parent.diagnostics();
  if (!node.IsSequence()) {
    diagnostics.Error(LocationOf(kFile, node), "'packs' must be a list of packs");
    return;
  }
  for (const auto& item : node) {
    YamlFields fields(item, kFile, diagnostics, "pack");
    if (!fields.ok()) continue;
    model::PackConfig pack;
    pack.location = LocationOf(kFile, item);
    // The id names the pack's file (downloads/packs/<id>.xlsx).
    if (fields.String("id", pack.id, true) && !base::IsSlug(pack.id))
      diagnostics.Error(fields.Where("id"), "pack id '" + pack.id +
                                                "' must use lower-case letters, digits and "
                                                "hyphens (at most 100 characters)",
                        "it names the pack's file, e.g. 'scrutiny-2020-09'");
    fields.String("title", pack.title, true);
    if (fields.String("meeting_date", pack.meeting_date, true) && !IsIsoDate(pack.meeting_date))
      diagnostics.Error(fields.Where("meeting_date"),
                        "meeting_date must be a date written YYYY-MM-DD, got '" +
                            pack.meeting_date + "'");
    fields.StringList("outcomes", pack.outcomes, true, &pack.outcome_locations);
    if (fields.String("area", pack.area, false) && pack.area.empty())
      diagnostics.Error(fields.Where("area"), "pack area must be an area code",
                        "leave 'area' out for a pack about home_area");
    pack.area_location = fields.Where("area");
    fields.Finish();
    out.packs.push_back(std::move(pack));
  }
}

// boundaries: {code_property, name_property}: the GeoJSON properties holding each feature's
// area code and name, for boundary files that carry several codes (ward and council).
void ReadBoundaryProperties(YamlFields& fields, model::BoundaryProperties& properties) {
  YAML::Node node = fields.Child("boundaries", false);
  if (!node.IsDefined()) return;
  base::Diagnostics& diagnostics = fields.diagnostics();
  YamlFields own(node, kFile, diagnostics, "boundaries");
  if (!own.ok()) return;
  for (auto [key, out, where] :
       {std::tuple{"code_property", &properties.code, &properties.code_location},
        std::tuple{"name_property", &properties.name, &properties.name_location}}) {
    if (!own.String(key, *out, false)) continue;
    *where = own.Where(key);
    if (out->empty())
      diagnostics.Error(*where, std::string(key) + " must name a property, e.g. WD22CD",
                        "leave it out to let the loader find the code property itself");
  }
  own.Finish();
}

// postcodes: {file, layout, postcode_column, ward_column, terminated_column}: the lookup behind
// the postcode finder.
void ReadPostcodes(YamlFields& fields, model::PostcodeConfig& config) {
  YAML::Node node = fields.Child("postcodes", false);
  if (!node.IsDefined()) return;
  base::Diagnostics& diagnostics = fields.diagnostics();
  YamlFields own(node, kFile, diagnostics, "postcodes");
  if (!own.ok()) return;
  config.enabled = true;
  config.location = LocationOf(kFile, node);
  if (own.String("file", config.file, false)) config.file_location = own.Where("file");
  std::string layout;
  if (own.String("layout", layout, false)) {
    if (layout == "code-point-open")
      config.layout = model::PostcodeLayout::kCodePointOpen;
    else if (layout != "header")
      diagnostics.Error(own.Where("layout"), "unknown postcodes layout '" + layout + "'",
                        "use header (ONS Postcode Directory, NSPL or any file with a header "
                        "row) or code-point-open (OS Code-Point Open, no header row)");
  }
  own.String("postcode_column", config.postcode_column, false);
  own.String("terminated_column", config.terminated_column, false);
  const bool header = config.layout == model::PostcodeLayout::kHeader;
  own.String("ward_column", config.ward_column, header);
  if (!header && !config.ward_column.empty())
    diagnostics.Error(own.Where("ward_column"),
                      "a code-point-open file has no header row: its ward code is the tenth "
                      "column",
                      "leave ward_column out, or use layout: header");
  own.Finish();
}

// contact: {team, email, phone, url}: at least one way to get in touch.
void ReadContact(YamlFields& fields, model::SiteContact& contact) {
  YAML::Node node = fields.Child("contact", false);
  if (!node.IsDefined()) return;
  base::Diagnostics& diagnostics = fields.diagnostics();
  YamlFields contact_fields(node, kFile, diagnostics, "contact");
  if (!contact_fields.ok()) return;
  contact_fields.String("team", contact.team, false);
  if (contact_fields.String("email", contact.email, false)) {
    size_t at = contact.email.find('@');
    bool valid = at != std::string::npos && at > 0 && at + 1 < contact.email.size() &&
                 contact.email.find_first_of(" \t<>\"'(),;:@", at + 1) == std::string::npos &&
                 contact.email.find_first_of(" \t<>\"'(),;:") == std::string::npos &&
                 contact.email.find('.', at) != std::string::npos;
    if (!valid)
      diagnostics.Error(contact_fields.Where("email"),
                        "contact email must be an address such as data@example.gov.uk, got '" +
                            contact.email + "'");
  }
  if (contact_fields.String("phone", contact.phone, false) &&
      contact.phone.find_first_not_of("0123456789 +()-") != std::string::npos)
    diagnostics.Error(contact_fields.Where("phone"),
                      "contact phone may hold only digits, spaces and + ( ) -, got '" +
                          contact.phone + "'");
  if (contact_fields.String("url", contact.url, false) && !IsWebAddress(contact.url))
    diagnostics.Error(contact_fields.Where("url"),
                      "contact url must be a web address such as https://www.example.gov.uk/contact",
                      "start with https:// or http://; no spaces, quotes, < > { } or \\");
  for (const std::string* text : {&contact.team, &contact.email, &contact.phone, &contact.url})
    CheckLength(*text, 200, contact_fields.Where("contact"), "a contact detail", diagnostics,
                "shorten it");
  if (!contact.Any())
    diagnostics.Error(fields.Where("contact"), "contact needs an email, phone or url",
                      "add at least one way for readers to get in touch, or remove contact");
  contact_fields.Finish();
}

}  // namespace

void LoadSiteConfig(model::Site& site, base::Diagnostics& diagnostics) {
  auto text = ReadFile(site.root, kFile, diagnostics, true);
  if (text) ReadSiteConfigText(*text, site, diagnostics);
}

void ReadSiteConfigText(const std::string& text, model::Site& site,
                        base::Diagnostics& diagnostics) {
  auto root = ParseYaml(text, kFile, diagnostics);
  if (!root) return;
  model::SiteConfig& config = site.config;
  YamlFields fields(*root, kFile, diagnostics, "site.yaml");
  if (!fields.ok()) return;
  config.location = {kFile, 1, 1};
  fields.String("title", config.title, true);
  fields.String("organisation", config.organisation, true);
  fields.String("language", config.language, false);
  config.language_location = fields.Where("language");
  if (fields.String("base_url", config.base_url, false)) {
    if (!IsWebAddress(config.base_url))
      diagnostics.Error(fields.Where("base_url"),
                        "base_url must be a web address such as https://www.example.org/outcomes/",
                        "start with https:// or http://; no spaces, quotes, < > { } or \\");
    else
      // Pages add their paths to it, and the packs' cover link must stay within Excel's 2,079.
      CheckLength(config.base_url, 1000, fields.Where("base_url"), "base_url", diagnostics,
                  "a web address this long cannot be a link in a spreadsheet: shorten it");
  }
  fields.String("home_area", config.home_area, true);
  config.home_area_location = fields.Where("home_area");
  fields.StringList("comparators", config.comparators, false, &config.comparator_locations);
  fields.Bool("example_data", config.example_data);
  if (fields.String("example_data_text", config.example_data_text, false))
    CheckLength(config.example_data_text, 1000, fields.Where("example_data_text"),
                "example_data_text", diagnostics, "a banner this long hides the page: shorten it");
  ReadContact(fields, config.contact);
  ReadBoundaryProperties(fields, config.boundary_properties);
  ReadPostcodes(fields, config.postcodes);
  fields.Bool("allow_raw_html", config.allow_raw_html);
  if (fields.String("data_date", config.data_date, false) && !IsIsoDate(config.data_date))
    diagnostics.Error(fields.Where("data_date"),
                      "data_date must be a date written YYYY-MM-DD, got '" + config.data_date +
                          "'");
  ReadSuppression(fields, config.suppression);
  ReadStatus(fields, config);
  ReadGroups(fields, config);
  ReadPartners(fields, config);
  YAML::Node gap = fields.Child("gap", false);
  if (gap.IsDefined()) {
    YamlFields gap_fields(gap, kFile, diagnostics, "gap");
    gap_fields.String("target", config.gap_target, true);
    gap_fields.String("rest", config.gap_rest, true);
    config.gap_target_location = gap_fields.Where("target");
    config.gap_rest_location = gap_fields.Where("rest");
    gap_fields.Finish();
  }
  ReadPacks(fields, config);
  std::string ward_packs;
  if (fields.String("ward_packs", ward_packs, false)) {
    if (ward_packs == "home") config.ward_packs = model::WardPacks::kHome;
    else if (ward_packs == "all") config.ward_packs = model::WardPacks::kAll;
    else
      diagnostics.Error(fields.Where("ward_packs"), "unknown ward_packs '" + ward_packs + "'",
                        "use \"home\" (wards of home_area) or \"all\" (every ward)");
  }
  fields.Finish();
}

}  // namespace outcomes::load::internal
