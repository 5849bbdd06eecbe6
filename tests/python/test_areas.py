"""Areas from Python: the catalogue with codes, names in both languages, levels, parents, regions and validity
dates; the regions; the crosswalk; grouping by region; labels that tell the old and the merged units apart."""


import pandas as pd
import pytest

import coopecon
from coopecon import areas, indicators


def test_the_catalogue_describes_every_unit():
    frame = areas.catalogue()
    cm_2023, cm_2025 = frame.loc["P96"], frame.loc["P96-2025"]
    assert (cm_2023["name"], cm_2023["name_en"], cm_2023["level"]) == ("Cà Mau", "Ca Mau", "province")
    assert cm_2023["valid_to"] == pd.Timestamp("2025-06-30") and cm_2023["region"] == "mekong_delta"
    assert cm_2025["valid_from"] == pd.Timestamp("2025-07-01") and pd.isna(cm_2025["valid_to"])
    district = frame.loc["D971"]
    assert (district["name"], district["level"], district["parent"]) == ("Năm Căn", "district", "P96")
    assert district["province"] == "P96" and district["region"] == "mekong_delta"
    assert frame["level"].cat.ordered and list(frame["level"].cat.categories) == ["province", "district", "commune"]
    provinces = frame[frame["level"] == "province"]
    on = pd.Timestamp

    def valid(day):
        return (provinces["valid_from"] <= on(day)) & (provinces["valid_to"].isna() | (provinces["valid_to"] >= on(day)))

    assert valid("2025-06-30").sum() == 63 and valid("2025-07-01").sum() == 34
    assert (frame.loc[frame["level"] == "district", "valid_to"] <= on("2025-06-30")).all()


def test_regions_and_the_crosswalk():
    regions = areas.regions()
    assert len(regions) == 6 and regions.loc["mekong_delta", "name_vi"] == "Đồng bằng sông Cửu Long"
    walk = areas.crosswalk()
    assert list(walk.columns) == ["from_", "to", "on", "part"]
    primary = walk[(walk["from_"] == "P96") & ~walk["part"]]
    assert primary["to"].tolist() == ["P96-2025"] and primary["on"].tolist() == [pd.Timestamp("2025-07-01")]
    # Bạc Liêu (P95) joined the new Cà Mau.
    assert "P96-2025" in set(walk.loc[walk["from_"] == "P95", "to"])


def test_labels_tell_the_old_and_the_merged_units_apart():
    assert areas.label("P96") == "Cà Mau (đến 2025-06-30)"
    assert areas.label("P96-2025") == "Cà Mau (từ 2025-07-01)"
    assert areas.label("P96-2025", "en") == "Cà Mau (from 2025-07-01)"
    assert areas.label("D971") == "Năm Căn"  # no other district of that name
    with pytest.raises(KeyError):
        areas.label("P99")


def test_tables_use_those_labels(ca_mau):
    before = indicators.compute(ca_mau, ["organizations"], "2025-01-01", "2025-06-30", by="province")
    after = indicators.compute(ca_mau, ["organizations"], "2025-01-01", "2025-12-31", by="province")
    assert before.set_index("province").loc["P96", "province_label"] == "Cà Mau (until 2025-06-30)"
    assert after.set_index("province").loc["P96-2025", "province_label"] == "Cà Mau (from 2025-07-01)"
    vi = indicators.compute(ca_mau, ["organizations"], "2025-01-01", "2025-12-31", by="province", lang="vi")
    assert vi.set_index("province").loc["P96-2025", "province_label"] == "Cà Mau (từ 2025-07-01)"


def organization(org_id, area):
    return {"id": org_id, "registration_code": org_id, "name": org_id, "kind": "cooperative", "area": area,
            "sector": "agriculture",
            "events": [{"date": "2022-03-01", "type": "registered", "charter_capital": 0},
                       {"date": "2022-03-01", "type": "members_joined", "kind": "official",
                        "member_type": "individual", "count": 7, "foreign_investors": 0, "capital": 0}]}


def test_grouping_by_region():
    registry = coopecon.Registry()
    registry.add([organization("A", "D971"), organization("B", "P96"), organization("C", "P01")])
    frame = indicators.compute(registry, ["cooperatives"], "2022-01-01", "2022-12-31", by="region").set_index("region")
    assert frame.loc["mekong_delta", "cooperatives"] == 2 and frame.loc["red_river_delta", "cooperatives"] == 1
    assert frame.loc["mekong_delta", "region_label"] == "Mekong River Delta"
    assert frame.loc["total", "cooperatives"] == 3
    # After 2025 a seat is reported through the crosswalk in its new province's region.
    later = indicators.compute(registry, ["cooperatives"], "2025-07-01", "2025-12-31", by="region")
    assert later.set_index("region").loc["mekong_delta", "cooperatives"] == 2
    vi = indicators.compute(registry, ["cooperatives"], "2022-01-01", "2022-12-31", by="region", lang="vi")
    assert "Đồng bằng sông Cửu Long" in set(vi["region_label"])


def test_the_national_profile_by_region_gives_the_statistics_offices_totals():
    national = coopecon.synthesize("vietnam_2022")
    frame = indicators.compute(national, ["cooperatives"], "2022-01-01", "2022-12-31", by="region")
    counts = frame[~frame["total"]].set_index("region")["cooperatives"].to_dict()
    assert counts == {"northern_midlands_mountains": 7957, "red_river_delta": 7780,
                      "north_central_central_coast": 6167, "central_highlands": 1983, "southeast": 2071,
                      "mekong_delta": 3420}
