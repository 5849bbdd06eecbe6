"""Synthetic registries in memory: the embedded Cà Mau dataset as the CLI reports it, the built-in profiles by
name with a seed and a size, and profile files."""

import pytest

import coopecon
from conftest import SOURCE_DIR


def test_the_embedded_dataset_is_the_one_the_cli_reports(ca_mau):
    assert len(ca_mau) == 1703 and ca_mau.info["synthetic"]
    headline = coopecon.report(ca_mau, "2023-08-31").headline.set_index("kind")
    assert headline.loc["cooperative", "organizations"] == 281 and headline.loc["cooperative", "active"] == 247
    assert headline.loc["cooperative_group", "members"] == 14_560


def test_the_same_profile_and_seed_give_the_same_registry():
    first = coopecon.synthesize("world", seed=7, organizations=300)
    assert first.dumps() == coopecon.synthesize("world", seed=7, organizations=300).dumps()
    assert first.dumps() != coopecon.synthesize("world", seed=8, organizations=300).dumps()
    assert len(first) == 300
    assert coopecon.datasets.ca_mau_2023(seed=coopecon.datasets.DEFAULT_SEED).dumps() == \
        coopecon.synthesize("ca_mau_2023").dumps()


def test_a_profile_file(tmp_path):
    path = SOURCE_DIR / "data" / "simulation" / "ca_mau_2023.json"
    assert coopecon.synthesize(path).dumps() == coopecon.datasets.ca_mau_2023().dumps()
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(coopecon.ParseError, match="broken.json"):
        coopecon.synthesize(broken)


def test_mistakes_are_named():
    assert coopecon.datasets.PROFILES == ("ca_mau_2023", "vietnam_2022", "world")
    with pytest.raises(coopecon.UnknownNameError, match="ca_mau_2023, vietnam_2022, world"):
        coopecon.synthesize("atlantis")
    with pytest.raises(coopecon.UsageError, match="only the world profile"):
        coopecon.synthesize("ca_mau_2023", organizations=10)
    with pytest.raises(TypeError, match="world profile only"):
        coopecon.synthesize(SOURCE_DIR / "data" / "simulation" / "ca_mau_2023.json", organizations=10)
