#pragma once
// An indicator: a named expression over group sums, with the metadata a statistician needs (labels in both
// languages, unit, definition, the practice it follows and its reference).
//
// The leaves of an expression add a Field over the organisations of a group that pass a Filter (a count adds
// Field::one), or count the distinct communes of such organisations; the leaves read the snapshot at the end
// of the period or, marked `previous`, the one at the end of the previous period. Inner nodes divide (with a
// scale: 100 for percentages, 1e-6 for millions of đồng) or subtract. Count, sum, mean, share, ratio,
// difference and growth are built from these, so user-defined indicators are made of the same parts as the
// catalogue's and are computed in the same fused passes.

#include <coopecon/core/labelled_enum.hpp>
#include <coopecon/core/enum_text.hpp>
#include <coopecon/export.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/text.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopecon::indicators {

COOPECON_LABELLED_ENUM(Unit, std::uint8_t,
    (organizations, "organisations", "tổ chức"),
    (members, "members", "thành viên"),
    (workers, "workers", "lao động"),
    (products, "products", "sản phẩm"),
    (communes, "communes", "xã"),
    (percent, "%", "%"),
    (members_per_organization, "members per organisation", "thành viên/tổ chức"),
    (million_dong, "million VND", "triệu đồng"),
    (million_dong_per_worker, "million VND per worker", "triệu đồng/lao động"),
    (number, "number", "số"))

/// Whose practice an indicator follows.
COOPECON_LABELLED_ENUM(Practice, std::uint8_t,
    // General Statistics Office (Tổng cục Thống kê), Sách trắng Hợp tác xã Việt Nam
    (statistics_office, "Statistics office (GSO)", "Tổng cục Thống kê"),
    // Ministry of Planning and Investment and provincial collective-economy plans
    (ministry, "Ministry of Planning and Investment", "Bộ Kế hoạch và Đầu tư"),
    // ILO Guidelines concerning statistics of cooperatives (20th ICLS, 2018)
    (ilo_guidelines, "ILO guidelines on statistics of cooperatives", "Hướng dẫn thống kê hợp tác xã của ILO"),
    (law, "Law on Cooperatives", "Luật Hợp tác xã"),  // a definition in the Law on Cooperatives
    // classification, NTM and OCOP rules (provisional until the scoring module lands)
    (scoring, "Classification, NTM and OCOP rules (provisional)", "Quy định xếp loại, nông thôn mới, OCOP (tạm thời)"),
    (user, "User-defined", "Người dùng định nghĩa"))  // defined by the user

struct COOPECON_EXPORT Expression {
    enum class Op : std::uint8_t { sum, distinct_communes, ratio, difference };

    Op op = Op::sum;
    Filter filter;             // sum, distinct_communes
    Field field = Field::one;  // sum
    bool previous = false;     // sum, distinct_communes: read the previous period's snapshot
    std::vector<Expression> operands;  // ratio: numerator, denominator; difference: minuend, subtrahend
    double scale = 1;                  // ratio

    bool operator==(const Expression&) const = default;

    /// Whole numbers (counts, sums in đồng and their differences) stay exact as 64-bit integers.
    bool integral() const noexcept;
    bool reads_previous() const noexcept;
};

// ---- building expressions --------------------------------------------------------------------------------

COOPECON_EXPORT Expression sum(Field field, Filter filter = {});
COOPECON_EXPORT Expression count(Filter filter = {});
/// Distinct communes (areas at commune level) of the organisations that pass the filter.
COOPECON_EXPORT Expression distinct_communes(Filter filter);
COOPECON_EXPORT Expression ratio(Expression numerator, Expression denominator, double scale = 1);
COOPECON_EXPORT Expression difference(Expression a, Expression b);
/// The field's sum over the filtered organisations divided by their number.
COOPECON_EXPORT Expression mean(Field field, Filter filter, double scale = 1);
/// Percentage of the `base` organisations that also pass `part`.
COOPECON_EXPORT Expression share(Filter part, Filter base);
/// The same expression on the previous period's snapshot.
COOPECON_EXPORT Expression previous(Expression e);
/// (x_t − x_{t−1}) / x_{t−1} in percent.
COOPECON_EXPORT Expression growth(Expression x);

struct Indicator {
    std::string id;  // stable identifier: CSV and JSON column, Python name
    Text label;
    Unit unit = Unit::number;
    std::string definition;  // the formula in words
    Practice practice = Practice::user;
    std::string reference;   // where the practice or formula is stated
    int decimals = 0;        // digits shown after the decimal point
    bool provisional = false;  // depends on rules not yet settled (scoring_hooks.hpp)
    Expression expression;
    // The organisations whose reports give the figure (members: groups and cooperatives; workers: those with
    // a financial year). In a group where none passes it, the figure is no data, not 0; none: always data.
    std::optional<Filter> reported_by{};
};

}  // namespace coopecon::indicators
