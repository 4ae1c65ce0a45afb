"""Test helpers shared by the nlp tests live beside them (signing_sentences.py): put them on sys.path."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
