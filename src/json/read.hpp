#pragma once
// boost::json::value → C++ values, reporting every problem with its field path instead of stopping at the first.
//
// Input policy: every key of a described struct is required, except members of type std::optional (absent or
// null: nullopt) and std::vector (absent: empty). A key the struct does not have is an error that lists the
// keys it has. Enumerations are read by name, dates as strict ISO text, integers only when whole and in range.
// The paths are those of json/path.hpp; locate_problems (json/source.hpp) turns them into line:column.

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/spelling.hpp>
#include "json/path.hpp"
#include "json/source.hpp"
#include "json/traits.hpp"
#include <coopecon/core/timeline.hpp>
#include <coopecon/export.hpp>

#include <boost/describe/enum.hpp>
#include <boost/describe/enumerators.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::json {

/// "an object", "a string", …: what a value is, for "expected X, got Y".
COOPECON_EXPORT std::string_view kind_name(const boost::json::value& v) noexcept;

class COOPECON_EXPORT Reader {
public:
    /// Problems are appended to `problems`, each with the path where it was found.
    explicit Reader(Problems& problems) noexcept : problems_(problems) {}
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    /// The path of the value being read.
    const std::string& path() const noexcept { return path_; }

    /// Extends the path by one segment until it goes out of scope.
    class [[nodiscard]] Scope {
    public:
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() { path_.resize(length_); }

    private:
        friend class Reader;
        Scope(std::string& path, std::size_t length) noexcept : path_(path), length_(length) {}
        std::string& path_;
        std::size_t length_;  // of the path before the segment
    };
    Scope key(std::string_view key) {
        const auto length = path_.size();
        append_key(path_, key);
        return Scope(path_, length);
    }
    Scope index(std::size_t i) {
        const auto length = path_.size();
        append_index(path_, i);
        return Scope(path_, length);
    }

    /// Records a problem at the current path.
    void problem(ErrorCode code, std::string message);
    void wrong_type(std::string_view expected, const boost::json::value& got);

    /// Reads `v` into `out`; true when that added no problem.
    template <class T>
    bool read(const boost::json::value& v, T& out) {
        const auto before = problems_.size();
        read_into(v, out);
        return problems_.size() == before;
    }

    /// The object `v` is, or nullptr after reporting that it is not one.
    const boost::json::object* object(const boost::json::value& v);
    const boost::json::array* array(const boost::json::value& v);

    /// Reports every key of `o` that is in none of the `allowed` lists; true when there is none.
    bool check_keys(const boost::json::object& o, std::initializer_list<std::span<const std::string_view>> allowed);
    /// The same for one key.
    bool check_key(std::string_view key, std::initializer_list<std::span<const std::string_view>> allowed);

    /// Reads the member `name` of `o` under the input policy (see the top of this file).
    template <class T>
    bool member(const boost::json::object& o, std::string_view name, T& out) {
        auto scope = key(name);
        const boost::json::value* v = o.if_contains(name);
        if constexpr (is_optional<T>::value) {
            if (!v || v->is_null()) {
                out.reset();
                return true;
            }
        } else if constexpr (is_vector<T>::value) {
            if (!v) {
                out.clear();
                return true;
            }
        }
        if (!v) {
            problem(ErrorCode::missing_field, "missing required key " + in_quotes(name));
            return false;
        }
        return read(*v, out);
    }

