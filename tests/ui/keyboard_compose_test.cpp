// Composition on the on-screen keyboard: Vietnamese tone keys and Hangul jamo, as pure functions.
#include "keyboard_compose.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

using namespace rk;
using namespace rk::ui;

namespace {
constexpr const char* kHuyen = "\u0300";
constexpr const char* kSac = "\u0301";
constexpr const char* kHoi = "\u0309";
constexpr const char* kNga = "\u0303";
constexpr const char* kNang = "\u0323";

std::string typed(Compose compose, std::initializer_list<const char*> keys, int max_length = 0) {
  std::string text;
  for (const char* key : keys) compose_key(text, key, compose, max_length);
  return text;
}
}  // namespace

TEST_CASE("a Vietnamese tone key puts the tone on the right vowel of the word") {
  const Compose vi = Compose::Vietnamese;
  CHECK(typed(vi, {"v", "i", "ê", "t", kNang}) == "việt");
  CHECK(typed(vi, {"T", "i", "ê", "n", "g", kSac}) == "Tiếng");
  CHECK(typed(vi, {"t", "h", "ê", kSac}) == "thế");
  CHECK(typed(vi, {"c", "h", "â", "t", kSac}) == "chất");
  CHECK(typed(vi, {"h", "o", "a", kHuyen}) == "hòa");      // open syllable of two: the first
  CHECK(typed(vi, {"t", "o", "a", "n", kSac}) == "toán");  // closed: the last vowel
  CHECK(typed(vi, {"n", "g", "u", "y", "ê", "n", kNga}) == "nguyễn");
  CHECK(typed(vi, {"n", "g", "ư", "ơ", "i", kHuyen}) == "người");  // ươ: on the ơ
  CHECK(typed(vi, {"q", "u", "a", kSac}) == "quá");                // qu: the u is a consonant
  CHECK(typed(vi, {"g", "i", "a", kHoi}) == "giả");                // gi likewise
  CHECK(typed(vi, {"k", "h", "o", "e", kHoi}) == "khỏe");
  CHECK(typed(vi, {"m", "ô", "t", kNang, " ", "n", "g", "a", "y", kHuyen}) ==
        "một ngày");  // only the last word
  CHECK(typed(vi, {"Đ", "a", kSac}) == "Đá");
}

TEST_CASE("a second tone replaces the first, and the same tone again takes it off") {
  const Compose vi = Compose::Vietnamese;
  CHECK(typed(vi, {"m", "a", kSac, kHuyen}) == "mà");
  CHECK(typed(vi, {"m", "a", kSac, kSac}) == "ma");
  CHECK(typed(vi, {"h", "o", "a", kHuyen, "n", kSac}) == "hoán");  // the tone moves when the word grows
}

TEST_CASE("a tone with no vowel is refused, and the limit counts characters") {
  std::string text = "xin ch";
  CHECK_FALSE(compose_key(text, kSac, Compose::Vietnamese, 0));
  CHECK(text == "xin ch");
  text = "abc";
  CHECK(compose_key(text, kSac, Compose::Vietnamese, 3));  // a tone adds no character
  CHECK(text == "ábc");
  CHECK_FALSE(compose_key(text, "d", Compose::Vietnamese, 3));
  CHECK(text == "ábc");
  // Without composition a tone key is just a character.
  text = "a";
  CHECK(compose_key(text, kSac, Compose::None, 0));
  CHECK(text == "a\u0301");
}

TEST_CASE("Hangul jamo build syllables") {
  const Compose ko = Compose::Hangul;
  CHECK(typed(ko, {"ㅎ", "ㅏ", "ㄴ"}) == "한");
  CHECK(typed(ko, {"ㅎ", "ㅏ", "ㄴ", "ㄱ", "ㅜ", "ㄱ"}) == "한국");
  CHECK(typed(ko, {"ㅎ", "ㅏ", "ㄴ", "ㅏ"}) == "하나");        // the final moves on to the next syllable
  CHECK(typed(ko, {"ㄱ", "ㅗ", "ㅏ"}) == "과");                // ㅗ + ㅏ = ㅘ
  CHECK(typed(ko, {"ㅇ", "ㅣ", "ㄹ", "ㄱ"}) == "읽");          // ㄹ + ㄱ = ㄺ
  CHECK(typed(ko, {"ㅇ", "ㅣ", "ㄹ", "ㄱ", "ㅓ"}) == "일거");  // ㄺ splits before a vowel
  CHECK(typed(ko, {"ㄱ", "ㅏ", "ㅂ", "ㅅ"}) == "값");
  CHECK(typed(ko, {"ㅏ"}) == "ㅏ");
  CHECK(typed(ko, {"ㄱ", "ㄴ"}) == "ㄱㄴ");
  CHECK(typed(ko, {"ㅇ", "ㅏ", "ㄴ", "ㄴ", "ㅕ", "ㅇ", " ", "ㅎ", "ㅏ", "ㅅ", "ㅔ", "ㅇ", "ㅛ"}) ==
        "안녕 하세요");
  CHECK(typed(ko, {"a", "ㄱ", "ㅏ", "!"}) == "a가!");
}

TEST_CASE("Hangul backspace takes off one jamo at a time") {
  std::string text = "읽";
  compose_backspace(text, Compose::Hangul);
  CHECK(text == "일");
  compose_backspace(text, Compose::Hangul);
  CHECK(text == "이");
  compose_backspace(text, Compose::Hangul);
  CHECK(text == "ㅇ");
  compose_backspace(text, Compose::Hangul);
  CHECK(text.empty());
  text = "과";
  compose_backspace(text, Compose::Hangul);
  CHECK(text == "고");
  text = "ña";
  compose_backspace(text, Compose::None);
  CHECK(text == "ñ");
}

TEST_CASE("a Hangul syllable counts as one character against the limit") {
  std::string text = "ㅎ";
  CHECK(compose_key(text, "ㅏ", Compose::Hangul, 1));
  CHECK(text == "하");
  CHECK(compose_key(text, "ㄴ", Compose::Hangul, 1));
  CHECK(text == "한");
  CHECK_FALSE(compose_key(text, "ㅏ", Compose::Hangul, 1));  // would make two syllables
  CHECK(text == "한");
}

TEST_CASE("a lone combining mark shows on a dotted circle") {
  CHECK(key_label(kSac) == "\u25CC\u0301");
  CHECK(key_label("a") == "a");
  CHECK(key_label("ㅎ") == "ㅎ");
}
