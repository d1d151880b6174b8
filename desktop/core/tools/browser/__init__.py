"""Web browsing: `fetch_url` reads a page, `web_search` asks a search provider.

`web` holds the HTTP client and URL checks, `readable` turns answers into text,
`fetch` the shared `Browser` (client and page cache), `search` the providers, and `tool`
the two tools and `browsing_tools`, which the app's toolbox calls for each GPT.
"""

from desktop.core.tools.browser.fetch import Browser
from desktop.core.tools.browser.search import BRAVE_SECRET, TAVILY_SECRET
from desktop.core.tools.browser.tool import FetchUrlTool, WebSearchTool, browsing_tools
from desktop.core.tools.browser.web import BrowserLimits

__all__ = [
    "BRAVE_SECRET",
    "TAVILY_SECRET",
    "Browser",
    "BrowserLimits",
    "FetchUrlTool",
    "WebSearchTool",
    "browsing_tools",
]
