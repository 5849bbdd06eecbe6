#pragma once
// The described enumerations Python sees, each under its C++ type name. Values cross to Python as enumerator
// names (strings), so this table is what gives a name its type: for coopecon.names(), for coopecon.label(),
// and for the categories of snapshot columns in pandas, whose codes are the enumerators' values.

#include <coopecon/core/enum_text.hpp>
#include <coopecon/core/error.hpp>
#include <coopecon/core/label.hpp>
#include <coopecon/model/event.hpp>
#include <coopecon/model/area.hpp>
#include <coopecon/model/legal_status.hpp>
#include <coopecon/model/member.hpp>
#include <coopecon/model/org_state.hpp>
#include <coopecon/model/organization_kind.hpp>
#include <coopecon/model/sector.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstddef>
#include <string_view>

namespace coopecon::python {

template <class E>
struct EnumName;  // specialised below: static constexpr std::string_view value

#define COOPECON_PYTHON_ENUM_NAME(E)                          \
    template <>                                               \
    struct EnumName<E> {                                      \
        static constexpr std::string_view value = #E;         \
    };
COOPECON_PYTHON_ENUM_NAME(LegalStatus)
COOPECON_PYTHON_ENUM_NAME(OrgKind)
COOPECON_PYTHON_ENUM_NAME(Sector)
COOPECON_PYTHON_ENUM_NAME(MemberKind)
COOPECON_PYTHON_ENUM_NAME(MemberType)
COOPECON_PYTHON_ENUM_NAME(EventType)
COOPECON_PYTHON_ENUM_NAME(Ending)
COOPECON_PYTHON_ENUM_NAME(MembershipEnd)
COOPECON_PYTHON_ENUM_NAME(ReorganizationForm)
COOPECON_PYTHON_ENUM_NAME(AssemblyKind)
COOPECON_PYTHON_ENUM_NAME(DissolutionBasis)
COOPECON_PYTHON_ENUM_NAME(CompletionMode)
COOPECON_PYTHON_ENUM_NAME(RevocationGround)
COOPECON_PYTHON_ENUM_NAME(ClassificationScheme)
COOPECON_PYTHON_ENUM_NAME(Certification)
COOPECON_PYTHON_ENUM_NAME(ImposedBy)
COOPECON_PYTHON_ENUM_NAME(AreaLevel)
COOPECON_PYTHON_ENUM_NAME(ErrorCode)
COOPECON_PYTHON_ENUM_NAME(Lang)
#undef COOPECON_PYTHON_ENUM_NAME

/// Enumerations with `label(E)`, in the order coopecon.label() searches them for a bare name: a status before
/// an event of the same name ("suspended"), a kind of organisation before a type of member ("cooperative").
using LabelledEnums = boost::mp11::mp_list<LegalStatus, OrgKind, Sector, MemberKind, MemberType, EventType, Ending>;

using UnlabelledEnums = boost::mp11::mp_list<MembershipEnd, ReorganizationForm, AssemblyKind, DissolutionBasis,
                                             CompletionMode, RevocationGround, ClassificationScheme, Certification,
                                             ImposedBy, AreaLevel, ErrorCode, Lang>;

using AllEnums = boost::mp11::mp_append<LabelledEnums, UnlabelledEnums>;

/// True when the enumerators' values are 0, 1, 2 … in declaration order, so a value indexes the name list.
template <class E>
consteval bool values_are_positions() {
    const auto values = enum_values<E>();
    for (std::size_t i = 0; i < values.size(); ++i)
        if (static_cast<std::size_t>(values[i]) != i) return false;
    return true;
}

}  // namespace coopecon::python
