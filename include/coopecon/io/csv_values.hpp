#pragma once
// The values of CSV cells: dates in the mapping's format, whole numbers and amounts in đồng, yes/no, lists, and
// enumerations by name or label. Each parser returns the value or the sentence that says what is wrong with the
// text, which the importers place at the cell's line and column.
//
// Amounts and counts: digits, with an optional minus sign, and optionally "." or "," between thousands, used the
// same way throughout the value. Thousands separators are accepted only where they cannot be read as a decimal
// mark: 1.500.000 and 1,500,000 are one and a half million, but 1.500 (one thousand five hundred, or one and a
// half?) is refused as ambiguous. A decimal part (1.5, 1.500,50, 1,500.00) is refused: money is whole đồng.
//
// Enumerations: the English name (`suspended`), or the label in English (`Suspended`) or Vietnamese
// (`Tạm ngừng kinh doanh`), or a spelling the mapping adds; letter case and diacritics must be exact.

#include <coopecon/core/date.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/export.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/organization_kind.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace coopecon::io {

/// How a mapping writes dates.
enum class DateFormat : std::uint8_t {
    iso,             // YYYY-MM-DD
    day_month_year,  // DD/MM/YYYY, as Vietnamese spreadsheets show dates; day and month may have one digit
};

constexpr std::string_view date_format_text(DateFormat f) noexcept {
    return f == DateFormat::iso ? "YYYY-MM-DD" : "DD/MM/YYYY";
}

/// A value read from a cell's text, or why it could not be read.
template <class T>
struct Parsed {
    std::optional<T> value;
    std::string error;

    explicit operator bool() const noexcept { return value.has_value(); }
    static Parsed fail(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
};

/// Spellings a mapping adds for the values of one field: text → enumerator name.
using Spellings = std::map<std::string, std::string, std::less<>>;

/// A date written in format `f` (the text already trimmed).
COOPECON_EXPORT Parsed<Date> parse_date(std::string_view text, DateFormat f);

/// A whole number from `min` to `max`; `money` words the messages for amounts in đồng.
COOPECON_EXPORT Parsed<std::int64_t> parse_whole_number(std::string_view text, std::int64_t min, std::int64_t max,
                                                        bool money);

/// A whole number of type I (its whole range).
template <class I>
Parsed<I> parse_integer(std::string_view text, bool money) {
    const auto n = parse_whole_number(text, std::numeric_limits<I>::min(), std::numeric_limits<I>::max(), money);
    if (!n) return Parsed<I>::fail(n.error);
    return {static_cast<I>(*n.value), {}};
}

/// Yes or no: true/false, yes/no, Yes/No, có/không, Có/Không, 1/0.
COOPECON_EXPORT Parsed<bool> parse_bool(std::string_view text);

/// The items of a list cell, separated by ";" and trimmed; an empty item is an error.
COOPECON_EXPORT Parsed<std::vector<std::string>> split_list(std::string_view text);

/// A hint for text written with combining accents (decomposed Unicode, as some Mac programs save it), which
/// never equals the same words written with precomposed letters; empty for other text.
COOPECON_EXPORT std::string decomposed_hint(std::string_view text);

template <class E>
concept Labelled = requires(E e) { label(e); };

/// Every way of writing `value` besides its name: its labels, and for statuses the wording for groups.
template <class E>
std::vector<std::string_view> labels_of(E value) {
    std::vector<std::string_view> out;
    if constexpr (Labelled<E>) {
        const Label l = label(value);
        out = {l.en, l.vi};
        if constexpr (std::is_same_v<E, LegalStatus>) {
            const Label group = label(value, OrgKind::cooperative_group);
            if (group.en != l.en) out.push_back(group.en);
            if (group.vi != l.vi) out.push_back(group.vi);
        }
    }
    return out;
}

namespace detail {

/// How a cell may write one enumerator: its name, and its labels (labels_of).
struct EnumeratorText {
    std::string_view name;
    std::vector<std::string_view> labels;
};

/// parse_enum over the enumerators of one enumeration, in enum_values order: the position of the one `text`
/// writes, or why none is.
COOPECON_EXPORT Parsed<std::size_t> parse_enumerator(std::string_view text, const Spellings* spellings,
                                                     const std::vector<EnumeratorText>& enumerators);

}  // namespace detail

/// An enumerator of E by name, label or a spelling of the mapping.
template <class E>
Parsed<E> parse_enum(std::string_view text, const Spellings* spellings) {
    static const std::vector<detail::EnumeratorText> enumerators = [] {
        std::vector<detail::EnumeratorText> out;
        for (const E value : enum_values<E>()) out.push_back({enum_name(value), labels_of(value)});
        return out;
    }();
    auto k = detail::parse_enumerator(text, spellings, enumerators);
    if (!k) return Parsed<E>::fail(std::move(k.error));
    return {enum_values<E>()[*k.value], {}};
}

}  // namespace coopecon::io
