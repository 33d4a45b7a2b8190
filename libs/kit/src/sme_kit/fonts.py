"""The CJK font printable documents are set in: Noto Serif CJK SC, from Debian's fonts-noto-cjk.

Debian ships Noto CJK as TrueType collections of OpenType CFF faces, one face per region
(``NotoSerifCJK-Regular.ttc``: JP, KR, SC, TC, HK); the Simplified Chinese face is picked by its
name, so the glyphs are the forms mainland readers expect. ``infra/documents.sh`` installs the package.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTLibError

from sme_kit.errors import Unavailable

__all__ = ["DEFAULT_FONTS_DIR", "FONT_FAMILY", "CjkFonts", "FontFile", "FontsMissing", "find_cjk_fonts"]

# Where Debian's fonts-noto-cjk puts the collections.
DEFAULT_FONTS_DIR = "/usr/share/fonts/opentype/noto"
FONT_FAMILY = "Noto Serif CJK SC"
_FILES = {"regular": "NotoSerifCJK-Regular.ttc", "bold": "NotoSerifCJK-Bold.ttc"}


class FontsMissing(Unavailable):
    """The CJK font documents are set in is not installed: no document can be made until it is."""

    default_code = "document-font-missing"


@dataclass(frozen=True)
class FontFile:
    """One face of a font file: its path and its index in a collection (0 for a plain file)."""

    path: Path
    index: int


@dataclass(frozen=True)
class CjkFonts:
    """The regular and bold faces every document is set in."""

    regular: FontFile
    bold: FontFile


def find_cjk_fonts(directory: str | Path = DEFAULT_FONTS_DIR) -> CjkFonts:
    """The Simplified Chinese faces of Noto Serif CJK in ``directory``; `FontsMissing` (503) when absent.

    Looked up once per directory and process; a failed look-up is not remembered, so installing the
    package later helps without a restart.
    """
    return _find(str(directory))


@functools.cache
def _find(directory: str) -> CjkFonts:
    return CjkFonts(regular=_face(Path(directory) / _FILES["regular"]), bold=_face(Path(directory) / _FILES["bold"]))


def _face(path: Path) -> FontFile:
    try:
        collection = TTCollection(str(path), lazy=True)
        try:
            for index, font in enumerate(collection.fonts):
                if font["name"].getDebugName(1) == FONT_FAMILY:
                    return FontFile(path, index)
        finally:
            collection.close()
    except (OSError, TTLibError):
        pass
    raise FontsMissing(
        f"无法生成 PDF 文件：服务器缺少中文字体 {FONT_FAMILY}（{path}），请安装 Debian 软件包 fonts-noto-cjk "
        f"(the CJK font {FONT_FAMILY} is missing at {path}: install Debian's fonts-noto-cjk, see infra/documents.sh)"
    )
