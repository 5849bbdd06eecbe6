#pragma once
// An enumeration whose values and labels are written once:
//
//     COOPECON_LABELLED_ENUM(Severity, std::uint8_t,
//         (notice, "Notice", "Lưu ý"),       // a minor lapse
//         (due, "Due", "Đến hạn xử lý"))
//
// declares `enum class Severity : std::uint8_t { notice, due }`, its Boost.Describe list (so enum_name,
// enum_from_name and enum_values see it) and `constexpr Label label(Severity)` with the English and Vietnamese
// labels. Use it at namespace scope, in the enumeration's namespace; it takes up to 52 values.
//
// COOPECON_DESCRIBE_TABLE_ENUM(E, Base, TABLE) does the same for an enumeration whose values are the rows of an
// X-macro table `TABLE(X)`, each row `X(value, ...)` with the value first (model/state_fields.hpp,
// law/compliance_rule.hpp); it declares the enumeration and its Describe list, not labels.

#include <coopecon/core/label.hpp>

#include <boost/describe/enum.hpp>

// ---- private to the macros below ---------------------------------------------------------------------------
#define COOPECON_DETAIL_LE_FIRST(value, ...) value
#define COOPECON_DETAIL_LE_VALUE(E, row) COOPECON_DETAIL_LE_FIRST row,
#define COOPECON_DETAIL_LE_ENTRY(E, row) COOPECON_DESCRIBE_ENUM_ENTRY(COOPECON_DETAIL_LE_FIRST row)
#define COOPECON_DETAIL_LE_CASE_I(value, en, vi) \
    case coopecon_described_enum::value:         \
        return {en, vi};
#define COOPECON_DETAIL_LE_CASE(E, row) COOPECON_DETAIL_LE_CASE_I row
#define COOPECON_DETAIL_TE_VALUE(value, ...) value,
#define COOPECON_DETAIL_TE_ENTRY(value, ...) COOPECON_DESCRIBE_ENUM_ENTRY(value)

// The Describe list of E, as BOOST_DESCRIBE_ENUM writes it, for an enumeration whose values come from several
// lists: COOPECON_DESCRIBE_ENUM_BEGIN(E) COOPECON_DESCRIBE_ENUM_ENTRY(value) … COOPECON_DESCRIBE_ENUM_END. An entry
// names the enumeration through a local alias, so that an X-macro row need not repeat it.
#define COOPECON_DESCRIBE_ENUM_BEGIN(E)                         \
    [[maybe_unused]] inline auto boost_enum_descriptor_fn(E**) {  \
        using coopecon_described_enum = E;                        \
        return boost::describe::detail::enum_descriptor_fn_impl(0
#define COOPECON_DESCRIBE_ENUM_ENTRY(value) BOOST_DESCRIBE_ENUM_ENTRY(coopecon_described_enum, value)
#define COOPECON_DESCRIBE_ENUM_END \
    );                               \
    }

// ---- public ------------------------------------------------------------------------------------------------
#define COOPECON_LABELLED_ENUM(E, Base, ...)                                                 \
    enum class E : Base { BOOST_DESCRIBE_PP_FOR_EACH(COOPECON_DETAIL_LE_VALUE, E, __VA_ARGS__) }; \
    COOPECON_DESCRIBE_ENUM_BEGIN(E)                                                        \
    BOOST_DESCRIBE_PP_FOR_EACH(COOPECON_DETAIL_LE_ENTRY, E, __VA_ARGS__)                     \
    COOPECON_DESCRIBE_ENUM_END                                                             \
    constexpr ::coopecon::Label label(E v) noexcept {                                        \
        using coopecon_described_enum = E;                                                   \
        switch (v) { BOOST_DESCRIBE_PP_FOR_EACH(COOPECON_DETAIL_LE_CASE, E, __VA_ARGS__) }   \
        return {"?", "?"};                                                                   \
    }

#define COOPECON_DESCRIBE_TABLE_ENUM(E, Base, TABLE)  \
    enum class E : Base { TABLE(COOPECON_DETAIL_TE_VALUE) }; \
    COOPECON_DESCRIBE_ENUM_BEGIN(E)                 \
    TABLE(COOPECON_DETAIL_TE_ENTRY)                   \
    COOPECON_DESCRIBE_ENUM_END
