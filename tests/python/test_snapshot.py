"""Snapshots: values against figures computed by hand, zero-copy columns, pandas frames, pickling."""

import gc
import pickle

import numpy as np
import pandas as pd
import pytest

import coopecon

from conftest import D

EPOCH = D(1970, 1, 1)


def days(date):
    return (date - EPOCH).days


def test_columns_hold_the_states_computed_by_hand(small_registry):
    snapshot = small_registry.snapshot(D(2024, 10, 1))
    assert snapshot.as_of == D(2024, 10, 1) and len(snapshot) == 3
    assert snapshot.ids == ["HTX-A", "THT-B", "HTX-C"]
    c = snapshot.columns

    def names_of(column, enum):
        return [coopecon.names(enum)[code] for code in c[column]]

    assert c["exists"].tolist() == [1, 1, 1]
    assert names_of("kind", "OrgKind") == ["cooperative", "cooperative_group", "cooperative"]
    assert names_of("status", "LegalStatus") == ["active", "active", "in_dissolution"]
    assert names_of("sector", "Sector") == ["agriculture", "trade_services", "credit"]
    assert [snapshot.area_codes[i] for i in c["area"]] == ["P96", "D973", "P01"]
    assert c["registered_on"].tolist() == [days(D(2020, 1, 15)), days(D(2023, 5, 10)), days(D(2024, 3, 1))]
    assert c["status_since"].tolist() == [days(D(2023, 1, 1)), days(D(2023, 5, 10)), days(D(2024, 9, 1))]
    assert c["official_members"].tolist() == [7, 3, 5]
    assert c["capital_associates"].tolist() == [1, 0, 0]
    assert c["individual_members"].tolist() == [7, 0, 5]
    assert c["household_members"].tolist() == [1, 3, 0]
    assert c["charter_capital"].tolist() == [500_000_000, 0, 1_000_000_000]
    assert c["last_annual_assembly"].tolist() == [days(D(2021, 3, 20)), coopecon.NO_DATE, coopecon.NO_DATE]
    assert c["last_member_change"].tolist() == [days(D(2021, 3, 1)), days(D(2023, 5, 10)), days(D(2024, 3, 1))]
    assert coopecon.Snapshot.roles()["last_member_change"] == "date"
    assert c["financial_year"].tolist() == [2021, 0, 0]
    assert c["revenue"].tolist() == [1_000_000_000, 0, 0]
    assert c["wages"].tolist() == [300_000_000, 0, 0]


def test_organisations_not_yet_registered_do_not_exist(small_registry):
    c = small_registry.snapshot("2022-07-01").columns
    assert c["exists"].tolist() == [1, 0, 0]
    assert coopecon.names("LegalStatus")[c["status"][0]] == "suspended"
    assert c["registered_on"][1] == coopecon.NO_DATE


def test_column_dtypes_follow_their_roles(small_registry):
    columns = small_registry.snapshot("2024-10-01").columns
    roles = coopecon.Snapshot.roles()
    assert list(roles) == list(columns)
    for name, role in roles.items():
        expected = {"flag": np.uint8, "bits": np.uint8, "date": np.int32, "number": np.int32, "money": np.int64,
                    "area": np.uint32}.get(role, np.uint8)
        assert columns[name].dtype == expected, name
        if role in coopecon.enumerations():
            assert columns[name].max() < len(coopecon.names(role))


def test_columns_are_read_only_views_without_copies(small_registry):
    snapshot = small_registry.snapshot("2024-10-01")
    first, second = snapshot.columns, snapshot.columns
    for name in first:
        assert np.shares_memory(first[name], second[name]), name
        assert not first[name].flags.owndata and not first[name].flags.writeable
        assert first[name].base is snapshot._cpp
    with pytest.raises(ValueError):
        first["official_members"][0] = 99


def test_a_column_keeps_its_snapshot_alive(small_registry):
    column = small_registry.snapshot("2024-10-01").columns["official_members"]
    gc.collect()
    assert column.tolist() == [7, 3, 5]


def test_to_pandas_labels_every_column(small_registry):
    frame = small_registry.snapshot(D(2024, 12, 31)).to_pandas()
    assert frame.index.tolist() == ["HTX-A", "THT-B", "HTX-C"] and frame.index.name == "id"
    assert list(frame.columns) == ["registered", "existing"] + [c for c in coopecon.Snapshot.roles() if c != "exists"]
    for column, enum in [("kind", "OrgKind"), ("status", "LegalStatus"), ("sector", "Sector"), ("ended_by", "Ending")]:
        assert isinstance(frame[column].dtype, pd.CategoricalDtype)
        assert list(frame[column].cat.categories) == list(coopecon.names(enum))
    assert frame["status"].tolist() == ["active", "active", "terminated"]
    assert frame["kind"].tolist() == ["cooperative", "cooperative_group", "cooperative"]
    assert frame["ended_by"].tolist() == ["none", "none", "dissolution"]
    assert frame["area"].tolist() == ["P96", "D973", "P01"]
    assert isinstance(frame["area"].dtype, pd.CategoricalDtype)
    assert frame["registered"].dtype == bool and frame["existing"].dtype == bool
    assert frame["not_at_address"].dtype == "boolean"
    for column in ["registered_on", "status_since", "last_annual_assembly", "last_report", "converted_on"]:
        assert pd.api.types.is_datetime64_dtype(frame[column]), column
    assert frame.loc["HTX-C", "status_since"] == pd.Timestamp("2024-12-01")
    assert frame.loc["HTX-A", "last_annual_assembly"] == pd.Timestamp("2021-03-20")
    assert pd.isna(frame.loc["THT-B", "last_annual_assembly"]) and frame["last_report"].isna().all()
    assert frame["official_members"].dtype == "Int32" and frame["charter_capital"].dtype == "Int64"
    assert frame["charter_capital"].tolist() == [500_000_000, 0, 1_000_000_000]
    assert frame["status"].cat.rename_categories(coopecon.labels("LegalStatus", "vi"))["HTX-C"] == \
        "Đã giải thể, phá sản, chấm dứt tồn tại"


