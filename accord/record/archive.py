"""A case bundle sent as one zip archive (the API's upload): unpacked into a private folder and read
by ``read_bundle``, the loader `accord case load` uses, so it is checked the same way. Errors name the
files by their path in the archive, not the folder it was unpacked into.

The archive holds the bundle's files at its top, or in one folder (what zipping the folder gives);
nothing else: no other folder, no link, nothing larger than MAX_BYTES unpacked.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from accord.errors import BundleError, BundleErrors

#: the most an archive may unpack to (the bundles we know are a few MB)
MAX_BYTES = 200_000_000


def read_archive(data: bytes, name: str = "upload"):  # -> Bundle
    """Read and validate the bundle in a zip archive; BundleError(s) naming ``name`` and its files."""
    from accord.record.bundle import read_bundle

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, ValueError, EOFError) as e:
        raise BundleError(name, f"not a zip archive ({e})") from None
    folder, files = _bundle_files(members, name)
    if sum(m.file_size for m in files.values()) > MAX_BYTES:
        raise BundleError(name, f"unpacks to more than {MAX_BYTES:,} bytes")
    with tempfile.TemporaryDirectory(prefix="accord-upload-") as tmp:
        root = Path(tmp)
        for file, member in files.items():
            try:
                (root / file).write_bytes(archive.read(member))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, EOFError) as e:
                raise BundleError(f"{name}:{member.filename}", f"cannot be unpacked ({e})") from None
        try:
            return read_bundle(root)
        except BundleErrors as e:
            raise BundleErrors([_renamed(x, root, folder) for x in e.errors], e.total) from None
        except BundleError as e:
            raise _renamed(e, root, folder) from None


def _bundle_files(members: list[zipfile.ZipInfo], name: str) -> tuple[str, dict[str, zipfile.ZipInfo]]:
    """The folder the files are in ("" or "NAME/") and file name -> member: every member at the top, or
    every one in the same single folder."""
    paths = [PurePosixPath(m.filename) for m in members]
    if not paths:
        raise BundleError(name, "empty archive: a bundle has at least a case.yaml")
    folders = {p.parent for p in paths}
    if len(folders) != 1 or len(next(iter(folders)).parts) > 1:
        raise BundleError(name, "the bundle's files must be at the archive's top or in one folder "
                                f"(found {', '.join(sorted({str(f) for f in folders}))})")
    out: dict[str, zipfile.ZipInfo] = {}
    for path, member in zip(paths, members):
        if path.name in ("", ".", "..") or "\\" in path.name or (member.external_attr >> 16) & 0o170000 == 0o120000:
            raise BundleError(f"{name}:{member.filename}", "not a plain file name")
        out[path.name] = member
    folder = str(paths[0].parent)
    return ("" if folder == "." else folder + "/"), out


def _renamed(e: BundleError, root: Path, folder: str) -> BundleError:
    file = e.file
    if file.startswith(str(root)):
        file = folder + file[len(str(root)):].lstrip("/")
    return BundleError(file, e.message, line=e.line, field=e.field, id=e.id)
