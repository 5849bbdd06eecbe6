#include "json/read.hpp"

namespace coopecon::json {

std::string_view kind_name(const boost::json::value& v) noexcept {
    switch (v.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::bool_: return "a boolean";
        case boost::json::kind::int64:
        case boost::json::kind::uint64:
        case boost::json::kind::double_: return "a number";
        case boost::json::kind::string: return "a string";
        case boost::json::kind::array: return "an array";
        case boost::json::kind::object: return "an object";
    }
    return "a value";
}

void Reader::problem(ErrorCode code, std::string message) {
    problems_.push_back(Problem::at(code, std::move(message), path_));
}

void Reader::wrong_type(std::string_view expected, const boost::json::value& got) {
    problem(ErrorCode::wrong_type, "expected " + std::string(expected) + ", got " + std::string(kind_name(got)));
}

const boost::json::object* Reader::object(const boost::json::value& v) {
    if (const auto* o = v.if_object()) return o;
    wrong_type("an object", v);
    return nullptr;
}

const boost::json::array* Reader::array(const boost::json::value& v) {
    if (const auto* a = v.if_array()) return a;
    wrong_type("an array", v);
    return nullptr;
}

bool Reader::check_keys(const boost::json::object& o,
                        std::initializer_list<std::span<const std::string_view>> allowed) {
    bool ok = true;
    for (const auto& kv : o) ok = check_key(std::string_view(kv.key().data(), kv.key().size()), allowed) && ok;
    return ok;
}

bool Reader::check_key(std::string_view k, std::initializer_list<std::span<const std::string_view>> allowed) {
    for (const auto& list : allowed)
        for (const auto& name : list)
            if (name == k) return true;
    std::string names;
    std::vector<std::string_view> all;
    for (const auto& list : allowed)
        for (const auto& name : list) {
            names += (names.empty() ? "" : ", ") + std::string(name);
            all.push_back(name);
        }
    auto scope = key(k);
    problem(ErrorCode::unknown_field, "unknown key " + in_quotes(k) +
                                          (names.empty() ? "; this object takes no keys"
                                                         : "; allowed keys: " + names + did_you_mean(k, all)));
    return false;
}

void Reader::read_date(const boost::json::value& v, Date& out) {
    const auto* s = v.if_string();
    if (!s) return wrong_type("a date string (YYYY-MM-DD)", v);
    const std::string_view text(s->data(), s->size());
    if (const auto d = Date::parse(text)) out = *d;
    else problem(ErrorCode::invalid_value, in_quotes(text) + " " + Date::iso_problem(text));
}

bool check_format(Reader& r, const boost::json::object& root, std::string_view format, std::int64_t version) {
    std::string found_format;
    if (!r.member(root, "format", found_format)) return false;
    if (found_format != format) {
        auto scope = r.key("format");
        r.problem(ErrorCode::invalid_value, "expected " + in_quotes(format) + ", got " + in_quotes(found_format) +
                                                ": this is not a " + std::string(format) + " file");
        return false;
    }
    std::int64_t found_version = 0;
    if (!r.member(root, "version", found_version)) return false;
    if (found_version != version) {
        auto scope = r.key("version");
        r.problem(ErrorCode::invalid_value, "unsupported version " + std::to_string(found_version) +
                                                ": this library reads " + std::string(format) + " version " +
                                                std::to_string(version));
        return false;
    }
    return true;
}

}  // namespace coopecon::json
