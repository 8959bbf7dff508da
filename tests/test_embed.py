from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from corroborate import embed
from corroborate.embed import MAX_CHARS, Embedder, get_embedder

# Invented news sentences: two reports of each of three events, plus unrelated ones.
FIRE_A = "Firefighters battled a large blaze at a chemical warehouse in the port district of Velmar on Tuesday."
FIRE_B = "A fire broke out late on Tuesday at a chemicals depot near Velmar harbour; crews fought the flames for hours."
RATES_A = "The central bank of Ostrava left its main interest rate unchanged on Thursday, saying inflation was easing."
RATES_B = "Ostrava's central bank held borrowing costs steady this week as price growth slowed for a third month."
QUAKE_A = "A magnitude 6.1 earthquake struck the mountain region overnight, damaging homes and cutting power."
QUAKE_B = "Villages lost electricity and houses were damaged when a strong earthquake hit the mountains overnight."
UNRELATED = [
    "The home side won the cup final 3-1 after two goals in the last ten minutes.",
    "A new exhibition of medieval manuscripts opens at the city library next month.",
]

PAIRS = [(FIRE_A, FIRE_B), (RATES_A, RATES_B), (QUAKE_A, QUAKE_B)]


def check_vectors(vectors: np.ndarray, n: int, dim: int) -> None:
    assert isinstance(vectors, np.ndarray)
    assert vectors.dtype == np.float32
    assert vectors.shape == (n, dim)
    assert np.all(np.isfinite(vectors))


def check_similar_beats_unrelated(embedder: Embedder) -> None:
    """Each sentence is closer to the other report of its event than to any other sentence."""
    texts = [t for pair in PAIRS for t in pair] + UNRELATED
    v = embedder.encode(texts)
    check_vectors(v, len(texts), embedder.dim)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    for i in range(len(PAIRS) * 2):
        partner = i + 1 if i % 2 == 0 else i - 1
        others = [j for j in range(len(texts)) if j not in (i, partner)]
        assert sims[i, partner] > max(sims[i, j] for j in others), (texts[i], sims[i].round(3))


def check_edge_inputs(embedder: Embedder) -> None:
    long_text = " ".join([FIRE_A, RATES_A, QUAKE_A] * 200)  # ~60,000 characters
    v = embedder.encode(["", "   ", long_text, FIRE_A])
    check_vectors(v, 4, embedder.dim)
    assert not v[0].any() and not v[1].any()  # nothing to embed: zero rows, no NaN
    np.testing.assert_allclose(np.linalg.norm(v[2:], axis=1), 1.0, atol=1e-5)
    # Long texts are cut to MAX_CHARS before encoding.
    np.testing.assert_allclose(v[2], embedder.encode([long_text[:MAX_CHARS]])[0], atol=1e-6)
    empty = embedder.encode([])
    assert empty.shape == (0, embedder.dim) and empty.dtype == np.float32


# --- static (default) -------------------------------------------------------


@pytest.fixture(scope="module")
def static() -> Embedder:
    return get_embedder("static")


def test_static_shape_dtype_and_norm(static: Embedder) -> None:
    assert static.name == "static"
    assert static.dim == 256
    assert isinstance(static, Embedder)
    v = static.encode([FIRE_A, RATES_A, QUAKE_A])
    check_vectors(v, 3, 256)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_static_similar_news_scores_higher(static: Embedder) -> None:
    check_similar_beats_unrelated(static)


def test_static_empty_and_long_inputs(static: Embedder) -> None:
    check_edge_inputs(static)


def test_static_is_deterministic_and_batch_independent(static: Embedder) -> None:
    together = static.encode([FIRE_A, RATES_A])
    np.testing.assert_allclose(together[1], static.encode([RATES_A])[0], atol=1e-6)


def test_encode_rejects_a_bare_string(static: Embedder) -> None:
    with pytest.raises(TypeError):
        static.encode(FIRE_A)  # type: ignore[arg-type]


def test_get_embedder_caches_and_rejects_unknown_names() -> None:
    assert get_embedder("static") is get_embedder("static")
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")


def test_static_model_ships_with_licence() -> None:
    folder = embed.static_model_path()
    for name in ("model.safetensors", "tokenizer.json", "config.json", "LICENSE", "README.md"):
        assert (folder / name).is_file(), name
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_static_loads_offline_without_torch() -> None:
    """In a fresh process with every network connection refused: loads, encodes, never imports torch."""
    code = textwrap.dedent(
        """
        import socket, sys

        def refuse(*args, **kwargs):
            raise OSError("network access attempted")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse

        import corroborate.embed as embed
        assert "torch" not in sys.modules, "importing corroborate.embed imported torch"
        v = embed.get_embedder("static").encode(["Rescue teams reached the flooded town.", ""])
        assert v.shape == (2, 256), v.shape
        assert "torch" not in sys.modules, "the static embedder imported torch"
        assert "sentence_transformers" not in sys.modules
        print("ok")
        """
    )
    # Drop the offline switches so the test shows the module sets them itself.
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


# --- transformer (optional extra) -------------------------------------------


def test_transformer_embedder() -> None:
    pytest.importorskip("sentence_transformers")
    embedder = get_embedder("transformer")
    assert embedder.name == "transformer"
    assert embedder.dim == 384
    assert isinstance(embedder, Embedder)
    check_similar_beats_unrelated(embedder)
    check_edge_inputs(embedder)
    assert get_embedder("transformer") is embedder
