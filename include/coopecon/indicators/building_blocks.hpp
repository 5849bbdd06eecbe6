#pragma once
// The building blocks of every indicator: a Field is a number per organisation (a snapshot column or a sum of
// columns), a Condition tests one property of an organisation at the snapshot date or within the period, and
// a Filter is a conjunction of conditions. Indicators (indicator.hpp) add up fields over filtered rows and
// combine such sums; the engine evaluates each distinct condition, filter and field once per block of rows.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/text.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

namespace coopecon::indicators {

/// A number per organisation, read from the snapshot (money in đồng).
enum class Field : std::uint8_t {
    one,  // 1: sums of it are counts
    members,  // official members + capital-contributing associates + non-capital associates
    official_members,
    capital_associates,
    non_capital_associates,
    individual_members,
    household_members,
    legal_entity_members,
    cooperative_members,  // members that are cooperatives: the official members of a union
    foreign_official_members,
    charter_capital,
    revenue,           // latest closed financial year
    costs,
    pre_tax_profit,
    internal_revenue,  // revenue from transactions with members (Law 17/2023/QH15 Art 4.22)
    workers,           // regular workers in the latest financial year
    wages,             // labour income paid to them
    financial_year,
    assessment_points,  // the latest classification self-assessment, points added up
    ocop_products,      // rated OCOP products, all stars
    ocop_1_star,
    ocop_2_stars,
    ocop_3_stars,
    ocop_4_stars,
    ocop_5_stars,
};
BOOST_DESCRIBE_ENUM(Field, one, members, official_members, capital_associates, non_capital_associates,
                    individual_members, household_members, legal_entity_members, cooperative_members,
                    foreign_official_members, charter_capital, revenue, costs, pre_tax_profit, internal_revenue,
                    workers, wages, financial_year, assessment_points, ocop_products, ocop_1_star, ocop_2_stars,
                    ocop_3_stars, ocop_4_stars, ocop_5_stars)

constexpr Label label(Field f) noexcept {
    switch (f) {
        case Field::one: return {"Organisations", "Số tổ chức"};
        case Field::members: return {"Members", "Thành viên"};
        case Field::official_members: return {"Official members", "Thành viên chính thức"};
        case Field::capital_associates: return {"Capital-contributing associates", "Thành viên liên kết góp vốn"};
        case Field::non_capital_associates: return {"Non-capital associates", "Thành viên liên kết không góp vốn"};
        case Field::individual_members: return {"Individual members", "Thành viên là cá nhân"};
        case Field::household_members: return {"Household members", "Thành viên là hộ gia đình"};
        case Field::legal_entity_members: return {"Legal-entity members", "Thành viên là pháp nhân"};
        case Field::cooperative_members: return {"Member cooperatives", "Thành viên là hợp tác xã"};
        case Field::foreign_official_members:
            return {"Foreign-investor official members", "Thành viên chính thức là nhà đầu tư nước ngoài"};
        case Field::charter_capital: return {"Charter capital", "Vốn điều lệ"};
        case Field::revenue: return {"Revenue", "Doanh thu"};
        case Field::costs: return {"Costs", "Chi phí"};
        case Field::pre_tax_profit: return {"Pre-tax profit", "Lợi nhuận trước thuế"};
        case Field::internal_revenue: return {"Internal-transaction revenue", "Doanh thu giao dịch nội bộ"};
        case Field::workers: return {"Workers", "Lao động"};
        case Field::wages: return {"Labour income", "Thu nhập của người lao động"};
        case Field::financial_year: return {"Financial year", "Năm tài chính"};
        case Field::assessment_points: return {"Assessment points", "Điểm đánh giá"};
        case Field::ocop_products: return {"OCOP products", "Sản phẩm OCOP"};
        case Field::ocop_1_star: return {"OCOP products, 1 star", "Sản phẩm OCOP 1 sao"};
        case Field::ocop_2_stars: return {"OCOP products, 2 stars", "Sản phẩm OCOP 2 sao"};
        case Field::ocop_3_stars: return {"OCOP products, 3 stars", "Sản phẩm OCOP 3 sao"};
        case Field::ocop_4_stars: return {"OCOP products, 4 stars", "Sản phẩm OCOP 4 sao"};
        case Field::ocop_5_stars: return {"OCOP products, 5 stars", "Sản phẩm OCOP 5 sao"};
    }
    return {"?", "?"};
}

/// Classes of the classification circulars (xếp loại): TT 01/2020/TT-BKHĐT and TT 09/2017/TT-BNNPTNT.
enum class ClassificationClass : std::uint8_t {
    good,     // tốt
    fair,     // khá
    average,  // trung bình
    weak,     // yếu
};
BOOST_DESCRIBE_ENUM(ClassificationClass, good, fair, average, weak)

constexpr Label label(ClassificationClass c) noexcept {
    switch (c) {
        case ClassificationClass::good: return {"Good", "Tốt"};
        case ClassificationClass::fair: return {"Fair", "Khá"};
        case ClassificationClass::average: return {"Average", "Trung bình"};
        case ClassificationClass::weak: return {"Weak", "Yếu"};
    }
    return {"?", "?"};
}

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
