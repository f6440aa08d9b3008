"""Schemathesis hooks for Puerta's API run (loaded through SCHEMATHESIS_HOOKS).

The admin's watchlist upload takes a raw `text/csv` body, which schemathesis cannot send by
itself: this serializer sends whatever it generated for that body as UTF-8 text.
"""
import schemathesis


def _as_bytes(value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return str(value).encode("utf-8")


@schemathesis.serializer("text/csv")
class CsvSerializer:
    def as_requests(self, context, value):
        return {"data": _as_bytes(value)}

    def as_werkzeug(self, context, value):
        return {"data": _as_bytes(value)}