def test_to_pandas_of_the_example(example_registry):
    snapshot = example_registry.snapshot(example_registry.info["as_of"])
    frame = snapshot.to_pandas()
    assert frame.shape == (len(example_registry), len(coopecon.Snapshot.roles()) + 1)
    assert frame.index.tolist() == example_registry.ids()
    for org_id in example_registry:
        state = example_registry.state_at(org_id, snapshot.as_of)
        row = frame.loc[org_id]
        assert row["registered"] == state["registered"]
        if state["registered"]:
            assert row["status"] == state["status"]
            assert row["official_members"] == state["members"]["by_kind"]["official"]
            assert row["charter_capital"] == state["charter_capital"]


def test_a_date_beyond_what_pandas_holds():
    registry = coopecon.Registry()
    registry.add({"id": "FAR", "registration_code": "1", "name": "Far future", "kind": "cooperative", "area": "P01",
                  "sector": "other", "events": [{"date": "2300-01-01", "type": "registered", "charter_capital": 0}]})
    snapshot = registry.snapshot("2300-12-31")
    assert snapshot.columns["registered_on"][0] == days(D(2300, 1, 1))
    if int(pd.__version__.split(".")[0]) < 2:
        with pytest.raises(coopecon.InvalidValueError, match="outside the range pandas"):
            snapshot.to_pandas()
    else:
        assert snapshot.to_pandas()["registered_on"][0] == pd.Timestamp("2300-01-01")


def test_pickling_keeps_columns_ids_and_areas(small_registry):
    snapshot = small_registry.snapshot("2024-10-01")
    copy = pickle.loads(pickle.dumps(snapshot, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy.as_of == snapshot.as_of and copy.ids == snapshot.ids and copy.area_codes == snapshot.area_codes
    for name, column in snapshot.columns.items():
        assert np.array_equal(copy.columns[name], column) and copy.columns[name].dtype == column.dtype
    pd.testing.assert_frame_equal(copy.to_pandas(), snapshot.to_pandas())


def test_unpickling_checks_the_state(small_registry):
    snapshot = small_registry.snapshot("2024-10-01")
    cls, state = type(snapshot._cpp), snapshot._cpp.__getstate__()
    version, as_of, columns, ids, area_codes = state

    def restore(new_state):
        obj = cls.__new__(cls)
        obj.__setstate__(new_state)
        return obj

    assert len(restore(state)) == 3
    with pytest.raises(coopecon.InvalidValueError, match="unknown pickle version 99"):
        restore((99, as_of, columns, ids, area_codes))
    with pytest.raises(coopecon.InvalidValueError, match="column official_members is not a contiguous array of int32"):
        restore((version, as_of, {**columns, "official_members": columns["official_members"].astype(np.int64)},
                 ids, area_codes))
    with pytest.raises(coopecon.InvalidValueError, match="column status holds values out of range"):
        restore((version, as_of, {**columns, "status": np.full(3, 200, np.uint8)}, ids, area_codes))
    with pytest.raises(coopecon.InvalidValueError, match="one value for each of the 2 ids"):
        restore((version, as_of, columns, ids[:2], area_codes))
    with pytest.raises(coopecon.InvalidValueError, match="column area holds values out of range"):
        restore((version, as_of, columns, ids, []))


def test_a_pickle_of_version_1_loads_without_the_columns_added_since(small_registry):
    snapshot = small_registry.snapshot("2024-10-01")
    cls, (version, as_of, columns, ids, area_codes) = type(snapshot._cpp), snapshot._cpp.__getstate__()
    assert version == 2
    older = {name: column for name, column in columns.items() if name != "last_member_change"}

    def restore(new_state):
        obj = cls.__new__(cls)
        obj.__setstate__(new_state)
        return obj

    copy = restore((1, as_of, older, ids, area_codes))
    assert copy.columns["last_member_change"].tolist() == [coopecon.NO_DATE] * 3
    assert np.array_equal(copy.columns["official_members"], columns["official_members"])
    with pytest.raises(coopecon.InvalidValueError, match="column last_member_change is missing"):
        restore((2, as_of, older, ids, area_codes))


def test_snapshots_at_several_dates_equal_one_snapshot_per_date(example_registry):
    dates = [D(2019, 12, 31), "2022-12-31", D(2024, 12, 31), D(2025, 6, 30)]
    series = example_registry.snapshots(dates)
    assert [s.as_of for s in series] == [D(2019, 12, 31), D(2022, 12, 31), D(2024, 12, 31), D(2025, 6, 30)]
    for date, snapshot in zip(dates, series):
        pd.testing.assert_frame_equal(snapshot.to_pandas(), example_registry.snapshot(date).to_pandas())
    with pytest.raises(coopecon.UsageError, match="strictly increasing"):
        example_registry.snapshots([D(2024, 1, 1), D(2023, 1, 1)])
