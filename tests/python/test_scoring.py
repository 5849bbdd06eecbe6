"""coopecon.scoring: classification (Thông tư 01/2020/TT-BKHĐT, 09/2017/TT-BNNPTNT), New Rural Development
criterion 13.1 per commune and OCOP stars as typed DataFrames; rules with UNCONFIRMED values replaced
(docs/scoring.md)."""

import datetime
import json
import pickle

import numpy as np
import pandas as pd
import pytest

import coopecon
from coopecon import scoring

D = datetime.date
TT01_MAXIMA = [7, 6, 11, 6, 8, 6, 6, 6, 4]  # groups I and II; group III (TC10–TC15) is UNCONFIRMED


def points(total, scheme="tt01_2020", year=2023):
    """Criterion points adding up to `total`, each criterion filled to its maximum in order."""
    out = []
    for criterion in scoring.ScoringRules.vietnam().scheme(scheme, year)["criteria"]:
        x = min(total, criterion["max_points"]["value"])
        out.append(x)
        total -= x
    return out


def cooperative(id_, registered="2020-01-01", area="X1", sector="agriculture", events=()):
    return {
        "id": id_, "registration_code": id_, "name": "Hợp tác xã " + id_, "kind": "cooperative", "area": area,
        "sector": sector,
        "events": [{"date": registered, "type": "registered", "charter_capital": 0}, *events],
    }


def assessed(year, total, scheme="tt01_2020"):
    return {"date": f"{year + 1}-03-15", "type": "assessed", "year": year, "scheme": scheme,
            "points": points(total, scheme, year)}


def commune(code, name):
    return {"code": code, "official_code": code, "name": name, "full_name": name, "level": "commune",
            "kind": "commune", "parent": "D964", "valid_from": "2004-01-01"}


@pytest.fixture
def registry():
    organizations = [
        cooperative("good", events=[assessed(2023, 80)]),
        cooperative("fair", events=[assessed(2023, 65)]),
        cooperative("average", area="X2", events=[assessed(2023, 64)]),
        cooperative("weak", area="X2", events=[assessed(2023, 49)]),
        cooperative("new", area="X2", registered="2023-01-02", events=[assessed(2023, 95)]),
        cooperative("suspended", area="X2", events=[
            {"date": "2023-03-01", "type": "suspended", "until": "2023-06-01"}, assessed(2023, 95)]),
        cooperative("sanctioned", area="X2", events=[
            {"date": "2023-05-01", "type": "sanctioned"}, assessed(2023, 95, "tt09_2017")]),
        cooperative("ocop", events=[
            {"date": "2023-05-01", "type": "ocop_rated", "product": "Mật ong", "score": 70},
            {"date": "2023-05-01", "type": "ocop_rated", "product": "Khô cá", "score": 69}]),
    ]
    text = json.dumps({"format": "coopecon-registry", "version": 1,
                       "info": {"title": "scoring", "source": "tests", "synthetic": True},
                       "areas": [commune("X1", "Xã Một"), commune("X2", "Xã Hai")],
                       "organizations": organizations}, ensure_ascii=False)
    return coopecon.loads(text)


def test_tt01_2020_classification_is_a_typed_dataframe_on_both_sides_of_each_band(registry):
    frame = scoring.classify(registry, 2023)
    assert list(frame.columns) == ["organization", "year", "scheme", "rating", "class", "points", "sanctioned",
                                   "suspended_days", "reason", "legal_basis", "unconfirmed"]
    assert frame["class"].cat.ordered
    assert list(frame["class"].cat.categories) == ["weak", "average", "fair", "good"]
    assert str(frame.dtypes["points"]) == "Int64"
    by = frame.set_index("organization")
    assert by.loc["good", "class"] == "good" and by.loc["good", "points"] == 80
    assert by.loc["fair", "class"] == "fair"
    assert by.loc["average", "class"] == "average"
    assert by.loc["weak", "class"] == "weak"
    assert by.loc["good", "legal_basis"] == "Thông tư 01/2020/TT-BKHĐT (signed 2020-02-19, in force 2020-04-01)"
    assert "80 points: good from 80" in by.loc["good", "reason"]


def test_tt01_2020_not_rated_under_twelve_months_or_suspended_more_than_three_months(registry):
    by = scoring.classify(registry, 2023).set_index("organization")
    assert by.loc["new", "rating"] == "too_new"
    assert pd.isna(by.loc["new", "class"])
    assert by.loc["suspended", "rating"] == "suspended_too_long"  # 2023-03-01 to 2023-06-01: three months and a day
    assert by.loc["suspended", "suspended_days"] == 93


def test_tt09_2017_a_sanction_in_the_year_makes_it_weak(registry):
    frame = scoring.classify(registry, 2023, scheme="tt09_2017")
    row = frame.set_index("organization").loc["sanctioned"]
    assert (row["rating"], row["class"], row["points"], row["sanctioned"]) == ("rated", "weak", 95, True)


def test_ntm_13_1_per_commune_with_a_configurable_effective_predicate(registry):
    frame = scoring.ntm_13_1(registry, 2023)
    assert list(frame.commune) == ["X1", "X2"]
    assert list(frame.meets) == [True, False]
    assert frame.loc[0, "effective_organizations"] == ["good", "fair"]
    assert frame.dtypes["effective"] == np.dtype("int32")
    assert frame.unconfirmed.all()
    good_only = scoring.ScoringRules.vietnam().with_effective(["good"])
    assert list(scoring.ntm_13_1(registry, 2023, rules=good_only).effective) == [1, 0]


def test_ocop_stars_from_score_bands(registry):
    frame = scoring.ocop_products(registry, "2023-12-31")
    assert list(frame["product"]) == ["Mật ong", "Khô cá"]
    assert list(frame["stars"]) == [4, 3]
    assert frame.dtypes["rated_on"] == np.dtype("datetime64[ns]")
    assert list(frame["valid_until"]) == [pd.Timestamp("2026-04-30")] * 2
    rules = scoring.ScoringRules.vietnam()
    assert [rules.ocop_stars(s, "2024-01-01") for s in (90, 89, 70, 69, 50, 49, 30, 29)] == [5, 4, 4, 3, 3, 2, 2, 1]


def test_group_three_weights_are_unconfirmed_and_replaceable():
    rules = scoring.ScoringRules.vietnam()
    flagged = rules.unconfirmed()
    assert list(flagged.columns) == ["path", "value", "reference"]
    assert any("criteria[9].max_points" in p for p in flagged.path)
    scheme = rules.scheme("tt01_2020", 2023)
    assert [c["max_points"]["value"] for c in scheme["criteria"][:9]] == TT01_MAXIMA
    assert sum(c["max_points"]["value"] for c in scheme["criteria"]) == 100
    current = {c["id"]: c["max_points"]["value"] for c in scheme["criteria"][9:]}
    moved = dict(current, TC10=current["TC10"] + 2, TC15=current["TC15"] - 2)
    replaced = rules.with_max_points("tt01_2020", moved)
    assert replaced.scheme("tt01_2020", 2023)["criteria"][9]["max_points"] == {
        "value": current["TC10"] + 2, "reference": "set by the caller", "unconfirmed": False}
    with pytest.raises(coopecon.InvalidValueError, match="add up to 102"):
        rules.with_max_points("tt01_2020", {"TC10": current["TC10"] + 2})
    with pytest.raises(coopecon.UnknownNameError):
        rules.with_max_points("tt01_2020", {"TC99": 1})
    copy = pickle.loads(pickle.dumps(replaced))
    assert copy.dumps() == replaced.dumps()
