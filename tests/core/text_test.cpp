#include <doctest/doctest.h>

#include "diagnostics.hpp"
#include "text.hpp"

TEST_CASE("Text falls back to the default language, then to any") {
  rk::Text t;
  t.by_language = {{"en", "Hello"}, {"es", "Hola"}};
  CHECK(t.in("es") == "Hola");
  CHECK(t.in("fr", "en") == "Hello");
  CHECK(t.in("fr", "de") == "Hello");  // the first in key order
  CHECK(rk::Text{}.in("en").empty());
}

TEST_CASE("Diagnostics print as FILE:LINE:COLUMN: error: message") {
  rk::Diagnostic d{"q.toml", {3, 7}, "unknown key 'txt'; did you mean 'text'?"};
  CHECK(d.format() == "q.toml:3:7: error: unknown key 'txt'; did you mean 'text'?");
}
