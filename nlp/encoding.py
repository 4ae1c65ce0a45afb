"""Turn the bytes of a page or text file into text.

Chinese sites declare their charset in three places that disagree surprisingly
often: the HTTP header, a ``<meta>`` tag, and nowhere at all. :func:`decode`
tries them in that order (after a byte-order mark, which always wins), checks
each declaration against the bytes, and falls back to detection with
charset-normalizer. GBK and GB2312 are decoded as GB18030, their superset, so a
rare character outside GB2312 does not break a page declared ``gb2312``.

:func:`scrub` makes any string safe for lxml and spaCy: C0 control characters
(other than tab, newline and carriage return) go, lone surrogates become
U+FFFD. :func:`decode` returns scrubbed text; callers that take text from
elsewhere (an HTML string, an Article built in code) scrub it themselves.
"""
from __future__ import annotations

import codecs
import re

from policyminer.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that mean "some GB encoding": all decoded as the superset GB18030.
_GB_FAMILY = {"gbk", "gb2312", "gb18030", "cp936", "ms936", "euc-cn", "x-gbk", "hz-gb-2312"}
_SINGLE_BYTE = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15"}
_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
_MAX_REPLACED = 0.002   # share of characters allowed to be undecodable
# C0 controls other than \t \n \r, and the non-characters U+FFFE/U+FFFF, which lxml refuses;
# a vertical tab or form feed (a page break in a text dump) becomes a line break.
_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t\n\r"}
_CONTROLS.update({0x0B: "\n", 0x0C: "\n", 0xFFFE: None, 0xFFFF: None})
_UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """``text`` without the characters lxml and spaCy refuse.

    C0 control characters other than tab, newline and carriage return are
    dropped (a vertical tab or form feed becomes a newline), U+FFFE/U+FFFF are
    dropped, a surrogate pair written as two code points is joined, and a lone
    surrogate becomes U+FFFD. Text without such characters is returned as is,
    so offsets into it stay valid; otherwise offsets refer to the result.
    """
    if not _UNSAFE_RE.search(text):
        return text
    if _SURROGATE_RE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.translate(_CONTROLS)


def decode(data: bytes, *, hint: str | None = None, name: str = "<input>") -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    Order: byte-order mark; ``hint`` (the HTTP charset or a configured
    encoding); ``<meta charset>``/``<meta http-equiv>``/XML declaration; then
    detection. A declared charset the bytes contradict is skipped. The text
    is :func:`scrub`-bed of control characters. Raises
    :class:`~policyminer.errors.InputError` naming ``name`` when the input is
    empty, binary or undecodable.
    """
    if not data or not data.strip():
        raise InputError(f"{name}: empty input, there is no text to read")
    text, encoding = _decode(data, hint, name)
    text = scrub(text)
    if not text.strip():
        raise InputError(f"{name}: only control characters, there is no text to read")
    return text, encoding


def _decode(data: bytes, hint: str | None, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, name), encoding
    _reject_binary(data, name)
    for label in (hint, _declared(data)):
        encoding = canonical_encoding(label)
        if encoding:
            decoded = _try_declared(data, encoding)
            if decoded is not None:
                return decoded
    return _detect(data, name)


def canonical_encoding(label: str | None) -> str | None:
    """The Python codec name for a charset label, GB family → ``gb18030``; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _GB_FAMILY or label.startswith("gb2312"):
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name


def _declared(data: bytes) -> str | None:
    head = data[:8192]
    match = _META_RE.search(head) or _XML_DECL_RE.search(head)
    return match.group(1).decode("ascii", "ignore") if match else None


def _reject_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not text or HTML; convert it to text first")
    sample = data[:65536]
    controls = sum(sample.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError(f"{name}: binary data (control bytes found), not text or HTML")


def _try_declared(data: bytes, encoding: str) -> tuple[str, str] | None:
    """Decode with a declared charset, or None when the bytes contradict it."""
    if encoding != "utf-8" and _is_utf8_text(data):
        # A page that is valid UTF-8 with non-ASCII text is UTF-8 whatever it says.
        return data.decode("utf-8"), "utf-8"
    if encoding in _SINGLE_BYTE and _has_high_bytes(data):
        return None   # latin-1 decodes anything: a wrong label would yield mojibake
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _has_high_bytes(data: bytes) -> bool:
    return any(b >= 0x80 for b in data[:65536])


def _is_utf8_text(data: bytes) -> bool:
    if not _has_high_bytes(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes, name: str) -> tuple[str, str]:
    if not _has_high_bytes(data):
        return data.decode("ascii"), "ascii"
    if _is_utf8_text(data) or _nearly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    for encoding in _candidates(data):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return _lenient(data, name)


def _nearly_utf8(data: bytes) -> bool:
    """UTF-8 but for a few broken bytes (a truncated download): never worth a GB18030 misreading."""
    broken = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for b in data[:65536] if b >= 0xC0)
    return broken <= 3 and multibyte >= 20 * max(1, broken)


def _candidates(data: bytes) -> list[str]:
    """Encodings to try, best first: charset-normalizer's guesses, then the Chinese ones."""
    from charset_normalizer import from_bytes

    guesses, western = [], []
    for match in list(from_bytes(data[:200_000]))[:3]:
        encoding = canonical_encoding(match.encoding)
        if encoding in _SINGLE_BYTE or (encoding or "").startswith(("cp125", "iso8859")):
            western.append(encoding)
        elif encoding and encoding not in guesses:
            guesses.append(encoding)
    # A Chinese page misread as a Western code page is worse than a failure.
    for encoding in ("gb18030", "big5hkscs", *western):
        if encoding not in guesses:
            guesses.append(encoding)
    return guesses


def _lenient(data: bytes, name: str) -> tuple[str, str]:
    """Accept a few broken bytes (a truncated page), never a wrong guess."""
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        if text.count("\ufffd") <= max(1, len(text) * _MAX_REPLACED):
            return text, encoding
    raise InputError(
        f"{name}: cannot decode the bytes as UTF-8, GB18030 or Big5; "
        "give the right encoding (an encoding hint) or convert the file to UTF-8")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not "
                         f"valid {encoding} ({exc.reason} at byte {exc.start})") from exc
