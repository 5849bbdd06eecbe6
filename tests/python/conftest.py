"""Shared fixtures: the example registry file, and a small registry built by hand whose figures the tests
compute by hand.

Run through CTest (`ctest --preset release -R python`), which puts the built package on PYTHONPATH and sets
COOPECON_SOURCE_DIR and COOPECON_CLI.
"""

import datetime
import os
import pathlib

import pytest

import coopecon

SOURCE_DIR = pathlib.Path(os.environ.get("COOPECON_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
EXAMPLE = SOURCE_DIR / "examples" / "registry.json"

D = datetime.date


def cooperative_a():
    """Registered 2020-01-15 with 7 official individual members and charter capital 500 million đồng; a
    household joins as a capital-contributing associate on 2021-03-01; suspended 2022-06-01 to 2022-12-31."""
    return {
        "id": "HTX-A",
        "registration_code": "6101000001",
        "name": "Hợp tác xã Nông nghiệp A",
        "kind": "cooperative",
        "area": "P96",
        "sector": "agriculture",
        "members": [{"id": "M1", "name": "Lê Thị Một", "type": "household", "foreign_investor": False}],
        "events": [
            {"date": D(2020, 1, 15), "type": "registered", "charter_capital": 500_000_000},
            {"date": D(2020, 1, 15), "type": "members_joined", "kind": "official", "member_type": "individual",
             "count": 7, "foreign_investors": 0, "capital": 350_000_000},
            {"date": "2021-03-01", "type": "member_joined", "member": "M1", "kind": "capital_associate",
             "capital": 50_000_000},
            {"date": D(2021, 3, 20), "type": "assembly_held", "kind": "annual"},
            {"date": D(2021, 12, 31), "type": "financial_year_closed", "year": 2021, "revenue": 1_000_000_000,
             "costs": 900_000_000, "pre_tax_profit": 100_000_000, "internal_revenue": 400_000_000, "workers": 5,
             "wages": 300_000_000, "indivisible_fund": 10_000_000},
            {"date": D(2022, 6, 1), "type": "suspended", "until": D(2022, 12, 31)},
        ],
    }


def group_b():
    """A cooperative group registered 2023-05-10 with 3 households."""
    return {
        "id": "THT-B",
        "registration_code": "TH-0002",
        "name": "Tổ hợp tác B",
        "kind": "cooperative_group",
        "area": "D973",
        "sector": "trade_services",
        "events": [
            {"date": D(2023, 5, 10), "type": "registered", "charter_capital": 0},
            {"date": D(2023, 5, 10), "type": "members_joined", "kind": "official", "member_type": "household",
             "count": 3, "foreign_investors": 0, "capital": 0},
        ],
    }


def cooperative_c():
    """Registered 2024-03-01, dissolution resolved 2024-09-01, completed 2024-12-01."""
    return {
        "id": "HTX-C",
        "registration_code": "0101000003",
        "name": "Quỹ tín dụng nhân dân C",
        "kind": "cooperative",
        "area": "P01",
        "sector": "credit",
        "events": [
            {"date": D(2024, 3, 1), "type": "registered", "charter_capital": 1_000_000_000},
            {"date": D(2024, 3, 1), "type": "members_joined", "kind": "official", "member_type": "individual",
             "count": 5, "foreign_investors": 0, "capital": 1_000_000_000},
            {"date": D(2024, 9, 1), "type": "dissolution_resolved", "basis": "members_resolution",
             "approval_percent": 80},
            {"date": D(2024, 12, 1), "type": "dissolution_completed", "by": "dossier"},
        ],
    }


@pytest.fixture
def small_registry():
    registry = coopecon.Registry()
    registry.add([cooperative_a(), group_b(), cooperative_c()])
    return registry


@pytest.fixture
def example_path():
    assert EXAMPLE.is_file(), f"{EXAMPLE} is missing"
    return EXAMPLE


@pytest.fixture
def example_registry(example_path):
    return coopecon.load(example_path)


@pytest.fixture(scope="session")
def ca_mau():
    """The embedded Cà Mau dataset (read-only in tests: it is shared by the session)."""
    return coopecon.datasets.ca_mau_2023()
