"""The demo page server: only files under static/, the security headers nginx would send too,
and settings written into pages as text."""

from __future__ import annotations

import pytest

from website import server


@pytest.mark.parametrize("path", ["/../clinic/settings.py", "/%2e%2e/%2e%2e/etc/passwd", "/.hidden", "/widget/",
                                  "/nothing.html", "/" + "a" * 300, "/site.css%00.html", "/..\\..\\x"])
def test_nothing_outside_the_static_files_is_served(path: str) -> None:
    assert server.static_file(path) is None


def test_pages_and_their_files_are_served() -> None:
    assert server.static_file("/") == server.STATIC / "index.html"
    assert server.static_file("/contact.html?x=1") == server.STATIC / "contact.html"
    assert server.static_file("/site.css") == server.STATIC / "site.css"


def test_the_policy_allows_the_page_itself_and_the_assistant_only() -> None:
    headers = server.security_headers("http://127.0.0.1:5005")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "connect-src 'self' http://127.0.0.1:5005 ws://127.0.0.1:5005;" in policy
    assert server.websocket_origin("https://assistant.example") == "wss://assistant.example"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_every_placeholder_of_the_pages_is_filled() -> None:
    for page in server.STATIC.glob("*.html"):
        assert "{{" not in server.rendered(page, page.stat().st_mtime).decode(), page.name


def test_page_values_are_html_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLINIC_NAME", '"><script>alert(1)</script>')
    server.get_settings.cache_clear()
    try:
        assert server.page_values()["clinic_name"] == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    finally:
        server.get_settings.cache_clear()
