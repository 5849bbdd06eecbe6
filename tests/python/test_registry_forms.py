"""coopecon.load reads every form of a registry by its first bytes: the binary form and a SQLite database give
the registry the JSON file gives, whatever their names; a damaged binary file is refused with the reason."""

import os
import pathlib
import subprocess

import pytest

import coopecon

from conftest import EXAMPLE


def _convert(tmp_path: pathlib.Path, to: str, name: str) -> pathlib.Path:
    """The example registry written in form `to` by `coopecon convert` (the CLI ctest runs these tests with)."""
    out = tmp_path / name
    subprocess.run([os.environ["COOPECON_CLI"], "convert", str(EXAMPLE), "--to", to, "--out", str(out)], check=True)
    return out


@pytest.mark.parametrize("to,name", [("binary", "registry.coopreg"), ("sqlite", "registry.db"),
                                     ("binary", "misnamed.json"), ("sqlite", "misnamed.txt")])
def test_load_reads_every_form_by_its_first_bytes(tmp_path, to, name):
    original = coopecon.load(EXAMPLE)
    loaded = coopecon.load(_convert(tmp_path, to, name))
    assert loaded.dumps() == original.dumps()
    assert loaded.snapshot("2024-12-31").to_pandas().equals(original.snapshot("2024-12-31").to_pandas())


def test_a_damaged_binary_file_is_refused_with_the_reason(tmp_path):
    path = _convert(tmp_path, "binary", "registry.coopreg")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(coopecon.Error, match="section ORGS is damaged"):
        coopecon.load(path)
    path.write_bytes(bytes(data[:-5]))
    with pytest.raises(coopecon.Error, match="the file is truncated"):
        coopecon.load(path)
