"""PNG charts (matplotlib, Agg): signings per week, trends over time.

Charts are drawn on a bare ``Figure`` with the Agg canvas, never through
pyplot, so nothing global changes and the web server may draw from threads.
Chinese labels need a CJK font: ``cjk_font`` looks for one that is installed
(on Debian: fonts-wqy-zenhei or fonts-noto-cjk). Without one the charts are
still drawn, the Chinese glyphs as boxes.
"""
from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
    "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Hiragino Sans GB",
)
_CJK_FILES = ("notosanscjk", "notoserifcjk", "notosanssc", "sourcehansans", "wqy-zenhei",
              "wqy-microhei", "droidsansfallback", "uming", "simhei", "msyh", "pingfang")
FALLBACK_FAMILY = "DejaVu Sans"
ACCENT, MUTED = "#c0392b", "#9aa5b1"
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#17becf", "#bcbd22", "#7f7f7f")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font with Chinese glyphs, or None.

    Fonts installed after matplotlib built its font cache are found by file
    name and added to the font manager.
    """
    from matplotlib import font_manager
    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in known:
            return family
    for path in font_manager.findSystemFonts():
        if any(tag in Path(path).name.lower().replace("_", "") for tag in _CJK_FILES):
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError, ValueError):
                continue
    return None


@contextmanager
def _quiet():
    """Silence missing-glyph warnings (no CJK font) and font-lookup log noise."""
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*[Gg]lyph.*missing.*")
            yield
    finally:
        logger.setLevel(level)


@contextmanager
def _canvas(width: float, height: float):
    """A new Figure on the Agg canvas; Chinese glyphs fall back to the CJK font."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    font = cjk_font()
    families = [FALLBACK_FAMILY, font] if font else [FALLBACK_FAMILY]   # CJK glyphs fall back
    with matplotlib.rc_context({"font.family": families,
                                "axes.unicode_minus": False}), _quiet():
        figure = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(figure)
        yield figure


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()


def _tick_positions(count: int, most: int = 12) -> list[int]:
    """At most `most` evenly spaced label positions out of `count`, always the last."""
    if count <= most:
        return list(range(count))
    step = -(-count // most)
    positions = list(range(count - 1, -1, -step))
    return sorted(positions)


def _label_axes(axes, labels: Sequence[str]) -> None:
    positions = _tick_positions(len(labels))
    axes.set_xticks(positions)
    axes.set_xticklabels([labels[i] for i in positions], rotation=45, ha="right", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#e5e5e5", linewidth=0.8)
    axes.set_axisbelow(True)
    axes.yaxis.get_major_locator().set_params(integer=True)


def weekly_bars(weeks: Sequence[str], counts: Sequence[int], *, highlight: Sequence[str] = (),
                title: str = "Signings per week") -> bytes:
    """A bar chart of counts per ISO week as PNG bytes; `highlight` weeks in the accent colour."""
    with _canvas(8, 3) as figure:
        axes = figure.add_subplot()
        colours = [ACCENT if week in highlight else MUTED for week in weeks]
        axes.bar(range(len(weeks)), counts, color=colours, width=0.75)
        _label_axes(axes, weeks)
        axes.set_title(title, fontsize=10)
        axes.set_ylim(bottom=0, top=max([1, *counts]) * 1.15)
        return _png(figure)


def line_chart(buckets: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], *,
               title: str = "", ylabel: str = "documents") -> bytes:
    """One line per (label, counts) over the buckets, as PNG bytes."""
    with _canvas(9, 4.2) as figure:
        axes = figure.add_subplot()
        for n, (label, counts) in enumerate(series):
            axes.plot(range(len(buckets)), counts, label=label, color=PALETTE[n % len(PALETTE)],
                      linewidth=1.6, marker="o" if len(buckets) <= 40 else None, markersize=3)
        _label_axes(axes, buckets)
        axes.set_ylim(bottom=0)
        axes.set_ylabel(ylabel, fontsize=9)
        if title:
            axes.set_title(title, fontsize=10)
        if len(series) > 1 or (series and series[0][0]):
            axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return _png(figure)


def save_png(data: bytes, path: str | Path) -> Path:
    """Write PNG bytes to `path` (parent folders created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
