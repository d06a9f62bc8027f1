#include "utf8.hpp"

#include <doctest/doctest.h>

TEST_CASE("utf8_length counts code points, not bytes") {
  CHECK(rk::utf8_length("") == 0u);
  CHECK(rk::utf8_length("abc") == 3u);
  CHECK(rk::utf8_length("ñ") == 1u);
  CHECK(rk::utf8_length("¿Cómo está?") == 11u);
  CHECK(rk::utf8_length("€") == 1u);
  CHECK(rk::utf8_length("😊") == 1u);
  CHECK(rk::utf8_length("\xF4\x8F\xBF\xBF") == 1u);  // U+10FFFF, the last code point
}

TEST_CASE("utf8_length refuses invalid UTF-8") {
  CHECK_FALSE(rk::utf8_length("\x80").has_value());              // stray continuation byte
  CHECK_FALSE(rk::utf8_length("\xC3").has_value());              // truncated
  CHECK_FALSE(rk::utf8_length("\xC3(").has_value());             // bad continuation
  CHECK_FALSE(rk::utf8_length("\xC1\xBF").has_value());          // overlong 2-byte
  CHECK_FALSE(rk::utf8_length("\xE0\x80\xAF").has_value());      // overlong 3-byte
  CHECK_FALSE(rk::utf8_length("\xF0\x80\x80\xAF").has_value());  // overlong 4-byte
  CHECK_FALSE(rk::utf8_length("\xED\xBF\xBF").has_value());      // surrogate
  CHECK_FALSE(rk::utf8_length("\xF4\x90\x80\x80").has_value());  // above U+10FFFF
  CHECK_FALSE(rk::utf8_length("\xFF").has_value());
}

TEST_CASE("utf8_prefix never cuts a character") {
  CHECK(rk::utf8_prefix("Año nuevo", 2) == "Añ");
  CHECK(rk::utf8_prefix("Año", 10) == "Año");
  CHECK(rk::utf8_prefix("😊😊", 1) == "😊");
  CHECK(rk::utf8_prefix("abc", 0).empty());
}

TEST_CASE("utf8_at decodes one code point, and text::append writes it back") {
  for (const char32_t cp : {U'a', U'\u00f1', U'\u20ac', U'\U0001F60A', U'\U0010FFFF'}) {
    std::string bytes;
    rk::text::append(bytes, cp);
    const rk::Utf8Char decoded = rk::utf8_at(bytes, 0);
    CHECK(decoded.code_point == cp);
    CHECK(decoded.length == bytes.size());
  }
  CHECK(rk::utf8_at("\x80", 0).length == 0);          // a continuation byte alone
  CHECK(rk::utf8_at("\xC3", 0).length == 0);          // cut short
  CHECK(rk::utf8_at("\xED\xA0\x80", 0).length == 0);  // a surrogate
  CHECK(rk::utf8_at("a\xC3\xB1", 1).code_point == U'\u00f1');
  CHECK(rk::is_utf8_continuation('\xB1'));
  CHECK_FALSE(rk::is_utf8_continuation('\xC3'));
}

TEST_CASE("text::decode never refuses: one U+FFFD per bad byte") {
  CHECK(rk::text::decode("a\xC3\xB1") == U"a\u00f1");
  CHECK(rk::text::decode("\xC3(") == U"\uFFFD(");
  CHECK(rk::text::encode(rk::text::decode("\xF0\x9F\x98\x8A")) == "\xF0\x9F\x98\x8A");
}
