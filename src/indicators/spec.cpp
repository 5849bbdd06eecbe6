#include <coopecon/indicators/spec.hpp>

#include "indicators/spec_reader.hpp"

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/indicators/catalogue.hpp>
#include "json/parse.hpp"
#include "json/path.hpp"
#include "json/read.hpp"
#include "json/source.hpp"

#include <boost/json/value.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <utility>

namespace coopecon::indicators {

namespace {

constexpr std::string_view catalogue_format = "coopecon-indicators";
constexpr std::int64_t catalogue_version = 1;
// growth(x) holds x three times (the value, and twice the value before), so nested growth grows threefold a
// level: an expression is refused beyond this many parts, which no real indicator comes near.
constexpr std::size_t max_expression_parts = 10000;

std::size_t parts_of(const Expression& e) {
    std::size_t n = 1;
    for (const auto& o : e.operands) n += parts_of(o);
    return n;
}

/// Reads indicators from parsed JSON, adding every problem at its field path. A user's spec and the catalogue
/// differ in what they may say: the catalogue also gives each indicator's practice and whether it is
/// provisional, and names the scoring hooks; a user's spec may use catalogue indicators, which the catalogue
/// itself cannot.
class SpecReader {
public:
    SpecReader(const std::vector<SizeClass>& size_classes, Problems& problems, bool catalogue)
        : size_classes_(size_classes), problems_(problems), catalogue_(catalogue) {}

    Indicator indicator(const boost::json::value& v, const std::string& path) {
        Indicator out;
        out.practice = Practice::user;
        const auto* o = object(v, path);
        if (!o) return out;
        if (catalogue_)
            known_keys(*o, path, {"id", "label", "unit", "decimals", "definition", "practice", "reference", "provisional",
                                  "expression", "reported_by"});
        else
            known_keys(*o, path, {"id", "label", "unit", "decimals", "definition", "reference", "expression",
                                  "reported_by"});
        out.id = string(*o, "id", path, true);
        if (!out.id.empty() && out.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            fail(ErrorCode::invalid_value, join(path, "id"), "id '" + out.id + "' may hold only a-z, 0-9 and _");
        if (const auto* l = o->if_contains("label")) {
            const auto label_path = join(path, "label");
            if (l->is_string()) {
                out.label = Text{std::string(l->get_string()), std::string(l->get_string())};
            } else if (const auto* lo = object(*l, label_path)) {
                known_keys(*lo, label_path, {"en", "vi"});
                out.label = Text{string(*lo, "en", label_path, true), string(*lo, "vi", label_path, true)};
            }
        } else {
            out.label = Text{out.id, out.id};
        }
        if (const auto* u = o->if_contains("unit")) out.unit = name<Unit>(*u, join(path, "unit"), "unit");
        if (const auto* d = o->if_contains("decimals")) {
            if (!d->is_int64() || d->as_int64() < 0 || d->as_int64() > 9)
                fail(ErrorCode::invalid_value, join(path, "decimals"), "decimals must be a whole number from 0 to 9");
            else
                out.decimals = static_cast<int>(d->as_int64());
        }
        out.definition = string(*o, "definition", path, false);
        out.reference = string(*o, "reference", path, false);
        if (catalogue_) {
            if (const auto* p = o->if_contains("practice")) out.practice = name<Practice>(*p, join(path, "practice"), "practice");
            if (const auto* p = o->if_contains("provisional")) {
                if (p->is_bool()) out.provisional = p->get_bool();
                else fail(ErrorCode::wrong_type, join(path, "provisional"), "expected true or false");
            }
        }
        if (const auto* e = o->if_contains("expression"))
            out.expression = expression(*e, join(path, "expression"));
        else
            fail(ErrorCode::missing_field, join(path, "expression"), "missing expression");
        if (const auto* r = o->if_contains("reported_by")) out.reported_by = filter(*r, join(path, "reported_by"));
        if (out.definition.empty() && !catalogue_) out.definition = "user-defined";
        return out;
    }

    void fail(ErrorCode code, const std::string& path, std::string message) {
        problems_.push_back(Problem::at(code, std::move(message), path));
    }
    static std::string join(const std::string& path, std::string_view key) {
        std::string out = path;
        json::append_key(out, key);
        return out;
    }
    const boost::json::object* object(const boost::json::value& v, const std::string& path) {
        if (v.is_object()) return &v.get_object();
        fail(ErrorCode::wrong_type, path, "expected an object");
        return nullptr;
    }
    void known_keys(const boost::json::object& o, const std::string& path, std::initializer_list<std::string_view> keys) {
        for (const auto& kv : o) {
            const std::string_view k(kv.key().data(), kv.key().size());
            if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
                std::string expected;
                for (auto x : keys) expected += (expected.empty() ? "" : ", ") + std::string(x);
                fail(ErrorCode::unknown_field, join(path, k), "unknown key; expected one of " + expected);
            }
        }
    }

private:
    const std::vector<SizeClass>& size_classes_;
    Problems& problems_;
    bool catalogue_;
    bool too_large_ = false;  // an expression went over max_expression_parts

