#pragma once
// The figures of an organisation's state that leave the replay: one row each, written once. The rows give the
// columns of a snapshot (registry/snapshot.hpp) and how each is filled, the members of OrgState that hold a
// figure as it is (model/org_state.hpp), the numbers indicators add up (indicators::Field), the columns a CSV
// export of organisations may give (io::OrgField), and the role of each column in Python. docs/contributing.md
// says how to add one.
//
// A row: X(name, type, role, source, from, indicator, csv, label_en, label_vi)
// - name: the snapshot column (and, for a stored figure, the OrgState member);
// - type: the column's element type; role: a FieldRole (what the number means: a date is a day count);
// - source and from say where a row's value comes from:
//     stored     from = the OrgState member's type: OrgState gets a member `name` of that type (value-initialised);
//     derived    from = an expression of `s` (the OrgState) and `as_of` (the snapshot's date);
//     attribute  from = the span of the organisations' fixed attributes passed to Snapshot::set_rows;
//     sum        from = (column, column, …): no column of its own, an indicator field adding up those columns;
//   a date's value is a std::optional<Date>, written as its day count (no_date when absent), a flag's a
//   bool, written as 0 or 1;
// - indicator: yes when indicators may add it up (an indicators::Field), no otherwise;
// - csv: required or optional when an organisation row of a CSV import gives it (an io::OrgField), no otherwise;
// - label_en, label_vi: what it is, for people.
// clang-format off
#define COOPECON_STATE_FIELDS(X)                                                                                       \
    X(exists, std::uint8_t, flag, derived, s.registered, no, no, "Registered", "Đã đăng ký")                           \
    X(kind, OrgKind, category, derived, s.kind, no, required, "Kind", "Loại hình")                                     \
    X(status, LegalStatus, category, derived, s.status, no, required, "Legal status", "Tình trạng pháp lý")            \
    X(not_at_address, std::uint8_t, flag, stored, bool, no, no,                                                        \
      "Not operating at the registered address", "Không hoạt động tại địa chỉ đã đăng ký")                             \
    X(sector, Sector, category, attribute, sectors, no, required, "Sector", "Lĩnh vực")                                \
    X(area, AreaIndex, area, attribute, areas, no, required, "Area", "Địa bàn")                                        \
    X(registered_on, std::int32_t, date, derived, s.registered ? std::optional(s.registered_on) : std::nullopt, no,    \
      required, "Registered on", "Ngày đăng ký")                                                                       \
    X(status_since, std::int32_t, date, derived, s.registered ? std::optional(s.status_since) : std::nullopt, no,      \
      optional, "Status since", "Tình trạng từ ngày")                                                                  \
    X(members, std::int64_t, count, sum, (official_members, capital_associates, non_capital_associates), yes, no,      \
      "Members", "Thành viên")                                                                                         \
    X(official_members, std::int32_t, count, derived, s.members.of(MemberKind::official), yes, optional,               \
      "Official members", "Thành viên chính thức")                                                                     \
    X(capital_associates, std::int32_t, count, derived, s.members.of(MemberKind::capital_associate), yes, optional,    \
      "Capital-contributing associates", "Thành viên liên kết góp vốn")                                                \
    X(non_capital_associates, std::int32_t, count, derived, s.members.of(MemberKind::non_capital_associate), yes,      \
      optional, "Non-capital associates", "Thành viên liên kết không góp vốn")                                         \
    X(individual_members, std::int32_t, count, derived, s.members.of(MemberType::individual), yes, optional,           \
      "Individual members", "Thành viên là cá nhân")                                                                   \
    X(household_members, std::int32_t, count, derived, s.members.of(MemberType::household), yes, optional,             \
      "Household members", "Thành viên là hộ gia đình")                                                                \
    X(legal_entity_members, std::int32_t, count, derived, s.members.of(MemberType::legal_entity), yes, optional,       \
      "Legal-entity members", "Thành viên là pháp nhân")                                                               \
    X(cooperative_members, std::int32_t, count, derived, s.members.of(MemberType::cooperative), yes, optional,         \
      "Member cooperatives", "Thành viên là hợp tác xã")                                                               \
    X(foreign_official_members, std::int32_t, count, derived, s.members.foreign_official, yes, no,                     \
      "Foreign-investor official members", "Thành viên chính thức là nhà đầu tư nước ngoài")                           \
    /* the latest day a member joined or left */                                                                       \
    X(last_member_change, std::int32_t, date, stored, std::optional<Date>, no, no,                                     \
      "Last change of members", "Ngày thay đổi thành viên gần nhất")                                                   \
    X(charter_capital, Dong, money, stored, Dong, yes, optional, "Charter capital", "Vốn điều lệ")                     \
    /* quỹ chung không chia: the latest financial year's, then what reorganisations carry */                           \
    X(indivisible_fund, Dong, money, stored, Dong, yes, optional, "Indivisible fund", "Quỹ chung không chia")          \
    X(last_annual_assembly, std::int32_t, date, stored, std::optional<Date>, no, optional,                             \
      "Last annual general assembly", "Đại hội thành viên thường niên gần nhất")                                       \
    /* the latest annual update of the National Cooperative Information System (Thông tư 09/2024/TT-BKHĐT Art 6) */    \
    X(last_report, std::int32_t, date, stored, std::optional<Date>, no, optional, "Last report",                       \
      "Ngày cập nhật báo cáo gần nhất")                                                                                \
    X(financial_year, std::int32_t, year, derived, s.latest_financials ? s.latest_financials->year : 0, yes, optional, \
      "Financial year", "Năm tài chính")                                                                               \
    X(revenue, Dong, money, derived, s.latest_financials ? s.latest_financials->revenue : 0, yes, optional,            \
      "Revenue", "Doanh thu")                                                                                          \
    X(costs, Dong, money, derived, s.latest_financials ? s.latest_financials->costs : 0, yes, optional,                \
      "Costs", "Chi phí")                                                                                              \
    X(pre_tax_profit, Dong, money, derived, s.latest_financials ? s.latest_financials->pre_tax_profit : 0, yes,        \
      optional, "Pre-tax profit", "Lợi nhuận trước thuế")                                                              \
    /* revenue from transactions with members (Law 17/2023/QH15 Art 4.22) */                                           \
    X(internal_revenue, Dong, money, derived, s.latest_financials ? s.latest_financials->internal_revenue : 0, yes,    \
      optional, "Internal-transaction revenue", "Doanh thu giao dịch nội bộ")                                          \
    X(workers, std::int32_t, count, derived, s.latest_financials ? s.latest_financials->workers : 0, yes, optional,    \
      "Workers", "Lao động")                                                                                           \
    X(wages, Dong, money, derived, s.latest_financials ? s.latest_financials->wages : 0, yes, optional,                \
      "Labour income", "Thu nhập của người lao động")                                                                  \
    /* how a terminated organisation ended (status_since: when) */                                                     \
    X(ended_by, Ending, category, stored, Ending, no, optional, "Ended by", "Hình thức chấm dứt")                      \
    /* a cooperative group's conversion into a cooperative */                                                          \
    X(converted_on, std::int32_t, date, stored, std::optional<Date>, no, no,                                           \
      "Converted into a cooperative on", "Ngày chuyển đổi thành hợp tác xã")                                           \
    /* bit c set when Certification c is valid on the snapshot's date */                                               \
    X(certifications, std::uint8_t, bits, derived, s.certifications_on(as_of), no, no,                                 \
      "Certifications held", "Chứng nhận còn hiệu lực")                                                                \
    X(assessment_year, std::int32_t, year, derived, s.latest_assessment ? s.latest_assessment->year : 0, no, no,       \
      "Year of the latest assessment", "Năm đánh giá gần nhất")                                                        \
    X(assessment_scheme, ClassificationScheme, category, derived,                                                      \
      s.latest_assessment ? s.latest_assessment->scheme : ClassificationScheme::tt01_2020, no, no,                     \
      "Assessment scheme", "Bộ tiêu chí đánh giá")                                                                     \
    X(assessment_points, std::int32_t, count, derived, s.latest_assessment ? s.latest_assessment->points : 0, yes, no, \
      "Assessment points", "Điểm đánh giá")                                                                            \
    X(sanction_year, std::int32_t, year, derived, s.last_sanction_year, no, no,                                        \
      "Year of the latest administrative sanction", "Năm bị xử phạt vi phạm hành chính gần nhất")                      \
    X(ocop_products, std::int64_t, count, sum, (ocop_1_star, ocop_2_stars, ocop_3_stars, ocop_4_stars, ocop_5_stars),  \
      yes, no, "OCOP products", "Sản phẩm OCOP")                                                                       \
    X(ocop_1_star, std::int32_t, count, derived, s.ocop_products_by_stars[0], yes, no,                                 \
      "OCOP products, 1 star", "Sản phẩm OCOP 1 sao")                                                                  \
    X(ocop_2_stars, std::int32_t, count, derived, s.ocop_products_by_stars[1], yes, no,                                \
      "OCOP products, 2 stars", "Sản phẩm OCOP 2 sao")                                                                 \
    X(ocop_3_stars, std::int32_t, count, derived, s.ocop_products_by_stars[2], yes, no,                                \
      "OCOP products, 3 stars", "Sản phẩm OCOP 3 sao")                                                                 \
    X(ocop_4_stars, std::int32_t, count, derived, s.ocop_products_by_stars[3], yes, no,                                \
      "OCOP products, 4 stars", "Sản phẩm OCOP 4 sao")                                                                 \
    X(ocop_5_stars, std::int32_t, count, derived, s.ocop_products_by_stars[4], yes, no,                                \
      "OCOP products, 5 stars", "Sản phẩm OCOP 5 sao")
