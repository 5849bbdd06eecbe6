"""Enumerated values are their C++ names; labels give the English and the official Vietnamese terms."""

import pytest

import coopecon


def test_names_are_the_cpp_enumerators_in_value_order():
    assert coopecon.names("OrgKind") == ("cooperative_group", "cooperative", "union_of_cooperatives")
    assert coopecon.names("LegalStatus")[:2] == ("active", "suspended")
    assert {"LegalStatus", "OrgKind", "Sector", "EventType", "ErrorCode"} <= set(coopecon.enumerations())
    with pytest.raises(coopecon.UnknownNameError, match='^"Status" is not an enumeration of coopecon: LegalStatus, '):
        coopecon.names("Status")


def test_labels_in_both_languages():
    assert coopecon.label("active") == "Đang hoạt động"
    assert coopecon.label("active", "en") == "Active"
    assert coopecon.label("cooperative") == "Hợp tác xã"
    assert coopecon.label("cooperative_group", lang="en") == "Cooperative group"
    assert coopecon.label("agriculture", "vi") == "Nông, lâm, ngư, diêm nghiệp"
    assert coopecon.label("capital_associate") == "Thành viên liên kết góp vốn"
    assert coopecon.label("registered", enum="EventType") == "Đăng ký thành lập"


def test_a_bare_name_is_looked_up_status_first_and_kind_words_a_status():
    assert coopecon.label("suspended", "en") == "Suspended"
    assert coopecon.label("suspended", "en", enum="EventType") == "Suspended"
    assert coopecon.label("cooperative", "en") == "Cooperative"  # OrgKind before MemberType
    assert coopecon.label("in_dissolution") == "Đang làm thủ tục giải thể"
    assert coopecon.label("in_dissolution", kind="cooperative_group") == "Đang làm thủ tục chấm dứt hoạt động"


def test_labels_of_an_enumeration():
    kinds = coopecon.labels("OrgKind", "en")
    assert kinds == {"cooperative_group": "Cooperative group", "cooperative": "Cooperative",
                     "union_of_cooperatives": "Union of cooperatives"}
    assert list(coopecon.labels("LegalStatus")) == list(coopecon.names("LegalStatus"))


def test_mistakes_are_coopecon_errors():
    with pytest.raises(coopecon.UnknownNameError, match='^"actif" is not a name of any labelled enumeration'):
        coopecon.label("actif")
    with pytest.raises(coopecon.UnknownNameError, match='^"registered" is not a name of LegalStatus: active, '):
        coopecon.label("registered", enum="LegalStatus")
    with pytest.raises(coopecon.UnknownNameError, match='^"fr" is not a name of Lang: en, vi$'):
        coopecon.label("active", "fr")
    with pytest.raises(coopecon.UnknownNameError, match="is not a name of OrgKind"):
        coopecon.label("active", kind="company")
    with pytest.raises(coopecon.UsageError, match="^AssemblyKind has no labels"):
        coopecon.labels("AssemblyKind")