    std::string string(const boost::json::object& o, std::string_view key, const std::string& path, bool required) {
        const auto* v = o.if_contains(key);
        if (!v) {
            if (required) fail(ErrorCode::missing_field, join(path, key), "missing " + std::string(key));
            return {};
        }
        if (!v->is_string()) {
            fail(ErrorCode::wrong_type, join(path, key), "expected a string");
            return {};
        }
        return std::string(v->get_string());
    }
    template <class E>
    E name(const boost::json::value& v, const std::string& path, std::string_view what) {
        if (!v.is_string()) {
            fail(ErrorCode::wrong_type, path, "expected the name of a " + std::string(what));
            return E{};
        }
        const std::string_view text(v.get_string().data(), v.get_string().size());
        if (auto e = enum_from_name<E>(text)) return *e;
        fail(ErrorCode::unknown_name, path,
             "unknown " + std::string(what) + " '" + std::string(text) + "'; expected " + enum_names_list<E>());
        return E{};
    }
    template <class E>
    std::uint32_t names(const boost::json::value& v, const std::string& path, std::string_view what) {
        if (!v.is_array()) return bits({name<E>(v, path, what)});
        std::uint32_t out = 0;
        const auto& a = v.get_array();
        if (a.empty()) fail(ErrorCode::invalid_value, path, "an empty list matches nothing");
        for (std::size_t i = 0; i < a.size(); ++i)
            out |= bits({name<E>(a[i], path + "[" + std::to_string(i) + "]", what)});
        return out;
    }
    std::uint32_t size_class_names(const boost::json::value& v, const std::string& path) {
        std::uint32_t out = 0;
        auto one = [&](const boost::json::value& x, const std::string& p) {
            for (std::size_t k = 0; k < size_classes_.size(); ++k)
                if (x.is_string() && x.get_string() == size_classes_[k].id) {
                    out |= 1u << k;
                    return;
                }
            std::string known;
            for (const auto& c : size_classes_) known += (known.empty() ? "" : ", ") + c.id;
            fail(ErrorCode::unknown_name, p, "unknown size class; expected " + known);
        };
        if (v.is_array())
            for (std::size_t i = 0; i < v.get_array().size(); ++i) one(v.get_array()[i], path + "[" + std::to_string(i) + "]");
        else
            one(v, path);
        return out;
    }
    double number(const boost::json::value& v, const std::string& path) {
        if (v.is_number()) return v.to_number<double>();
        fail(ErrorCode::wrong_type, path, "expected a number");
        return 1;
    }
    std::int64_t integer(const boost::json::value& v, const std::string& path) {
        if (v.is_int64()) return v.as_int64();
        if (v.is_uint64()) return static_cast<std::int64_t>(v.as_uint64());
        fail(ErrorCode::wrong_type, path, "expected a whole number");
        return 0;
    }
    void expect_true(const boost::json::value& x, const std::string& path) {
        if (!x.is_bool() || !x.get_bool()) fail(ErrorCode::invalid_value, path, "expected true");
    }