// clang-format on

#include <coopecon/core/labelled_enum.hpp>

#include <cstdint>

namespace coopecon {

/// What a state field's number means, which its type alone does not tell.
COOPECON_LABELLED_ENUM(FieldRole, std::uint8_t,
    (count, "Count", "Số lượng"),              // members, workers, products, points
    (money, "Amount in đồng", "Số tiền (đồng)"),
    (date, "Date", "Ngày"),                    // a day count since 1970-01-01 in a snapshot
    (flag, "Yes or no", "Có hoặc không"),      // 0 or 1
    (bits, "Set of bits", "Tập bit"),          // bit i set when value i holds
    (category, "Category", "Phân loại"),       // an enumeration
    (year, "Year", "Năm"),                     // 0 when none
    (area, "Area", "Địa bàn"))                 // an index into the registry's areas

}  // namespace coopecon

// ---- expanding the table: COOPECON_STATE_FIELD_IF(flag)(text) keeps `text` when flag is yes, required or
// optional; COOPECON_STATE_FIELD_IS(source, stored)(text) keeps it for the rows of that source ---------------
#define COOPECON_STATE_FIELD_IF(flag) COOPECON_DETAIL_SF_IF_##flag
#define COOPECON_DETAIL_SF_IF_yes(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IF_required(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IF_optional(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IF_no(...)
#define COOPECON_STATE_FIELD_IS(source, wanted) COOPECON_DETAIL_SF_IS_##source##_##wanted
#define COOPECON_DETAIL_SF_IS_stored_stored(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IS_stored_column(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IS_derived_stored(...)
#define COOPECON_DETAIL_SF_IS_derived_column(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IS_attribute_stored(...)
#define COOPECON_DETAIL_SF_IS_attribute_column(...) __VA_ARGS__
#define COOPECON_DETAIL_SF_IS_sum_stored(...)
#define COOPECON_DETAIL_SF_IS_sum_column(...)
#define COOPECON_DETAIL_SF_IS_stored_sum(...)
#define COOPECON_DETAIL_SF_IS_derived_sum(...)
#define COOPECON_DETAIL_SF_IS_attribute_sum(...)
#define COOPECON_DETAIL_SF_IS_sum_sum(...) __VA_ARGS__
// COOPECON_STATE_FIELD_EACH(F, (a, b, …)) is F(_, a) F(_, b) …: for the columns a `sum` row adds up.
#define COOPECON_STATE_FIELD_EACH(F, columns) BOOST_DESCRIBE_PP_FOR_EACH(F, _, COOPECON_DETAIL_SF_UNPAREN columns)
#define COOPECON_DETAIL_SF_UNPAREN(...) __VA_ARGS__
