"""`parley serve` end to end: the real server on a loopback port, driven over HTTP with urllib.

Users are created with the CLI; both parties' lists come from `parley synth` and are uploaded
by each side's clerk; then reads, the authorisation matrix over HTTP (401/403 with no leakage
of the other side's data), sharing, interviews and handovers with 409 on stale writes, and a
clean exit on SIGTERM.
"""
import gzip
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import unittest
import urllib.error
import urllib.request
import uuid

from parley_e2e import PARLEY, ParleyTestCase

PASSWORD = "a long enough password"
USERS = [  # name, role, side
    ("ua-admin", "admin", "ua"), ("ua-clerk", "clerk", "ua"), ("ua-analyst", "analyst", "ua"),
    ("ua-negotiator", "negotiator", "ua"), ("ua-signer", "signer", "ua"),
    ("ua-observer", "observer", "ua"), ("ru-admin", "admin", "ru"), ("ru-clerk", "clerk", "ru"),
    ("med-admin", "admin", "mediator"), ("icrc", "interviewer", "mediator"),
    ("cp", "checkpoint", "mediator"), ("med-observer", "observer", "mediator"),
]


class Response:
    def __init__(self, status, body, headers):
        self.status, self.body, self.headers = status, body, headers

    def json(self):
        return json.loads(self.body)