    Filter filter(const boost::json::value& v, const std::string& path) {
        Filter out;
        const auto* o = object(v, path);
        if (!o) return out;
        for (const auto& kv : *o) {
            const std::string_view key(kv.key().data(), kv.key().size());
            const auto p = join(path, key);
            const auto& x = kv.value();
            if (auto t = enum_from_name<Test>(key); t && *t != Test::range && *t != Test::kind && *t != Test::status &&
                                                   *t != Test::sector && *t != Test::ended_by &&
                                                   *t != Test::certified && *t != Test::classified &&
                                                   *t != Test::size_class) {
                expect_true(x, p);
                out.all.push_back({*t});
            } else if (key == "kind") out.all.push_back({Test::kind, names<OrgKind>(x, p, "kind")});
            else if (key == "status") out.all.push_back({Test::status, names<LegalStatus>(x, p, "status")});
            else if (key == "sector") out.all.push_back({Test::sector, names<Sector>(x, p, "sector")});
            else if (key == "ended_by") out.all.push_back({Test::ended_by, names<Ending>(x, p, "ending")});
            else if (key == "certified") out.all.push_back({Test::certified, names<Certification>(x, p, "certification")});
            else if (key == "classified") out.all.push_back({Test::classified, names<ClassificationClass>(x, p, "class")});
            else if (key == "size_class") out.all.push_back({Test::size_class, size_class_names(x, p)});
            else if (auto f = enum_from_name<Field>(key); f && *f != Field::one) {
                Condition c{Test::range, 0, *f};
                if (const auto* r = object(x, p)) {
                    known_keys(*r, p, {"min", "max"});
                    if (const auto* m = r->if_contains("min")) c.min = integer(*m, join(p, "min"));
                    if (const auto* m = r->if_contains("max")) c.max = integer(*m, join(p, "max"));
                }
                out.all.push_back(c);
            } else if (catalogue_ && key == "effective") {
                expect_true(x, p);
                out.all.push_back(detail::effective_stand_in);
            } else if (catalogue_ && key == "ntm_13_1_qualifying") {
                expect_true(x, p);
                out.all.push_back(detail::ntm_13_1_stand_in);
            } else {
                fail(ErrorCode::unknown_field, p,
                     "unknown filter key; expected a test (" + enum_names_list<Test>() + ") or a field (" +
                         enum_names_list<Field>() + ")" +
                         (catalogue_ ? ", or a scoring hook (effective, ntm_13_1_qualifying)" : ""));
            }
        }
        return out;
    }

