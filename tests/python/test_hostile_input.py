"""Hostile input: every malformed value raises the coopecon error of its kind, at the field path where it is,
and leaves the registry as it was."""

import datetime

import pytest

import coopecon

from conftest import cooperative_a

ORG = "organizations[0]"
FIRST_EVENT = f"{ORG}.events[0]"


def with_first_event(**changes):
    org = cooperative_a()
    org["events"][0].update(changes)
    return org


def with_identity(**changes):
    org = cooperative_a()
    org.update(changes)
    return org


def without(key):
    org = cooperative_a()
    del org[key]
    return org


def self_containing_list():
    events = []
    events.append(events)
    return with_identity(events=events)


def nested_lists(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


CASES = [
    # (case, organisation or list given to Registry.add, error class, paths of the problems)
    ("text for a number", with_first_event(charter_capital="500"), coopecon.WrongTypeError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("unknown event type", with_first_event(type="exploded"), coopecon.UnknownNameError, [f"{FIRST_EVENT}.type"]),
    ("impossible date", with_first_event(date="2023-02-30"), coopecon.InvalidValueError, [f"{FIRST_EVENT}.date"]),
    ("year zero", with_first_event(date="0000-01-01"), coopecon.InvalidValueError, [f"{FIRST_EVENT}.date"]),
    ("date with a time", with_first_event(date="2020-01-15T00:00"), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.date"]),
    ("datetime with a time of day", with_first_event(date=datetime.datetime(2020, 1, 15, 9)),
     coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.date"]),
    ("number for a date", with_first_event(date=20200115), coopecon.WrongTypeError, [f"{FIRST_EVENT}.date"]),
    ("2**63 for int64", with_first_event(charter_capital=2**63), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("2**64 + 1", with_first_event(charter_capital=2**64 + 1), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("-2**63 - 1", with_first_event(charter_capital=-2**63 - 1), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("10**5000", with_first_event(charter_capital=10**5000), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("fraction", with_first_event(charter_capital=0.5), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("NaN", with_first_event(charter_capital=float("nan")), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("bool for a number", with_first_event(charter_capital=True), coopecon.WrongTypeError,
     [f"{FIRST_EVENT}.charter_capital"]),
    ("key of another event type", with_first_event(until="2021-01-01"), coopecon.UnknownFieldError,
     [f"{FIRST_EVENT}.until"]),
    ("unknown key", with_identity(colour="red"), coopecon.UnknownFieldError, [f"{ORG}.colour"]),
    ("missing key", without("name"), coopecon.MissingFieldError, [f"{ORG}.name"]),
    ("unknown kind", with_identity(kind="company"), coopecon.UnknownNameError, [f"{ORG}.kind"]),
    ("unknown area", with_identity(area="X99"), coopecon.UnknownNameError, [f"{ORG}.area"]),
    ("no events", with_identity(events=[]), coopecon.MissingFieldError, [f"{ORG}.events"]),
    ("bytes for text", with_identity(name=b"A"), coopecon.WrongTypeError, [f"{ORG}.name"]),
    ("lone surrogate", with_identity(name="\ud800"), coopecon.InvalidValueError, [f"{ORG}.name"]),
    ("set", with_identity(id={"HTX-A"}), coopecon.WrongTypeError, [f"{ORG}.id"]),
    ("junk nested in a dict", with_identity(id={"a": [object()]}), coopecon.WrongTypeError,
     [f"{ORG}.id.a[0]", f"{ORG}.id"]),
    ("key that is not text", {**cooperative_a(), 1: 2}, coopecon.WrongTypeError, [ORG]),
    ("key that needs quoting", {**cooperative_a(), "a b": 1}, coopecon.UnknownFieldError, [f'{ORG}["a b"]']),
    # Nesting beyond 64 levels is cut where it passes 64 (the list of organisations is level 0); the reader also
    # finds the list where it expects an id.
    ("list nested 100 deep", with_first_event(predecessors=nested_lists(100)), coopecon.InvalidValueError,
     [f"{FIRST_EVENT}.predecessors" + "[0]" * 61, f"{FIRST_EVENT}.predecessors[0]"]),
    ("list containing itself", self_containing_list(), coopecon.InvalidValueError,
     [f"{ORG}.events" + "[0]" * 63, f"{FIRST_EVENT}"]),
    ("number for an organisation", [7], coopecon.WrongTypeError, [ORG]),
    ("text for the list", "HTX-A", coopecon.WrongTypeError, ["organizations"]),
    ("two problems in two organisations", [with_identity(kind="company"), with_first_event(date="2020-13-01")],
     coopecon.UnknownNameError, [f"{ORG}.kind", "organizations[1].events[0].date"]),
]


@pytest.mark.parametrize("value, error, paths", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_add_rejects(value, error, paths):
    registry = coopecon.Registry()
    with pytest.raises(coopecon.Error) as caught:
        registry.add(value)
    assert type(caught.value) is error
    assert [p["path"] for p in caught.value.problems] == paths
    assert len(registry) == 0


def test_messages_say_what_was_expected_and_what_came():
    registry = coopecon.Registry()
    cases = {
        "2**63": (with_first_event(charter_capital=2**63),
                  f"{FIRST_EVENT}.charter_capital: 9223372036854775808 is out of range: expected a whole number "
                  "from -9223372036854775808 to 9223372036854775807"),
        "10**5000": (with_first_event(charter_capital=10**5000),
                     f"{FIRST_EVENT}.charter_capital: a whole number of 16610 bits is out of range: JSON numbers "
                     "here are whole numbers of at most 64 bits"),
        "datetime": (with_first_event(date=datetime.datetime(2020, 1, 15, 9, 30)),
                     f"{FIRST_EVENT}.date: 2020-01-15 09:30:00 has a time of day; a date is expected (its .date(), "
                     "or normalize() the timestamps)"),
        "set": (with_identity(id={"HTX-A"}),
                f"{ORG}.id: expected a dict, list, tuple, str, int, float, bool, None or datetime.date, got set"),
        "unknown type": (with_first_event(type="exploded"),
                         f'{FIRST_EVENT}.type: "exploded" is not one of: ' + ", ".join(coopecon.names("EventType"))),
    }
    for case, (value, message) in cases.items():
        with pytest.raises(coopecon.Error) as caught:
            registry.add(value)
        assert str(caught.value) == message, case


APPEND_CASES = [
    ("event not a dict", "HTX-A", ["resumed"], coopecon.WrongTypeError, [None]),
    ("unknown organisation", "HTX-Z", {"date": "2023-03-01", "type": "resumed"}, coopecon.UnknownNameError,
     [None]),
    ("missing date", "HTX-A", {"type": "resumed"}, coopecon.MissingFieldError, ["date"]),
    ("junk in a payload", "HTX-A", {"date": "2023-03-01", "type": "capital_changed", "charter_capital": [1]},
     coopecon.WrongTypeError, ["charter_capital"]),
]


@pytest.mark.parametrize("organization, event, error, paths", [c[1:] for c in APPEND_CASES],
                         ids=[c[0] for c in APPEND_CASES])
def test_append_rejects(small_registry, organization, event, error, paths):
    before = small_registry.dumps()
    with pytest.raises(coopecon.Error) as caught:
        small_registry.append(organization, event)
    assert type(caught.value) is error
    assert [p["path"] for p in caught.value.problems] == paths
    assert small_registry.dumps() == before


def test_append_many_reports_every_malformed_entry_by_position(small_registry):
    before = small_registry.dumps()
    entries = [
        ("HTX-A", {"date": "2023-03-20", "type": "assembly_held", "kind": "annual"}),
        ("HTX-A", 5),
        7,
        (3, {"date": "2023-03-20", "type": "resumed"}),
        ("HTX-A", {"date": "2023-03-20", "type": "assembly_held", "kind": "annual", "extra": None}),
    ]
    with pytest.raises(coopecon.WrongTypeError) as caught:
        small_registry.append_many(entries)
    assert [(p["code"], p["path"]) for p in caught.value.problems] == [
        ("wrong_type", "[2]"), ("wrong_type", "[3]"), ("wrong_type", "[1]"), ("unknown_field", "[4].extra")]
    assert small_registry.dumps() == before


def test_dates_given_as_arguments(small_registry):
    for bad, error in [("0000-01-01", coopecon.InvalidValueError), ("2024-02-30", coopecon.InvalidValueError),
                       ("", coopecon.InvalidValueError), (20240101, coopecon.WrongTypeError),
                       (None, coopecon.WrongTypeError), (datetime.datetime(2024, 1, 1, 0, 1), coopecon.InvalidValueError)]:
        with pytest.raises(error):
            small_registry.state_at("HTX-A", bad)
        with pytest.raises(error):
            small_registry.snapshot(bad)
    with pytest.raises(coopecon.InvalidValueError, match=r'^"0000-01-01" is not a calendar date: there is no year 0$'):
        small_registry.snapshot("0000-01-01")


def test_info_is_read_like_the_file(small_registry):
    with pytest.raises(coopecon.WrongTypeError) as caught:
        small_registry.info = {"title": 1, "source": "", "synthetic": "yes", "as_of": None}
    assert [p["path"] for p in caught.value.problems] == ["title", "synthetic"]
    assert small_registry.info["title"] == ""


# ---- files and sources of the wrong kind ---------------------------------------------------------------------

CSV_TEXT = ("ID,Registration code,Name,Kind,Area code,Sector,Registered on,Status,Official members\n"
            "HTX-1,0101,Tân Hưng,cooperative,D973,agriculture,2020-01-15,active,7\n")


def test_read_csv_of_a_windows_1258_file_says_invalid_utf8_as_the_command_line_does(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes(CSV_TEXT.encode("cp1258"))
    with pytest.raises(coopecon.ParseError) as refused:
        coopecon.read_csv(path)
    message = str(refused.value)
    assert message.startswith(f"{path}:2:3: invalid UTF-8: ")
    assert message.endswith('the file must be UTF-8 encoded (in a spreadsheet, save as "CSV UTF-8")')
    assert not isinstance(refused.value, UnicodeDecodeError)


def test_read_csv_takes_bytes_as_content():
    imported = coopecon.read_csv(CSV_TEXT.encode("utf-8"))
    assert imported.registry.ids() == ["HTX-1"]
    assert coopecon.read_csv(bytearray(CSV_TEXT.encode("utf-8"))).registry.ids() == ["HTX-1"]
    with pytest.raises(coopecon.ParseError, match=r"^<bytes>:1:1: the file is empty"):
        coopecon.read_csv(b"")
    with pytest.raises(coopecon.ParseError, match=r"^<bytes>:2:\d+: invalid UTF-8"):
        coopecon.read_csv(CSV_TEXT.encode("cp1258"))


def test_read_csv_of_an_empty_string_is_a_usage_error_not_a_path():
    with pytest.raises(coopecon.UsageError, match="not an empty string"):
        coopecon.read_csv("")


def test_read_csv_of_a_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(coopecon.FileError, match="cannot open the file"):
        coopecon.read_csv(tmp_path / "absent.csv")


def test_load_of_a_directory_is_a_file_error(tmp_path):
    with pytest.raises(coopecon.FileError, match="is a directory, not a file"):
        coopecon.load(tmp_path)
    with pytest.raises(coopecon.FileError, match="is a directory, not a file"):
        coopecon.read_csv(tmp_path)


def test_read_csv_limits_are_set_by_argument_or_environment(monkeypatch):
    wide = "ID," + ",".join(f"X{k}" for k in range(1, 1001)) + "\n"
    with pytest.raises(coopecon.ParseError, match=r"^<string>:1:1001: the row has more than 1000 columns"):
        coopecon.read_csv(wide)
    # Raised by argument, the header is read and its unknown columns are what is refused.
    with pytest.raises(coopecon.Error) as refused:
        coopecon.read_csv(wide, max_columns=2000)
    assert "more than 1000 columns" not in str(refused.value)
    # Lowered by argument and by the environment, a row at the limit is read and one byte more is refused.
    assert coopecon.read_csv(CSV_TEXT, max_row_bytes=max(map(len, CSV_TEXT.encode().splitlines()))).registry.ids()
    with pytest.raises(coopecon.ParseError, match="longer than 10 bytes"):
        coopecon.read_csv(CSV_TEXT, max_row_bytes=10)
    monkeypatch.setenv("COOPECON_MAX_CSV_ROW_BYTES", "10")
    with pytest.raises(coopecon.ParseError, match="COOPECON_MAX_CSV_ROW_BYTES raises it"):
        coopecon.read_csv(CSV_TEXT)
    monkeypatch.setenv("COOPECON_MAX_CSV_ROW_BYTES", "ten")
    with pytest.raises(coopecon.UsageError, match="COOPECON_MAX_CSV_ROW_BYTES"):
        coopecon.read_csv(CSV_TEXT)
    for bad in (0, -1, 2.5, True):
        with pytest.raises(coopecon.UsageError, match="max_columns must be a whole number"):
            coopecon.read_csv(CSV_TEXT, max_columns=bad)
