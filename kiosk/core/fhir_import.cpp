// FHIR R4 Questionnaire → TOML (docs/fhir.md §1–§7).
//   import_questionnaire   parse, root (§2), pages, languages (§6), the loader as judge (§0)
//   Importer::page/items   item.type (§3) and item elements (§4), nested groups flattened
//   Importer::options      answerOption and contained ValueSets
//   Importer::conditions   enableWhen → show_if (§5), in fhir_import_conditions.cpp
//   sanitize ids           linkId → id (§7)
#include "fhir_import.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "ui_strings.hpp"
#include "fhir_importer.hpp"
#include "fhir_json.hpp"
#include "fhir_text.hpp"
#include "fhir_toml_writer.hpp"
#include "fhir_vocabulary.hpp"
#include "loader_language_codes.hpp"
#include "pipes.hpp"

namespace rk::fhir {
namespace {

std::string short_hash(std::string_view s) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs and machines
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 6; ++i) out += hex[(h >> (4 * i)) & 0xFu];
  return out;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string sanitize_id(std::string_view raw, char prefix) {
  std::string out;
  bool gap = false;
  for (const char c : raw) {
    const bool ok = is_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (ok) {
      if (gap && !out.empty()) out += '_';
      out += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  while (!out.empty() && out.front() == '_') out.erase(out.begin());
  if (out.empty() || !is_letter(out[0])) out = std::string(1, prefix) + out;
  if (out.size() > 64) out = out.substr(0, 57) + "-" + short_hash(raw);
  return out;
}

std::string unique_id(std::string id, std::set<std::string>& taken) {
  if (taken.insert(id).second) return id;
  for (int n = 2;; ++n) {
    std::string candidate = id.substr(0, std::min<std::size_t>(id.size(), 60)) + "_" + std::to_string(n);
    if (taken.insert(candidate).second) return candidate;
  }
}

// --- Diagnostics -------------------------------------------------------------------------------

void Importer::report(DiagnosticLevel level, const Json::Value& at, const std::string& pointer,
                      const std::string& link_id, const std::string& what) {
  std::string message = pointer.empty() ? "/" : pointer;
  if (!link_id.empty()) message += " '" + link_id + "'";
  message += ": " + what;
  out_.diagnostics.push_back({json_path_, lines_.at(at.getOffsetStart()), message, level});
}

// --- Texts and languages (§6) --------------------------------------------------------------------

void Importer::translate(Text& t, const std::string& lang, const std::string& words) {
  t.by_language[lang] = words;
  if (std::find(language_order_.begin(), language_order_.end(), lang) == language_order_.end())
    language_order_.push_back(lang);
}

Text Importer::text_of(const Json::Value& obj, const std::string& key) {
  Text t;
  const Json::Value& v = member(obj, key.c_str());
  if (!v.isString()) return t;
  t.by_language[base_language_] = v.asString();
  for (const auto& [lang, content] : read_translations(obj, key)) {
    if (lang != base_language_) translate(t, lang, content);
  }
  return t;
}

Text Importer::concept_label(const Json::Value& coded, const std::string& code) {
  Text label;
  const std::string display = string_of(member(coded, "display"));
  label.by_language[base_language_] = display.empty() ? code : display;
  for (const auto& d : array_of(member(coded, "designation"))) {
    const std::string lang = string_of(member(d, "language"));
    if (!lang.empty()) translate(label, lang, string_of(member(d, "value")));
  }
  return label;
}

void Importer::for_each_text(const std::function<void(Text&)>& visit) {
  visit(q_.title);
  if (!q_.intro.empty()) visit(q_.intro);
  for (auto& page : q_.pages) {
    if (!page.title.empty()) visit(page.title);
    for (auto& it : page.items) {
      for (Text* t : {&it.text, &it.help, &it.summary_label, &it.attribution, &it.min_label, &it.max_label}) {
        if (!t->empty()) visit(*t);
      }
      for (auto& o : it.options) {
        for (Text* t : {&o.label, &o.description}) {
          if (!t->empty()) visit(*t);
        }
        if (o.flag) {
          visit(o.flag->summary);
          if (!o.flag->patient_message.empty()) visit(o.flag->patient_message);
        }
      }
      for (auto& r : it.ruler_flags) {
        visit(r.flag.summary);
        if (!r.flag.patient_message.empty()) visit(r.flag.patient_message);
      }
    }
  }
}

/// A language is kept only when every text has it; the others are dropped with a warning. The
/// base language comes first, then the others in the order the file first names them (a
/// questionnaire's language order is its button order on the welcome screen).
void Importer::settle_languages(const Json::Value& root) {
  std::map<std::string, int> count;
  int texts = 0;
  for_each_text([&](Text& t) {
    ++texts;
    for (const auto& [lang, words] : t.by_language) ++count[lang];
  });
  q_.languages = {base_language_};
  for (const std::string& lang : language_order_) {
    const int n = count[lang];
    if (lang == base_language_ || n == 0) continue;  // 0: only in texts that were left out
    if (!is_language_code(lang)) {
      report(DiagnosticLevel::Warning, root, "/language", "",
             "translations to '" + lang + "' dropped: the kiosk takes two-letter codes with an optional region (es-MX)");
    } else if (n < texts) {
      report(DiagnosticLevel::Warning, root, "/language", "",
             lang + ": " + std::to_string(n) + " of " + std::to_string(texts) +
                 " texts translated; the language is dropped (the kiosk needs every text in every language)");
    } else {
      q_.languages.push_back(lang);
    }
  }
  const std::set<std::string> kept(q_.languages.begin(), q_.languages.end());
  for_each_text([&](Text& t) {
    std::erase_if(t.by_language, [&](const auto& entry) { return kept.count(entry.first) == 0; });
  });
}

/// Yes/No labels come from the kiosk's language files (assets/i18n, bind_languages); for a
/// language without a file, write labels.
void Importer::settle_yes_no_labels(const Json::Value& root) {
  std::vector<std::string> missing;
  const UiStringsResult languages = load_shipped_languages();
  for (const auto& lang : q_.languages) {
    if (languages.strings.find(lang) == nullptr) missing.push_back(lang);
  }
  if (missing.empty()) return;
  bool warned = false;
  for (auto& page : q_.pages) {
    for (auto& it : page.items) {
      if (it.kind != ItemKind::YesNo) continue;
      for (const char* id : {"yes", "no"}) {
        Option* o = nullptr;
        for (auto& candidate : it.options) {
          if (candidate.id == id) o = &candidate;
        }
        if (o == nullptr) {
          it.options.push_back({});
          o = &it.options.back();
          o->id = id;
        }
        for (const auto& lang : q_.languages) {
          if (o->label.by_language.count(lang) != 0) continue;
          o->label.by_language[lang] = std::string(id) == "yes" ? "Yes" : "No";
          warned = true;
        }
      }
      std::stable_sort(it.options.begin(), it.options.end(),
                       [](const Option& a, const Option& b) { return a.id == "yes" && b.id != "yes"; });
    }
  }
  if (warned) {
    std::string list;
    for (const auto& l : missing) list += (list.empty() ? "" : ", ") + l;
    report(DiagnosticLevel::Warning, root, "/language", "",
           "the kiosk has no built-in Yes/No words in " + list +
               ": the yes/no options were written with the English words; translate their labels");
  }
}

// --- Root (§2) -------------------------------------------------------------------------------------

bool Importer::read_root(const Json::Value& root) {
  if (!root.isObject()) {
    report(DiagnosticLevel::Error, root, "", "", "the file is not a JSON object; expected a FHIR R4 Questionnaire");
    return false;
  }
  const Json::Value& type = root["resourceType"];
  if (type != "Questionnaire") {
    const std::string got = type.isString() ? "'" + type.asString() + "'" : "none";
    report(DiagnosticLevel::Error, type.isNull() ? root : type, "/resourceType", "",
           "resourceType is " + got + "; the importer reads one FHIR R4 Questionnaire (take it out of a Bundle first)");
    return false;
  }
  if (root.isMember("modifierExtension")) {
    report(DiagnosticLevel::Error, root["modifierExtension"], "/modifierExtension", "",
           "a modifierExtension changes the meaning of the whole questionnaire in a way the kiosk cannot know; "
           "nothing imported");
    return false;
  }
  for (const auto& e : array_of(member(root, "extension"))) {
    if (string_of(member(e, "url")) == kiosk_extension(ext::kMinutes) && member(e, "valueInteger").isInt()) {
      kiosk_export_ = true;
      q_.minutes = e["valueInteger"].asInt();
    }
  }
  const std::string url = root["url"].isString() ? root["url"].asString() : "";
  if (kiosk_export_ && url.rfind('/') != std::string::npos) {
    q_.id = sanitize_id(url.substr(url.rfind('/') + 1), 'q');  // our own id (FHIR ids may not hold '_')
  } else if (root["id"].isString()) {
    q_.id = sanitize_id(root["id"].asString(), 'q');
  } else if (root["name"].isString()) {
    q_.id = sanitize_id(root["name"].asString(), 'q');
  } else {
    std::string stem = output_path_.substr(output_path_.rfind('/') + 1);
    if (stem.size() > 5 && stem.ends_with(".toml")) stem.resize(stem.size() - 5);
    q_.id = sanitize_id(stem, 'q');
  }
  if (root["version"].isString()) {
    q_.version = root["version"].asString();
  } else {
    q_.version = "1.0";
    report(DiagnosticLevel::Warning, root, "/version", "", "no version; written as \"1.0\"");
  }
  if (!root["status"].isString()) {
    report(DiagnosticLevel::Warning, root, "/status", "", "no status (FHIR requires one); imported anyway");
  }
  if (root["language"].isString() && is_language_code(root["language"].asString())) {
    base_language_ = root["language"].asString();
  } else {
    base_language_ = "en";
    report(DiagnosticLevel::Warning, root.isMember("language") ? root["language"] : root, "/language", "",
           root.isMember("language") ? "language '" + string_of(root["language"]) +
                                           "' is not a code the kiosk takes; the texts are taken as English (en)"
                                     : "no language; the texts are taken as English (en)");
  }
  q_.default_language = base_language_;
  q_.title = text_of(root, "title");
  if (q_.title.empty()) q_.title.by_language[base_language_] = root["name"].isString() ? root["name"].asString() : q_.id;
  if (kiosk_export_) {
    q_.intro = text_of(root, "description");
  } else {
    if (root.isMember("description") || root.isMember("purpose")) {
      report(DiagnosticLevel::Note, root, "/description", "", "description and purpose (publisher text) not imported");
    }
    copyright_ = text_of(root, "copyright");
  }
  if (!url.empty()) {
    header_.push_back("source: " + url + (root["version"].isString() ? "|" + root["version"].asString() : ""));
  }
  return true;
}

// --- Pages ---------------------------------------------------------------------------------------

void Importer::read_pages(const Json::Value& root) {
  const Json::Value& items = array_of(member(root, "item"));
  std::vector<std::pair<const Json::Value*, std::string>> loose;  // root questions outside any group
  const auto flush_loose = [&] {
    if (loose.empty()) return;
    Page page;
    const Json::Value& first = *loose.back().first;  // the question: it names the page
    page.id = unique_id(sanitize_id(string_of(member(first, "linkId")), 'p'), page_ids_);
    page.where = {};
    q_.pages.push_back(std::move(page));
    for (const auto& [item, pointer] : loose) read_item(*item, pointer, {});
    loose.clear();
  };
  for (Json::ArrayIndex i = 0; i < items.size(); ++i) {
    const Json::Value& item = items[i];
    const std::string pointer = "/item/" + std::to_string(i);
    if (string_of(member(item, "type")) == "group") {
      flush_loose();
      read_group_page(item, pointer);
    } else {
      loose.emplace_back(&item, pointer);
      if (string_of(member(item, "type")) != "display") flush_loose();  // a root display joins the next question's page
    }
  }
  flush_loose();
  std::erase_if(q_.pages, [](const Page& p) { return p.items.empty(); });
}

void Importer::read_group_page(const Json::Value& group, const std::string& pointer) {
  const std::string link = string_of(member(group, "linkId"));
  if (bool_of(member(group, "repeats"))) {
    refuse(group, pointer, link, "a repeating group (answered several times) has no kiosk form; left out with its items");
    return;
  }
  Page page;
  std::string raw = link;
  if (kiosk_export_ && raw.rfind("page.", 0) == 0) raw = raw.substr(5);
  page.id = unique_id(sanitize_id(raw, 'p'), page_ids_);
  page.title = text_of(group, "text");
  comments_.pages[page.id] = "linkId: " + link;
  std::vector<Condition> conditions;
  if (!read_conditions(group, pointer, link, conditions)) {
    refuse_children(group, pointer);
    return;
  }
  page.show_if = conditions;
  q_.pages.push_back(std::move(page));
  const Json::Value& children = array_of(member(group, "item"));
  for (Json::ArrayIndex i = 0; i < children.size(); ++i) {
    read_item(children[i], pointer + "/item/" + std::to_string(i), {});
  }
}

void Importer::refuse(const Json::Value& at, const std::string& pointer, const std::string& link,
                      const std::string& why) {
  report(DiagnosticLevel::Error, at, pointer, link, why);
  gone_.insert(link);
  const std::string type = string_of(member(at, "type"));
  if (type != "display" && type != "group") ++out_.items_left_out;
}

void Importer::refuse_children(const Json::Value& group, const std::string& pointer) {
  const Json::Value& children = array_of(member(group, "item"));
  for (Json::ArrayIndex i = 0; i < children.size(); ++i) {
    gone_.insert(string_of(member(children[i], "linkId")));
    const std::string type = string_of(member(children[i], "type"));
    if (type != "display" && type != "group") ++out_.items_left_out;
    refuse_children(children[i], pointer + "/item/" + std::to_string(i));
  }
}

// --- Result ----------------------------------------------------------------------------------------

ImportResult Importer::run(std::string_view text) {
  ParsedJson parsed = parse_json(text, json_path_);
  for (auto& d : parsed.problems) out_.diagnostics.push_back(d);
  if (!parsed.ok()) return finish(2);
  const Json::Value& root = parsed.root;
  root_ = &root;
  if (!read_root(root)) return finish(2);
  for (const auto& item : array_of(member(root, "item"))) collect_links(item);
  read_pages(root);
  [&] {  // the copyright, printed once in the summary footer: the first question's attribution
    if (copyright_.empty()) return;
    for (auto& page : q_.pages) {
      for (auto& it : page.items) {
        if (it.kind != ItemKind::Info) {
          if (it.attribution.empty()) it.attribution = copyright_;
          return;
        }
      }
    }
  }();
  if (q_.pages.empty()) {
    report(DiagnosticLevel::Error, root, "/item", "", "no item could be imported; nothing written");
    return finish(2);
  }
  settle_languages(root);
  settle_yes_no_labels(root);
  if (q_.minutes <= 0) {
    int questions = 0;
    for (const auto& page : q_.pages) {
      for (const auto& it : page.items) questions += it.kind == ItemKind::Info ? 0 : 1;
    }
    q_.minutes = std::clamp((questions + 2) / 3, 1, 120);
    report(DiagnosticLevel::Warning, root, "", "",
           "minutes estimated as " + std::to_string(q_.minutes) + " (one per three questions); check it");
  }
  int required = 0;
  for (const auto& page : q_.pages) {
    for (const auto& it : page.items) required += it.required ? 1 : 0;
  }
  if (required > 0) {
    report(DiagnosticLevel::Note, root, "", "",
           std::to_string(required) + " required question(s) kept as required; the kiosk recommends optional");
  }
  header_.insert(header_.begin(), "Imported from FHIR by readiness-kiosk --import-fhir. Check it, then translate and adapt.");
  comments_.header = header_;
  out_.toml = write_toml(q_, comments_);
  const LoadResult judged = load_questionnaire_text(out_.toml, output_path_);
  if (!judged.ok()) {
    for (const auto& e : judged.errors) out_.diagnostics.push_back(e);
    out_.diagnostics.push_back({json_path_, {1, 1},
                                "internal error: the importer built a file the loader refuses (above); nothing "
                                "written. Please report this with the input file.",
                                DiagnosticLevel::Error});
    out_.toml.clear();
    return finish(3);
  }
  return finish(out_.items_left_out > 0 ? 1 : 0);
}

ImportResult Importer::finish(int status) {
  out_.exit_status = status;
  if (status >= 2) out_.toml.clear();
  return std::move(out_);
}

void Importer::collect_links(const Json::Value& item) {
  if (member(item, "linkId").isString()) all_links_.insert(item["linkId"].asString());
  for (const auto& child : array_of(member(item, "item"))) collect_links(child);
}

ImportResult import_questionnaire(std::string_view json_text, const std::string& json_path,
                                  const std::string& output_path) {
  try {
    Importer importer(json_text, json_path, output_path);
    return importer.run(json_text);
  } catch (const std::exception& e) {  // jsoncpp throws on a type mismatch we did not foresee
    ImportResult out;
    out.diagnostics.push_back({json_path, {1, 1}, std::string("internal error: ") + e.what(), DiagnosticLevel::Error});
    out.exit_status = 3;
    return out;
  }
}

}  // namespace rk::fhir