    Expression expression(const boost::json::value& v, const std::string& path) {
        const auto* o = object(v, path);
        if (!o) return {};
        if (o->size() != 1) {
            fail(ErrorCode::invalid_value, path,
                 "an expression is an object with one key: count, sum, mean, share, ratio, difference, growth, "
                 "previous, distinct_communes or indicator");
            return {};
        }
        const auto& kv = *o->begin();
        const std::string_view op(kv.key().data(), kv.key().size());
        const auto p = join(path, op);
        const auto& x = kv.value();
        if (op == "count") return count(filter(x, p));
        if (op == "distinct_communes") return distinct_communes(filter(x, p));
        if (op == "growth") {
            auto inner = expression(x, p);
            if (too_large_) return {};  // said once, at the deepest growth that went over
            if (parts_of(inner) * 3 > max_expression_parts) {
                too_large_ = true;
                fail(ErrorCode::invalid_value, p,
                     "the expression would have more than " + std::to_string(max_expression_parts) +
                         " parts (each growth holds its operand three times); nest growth less deeply");
                return {};
            }
            return growth(std::move(inner));
        }
        if (op == "previous") return previous(expression(x, p));
        if (op == "indicator") {
            if (catalogue_) {
                fail(ErrorCode::invalid_value, p, "the catalogue writes out its expressions; it cannot use its own indicators");
                return {};
            }
            if (!x.is_string()) {
                fail(ErrorCode::wrong_type, p, "expected a catalogue indicator id");
                return {};
            }
            try {
                return catalogue_indicator(std::string_view(x.get_string().data(), x.get_string().size())).expression;
            } catch (const Error& e) {
                fail(ErrorCode::unknown_name, p, e.problems().front().message);
                return {};
            }
        }
        if (op == "difference") {
            if (!x.is_array() || x.get_array().size() != 2) {
                fail(ErrorCode::invalid_value, p, "expected a list of two expressions");
                return {};
            }
            return difference(expression(x.get_array()[0], p + "[0]"), expression(x.get_array()[1], p + "[1]"));
        }
        const auto* args = object(x, p);
        if (!args) return {};
        auto field = [&]() {
            if (const auto* f = args->if_contains("field")) return name<Field>(*f, join(p, "field"), "field");
            fail(ErrorCode::missing_field, join(p, "field"), "missing field");
            return Field::one;
        };
        auto sub_filter = [&](std::string_view key, bool required) {
            if (const auto* f = args->if_contains(key)) return filter(*f, join(p, key));
            if (required) fail(ErrorCode::missing_field, join(p, key), "missing " + std::string(key));
            return Filter{};
        };
        auto scale = [&]() {
            const auto* s = args->if_contains("scale");
            return s ? number(*s, join(p, "scale")) : 1.0;
        };
        if (op == "sum") {
            known_keys(*args, p, {"field", "filter"});
            return sum(field(), sub_filter("filter", false));
        }
        if (op == "mean") {
            known_keys(*args, p, {"field", "filter", "scale"});
            const auto f = field();
            return mean(f, sub_filter("filter", false), scale());
        }
        if (op == "share") {
            known_keys(*args, p, {"part", "base"});
            auto part = sub_filter("part", true);
            return share(std::move(part), sub_filter("base", true));
        }
        if (op == "ratio") {
            known_keys(*args, p, {"numerator", "denominator", "scale"});
            Expression num, den;
            if (const auto* n = args->if_contains("numerator")) num = expression(*n, join(p, "numerator"));
            else fail(ErrorCode::missing_field, join(p, "numerator"), "missing numerator");
            if (const auto* d = args->if_contains("denominator")) den = expression(*d, join(p, "denominator"));
            else fail(ErrorCode::missing_field, join(p, "denominator"), "missing denominator");
            return ratio(std::move(num), std::move(den), scale());
        }
        fail(ErrorCode::unknown_name, p,
             "unknown expression '" + std::string(op) +
                 "'; expected count, sum, mean, share, ratio, difference, growth, previous, distinct_communes or indicator");
        return {};
    }
};

/// Gives every problem its line and column in `text`, keeping the order in which they were found (a spec's
/// problems read from the indicator's id to its expression, whatever the order of its keys).
void locate_in_order(Problems& problems, std::string_view text, std::string_view file) {
    for (auto& p : problems) {
        Problems one{std::move(p)};
        json::locate_problems(one, text, file);
        p = std::move(one.front());
    }
}

}  // namespace

Indicator indicator_from_json(std::string_view json, const std::vector<SizeClass>& size_classes) {
    constexpr std::string_view file = "indicator spec";
    Problems problems;
    const auto value = json::parse(json, file, problems);
    SpecReader reader(size_classes, problems, false);
    auto out = reader.indicator(value, "");
    locate_in_order(problems, json, file);
    throw_if_any(std::move(problems));
    return out;
}

namespace detail {

std::vector<Indicator> read_catalogue(std::string_view text, std::string_view file) {
    Problems problems;
    const auto root = json::parse(text, file, problems);
    std::vector<Indicator> out;
    json::Reader r(problems);
    if (const auto* o = r.object(root); o && json::check_format(r, *o, catalogue_format, catalogue_version)) {
        SpecReader reader(tt01_2020_size_classes(), problems, true);
        reader.known_keys(*o, "", {"format", "version", "title", "indicators"});
        const auto* list = o->if_contains("indicators");
        if (!list || !list->is_array()) {
            reader.fail(ErrorCode::missing_field, "indicators", "expected the list of indicators");
        } else {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < list->get_array().size(); ++i) {
                const auto path = "indicators[" + std::to_string(i) + "]";
                out.push_back(reader.indicator(list->get_array()[i], path));
                if (!ids.insert(out.back().id).second)
                    reader.fail(ErrorCode::duplicate, path + ".id", "indicator id '" + out.back().id + "' is repeated");
            }
        }
    }
    json::throw_located(std::move(problems), text, file);
    return out;
}

}  // namespace detail

}  // namespace coopecon::indicators
