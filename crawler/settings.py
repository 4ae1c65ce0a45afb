"""Scrapy settings for policyminer's crawler (``scrapy.cfg`` points here).

Polite by default: robots.txt obeyed, AutoThrottle on, two requests at a time
per domain, an identifying User-Agent, retries with backoff. The per-host
limits hold for all sources of a crawl together (``crawler.politeness``) and,
with a shared frontier, for all processes (``crawler.hostgate``). ``crawler.run``
layers the workspace's crawl settings and per-source limits on top.
"""

BOT_NAME = "policyminer"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "policyminer/0.1 (+https://github.com/policyminer/policyminer)"
ROBOTSTXT_OBEY = True
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 1.0          # seconds before the first retry, doubled for each next one
RETRY_BACKOFF_MAX = 30.0
REDIRECT_MAX_TIMES = 6            # hops; a loop (a URL again, a path with ever new queries) stops sooner
RETRY_GIVE_UP_LOG_LEVEL = "INFO"   # failures are counted in the crawl report
DEPTH_LIMIT = 4                   # link hops from a start page; a list's next page is the same depth

DOWNLOADER = "crawler.politeness.PoliteDownloader"   # one download slot per host for all sources
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.politeness.SharedRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.LoopRedirectMiddleware": 600,
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.middlewares.ScopeOffsiteMiddleware": 50,
    "crawler.middlewares.ResumedRequestMiddleware": 60,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "crawler.middlewares.PaginationDepthMiddleware": 900,
}
ITEM_PIPELINES = {
    "crawler.pipelines.DecodePipeline": 100,
    "crawler.pipelines.AttachmentPipeline": 200,
    "crawler.pipelines.NearDuplicatePipeline": 300,
    "crawler.pipelines.StorePipeline": 400,
}

LOG_LEVEL = "WARNING"
FEED_EXPORT_ENCODING = "utf-8"

# policyminer's own settings
POLICYMINER_STORE = "store/pages.db"          # the raw-page store (SQLite)
POLICYMINER_SOURCES = "config/sources.yaml"   # for `scrapy crawl listing -a source=ID`
POLICYMINER_BASE = None                       # replaces {base}/{host} in the sources file
POLICYMINER_MAX_PAGES = 200                   # requests per source when its limits name none
POLICYMINER_HOST_GATE = False                 # per-host limits across processes (frontier_settings sets it)
