#!/usr/bin/env python3
"""An independent sanity check of a generated book against FORMAT.md (v1).

    python3 bench/check_book.py BOOK_DIR

Not the tool's validator: a second opinion, written from the format page alone, used to
check examples/gen_book.rs. Needs PyYAML. Scalars are read as text (BaseLoader) so the
written form is checked: dates `YYYY-MM-DD`, date-times `YYYY-MM-DDTHH:MM`, booleans
`true`/`false`, money with at most 2 places. Exits 1 and lists problems if any.
"""
import os
import re
import sys
from collections import defaultdict

import yaml

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BDAY = re.compile(r"^(\d{4}|-)-\d{2}-\d{2}$")
DT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")
MONEY = re.compile(r"^\d+(\.\d{1,2})?$")
HHMM = re.compile(r"^\d{2}:\d{2}$")

problems = []

# The generator's "today" (bench/run.sh passes it to the audit as --today). Things that
# record what happened must not be after it; plans (due, deadline, start, end) may be.
TODAY = "2026-11-27"
PAST_ONLY = {"done", "acknowledged", "replied", "sent", "date", "resolved", "decided",
             "client_told", "explained", "confirmed", "copy_ready", "signed", "since",
             "stage_since"}


def past(path, node, log=False):
    """Recursively: no past-only date after TODAY (planned billing is exempt)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "billing":
                continue
            if (k in PAST_ONLY or (log and k == "at")) and isinstance(v, str) \
                    and v[:10] > TODAY:
                bad(path, f"{k} {v} is after {TODAY}")
            past(path, v, log)
    elif isinstance(node, list):
        for v in node:
            past(path, v, log)


def bad(path, msg):
    problems.append(f"{path}: {msg}")


def keys(path, m, allowed, required=()):
    if not isinstance(m, dict):
        bad(path, f"expected a map, got {type(m).__name__}")
        return False
    for k in m:
        if k not in allowed and not k.startswith("x-"):
            bad(path, f"unknown key {k!r}")
    for k in required:
        if k not in m:
            bad(path, f"missing required {k!r}")
    return True


def date(path, v, what):
    if not (isinstance(v, str) and DATE.match(v)):
        bad(path, f"{what}: not a date: {v!r}")
        return None
    return v


def dt(path, v, what):
    if not (isinstance(v, str) and DT.match(v)):
        bad(path, f"{what}: not a date-time: {v!r}")
        return None
    return v


def boolean(path, v, what):
    if v not in ("true", "false"):
        bad(path, f"{what}: not a boolean: {v!r}")


def money(path, v, what):
    if not (isinstance(v, str) and MONEY.match(v)):
        bad(path, f"{what}: not money: {v!r}")


def enum(path, v, allowed, what):
    if v not in allowed:
        bad(path, f"{what}: {v!r} not in {allowed}")


def ref(path, v, pool, what):
    if v not in pool:
        bad(path, f"{what}: reference to nothing: {v!r}")


def waive(path, m):
    for w in m.get("waive", []) or []:
        if keys(path, w, {"rule", "reason"}, ("rule", "reason")) and not w.get("reason"):
            bad(path, "waiver without a reason")


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader)
    past(path, doc, log=f"{os.sep}log{os.sep}" in path)
    return doc


def main(root):
    s = load(os.path.join(root, "rapport.yaml"))
    keys("rapport.yaml", s, {"agency", "currency", "locale", "timezone", "vat", "workweek",
                             "workday", "holidays", "invoice", "act", "team", "curators",
                             "services", "rules"})
    ag = s.get("agency", {})
    keys("rapport.yaml agency", ag, {"name", "legal", "bank", "signatory", "email", "phone",
                                     "address"}, ("name",))
    keys("rapport.yaml legal", ag.get("legal", {}), {"name", "inn", "kpp", "ogrn", "address"})
    keys("rapport.yaml bank", ag.get("bank", {}), {"name", "bik", "account", "corr_account"})
    for d in s.get("holidays", []):
        date("rapport.yaml", d, "holidays")
    wd = s.get("workday", {})
    keys("rapport.yaml workday", wd, {"start", "end"})
    for k in ("start", "end"):
        if k in wd and not HHMM.match(wd[k]):
            bad("rapport.yaml", f"workday.{k}: {wd[k]!r}")
    inv = s.get("invoice", {})
    keys("rapport.yaml invoice", inv, {"number", "payment_days", "prices_include_vat"})
    team = set()
    for m in s.get("team", []):
        keys("rapport.yaml team", m, {"id", "name", "role", "email", "phone"}, ("id", "name"))
        if not SLUG.match(m["id"]) or m["id"] in team:
            bad("rapport.yaml", f"team id {m['id']!r}")
        team.add(m["id"])
    curators = set()
    for m in s.get("curators", []):
        keys("rapport.yaml curators", m, {"id", "name", "email"}, ("id", "name"))
        curators.add(m["id"])
    services = set()
    for m in s.get("services", []):
        keys("rapport.yaml services", m, {"id", "name", "unit", "price"}, ("id", "name"))
        if "price" in m:
            money("rapport.yaml", m["price"], "service price")
        services.add(m["id"])

    contractors = set()
    cdir = os.path.join(root, "contractors")
    for fn in sorted(os.listdir(cdir)):
        path = os.path.join("contractors", fn)
        c = load(os.path.join(cdir, fn))
        cid = fn.rsplit(".", 1)[0]
        if not SLUG.match(cid):
            bad(path, "bad id")
        keys(path, c, {"name", "services", "contact", "preferred_channel", "email", "phone",
                       "messenger", "notes"}, ("name",))
        contractors.add(cid)
    if team & contractors:
        bad("book", f"team and contractor ids overlap: {team & contractors}")

    numbers = defaultdict(set)
    files = 0
    for client in sorted(os.listdir(os.path.join(root, "clients"))):
        cdir = os.path.join(root, "clients", client)
        rel = os.path.join("clients", client)
        if not SLUG.match(client):
            bad(rel, "bad client id")
        c = load(os.path.join(cdir, "client.yaml"))
        files += 1
        p = rel + "/client.yaml"
        keys(p, c, {"name", "legal", "status", "key", "manager", "curator", "since",
                    "contact_every_days", "referred_by", "services", "contacts", "waive"},
             ("name", "contacts"))
        enum(p, c.get("status", "active"), ("lead", "active", "paused", "former"), "status")
        if "key" in c:
            boolean(p, c["key"], "key")
        if "manager" in c:
            ref(p, c["manager"], team, "manager")
        if "curator" in c:
            ref(p, c["curator"], curators, "curator")
        if "since" in c:
            date(p, c["since"], "since")
        for sv in c.get("services", []):
            ref(p, sv, services, "services")
        waive(p, c)
        contacts = set()
        for k in c.get("contacts", []):
            keys(p, k, {"id", "name", "position", "email", "phone", "birthday",
                        "preferred_channel", "approver", "billing", "profile", "waive"}, ("id", "name"))
            if not SLUG.match(k["id"]) or k["id"] in contacts:
                bad(p, f"contact id {k['id']!r}")
            contacts.add(k["id"])
            if "birthday" in k and not BDAY.match(k["birthday"]):
                bad(p, f"birthday {k['birthday']!r}")
            if "approver" in k:
                boolean(p, k["approver"], "approver")
            if "preferred_channel" in k:
                enum(p, k["preferred_channel"], ("email", "phone", "messenger", "in_person"),
                     "preferred_channel")
        if not contacts:
            bad(p, "no contacts")
        if contacts & team:
            bad(p, f"contact ids overlap team ids: {contacts & team}")

        def stems(sub):
            d = os.path.join(cdir, sub)
            return sorted(f for f in os.listdir(d) if f.endswith((".yaml", ".yml")))

        contracts = {f.rsplit(".", 1)[0] for f in stems("contracts")}
        projects = {f.rsplit(".", 1)[0] for f in stems("projects")}

        for fn in stems("contracts"):
            files += 1
            p = f"{rel}/contracts/{fn}"
            m = load(os.path.join(cdir, "contracts", fn))
            keys(p, m, {"number", "title", "kind", "parent", "signed", "start", "end", "value",
                        "currency", "vat", "status", "renewal", "billing", "waive"},
                 ("number", "start", "end"))
            if date(p, m["start"], "start") and date(p, m["end"], "end") and m["end"] < m["start"]:
                bad(p, "end before start")
            if "parent" in m:
                ref(p, m["parent"], contracts, "parent")
            enum(p, m.get("kind", "contract"), ("contract", "supplement"), "kind")
            enum(p, m.get("status", "active"), ("draft", "active", "terminated", "closed"),
                 "status")
            if "value" in m:
                money(p, m["value"], "value")
            if "vat" in m and not (m["vat"] == "none" or m["vat"].isdigit()):
                bad(p, f"vat {m['vat']!r}")
            r = m.get("renewal")
            if r is not None:
                keys(p, r, {"auto", "term_months", "notice_days", "decision", "decided", "next"})
                if "auto" in r:
                    boolean(p, r["auto"], "renewal.auto")
                if "next" in r:
                    ref(p, r["next"], contracts, "renewal.next")
                if "decided" in r:
                    date(p, r["decided"], "renewal.decided")
                if "decision" in r:
                    enum(p, r["decision"], ("renew", "renegotiate", "terminate"), "decision")
            for b in m.get("billing", []):
                keys(p, b, {"date", "amount", "lines", "note"})
                date(p, b["date"], "billing.date")
                money(p, b["amount"], "billing.amount")

        for fn in stems("projects"):
            files += 1
            p = f"{rel}/projects/{fn}"
            m = load(os.path.join(cdir, "projects", fn))
            keys(p, m, {"title", "contract", "stage", "stage_since", "approver", "start",
                        "deadline", "deadline_tied_to", "plan_b", "brief", "estimate", "budget",
                        "costs", "deadline_changes", "declined", "tasks", "feedback", "waive"},
                 ("title",))
            if "contract" in m:
                ref(p, m["contract"], contracts, "contract")
            enum(p, m.get("stage", "active"), ("lead", "estimate", "negotiation", "active",
                                               "done", "lost", "cancelled"), "stage")
            if "approver" in m:
                ref(p, m["approver"], contacts, "approver")
            for k in ("start", "deadline", "stage_since"):
                if k in m:
                    date(p, m[k], k)
            if "start" in m and "deadline" in m and m["deadline"] < m["start"]:
                bad(p, "deadline before start")
            if "brief" in m:
                keys(p, m["brief"], {"doc", "confirmed"})
            for e in m.get("estimate", []):
                keys(p, e, {"item", "qty", "unit", "price", "service"})
                money(p, e["price"], "estimate.price")
                if "service" in e:
                    ref(p, e["service"], services, "estimate.service")
            if "budget" in m:
                money(p, m["budget"], "budget")
            for e in m.get("costs", []):
                keys(p, e, {"date", "amount", "what", "contractor"})
                date(p, e["date"], "costs.date")
                money(p, e["amount"], "costs.amount")
                if "contractor" in e:
                    ref(p, e["contractor"], contractors, "costs.contractor")
            for e in m.get("deadline_changes", []):
                keys(p, e, {"from", "to", "decided", "client_told", "reason"})
                for k in ("from", "to", "decided", "client_told"):
                    if k in e:
                        date(p, e[k], k)
            for e in m.get("declined", []):
                keys(p, e, {"date", "request", "reason", "explained"})
            tids = set()
            for t in m.get("tasks", []):
                keys(p, t, {"id", "title", "assignee", "kind", "start", "due", "tied_to",
                            "task_doc", "copy_ready", "acknowledged", "done", "waive"}, ("id",))
                if not SLUG.match(t["id"]) or t["id"] in tids:
                    bad(p, f"task id {t['id']!r}")
                tids.add(t["id"])
                if "assignee" in t:
                    ref(p, t["assignee"], team | contractors, "task.assignee")
                enum(p, t.get("kind", "other"), ("creative", "design", "copy", "dev",
                                                 "production", "other"), "task.kind")
                for k in ("start", "due", "copy_ready", "acknowledged", "done"):
                    if k in t:
                        date(p, t[k], "task." + k)
                if "start" in t and "due" in t and t["due"] < t["start"]:
                    bad(p, f"task {t['id']}: due before start")
                waive(p, t)
            for fb in m.get("feedback", []):
                keys(p, fb, {"date", "from", "comments"})
                ref(p, fb["from"], contacts, "feedback.from")
                for cm in fb.get("comments", []):
                    keys(p, cm, {"text", "response", "resolved", "resolution", "clarified_with"})
                    if "resolution" in cm:
                        enum(p, cm["resolution"], ("accepted", "clarified", "declined"),
                             "resolution")
                    if "clarified_with" in cm:
                        ref(p, cm["clarified_with"], contacts, "clarified_with")

        for fn in stems("meetings"):
            files += 1
            p = f"{rel}/meetings/{fn}"
            m = load(os.path.join(cdir, "meetings", fn))
            keys(p, m, {"at", "format", "place", "project", "attendees", "late_minutes",
                        "agenda", "notes", "decisions", "actions", "report", "waive"},
                 ("at", "format"))
            dt(p, m["at"], "at")
            if not fn.startswith(m["at"][:10]):
                bad(p, "id does not start with the date")
            enum(p, m["format"], ("in_person", "video", "call"), "format")
            if "project" in m:
                ref(p, m["project"], projects, "project")
            a = m.get("attendees", {})
            keys(p, a, {"client", "agency"})
            for x in a.get("client", []):
                ref(p, x, contacts, "attendees.client")
            for x in a.get("agency", []):
                ref(p, x, team, "attendees.agency")
            for act in m.get("actions", []):
                keys(p, act, {"what", "owner", "due", "done"})
                ref(p, act["owner"], team | contacts, "action.owner")
                for k in ("due", "done"):
                    if k in act:
                        date(p, act[k], "action." + k)
            if "report" in m:
                keys(p, m["report"], {"sent", "to"})
                dt(p, m["report"]["sent"], "report.sent")
                if m["report"]["sent"] < m["at"]:
                    bad(p, "report sent before the meeting")
                for x in m["report"].get("to", []):
                    ref(p, x, contacts, "report.to")
            waive(p, m)

        for fn in stems("log"):
            files += 1
            p = f"{rel}/log/{fn}"
            m = load(os.path.join(cdir, "log", fn))
            keys(p, m, {"at", "channel", "direction", "contact", "subject", "summary",
                        "chasing", "missed", "replied", "acknowledged", "topic", "project",
                        "waive"}, ("at", "channel", "direction"))
            dt(p, m["at"], "at")
            if not fn.startswith(m["at"][:10]):
                bad(p, "id does not start with the date")
            enum(p, m["channel"], ("email", "call", "messenger", "letter"), "channel")
            enum(p, m["direction"], ("in", "out"), "direction")
            if "contact" in m:
                ref(p, m["contact"], contacts, "contact")
            if "project" in m:
                ref(p, m["project"], projects, "project")
            for k in ("chasing", "missed"):
                if k in m:
                    boolean(p, m[k], k)
            for k in ("replied", "acknowledged"):
                if k in m:
                    dt(p, m[k], k)
                    if m[k] < m["at"]:
                        bad(p, f"{k} before at")

        for fn in stems("invoices"):
            files += 1
            p = f"{rel}/invoices/{fn}"
            m = load(os.path.join(cdir, "invoices", fn))
            keys(p, m, {"number", "date", "due", "contract", "project", "planned", "lines",
                        "vat", "prices_include_vat", "status", "sent", "payments", "waive"},
                 ("number", "date", "lines"))
            d = date(p, m["date"], "date")
            num = m["number"]
            if fn.rsplit(".", 1)[0] != num:
                bad(p, "file not named by number")
            if not re.match(r"^\d{4}-\d{4,}$", num) or (d and num[:4] != d[:4]):
                bad(p, f"number {num!r} does not follow {{year}}-{{seq:04}}")
            if num in numbers[num[:4]]:
                bad(p, f"number {num} used twice in the book")
            numbers[num[:4]].add(num)
            if "contract" in m:
                ref(p, m["contract"], contracts, "contract")
            if "project" in m:
                ref(p, m["project"], projects, "project")
            if not m["lines"]:
                bad(p, "no lines")
            for ln in m["lines"]:
                keys(p, ln, {"item", "qty", "unit", "price"})
                money(p, ln["price"], "line.price")
            if "prices_include_vat" in m:
                boolean(p, m["prices_include_vat"], "prices_include_vat")
            enum(p, m.get("status", "issued"), ("draft", "issued", "cancelled"), "status")
            for k in ("due", "sent"):
                if k in m:
                    date(p, m[k], k)
            for pay in m.get("payments", []):
                keys(p, pay, {"date", "amount", "ref"})
                if date(p, pay["date"], "payment.date") and d and pay["date"] < d:
                    bad(p, "payment before the invoice date")
                money(p, pay["amount"], "payment.amount")

    print(f"checked {files} client files, {len(contractors)} contractors: "
          f"{len(problems)} problem(s)")
    for x in problems[:50]:
        print("  " + x)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
