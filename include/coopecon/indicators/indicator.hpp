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

#include <coopecon/core/enum_text.hpp>
#include <coopecon/indicators/building_blocks.hpp>
#include <coopecon/indicators/text.hpp>

#include <boost/describe/enum.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace coopecon::indicators {

enum class Unit : std::uint8_t {
    organizations,
    members,
    workers,
    products,
    communes,
    percent,
    members_per_organization,
    million_dong,
    million_dong_per_worker,
    number,
};
BOOST_DESCRIBE_ENUM(Unit, organizations, members, workers, products, communes, percent, members_per_organization,
                    million_dong, million_dong_per_worker, number)

constexpr Label label(Unit u) noexcept {
    switch (u) {
        case Unit::organizations: return {"organisations", "tổ chức"};
        case Unit::members: return {"members", "thành viên"};
        case Unit::workers: return {"workers", "lao động"};
        case Unit::products: return {"products", "sản phẩm"};
        case Unit::communes: return {"communes", "xã"};
        case Unit::percent: return {"%", "%"};
        case Unit::members_per_organization: return {"members per organisation", "thành viên/tổ chức"};
        case Unit::million_dong: return {"million VND", "triệu đồng"};
        case Unit::million_dong_per_worker: return {"million VND per worker", "triệu đồng/lao động"};
        case Unit::number: return {"number", "số"};
    }
    return {"?", "?"};
}

/// Whose practice an indicator follows.
enum class Practice : std::uint8_t {
    statistics_office,  // General Statistics Office (Tổng cục Thống kê), Sách trắng Hợp tác xã Việt Nam
    ministry,           // Ministry of Planning and Investment and provincial collective-economy plans
    ilo_guidelines,     // ILO Guidelines concerning statistics of cooperatives (20th ICLS, 2018)
    law,                // a definition in the Law on Cooperatives
    scoring,            // classification, NTM and OCOP rules (provisional until the scoring module lands)
    user,               // defined by the user
};
BOOST_DESCRIBE_ENUM(Practice, statistics_office, ministry, ilo_guidelines, law, scoring, user)

constexpr Label label(Practice p) noexcept {
    switch (p) {
        case Practice::statistics_office: return {"Statistics office (GSO)", "Tổng cục Thống kê"};
        case Practice::ministry: return {"Ministry of Planning and Investment", "Bộ Kế hoạch và Đầu tư"};
        case Practice::ilo_guidelines: return {"ILO guidelines on statistics of cooperatives", "Hướng dẫn thống kê hợp tác xã của ILO"};
        case Practice::law: return {"Law on Cooperatives", "Luật Hợp tác xã"};
        case Practice::scoring: return {"Classification, NTM and OCOP rules (provisional)", "Quy định xếp loại, nông thôn mới, OCOP (tạm thời)"};
        case Practice::user: return {"User-defined", "Người dùng định nghĩa"};
    }
    return {"?", "?"};
}

struct Expression {
    enum class Op : std::uint8_t { sum, distinct_communes, ratio, difference };

    Op op = Op::sum;
    Filter filter;             // sum, distinct_communes
    Field field = Field::one;  // sum
    bool previous = false;     // sum, distinct_communes: read the previous period's snapshot
    std::vector<Expression> operands;  // ratio: numerator, denominator; difference: minuend, subtrahend
    double scale = 1;                  // ratio

    bool operator==(const Expression&) const = default;

    /// Whole numbers (counts, sums in đồng and their differences) stay exact as 64-bit integers.
    bool integral() const noexcept {
        if (op == Op::ratio) return false;
        if (op == Op::difference) return operands[0].integral() && operands[1].integral();
        return true;
    }
    bool reads_previous() const noexcept {
        if (op == Op::sum || op == Op::distinct_communes) return previous;
        for (const auto& o : operands)
            if (o.reads_previous()) return true;
        return false;
    }
};

// ---- building expressions --------------------------------------------------------------------------------

inline Expression sum(Field field, Filter filter = {}) {
    Expression e;
    e.field = field;
    e.filter = std::move(filter);
    return e;
}
inline Expression count(Filter filter = {}) { return sum(Field::one, std::move(filter)); }
/// Distinct communes (areas at commune level) of the organisations that pass the filter.
inline Expression distinct_communes(Filter filter) {
    Expression e;
    e.op = Expression::Op::distinct_communes;
    e.filter = std::move(filter);
    return e;
}
inline Expression ratio(Expression numerator, Expression denominator, double scale = 1) {
    Expression e;
    e.op = Expression::Op::ratio;
    e.operands = {std::move(numerator), std::move(denominator)};
    e.scale = scale;
    return e;
}
inline Expression difference(Expression a, Expression b) {
    Expression e;
    e.op = Expression::Op::difference;
    e.operands = {std::move(a), std::move(b)};
    return e;
}
/// The field's sum over the filtered organisations divided by their number.
inline Expression mean(Field field, Filter filter, double scale = 1) {
    return ratio(sum(field, filter), count(filter), scale);
}
/// Percentage of the `base` organisations that also pass `part`.
inline Expression share(Filter part, Filter base) { return ratio(count(base & part), count(base), 100); }
/// The same expression on the previous period's snapshot.
inline Expression previous(Expression e) {
    if (e.op == Expression::Op::sum || e.op == Expression::Op::distinct_communes) e.previous = true;
    for (auto& o : e.operands) o = previous(std::move(o));
    return e;
}
/// (x_t − x_{t−1}) / x_{t−1} in percent.
inline Expression growth(Expression x) {
    auto before = previous(x);
    return ratio(difference(std::move(x), before), before, 100);
}

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
};

}  // namespace coopecon::indicators