class Client:
    """One user's HTTP client: a bearer token, or a cookie session with its CSRF token."""

    def __init__(self, base, token=None):
        self.base, self.token, self.csrf = base, token, None
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def call(self, method, path, body=None, headers=None, raw=None, csrf=True):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if body is not None:
            req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        if self.csrf and csrf:
            req.add_header("X-CSRF-Token", self.csrf)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with self.opener.open(req, timeout=30) as r:
                return Response(r.status, r.read(), r.headers)
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read(), e.headers)

    def login(self, name, password=PASSWORD):
        r = self.call("POST", "/api/v1/session", {"name": name, "password": password})
        if r.status == 200:
            self.csrf = r.json()["csrf_token"]
        return r

    def upload(self, list_name, path, kind, side):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in (("kind", kind), ("side", side)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                         f"{value}\r\n".encode())
        with open(path, "rb") as f:
            content = f.read()
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{os.path.basename(path)}"\r\nContent-Type: text/csv\r\n\r\n'
                     .encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.call("POST", f"/api/v1/lists/{list_name}/versions", raw=b"".join(parts),
                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


class Server(ParleyTestCase):
    def setUp(self):
        super().setUp()
        self.parley("init")
        pw = self.path("pw")
        with open(pw, "w") as f:
            f.write(PASSWORD + "\n")
        self.tokens = {}
        for name, role, side in USERS:
            self.parley("user", "add", name, "--role", role, "--side", side, "--password-file", pw)
            self.tokens[name] = self.parley("user", "token", name).stdout.strip()
        self.parley("synth", "--people", "300", "--seed", "7", "--out", self.path("syn"),
                    workspace=False)
        self.start_server()

    def start_server(self):
        self.proc = subprocess.Popen(
            [PARLEY, "serve", "--listen", "127.0.0.1:0", "--workspace", self.workspace,
             "--threads", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/api/v1", line)
        if m is None:
            self.proc.kill()
            self.fail(f"no listening line: {line!r} {self.proc.stderr.read()}")
        self.base = f"http://127.0.0.1:{m.group(1)}"
        self.assertEqual(Client(self.base).call("GET", "/api/v1/health").status, 200)

    def tearDown(self):
        self.kill_server()
        super().tearDown()

    def kill_server(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()

    def as_user(self, name):
        return Client(self.base, self.tokens[name])

    def stop_cleanly(self):
        self.proc.send_signal(signal.SIGTERM)
        self.assertEqual(self.proc.wait(timeout=30), 0, self.proc.stderr.read())
        self.assertIn("stopped cleanly", self.proc.stdout.read())

    def upload_both(self):
        ua, ru = Client(self.base), Client(self.base)
        self.assertEqual(ua.login("ua-clerk").status, 200)
        self.assertEqual(ru.login("ru-clerk").status, 200)
        r = ua.upload("ua-request", self.path("syn/ua-request.csv"), "request", "ua")
        self.assertEqual(r.status, 201, r.body)
        r = ru.upload("ru-custody", self.path("syn/ru-custody.csv"), "custody", "ru")
        self.assertEqual(r.status, 201, r.body)
        return ua, ru

    def first_record(self, client, list_name):
        r = client.call("GET", f"/api/v1/lists/{list_name}/versions/latest/records?limit=1")
        self.assertEqual(r.status, 200, r.body)
        return r.json()["records"][0]

    def test_whole_flow_over_http(self):
        ua, ru = self.upload_both()
        # Cookie sessions need the CSRF header on writes.
        csrf, ua.csrf = ua.csrf, None
        r = ua.upload("ua-request", self.path("syn/ua-request.csv"), "request", "ua")
        ua.csrf = csrf
        self.assertEqual(r.status, 403)
        self.assertEqual(r.json()["error"]["code"], "csrf_failed")
        # A clerk cannot upload a list for the other side.
        r = ua.upload("fake-ru", self.path("syn/ru-request.csv"), "request", "ru")
        self.assertEqual(r.status, 403)
        # A bad file is refused whole, naming the row and column.
        bad = self.path("bad.csv")
        with open(bad, "w") as f:
            f.write("id,surname,given_name,birth_date\n1,A,B,1990-01-01\n2,C,D,31.02.1990\n")
        r = ua.upload("ua-bad", bad, "request", "ua")
        self.assertEqual(r.status, 400)
        err = r.json()["error"]
        self.assertEqual(err["code"], "invalid_input")
        self.assertEqual(err["rejects"][0]["row"], 3)
        self.assertEqual(err["rejects"][0]["field"], "birth_date")
        self.assertEqual(ua.call("GET", "/api/v1/lists/ua-bad").status, 404)

        # Each party sees its own list; the mediator sees both.
        names = lambda c: sorted(l["list"] for l in c.call("GET", "/api/v1/lists").json()["lists"])
        self.assertEqual(names(ua), ["ua-request"])
        self.assertEqual(names(ru), ["ru-custody"])
        self.assertEqual(names(self.as_user("med-admin")), ["ru-custody", "ua-request"])

        ua_rec = self.first_record(ua, "ua-request")
        ru_rec = self.first_record(ru, "ru-custody")
        r = ua.call("GET", f"/api/v1/records/{ua_rec['record_id']}")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["status"], "listed")
        self.assertEqual(ua.call("GET", f"/api/v1/records/{ua_rec['record_id']}/history").status,
                         200)
        r = ua.call("GET", "/api/v1/lists/ua-request/versions/1/export?format=csv")
        self.assertEqual(r.status, 200)
        self.assertIn(ua_rec["surname"].encode(), r.body)

        # Sharing: ru's admin shares its custody list with ua; ua then reads it, and cannot
        # write it.
        ru_admin = self.as_user("ru-admin")
        r = ru_admin.call("PUT", "/api/v1/lists/ru-custody/shares/ua", {"version": 0})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(names(ua), ["ru-custody", "ua-request"])
        self.assertEqual(ua.call("GET", f"/api/v1/records/{ru_rec['record_id']}").status, 200)
        r = ru_admin.call("PUT", "/api/v1/lists/ru-custody/shares/ua",
                          {"version": 0, "active": False})
        self.assertEqual(r.status, 409)
        r = ru_admin.call("PUT", "/api/v1/lists/ru-custody/shares/ua",
                          {"version": 1, "active": False})
        self.assertEqual(r.status, 200)
        self.assertEqual(names(ua), ["ua-request"])

        # Interviews and handovers on a ua-held... ru-held person, by the mediator's people.
        rec = f"/api/v1/records/{ru_rec['record_id']}"
        icrc, cp = self.as_user("icrc"), self.as_user("cp")
        r = icrc.call("PUT", rec + "/interview", {"version": 0, "outcome": "consents",
                                                   "at": "2026-05-23T10:00:00Z"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["status"], "interviewed")
        r = icrc.call("PUT", rec + "/interview", {"version": 0, "outcome": "refuses"})
        self.assertEqual(r.status, 409)
        self.assertEqual(r.json()["error"]["code"], "conflict")
        self.assertEqual(icrc.call("GET", rec + "/interview").json()["current"]["outcome"],
                         "consents")
        # No plan signed by both sides sends this person yet: the checkpoint's tap is refused
        # and records nothing (handovers under a signed plan: web/tests/handover.test.mjs and
        # src/server/api_negotiation_test.cpp).
        r = cp.call("POST", rec + "/handovers", {"expected_count": 0, "event": "handed_over",
                                                  "phase": 1, "place": "Sumy crossing"})
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("is in no signed plan", r.json()["error"]["message"])
        r = ru.call("GET", rec)
        self.assertEqual(r.json()["status"], "interviewed")
        self.assertEqual(len(cp.call("GET", rec + "/handovers").json()["events"]), 0)
        # Each is a signed ledger event by the signed-in user; the refused writes are not.
        events = [e for e in self.parley_json("log")
                  if e["type"] in ("interview.recorded", "handover.recorded")]
        self.assertEqual([(e["type"], e["actor"]) for e in events],
                         [("interview.recorded", "icrc")])
        body = dict(events[0]["body"])
        # The notes are committed to, never carried; recorded_at lets verify check the row.
        self.assertEqual(len(body.pop("notes_commitment")), 44)
        self.assertTrue(body.pop("recorded_at").endswith("Z"))
        self.assertEqual(body, {"record_id": ru_rec["record_id"], "version": 1,
                                "outcome": "consents", "at": "2026-05-23T10:00:00Z",
                                "interviewer": "icrc"})
        for e in events:
            self.assertNotIn(ru_rec["surname"], json.dumps(e, ensure_ascii=False))
        self.assertIn("all signed", self.parley("verify").stdout)

        # Every read of the record is in the access log.
        log = self.as_user("ru-admin").call("GET", rec + "/access-log").json()["entries"]
        self.assertTrue(any(e["user"] == "ua-clerk" and e["action"] == "read" for e in log))
        self.assertTrue(any(e["user"] == "ru-clerk" for e in log))

        # Stale user update.
        admin = self.as_user("ua-admin")
        self.assertEqual(admin.call("PATCH", "/api/v1/users/ua-analyst",
                                    {"version": 1, "role": "negotiator"}).status, 200)
        self.assertEqual(admin.call("PATCH", "/api/v1/users/ua-analyst",
                                    {"version": 1, "disabled": True}).status, 409)
        self.assertTrue(admin.call("GET", "/api/v1/integrity").json()["ok"])
        self.stop_cleanly()

    def test_answers_are_gzip_once_never_brotli(self):
        # Browsers list br first; Brotli at httplib's quality took 65 ms a page (770 ms for the
        # script), so the server answers gzip, compressed once, and plain to a client without it.
        ua, _ = self.upload_both()
        path = "/api/v1/lists/ua-request/versions/latest/records?limit=100"
        plain = ua.call("GET", path)
        self.assertIsNone(plain.headers.get("Content-Encoding"))
        browser = {"Accept-Encoding": "gzip, deflate, br, zstd"}
        packed = ua.call("GET", path, headers=browser)
        self.assertEqual(packed.headers.get_all("Content-Encoding"), ["gzip"])
        self.assertEqual(packed.headers.get("Vary"), "Accept-Encoding")
        self.assertEqual(json.loads(gzip.decompress(packed.body)), plain.json())
        self.assertLess(len(packed.body), len(plain.body) / 4)
        self.assertIsNone(ua.call("GET", path, headers={"Accept-Encoding": "br"})
                          .headers.get("Content-Encoding"))
        page = ua.call("GET", "/").body.decode()
        script = re.search(r'src="(/assets/[^"]+\.js)"', page).group(1)
        asset = ua.call("GET", script, headers=browser)
        self.assertEqual(asset.headers.get_all("Content-Encoding"), ["gzip"])
        self.assertEqual(gzip.decompress(asset.body), ua.call("GET", script).body)

    def test_ledger_and_bundles_over_http(self):
        self.upload_both()
        ru_rec = self.first_record(self.as_user("ru-clerk"), "ru-custody")
        rec = f"/api/v1/records/{ru_rec['record_id']}"
        r = self.as_user("icrc").call("PUT", rec + "/interview",
                                      {"version": 0, "outcome": "consents"})
        self.assertEqual(r.status, 201, r.body)
        admin = self.as_user("med-admin")
        head = admin.call("GET", "/api/v1/ledger").json()
        self.assertEqual(head["size"], 3)  # two uploads and the interview
        page = self.as_user("ua-observer").call("GET", "/api/v1/ledger/entries?from=1&limit=5")
        self.assertEqual(page.status, 200, page.body)
        entries = page.json()["entries"]
        self.assertEqual([e["seq"] for e in entries], [1, 2])
        self.assertEqual(entries[-1]["type"], "interview.recorded")
        self.assertIsNone(page.json()["next"])
        # The person's history screen: the record's own events, not the other record's.
        events = self.as_user("ru-clerk").call("GET", rec + "/events").json()["events"]
        self.assertEqual([e["type"] for e in events],
                         ["list.version_submitted", "interview.recorded"])
        self.assertEqual(self.as_user("ua-clerk").call("GET", rec + "/events").status, 403)
        verified = admin.call("POST", "/api/v1/ledger/verify").json()
        self.assertTrue(verified["ok"], verified)
        self.assertEqual(verified["logs"][0]["size"], 3)

        # Export through the API (admin or signer only); the file verifies with the CLI.
        self.assertEqual(self.as_user("ua-clerk").call("POST", "/api/v1/bundles/export",
                                                       {"for": "ru"}).status, 403)
        r = self.as_user("ua-signer").call("POST", "/api/v1/bundles/export", {"for": "ru"})
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("attachment", r.headers["Content-Disposition"])
        bundle, keys = self.path("for-ru.bundle"), self.path("node.keys")
        with open(bundle, "wb") as f:
            f.write(r.body)
        with open(keys, "w") as f:
            f.write(head["verifier_key"] + "\n")
        out = self.parley("verify", "--bundle", bundle, "--trusted-keys", keys,
                          workspace=False).stdout
        self.assertIn("3 entries) all signed", out)
        # From a checkpoint the receiver holds: only what follows it.
        r = self.as_user("icrc").call("PUT", rec + "/interview",
                                      {"version": 1, "outcome": "unfit"})
        self.assertEqual(r.status, 200, r.body)  # a new outcome of the same interview
        r = admin.call("POST", "/api/v1/bundles/export",
                       {"for": "ru", "since": head["checkpoint"]})
        self.assertEqual(r.status, 200, r.body)
        with open(bundle, "wb") as f:
            f.write(r.body)
        out = self.parley("verify", "--bundle", bundle, workspace=False).stdout
        self.assertIn("entries 3..3 (1 entries)", out)
        self.assertIn("consistency: proved from size 3", out)

        # Import another node's bundle: refused whole when one byte changed, then accepted.
        other = self.path("other")
        self.parley("init", "--node", "ru-node", "--workspace", other, workspace=False)
        self.parley("import", self.path("syn/ru-request.csv"), "--list", "ru-request", "--kind",
                    "request", "--side", "ru", "--workspace", other, workspace=False)
        theirs = self.path("theirs.bundle")
        self.parley("bundle", "export", "--for", "mediator", "--out", theirs, "--workspace",
                    other, workspace=False)
        with open(os.path.join(other, "keys", "ru-node.pub")) as f, \
                open(os.path.join(self.workspace, "keys", "trusted.keys"), "a") as t:
            t.write(f.read())
        with open(theirs, "rb") as f:
            good = f.read()
        bad = bytearray(good)
        at = bad.rfind(b"ru-request")
        bad[at] = ord("R")
        self.assertEqual(self.as_user("ua-signer").call(
            "POST", "/api/v1/bundles/import", raw=bytes(good),
            headers={"Content-Type": "application/octet-stream"}).status, 403)
        r = admin.call("POST", "/api/v1/bundles/import", raw=bytes(bad),
                       headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, 400, r.body)
        self.assertEqual(r.json()["error"]["entry"], 0)
        self.assertEqual(admin.call("GET", "/api/v1/ledger").json()["replicas"], [])
        r = self.upload_file(admin, "/api/v1/bundles/import", "theirs.bundle", good)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["size"], 1)
        self.assertEqual(len(admin.call("GET", "/api/v1/ledger").json()["replicas"]), 1)
        self.assertIn("replica parley/ru-node/", self.parley("verify").stdout)
        self.stop_cleanly()

    def upload_file(self, client, path, filename, content):
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                .encode() + content + f"\r\n--{boundary}--\r\n".encode())
        return client.call("POST", path, raw=body,
                           headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def test_authorisation_matrix_over_http(self):
        self.upload_both()
        ru_rec = self.first_record(self.as_user("ru-clerk"), "ru-custody")
        ua_rec = self.first_record(self.as_user("ua-clerk"), "ua-request")
        doc = Client(self.base).call("GET", "/api/v1/openapi.json").json()
        secret_words = [w for w in (ru_rec["surname"], ru_rec["full_name"],
                                    ru_rec["service_number"], ru_rec["birth_place"]) if len(w) >= 4]
        self.assertTrue(secret_words)

        def concrete(path, list_name, rec, side):
            return (path.replace("{list}", list_name).replace("{version}", "latest")
                    .replace("{id}", str(rec["record_id"])).replace("{side}", side)
                    .replace("{name}", "ru-clerk"))

        checked = 0
        for path, ops in doc["paths"].items():
            for method, op in ops.items():
                public = op.get("security") == []
                target = concrete(path, "ru-custody", ru_rec, "ua")
                # Unauthenticated: 401 everywhere but the public routes.
                r = Client(self.base).call(method.upper(), target, {} if method != "get" else None)
                if not public:
                    self.assertEqual(r.status, 401, f"{method} {target}: {r.body}")
                    self.assertEqual(r.json()["error"]["code"], "unauthenticated")
                # Every ua user, every role, against ru's data: allowed only for collections
                # (filtered) and sign-in routes; never a byte of ru's records.
                for name, role, side in USERS:
                    if side != "ua" or public:
                        continue
                    body = None if method == "get" else {"version": 1}
                    r = self.as_user(name).call(method.upper(), target, body)
                    checked += 1
                    for word in secret_words:
                        self.assertNotIn(word.encode(), r.body, f"{name} {method} {target}")
                    # Links, plans and agreements have their own ids and sides (their matrix
                    # is in test_server_exchange.py); a record id there names no link.
                    own_ids = path.startswith(("/api/v1/links", "/api/v1/plans",
                                               "/api/v1/agreements"))
                    if ("{list}" in path or "{id}" in path or "{name}" in path) and not own_ids:
                        self.assertEqual(r.status, 403, f"{name} {method} {target}: {r.body}")
                        self.assertEqual(r.json()["error"]["code"], "forbidden")
        self.assertGreater(checked, 100)
        # The observer changes nothing even on its own side.
        obs = self.as_user("ua-observer")
        rec = f"/api/v1/records/{ua_rec['record_id']}"
        self.assertEqual(obs.call("PUT", rec + "/interview",
                                  {"version": 0, "outcome": "consents"}).status, 403)
        self.assertEqual(obs.call("PUT", "/api/v1/lists/ua-request/shares/ru",
                                  {"version": 0}).status, 403)
        self.assertEqual(self.as_user("med-observer").call(
            "POST", rec + "/handovers", {"expected_count": 0, "event": "received", "phase": 1,
                                         "place": "x"}).status, 403)
        self.stop_cleanly()

    def test_sigterm_lets_requests_in_flight_finish(self):
        import http.client
        import threading
        import time
        self.parley("synth", "--people", "3000", "--seed", "3", "--out", self.path("big"),
                    workspace=False)
        clerk = Client(self.base)
        clerk.login("ua-clerk")
        r = clerk.upload("ua-big", self.path("big/ua-request.csv"), "request", "ua")
        self.assertEqual(r.status, 201, r.body)
        port = int(self.base.rsplit(":", 1)[1])
        sent, results = threading.Barrier(7), []

        def export():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/api/v1/lists/ua-big/versions/latest/export?format=xlsx",
                         headers={"Authorization": "Bearer " + self.tokens["ua-analyst"]})
            sent.wait()
            resp = conn.getresponse()
            body = resp.read()
            length = int(resp.headers["Content-Length"])
            results.append((resp.status, body[:2] == b"PK" and len(body) == length > 10000))
            conn.close()

        threads = [threading.Thread(target=export) for _ in range(6)]
        for t in threads:
            t.start()
        sent.wait()
        time.sleep(0.1)  # let the server accept them; the exports take longer than this
        self.proc.send_signal(signal.SIGTERM)
        for t in threads:
            t.join()
        self.assertEqual(self.proc.wait(timeout=60), 0)
        self.assertEqual(len(results), 6)
        # Every export answered in full (an XLSX is a zip: "PK", and the whole Content-Length).
        self.assertEqual(results, [(200, True)] * 6)
        self.assertIn("stopped cleanly", self.proc.stdout.read())

    def test_login_rate_limit_and_logout(self):
        c = Client(self.base)
        for _ in range(5):
            self.assertEqual(c.login("ua-clerk", "wrong password!!").status, 401)
        r = c.login("ua-clerk")
        self.assertEqual(r.status, 429)
        self.assertIn("Retry-After", r.headers)
        d = Client(self.base)
        r = d.login("ua-admin")
        self.assertEqual(r.status, 200)
        cookie = r.headers.get_all("Set-Cookie")
        self.assertTrue(any("HttpOnly" in h and "SameSite=Strict" in h for h in cookie))
        self.assertEqual(d.call("GET", "/api/v1/session").json()["user"]["name"], "ua-admin")
        self.assertEqual(d.call("DELETE", "/api/v1/session").status, 204)
        self.assertEqual(d.call("GET", "/api/v1/session").status, 401)
        self.stop_cleanly()

    def test_sessions_survive_a_restart_until_logout_or_disable(self):
        a, b = Client(self.base), Client(self.base)
        self.assertEqual(a.login("ua-clerk").status, 200)
        self.assertEqual(b.login("ua-analyst").status, 200)
        self.stop_cleanly()
        self.kill_server()
        self.start_server()
        for c in (a, b):
            c.base = self.base  # a new port; the cookies are sent to any 127.0.0.1 port
        r = a.call("GET", "/api/v1/session")
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["user"]["name"], "ua-clerk")
        self.assertEqual(r.json()["csrf_token"], a.csrf)
        self.assertEqual(b.call("GET", "/api/v1/session").status, 200)
        # Logout ends a's session; disabling ua-analyst ends b's.
        self.assertEqual(a.call("DELETE", "/api/v1/session").status, 204)
        self.assertEqual(a.call("GET", "/api/v1/session").status, 401)
        r = self.as_user("ua-admin").call("PATCH", "/api/v1/users/ua-analyst",
                                          {"version": 1, "disabled": True})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(b.call("GET", "/api/v1/session").status, 401)
        # The session table keeps digests, never the cookie value.
        cookie = next(c.value for c in b.jar if c.name == "parley_session")
        self.assertNotIn(cookie, self.store_dump())
        self.stop_cleanly()


class Tls(ParleyTestCase):
    def test_https_with_secure_cookies(self):
        import ssl
        self.parley("init")
        pw = self.path("pw")
        with open(pw, "w") as f:
            f.write(PASSWORD + "\n")
        self.parley("user", "add", "olena", "--role", "clerk", "--side", "ua", "--password-file",
                    pw)
        cert, key = self.path("cert.pem"), self.path("key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"],
                       check=True, capture_output=True)
        proc = subprocess.Popen([PARLEY, "serve", "--listen", "127.0.0.1:0", "--tls-cert", cert,
                                 "--tls-key", key, "--workspace", self.workspace],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            m = re.search(r"https://127\.0\.0\.1:(\d+)", proc.stdout.readline())
            self.assertIsNotNone(m)
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            req = urllib.request.Request(
                f"https://127.0.0.1:{m.group(1)}/api/v1/session", method="POST",
                data=json.dumps({"name": "olena", "password": PASSWORD}).encode(),
                headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, context=ctx, timeout=30) as r:
                cookies = r.headers.get_all("Set-Cookie")
            self.assertTrue(all("Secure" in c for c in cookies), cookies)
            proc.send_signal(signal.SIGTERM)
            self.assertEqual(proc.wait(timeout=30), 0)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()


class CliTwins(ParleyTestCase):
    def test_interview_handover_and_share_from_the_cli(self):
        self.parley("demo", "--people", "200")
        out = self.parley_json("interview", "ru-custody:1", "--outcome", "consents",
                               "--interviewer", "icrc-1")
        self.assertEqual(out["status"], "interviewed")
        self.parley("interview", "ru-custody:1", "--outcome", "refuses", "--expect-version", "0",
                    expect=1)
        out = self.parley_json("handover", "ru-custody:1", "--event", "handed_over", "--place",
                               "Sumy", "--actor", "cp-1")
        self.assertEqual(out["status"], "handed_over")
        self.assertIn("is shared with ua", self.parley("share", "ru-custody", "--with", "ua").stdout)

    def test_interviews_and_handovers_are_signed_ledger_events(self):
        from unittest import mock
        self.parley("demo", "--people", "200")
        with mock.patch.dict(os.environ, {"PARLEY_USER": "icrc-1"}):
            self.parley("interview", "ru-custody:1", "--outcome", "unfit", "--notes",
                        "private detail")
            self.parley("interview", "ru-custody:1", "--outcome", "consents",
                        "--expect-version", "0", expect=1)
        # A person the demo's signed plan sends in phase 2.
        plan = self.path("plan.json")
        self.parley("plan", "show", "1", "--out", plan)
        with open(plan, encoding="utf-8") as f:
            person = next(p["id"] for p in json.load(f)["people"]
                          if p["side"] == "b" and p["phase"] == 2)
        with mock.patch.dict(os.environ, {"PARLEY_USER": "cp-1"}):
            self.parley("handover", person, "--event", "handed_over", "--phase", "1",
                        "--place", "Sumy", "--at", "2026-05-23T14:05:00Z", expect=1)
            self.parley("handover", person, "--event", "handed_over", "--phase", "2",
                        "--place", "Sumy", "--at", "2026-05-23T14:05:00Z")
        log = self.parley_json("log")
        mine = [e for e in log if e["type"] in ("interview.recorded", "handover.recorded")]
        self.assertEqual(len(mine), 2, mine)
        self.assertEqual(mine[0]["actor"], "icrc-1")
        self.assertEqual(mine[0]["body"]["outcome"], "unfit")
        self.assertEqual(mine[0]["body"]["version"], 1)
        self.assertNotIn("private", json.dumps(mine[0]))
        self.assertEqual(mine[1]["actor"], "cp-1")
        self.assertEqual({k: mine[1]["body"][k] for k in ("event", "phase", "place", "at", "seq")},
                         {"event": "handed_over", "phase": 2, "place": "Sumy",
                          "at": "2026-05-23T14:05:00Z", "seq": 1})
        self.assertIn("handover.recorded", self.parley("log").stdout)
        self.assertIn("all signed", self.parley("verify").stdout)
        self.parley("check")


if __name__ == "__main__":
    unittest.main()