    /// Reads every described member of `out` from `o` (keys `o` may have beyond them are not checked here).
    template <class T>
    bool members(const boost::json::object& o, T& out) {
        const auto before = problems_.size();
        boost::mp11::mp_for_each<described_members<T>>([&](auto m) { member(o, m.name, out.*m.pointer); });
        return problems_.size() == before;
    }

private:
    template <class T>
    void read_into(const boost::json::value& v, T& out) {
        if constexpr (has_codec_read<T>) {
            Codec<T>::read(*this, v, out);
        } else if constexpr (std::is_same_v<T, bool>) {
            if (v.is_bool()) out = v.get_bool();
            else wrong_type("true or false", v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (const auto* s = v.if_string()) out.assign(s->data(), s->size());
            else wrong_type("a string", v);
        } else if constexpr (std::is_same_v<T, Date>) {
            read_date(v, out);
        } else if constexpr (std::is_enum_v<T>) {
            static_assert(boost::describe::has_describe_enumerators<T>::value, "JSON needs a described enum");
            read_enum(v, out);
        } else if constexpr (std::is_integral_v<T>) {
            read_integer(v, out);
        } else if constexpr (is_optional<T>::value) {
            if (v.is_null()) out.reset();
            else read_into(v, out.emplace());
        } else if constexpr (is_vector<T>::value) {
            const auto* a = array(v);
            if (!a) return;
            out.clear();
            out.reserve(a->size());
            for (std::size_t i = 0; i < a->size(); ++i) {
                auto scope = index(i);
                read_into((*a)[i], out.emplace_back());
            }
        } else if constexpr (is_string_map<T>::value) {
            const auto* o = object(v);
            if (!o) return;
            out.clear();
            for (const auto& kv : *o) {
                const std::string_view k(kv.key().data(), kv.key().size());
                auto scope = key(k);
                typename T::mapped_type value{};
                read_into(kv.value(), value);
                out.emplace(std::string(k), std::move(value));
            }
        } else if constexpr (is_dated<T>::value) {
            const auto* o = object(v);
            if (!o) return;
            check_keys(*o, {dated_keys});
            member(*o, "from", out.from);
            member(*o, "until", out.until);
            member(*o, "value", out.value);
            member(*o, "reference", out.reference);
            member(*o, "unconfirmed", out.unconfirmed);
        } else if constexpr (is_timeline<T>::value) {
            read_timeline(v, out);
        } else {
            static_assert(boost::describe::has_describe_members<T>::value,
                          "JSON needs a described struct, a supported standard type or a Codec specialisation");
            const auto* o = object(v);
            if (!o) return;
            static constexpr auto names = member_names<T>();
            check_keys(*o, {names});
            members(*o, out);
        }
    }

    void read_date(const boost::json::value& v, Date& out);

    template <class E>
    void read_enum(const boost::json::value& v, E& out) {
        const auto* s = v.if_string();
        if (!s) return wrong_type("a string", v);
        const std::string_view text(s->data(), s->size());
        if (const auto e = enum_from_name<E>(text)) {
            out = *e;
            return;
        }
        std::array<std::string_view, enum_count<E>> names{};
        std::size_t k = 0;
        for (const E value : enum_values<E>()) names[k++] = enum_name(value);
        problem(ErrorCode::unknown_name,
                in_quotes(text) + " is not one of: " + enum_names_list<E>() + did_you_mean(text, names));
    }

    template <class I>
    void read_integer(const boost::json::value& v, I& out) {
        const auto out_of_range = [&](const std::string& shown) {
            problem(ErrorCode::invalid_value, shown + " is out of range: expected a whole number from " +
                                                  std::to_string(std::numeric_limits<I>::min()) + " to " +
                                                  std::to_string(std::numeric_limits<I>::max()));
        };
        if (v.is_int64()) {
            const auto x = v.get_int64();
            if (std::in_range<I>(x)) out = static_cast<I>(x);
            else out_of_range(std::to_string(x));
        } else if (v.is_uint64()) {
            const auto x = v.get_uint64();
            if (std::in_range<I>(x)) out = static_cast<I>(x);
            else out_of_range(std::to_string(x));
        } else if (v.is_double()) {
            // Whole numbers written as 2e9 or 1.0 are accepted while a double holds them exactly (up to 2^53).
            const double d = v.get_double();
            char buf[32];
            const auto shown = std::string(buf, std::to_chars(buf, buf + sizeof buf, d).ptr);
            if (std::isfinite(d) && d != std::trunc(d))
                problem(ErrorCode::invalid_value, "expected a whole number, got " + shown);
            else if (!std::isfinite(d) || std::fabs(d) > 9007199254740992.0 ||
                     !std::in_range<I>(static_cast<std::int64_t>(d)))
                out_of_range(shown);
            else
                out = static_cast<I>(static_cast<std::int64_t>(d));
        } else {
            wrong_type("a whole number", v);
        }
    }

    template <class T>
    void read_timeline(const boost::json::value& v, Timeline<T>& out) {
        std::vector<Dated<T>> periods;
        if (!read(v, periods)) return;
        auto problems = Timeline<T>::check(periods, path_);
        if (problems.empty()) {
            out = Timeline<T>::make(std::move(periods));
            return;
        }
        for (auto& p : problems) problems_.push_back(std::move(p));
    }

    Problems& problems_;
    std::string path_;
};

/// Checks the `format` and `version` keys that open every coopecon file. False (after reporting why) when the
/// text is not a file of this format and version, so that reading it further would only produce noise.
COOPECON_EXPORT bool check_format(Reader& r, const boost::json::object& root, std::string_view format,
                                  std::int64_t version);

}  // namespace coopecon::json
