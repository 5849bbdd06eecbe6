#pragma once
// The building blocks of every indicator: a Field is a number per organisation (a snapshot column or a sum of
// columns), a Condition tests one property of an organisation at the snapshot date or within the period, and
// a Filter is a conjunction of conditions. Indicators (indicator.hpp) add up fields over filtered rows and
// combine such sums; the engine evaluates each distinct condition, filter and field once per block of rows.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/text.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>
#include <coopecon/model/state_fields.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

namespace coopecon::indicators {

/// A number per organisation, read from the snapshot (money in đồng): `one`, whose sums are counts, then every
/// row of model/state_fields.hpp that indicators may add up, in its order.
#define COOPECON_DETAIL_FIELD_VALUE(name, type, role, source, from, indicator, ...) \
    COOPECON_STATE_FIELD_IF(indicator)(name, )
#define COOPECON_DETAIL_FIELD_ENTRY(name, type, role, source, from, indicator, ...) \
    COOPECON_STATE_FIELD_IF(indicator)(COOPECON_DESCRIBE_ENUM_ENTRY(name))
#define COOPECON_DETAIL_FIELD_LABEL(name, type, role, source, from, indicator, csv, en, vi) \
    COOPECON_STATE_FIELD_IF(indicator)(case Field::name: return {en, vi};)

enum class Field : std::uint8_t { one, COOPECON_STATE_FIELDS(COOPECON_DETAIL_FIELD_VALUE) };
COOPECON_DESCRIBE_ENUM_BEGIN(Field) COOPECON_DESCRIBE_ENUM_ENTRY(one) COOPECON_STATE_FIELDS(COOPECON_DETAIL_FIELD_ENTRY)
COOPECON_DESCRIBE_ENUM_END

constexpr Label label(Field f) noexcept {
    switch (f) {
        case Field::one: return {"Organisations", "Số tổ chức"};
        COOPECON_STATE_FIELDS(COOPECON_DETAIL_FIELD_LABEL)
    }
    return {"?", "?"};
}

#undef COOPECON_DETAIL_FIELD_VALUE
#undef COOPECON_DETAIL_FIELD_ENTRY
#undef COOPECON_DETAIL_FIELD_LABEL

/// Classes of the classification circulars (xếp loại): TT 01/2020/TT-BKHĐT and TT 09/2017/TT-BNNPTNT.
COOPECON_LABELLED_ENUM(ClassificationClass, std::uint8_t,
    (good, "Good", "Tốt"),
    (fair, "Fair", "Khá"),
    (average, "Average", "Trung bình"),
    (weak, "Weak", "Yếu"))

/// What a condition tests. Every condition also requires the organisation to be registered on the date.
enum class Test : std::uint8_t {
    registered,            // registered on or before the date, whatever its status
    existing,              // registered and not terminated (hiện có)
    kind,                  // kind (after any conversion) in `set`, bits of OrgKind
    status,                // legal status in `set`, bits of LegalStatus
    sector,                // sector in `set`, bits of Sector
    size_class,            // member-size class in `set`, bits of the grouping's size classes
    ended_by,              // terminated, by an Ending in `set`
    new_in_period,         // registered within the period
    terminated_in_period,  // terminated within the period
    converted_in_period,   // a cooperative group converted into a cooperative within the period
    with_results,          // latest closed financial year is the year before the date's year, or later
    certified,             // holds a Certification in `set`, valid on the date
    rated,                 // assessed for the year before the date's year, or later
    classified,            // rated, with a class in `set`, bits of ClassificationClass
    not_at_address,        // flagged by the tax authority (Decree 92/2024/NĐ-CP Art 27.6)
    range,                 // `field` between `min` and `max`, both included
};
BOOST_DESCRIBE_ENUM(Test, registered, existing, kind, status, sector, size_class, ended_by, new_in_period,
                    terminated_in_period, converted_in_period, with_results, certified, rated, classified,
                    not_at_address, range)

struct Condition {
    Test test = Test::registered;
    std::uint32_t set = 0;
    Field field = Field::one;
    std::int64_t min = std::numeric_limits<std::int64_t>::min();
    std::int64_t max = std::numeric_limits<std::int64_t>::max();
    bool operator==(const Condition&) const = default;
};

/// A conjunction of conditions; the empty filter keeps every registered organisation.
struct Filter {
    std::vector<Condition> all;
    bool operator==(const Filter&) const = default;
};

/// Both filters must hold.
COOPECON_EXPORT Filter operator&(Filter a, const Filter& b);

template <class E>
constexpr std::uint32_t bits(std::initializer_list<E> values) noexcept {
    std::uint32_t out = 0;
    for (auto v : values) out |= 1u << static_cast<unsigned>(v);
    return out;
}

COOPECON_EXPORT Filter test(Test t, std::uint32_t set = 0);

COOPECON_EXPORT Filter registered();
COOPECON_EXPORT Filter existing();
COOPECON_EXPORT Filter of_kind(std::initializer_list<OrgKind> kinds);
COOPECON_EXPORT Filter of_kind(OrgKind kind);
COOPECON_EXPORT Filter with_status(std::initializer_list<LegalStatus> statuses);
COOPECON_EXPORT Filter with_status(LegalStatus status);
COOPECON_EXPORT Filter in_sector(std::initializer_list<Sector> sectors);
COOPECON_EXPORT Filter of_size_class(std::uint32_t class_bits);
COOPECON_EXPORT Filter ended_by(std::initializer_list<Ending> endings);
COOPECON_EXPORT Filter new_in_period();
COOPECON_EXPORT Filter terminated_in_period();
COOPECON_EXPORT Filter converted_in_period();
COOPECON_EXPORT Filter with_results();
COOPECON_EXPORT Filter certified(std::initializer_list<Certification> any_of);
COOPECON_EXPORT Filter rated();
COOPECON_EXPORT Filter classified(std::initializer_list<ClassificationClass> classes);
COOPECON_EXPORT Filter classified(std::uint32_t class_bits);
COOPECON_EXPORT Filter not_at_address();
COOPECON_EXPORT Filter in_range(Field f, std::int64_t min,
                                std::int64_t max = std::numeric_limits<std::int64_t>::max());

/// Readable text of a filter, e.g. "existing, kind in {cooperative}", for definitions and error messages.
COOPECON_EXPORT std::string describe(const Filter& f);

}  // namespace coopecon::indicators
