// The catalogue's pieces: placeholders, plural rules (English and Welsh), counted entries.
#include <doctest/doctest.h>

#include "i18n/i18n.h"

namespace outcomes::i18n {

TEST_CASE("English plural rule: one for 1, other for the rest") {
  CHECK(PluralCategory("en", 0) == Plural::kOther);
  CHECK(PluralCategory("en", 1) == Plural::kOne);
  CHECK(PluralCategory("en", 2) == Plural::kOther);
  CHECK(PluralCategory("en", 11) == Plural::kOther);
  CHECK(PluralCategories("en") == std::vector<Plural>{Plural::kOne, Plural::kOther});
}

TEST_CASE("Welsh plural rule follows CLDR: 0 zero, 1 one, 2 two, 3 few, 6 many, else other") {
  CHECK(PluralCategory("cy", 0) == Plural::kZero);
  CHECK(PluralCategory("cy", 1) == Plural::kOne);
  CHECK(PluralCategory("cy", 2) == Plural::kTwo);
  CHECK(PluralCategory("cy", 3) == Plural::kFew);
  CHECK(PluralCategory("cy", 4) == Plural::kOther);
  CHECK(PluralCategory("cy", 5) == Plural::kOther);
  CHECK(PluralCategory("cy", 6) == Plural::kMany);
  CHECK(PluralCategory("cy", 7) == Plural::kOther);
  CHECK(PluralCategory("cy", 13) == Plural::kOther);
  CHECK(PluralCategory("cy", 100) == Plural::kOther);
  CHECK(PluralCategories("cy").size() == 6);
  // A language with no rule of its own gets English's.
  CHECK(PluralCategory("fr", 1) == Plural::kOne);
  CHECK(PluralCategory("fr", 5) == Plural::kOther);
}

TEST_CASE("placeholders are replaced by name; unknown ones stay; doubled braces are literal") {
  CHECK(Substitute("{area} at a glance", {{"area", "Kursaal"}}) == "Kursaal at a glance");
  CHECK(Substitute("{a} and {b}, {a}", {{"a", "x"}, {"b", "y"}}) == "x and y, x");
  CHECK(Substitute("{missing} stays", {}) == "{missing} stays");
  CHECK(Substitute("{{literal}} {x}", {{"x", "1"}}) == "{literal} 1");
  CHECK(Substitute("unclosed {brace", {{"brace", "no"}}) == "unclosed {brace");
  // A value is never read for placeholders itself.
  CHECK(Substitute("{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");
  CHECK(Placeholders("{b} {a} {b} {{c}}") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("a catalogue gives text, plural forms by count, months, and [key] for a missing key") {
  Catalogue english("en");
  english.Set("hello", {"Hello {name}", {}});
  english.Set("indicators", {"", {{Plural::kOne, "{count} indicator"},
                                  {Plural::kOther, "{count} indicators"}}});
  english.Set("month_2", {"February", {}});
  CHECK(english("hello", {{"name", "Leigh"}}) == "Hello Leigh");
  CHECK(english.Count("indicators", 1) == "1 indicator");
  CHECK(english.Count("indicators", 0) == "0 indicators");
  CHECK(english.Count("indicators", 1026) == "1,026 indicators");
  CHECK(english.Count("indicators", 3, "three") == "three indicators");
  CHECK(english("indicators") == "{count} indicators");
  CHECK(english.Month(2) == "February");
  CHECK(english.Month(13).empty());
  CHECK(english("nope") == "[nope]");

  Catalogue welsh("cy");
  welsh.Set("cats", {"", {{Plural::kZero, "{count} cathod"},
                          {Plural::kOne, "{count} gath"},
                          {Plural::kTwo, "{count} gath (dwy)"},
                          {Plural::kFew, "{count} cath (tair)"},
                          {Plural::kMany, "{count} chath"},
                          {Plural::kOther, "{count} cath"}}});
  CHECK(welsh.Count("cats", 0) == "0 cathod");
  CHECK(welsh.Count("cats", 1) == "1 gath");
  CHECK(welsh.Count("cats", 2) == "2 gath (dwy)");
  CHECK(welsh.Count("cats", 3) == "3 cath (tair)");
  CHECK(welsh.Count("cats", 6) == "6 chath");
  CHECK(welsh.Count("cats", 4) == "4 cath");
  // A form the entry lacks falls back to other.
  Catalogue sparse("cy");
  sparse.Set("cats", {"", {{Plural::kOther, "{count} cath"}}});
  CHECK(sparse.Count("cats", 2) == "2 cath");
}

}  // namespace outcomes::i18n
