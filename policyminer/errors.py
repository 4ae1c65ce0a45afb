"""The exceptions policyminer raises. Only the CLI turns them into exit codes.

Every message names the object at fault (a file, a URL, a config key) and,
where it can, says what to do about it.
"""


class PolicyminerError(Exception):
    """Base class: a failure the user can act on (exit code 1)."""


class InputError(PolicyminerError):
    """A document, page or file that cannot be read (empty, binary, undecodable…)."""


class ConfigError(PolicyminerError):
    """A configuration file, key or value that is missing or invalid."""


class QueryError(PolicyminerError):
    """A search query that cannot be parsed; the message says what and where."""


class EngineError(PolicyminerError):
    """An index engine that is unreachable or whose mapping differs."""


class CrawlError(PolicyminerError):
    """A crawl that could not start or finish."""
