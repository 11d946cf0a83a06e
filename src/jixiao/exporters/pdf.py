"""The PDF exporter: the printable HTML rendering laid out by WeasyPrint, without any network access.

The fonts come from the system through fontconfig (Debian's fonts-noto-cjk; Chinese font names such as
仿宋 and 宋体 are tried first). Text is subset into the PDF with harfbuzz-subset (libharfbuzz-subset0): without
it WeasyPrint takes about 15 times longer.
"""

from __future__ import annotations

from typing import Any

from jixiao.exporters.html import write_html
from jixiao.model import PerformanceDocument


def data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that serves ``data:`` URLs and refuses every other URL (no network, no files)."""
    try:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except ImportError:  # WeasyPrint before 66: a fetcher is a function returning a dict
        from weasyprint.urls import default_url_fetcher

        def fetch(url: str, timeout: int = 10, ssl_context: Any = None) -> Any:
            if not url.startswith("data:"):
                raise ValueError(f"jixiao 生成 PDF 时不加载外部资源：{url[:80]}")
            return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

        return fetch
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def write_pdf(doc: PerformanceDocument) -> bytes:
    """The document as an A4 PDF in the official layout, rendered from write_html with WeasyPrint."""
    import weasyprint  # type: ignore[import-untyped]

    html = weasyprint.HTML(string=write_html(doc), base_url=None, url_fetcher=data_only_fetcher())
    data: bytes = html.write_pdf()
    return data
