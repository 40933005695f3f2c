"""A minimal JSON client of `parley serve` for the bench scripts (standard library only)."""
import json
import urllib.error
import urllib.request


def make_call(base, token):
    """call(method, path, body=None) -> (status, parsed JSON body); HTTP errors are returned,
    connection errors raised (OSError)."""

    def call(method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    return call
