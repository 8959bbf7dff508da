"""Build examples/corpus/archive/crawl.warc.gz from the HTML pages in examples/warc-src/.

The pages are fictional (see examples/corpus/README.md). Each page in warc-src/ needs an
entry in PAGES below giving the URL it was "crawled" from. The output is deterministic:
fixed WARC-Date values and record ids derived from the URL, so re-running the script
produces a byte-identical file.

Run from the repository root:

    .venv/bin/python scripts/build_example_warc.py
"""

from __future__ import annotations

import sys
import uuid
from datetime import UTC
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "examples" / "warc-src"
OUT = ROOT / "examples" / "corpus" / "archive" / "crawl.warc.gz"

# file name in warc-src/ -> (target URI, WARC-Date of the capture)
PAGES: dict[str, tuple[str, str]] = {
    "brennick-post-vellan-toll.html": (
        "https://www.brennickpost.example/news/2024/03/07/vellan-dam-death-toll-rises",
        "2024-10-20T09:14:02Z",
    ),
    "heraldo-presa-vellan.html": (
        "https://www.heraldocontinental.example/internacional/2024/03/08/presa-vellan-valdoria-muertos",
        "2024-10-20T09:14:07Z",
    ),
    "brennick-post-tesscard-patched.html": (
        "https://www.brennickpost.example/city/2024/10/17/tesscard-portal-patched",
        "2024-10-20T09:14:11Z",
    ),
}

WARCINFO_DATE = "2024-10-20T09:14:00Z"
USER_AGENT = "corroborate-example-crawler/1.0 (+https://corroborate.example/crawler)"
NAMESPACE = uuid.UUID("5b0f3c1e-8d2a-4a57-9d43-1f0c2b7e6a10")


def record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, '|'.join(parts))}>"


def http_date(warc_date: str) -> str:
    from datetime import datetime

    dt = datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return dt.strftime("%a, %d %b %Y %H:%M:%S GMT")


def main() -> int:
    pages = sorted(SRC.glob("*.html"))
    missing = [p.name for p in pages if p.name not in PAGES]
    if missing:
        print(f"no URL mapping in PAGES for: {', '.join(missing)}", file=sys.stderr)
        return 1
    if not pages:
        print(f"no pages found in {SRC}", file=sys.stderr)
        return 1
    pages.sort(key=lambda p: (PAGES[p.name][1], p.name))  # capture order

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        info = (
            "software: corroborate build_example_warc.py (warcio)\r\n"
            "format: WARC File Format 1.0\r\n"
            "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
            f"http-header-user-agent: {USER_AGENT}\r\n"
            "description: Fictional example crawl for the corroborate example corpus (CC0)\r\n"
        ).encode()
        writer.write_record(
            writer.create_warc_record(
                "",
                "warcinfo",
                payload=BytesIO(info),
                length=len(info),
                warc_content_type="application/warc-fields",
                warc_headers_dict={
                    "WARC-Record-ID": record_id("warcinfo", OUT.name),
                    "WARC-Date": WARCINFO_DATE,
                    "WARC-Filename": OUT.name,
                },
            )
        )

        for page in pages:
            url, warc_date = PAGES[page.name]
            body = page.read_bytes()
            parts = urlsplit(url)
            resp_id = record_id("response", url)

            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Date", http_date(warc_date)),
                    ("Server", "nginx"),
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "max-age=300"),
                    ("Connection", "close"),
                ],
                protocol="HTTP/1.1",
            )
            response = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                length=len(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": resp_id,
                    "WARC-Date": warc_date,
                    "WARC-Warcinfo-ID": record_id("warcinfo", OUT.name),
                },
            )

            req_headers = StatusAndHeaders(
                f"GET {parts.path or '/'} HTTP/1.1",
                [
                    ("Host", parts.netloc),
                    ("User-Agent", USER_AGENT),
                    ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                    ("Accept-Language", "en;q=0.9,es;q=0.8"),
                    ("Connection", "close"),
                ],
                is_http_request=True,
            )
            request = writer.create_warc_record(
                url,
                "request",
                http_headers=req_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id("request", url),
                    "WARC-Date": warc_date,
                    "WARC-Concurrent-To": resp_id,
                    "WARC-Warcinfo-ID": record_id("warcinfo", OUT.name),
                },
            )
            writer.write_record(request)
            writer.write_record(response)

    print(f"wrote {OUT.relative_to(ROOT)} ({len(pages)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
