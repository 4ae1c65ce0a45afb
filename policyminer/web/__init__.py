"""The web UI: a small server-rendered app over the configured search engine.

``create_app(ws)`` builds the FastAPI application (search, documents,
signings, exports; every page with a ``.json`` twin); ``serve(ws)`` runs it
with uvicorn on 127.0.0.1. Nothing heavy is imported here: see ``app``.
"""
