// Index: Vietnamese tones · Hangul jamo · compose_key / compose_backspace.
#include "keyboard_compose.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "keyboard_edit.hpp"
#include "utf8.hpp"

namespace rk::ui {
namespace {

using text::decode;
using text::encode;

using namespace std::string_view_literals;

bool fits(const std::u32string& text, int max_length) {
  return max_length <= 0 || text.size() <= static_cast<std::size_t>(max_length);
}

// --- Vietnamese tones ----------------------------------------------------------------------------

// Each vowel with no tone, then huyền, sắc, hỏi, ngã, nặng (the order of kToneMarks).
constexpr std::array<std::u32string_view, 24> kVowels = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị", U"oòóỏõọ", U"ôồốổỗộ",
    U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ", U"AÀÁẢÃẠ", U"ĂẰẮẲẴẶ", U"ÂẦẤẨẪẬ", U"EÈÉẺẼẸ",
    U"ÊỀẾỂỄỆ", U"IÌÍỈĨỊ", U"OÒÓỎÕỌ", U"ÔỒỐỔỖỘ", U"ƠỜỚỞỠỢ", U"UÙÚỦŨỤ", U"ƯỪỨỬỮỰ", U"YỲÝỶỸỴ",
};
constexpr std::u32string_view kToneMarks = U"\u0300\u0301\u0309\u0303\u0323";

struct Vowel {
  std::size_t row;
  std::size_t tone;  ///< 0 none, 1..5 as kToneMarks
};

std::optional<Vowel> vowel_of(char32_t c) {
  for (std::size_t row = 0; row < kVowels.size(); ++row) {
    const auto at = kVowels[row].find(c);
    if (at != std::u32string_view::npos) return Vowel{row, at};
  }
  return std::nullopt;
}

char32_t lower_base(const Vowel& v) {
  return kVowels[v.row % 12][0];
}

bool is_letter_of_word(char32_t c) {
  return c != U' ' && c != U'\n' && c != U'\t' &&
         std::u32string_view(U".,;:!?\"'()-/@&").find(c) == std::u32string_view::npos;
}

/// Which vowel of the word's vowel group takes the tone (the widespread "old" style: hòa, thúy).
std::optional<std::size_t> tone_position(const std::u32string& text, std::size_t word_begin) {
  std::size_t first = std::u32string::npos, last = 0;
  for (std::size_t i = word_begin; i < text.size(); ++i) {
    if (!vowel_of(text[i])) {
      if (first != std::u32string::npos) break;  // the group ended: a final consonant follows
      continue;
    }
    // "qu" and "gi" before another vowel: the u / i belongs to the consonant.
    const char32_t before =
        i > word_begin ? static_cast<char32_t>(std::tolower(static_cast<int>(text[i - 1]))) : 0;
    const char32_t base = lower_base(*vowel_of(text[i]));
    const bool next_is_vowel = i + 1 < text.size() && vowel_of(text[i + 1]).has_value();
    if (first == std::u32string::npos && next_is_vowel &&
        ((before == U'q' && base == U'u') || (before == U'g' && base == U'i')))
      continue;
    if (first == std::u32string::npos) first = i;
    last = i;
  }
  if (first == std::u32string::npos) return std::nullopt;
  // A vowel with its own mark (ă â ê ô ơ ư) takes the tone; in "ươ" it is the ơ.
  std::optional<std::size_t> marked;
  for (std::size_t i = first; i <= last; ++i) {
    const char32_t base = lower_base(*vowel_of(text[i]));
    if (std::u32string_view(U"ăâêôơư").find(base) != std::u32string_view::npos) marked = i;
  }
  if (marked) return marked;
  const bool closed = last + 1 < text.size() && is_letter_of_word(text[last + 1]);
  const std::size_t count = last - first + 1;
  if (closed || count == 1) return last;
  if (count == 2) return first;
  return first + 1;
}

bool vietnamese_tone(std::u32string& text, char32_t mark) {
  std::size_t word_begin = text.size();
  while (word_begin > 0 && is_letter_of_word(text[word_begin - 1])) --word_begin;
  const auto at = tone_position(text, word_begin);
  if (!at) return false;
  const std::size_t tone = kToneMarks.find(mark) + 1;
  // One tone per syllable: clear any other vowel's tone first.
  for (std::size_t i = word_begin; i < text.size(); ++i) {
    if (auto v = vowel_of(text[i]); v && v->tone != 0 && i != *at) text[i] = kVowels[v->row][0];
  }
  const Vowel v = *vowel_of(text[*at]);
  text[*at] = kVowels[v.row][v.tone == tone ? 0 : tone];  // the same tone again takes it off
  return true;
}

// --- Hangul ---------------------------------------------------------------------------------------

constexpr char32_t kSyllableBase = 0xAC00, kSyllableLast = 0xD7A3;
constexpr std::u32string_view kInitials = U"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
constexpr std::u32string_view kMedials = U"ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
// [0] is "no final"; the sv suffix keeps the leading NUL inside the view.
constexpr std::u32string_view kFinals = U"\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"sv;

// Jamo that join into one, in groups of three: the first, the second, and the two joined
// (ㅗ + ㅏ = ㅘ). Vowels join in the middle of a syllable, consonants at its end.
constexpr std::u32string_view kVowelPairs = U"ㅗㅏㅘ ㅗㅐㅙ ㅗㅣㅚ ㅜㅓㅝ ㅜㅔㅞ ㅜㅣㅟ ㅡㅣㅢ";
constexpr std::u32string_view kFinalPairs = U"ㄱㅅㄳ ㄴㅈㄵ ㄴㅎㄶ ㄹㄱㄺ ㄹㅁㄻ ㄹㅂㄼ ㄹㅅㄽ ㄹㅌㄾ ㄹㅍㄿ ㄹㅎㅀ ㅂㅅㅄ";

constexpr bool groups_of_three(std::u32string_view pairs) {
  if (pairs.size() % 4 != 3) return false;
  for (std::size_t i = 3; i < pairs.size(); i += 4) {
    if (pairs[i] != U' ') return false;
  }
  return true;
}
static_assert(groups_of_three(kVowelPairs) && groups_of_three(kFinalPairs));

struct Pair {
  char32_t first, second, both;
};

/// The jamo `a` and `b` make together, or 0.
char32_t joined(std::u32string_view pairs, char32_t a, char32_t b) {
  for (std::size_t i = 0; i < pairs.size(); i += 4) {
    if (pairs[i] == a && pairs[i + 1] == b) return pairs[i + 2];
  }
  return 0;
}

/// The two jamo `both` is made of, if it is a pair.
std::optional<Pair> split(std::u32string_view pairs, char32_t both) {
  for (std::size_t i = 0; i < pairs.size(); i += 4) {
    if (pairs[i + 2] == both) return Pair{pairs[i], pairs[i + 1], both};
  }
  return std::nullopt;
}

struct Syllable {
  std::size_t l, v, t;  ///< indexes into kInitials, kMedials, kFinals
};

std::optional<Syllable> syllable_of(char32_t c) {
  if (c < kSyllableBase || c > kSyllableLast) return std::nullopt;
  const std::size_t n = c - kSyllableBase;
  return Syllable{n / (21 * 28), (n / 28) % 21, n % 28};
}

char32_t make(const Syllable& s) {
  return kSyllableBase + static_cast<char32_t>((s.l * 21 + s.v) * 28 + s.t);
}

bool hangul_type(std::u32string& text, char32_t jamo) {
  const bool vowel = kMedials.find(jamo) != std::u32string_view::npos;
  const bool consonant =
      kInitials.find(jamo) != std::u32string_view::npos || kFinals.find(jamo, 1) != std::u32string_view::npos;
  if (text.empty() || (!vowel && !consonant)) {
    text.push_back(jamo);
    return true;
  }
  char32_t& last = text.back();
  const auto syllable = syllable_of(last);
  if (consonant) {
    if (syllable && syllable->t == 0) {
      if (const auto t = kFinals.find(jamo, 1); t != std::u32string_view::npos) {
        last = make({syllable->l, syllable->v, t});
        return true;
      }
    } else if (syllable) {
      if (const char32_t both = joined(kFinalPairs, kFinals[syllable->t], jamo)) {
        last = make({syllable->l, syllable->v, kFinals.find(both)});
        return true;
      }
    }
    text.push_back(jamo);
    return true;
  }
  // A vowel.
  if (const auto l = kInitials.find(last); l != std::u32string_view::npos) {
    last = make({l, kMedials.find(jamo), 0});
    return true;
  }
  if (syllable && syllable->t == 0) {
    if (const char32_t both = joined(kVowelPairs, kMedials[syllable->v], jamo)) {
      last = make({syllable->l, kMedials.find(both), 0});
      return true;
    }
  } else if (syllable) {
    // The final consonant moves on to start the next syllable (or its second half does).
    const char32_t final_jamo = kFinals[syllable->t];
    std::size_t keep = 0;
    char32_t moves = final_jamo;
    if (const auto p = split(kFinalPairs, final_jamo)) {
      keep = kFinals.find(p->first);
      moves = p->second;
    }
    if (const auto l = kInitials.find(moves); l != std::u32string_view::npos) {
      last = make({syllable->l, syllable->v, keep});
      text.push_back(make({l, kMedials.find(jamo), 0}));
      return true;
    }
  } else if (const char32_t both = joined(kVowelPairs, last, jamo)) {
    last = both;
    return true;
  }
  text.push_back(jamo);
  return true;
}

void hangul_backspace(std::u32string& text) {
  const auto s = syllable_of(text.back());
  if (!s) {
    text.pop_back();
    return;
  }
  if (s->t != 0) {
    const auto p = split(kFinalPairs, kFinals[s->t]);
    text.back() = make({s->l, s->v, p ? kFinals.find(p->first) : 0});
  } else if (const auto p = split(kVowelPairs, kMedials[s->v])) {
    text.back() = make({s->l, kMedials.find(p->first), 0});
  } else {
    text.back() = kInitials[s->l];
  }
}

bool is_combining_mark(char32_t c) {
  return c >= 0x0300 && c <= 0x036F;
}

}  // namespace

bool compose_key(std::string& text, std::string_view key, Compose compose, int max_length) {
  const std::u32string k = decode(key);
  if (k.size() == 1 && compose != Compose::None) {
    std::u32string t = decode(text);
    bool applied = false;
    if (compose == Compose::Vietnamese && kToneMarks.find(k[0]) != std::u32string_view::npos) {
      applied = vietnamese_tone(t, k[0]);
      if (!applied) return false;
    } else if (compose == Compose::Hangul) {
      applied = hangul_type(t, k[0]);
    }
    if (applied) {
      if (!fits(t, max_length)) return false;
      text = encode(t);
      return true;
    }
  }
  return keyboard_type(text, key, max_length);
}

void compose_backspace(std::string& text, Compose compose) {
  if (compose != Compose::Hangul || text.empty()) {
    keyboard_backspace(text);
    return;
  }
  std::u32string t = decode(text);
  hangul_backspace(t);
  text = encode(t);
}

std::string key_label(std::string_view key) {
  const std::u32string k = decode(key);
  if (!k.empty() && is_combining_mark(k[0])) return "\u25CC" + std::string(key);
  return std::string(key);
}

}  // namespace rk::ui
