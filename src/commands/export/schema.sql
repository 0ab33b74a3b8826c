-- The schema of `rapport export sqlite` (version 1, also in PRAGMA user_version).
-- docs/sqlite.md explains every table and view. Conventions: dates are ISO text
-- (YYYY-MM-DD; date-times YYYY-MM-DDTHH:MM; a birthday without a year --MM-DD); money
-- is two columns, exact decimal text (`125000.50`) and integer kopecks (`12500050`);
-- booleans are 0/1; `seq` is an item's place in its list in the file, from 1; `file`
-- is the book file, relative to the book's root. Figures as of a day (what is owed,
-- notice dates, budget status) are rapport's own, computed as of meta.today.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
) STRICT;

CREATE TABLE team (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    email TEXT,
    phone TEXT
) STRICT;

CREATE TABLE curators (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT
) STRICT;

CREATE TABLE services (
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT,
    price TEXT,
    price_kopecks INTEGER
) STRICT;

CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    file TEXT,
    name TEXT NOT NULL,
    status TEXT,
    key INTEGER,
    manager TEXT,
    curator TEXT,
    since TEXT,
    contact_every_days INTEGER,
    referred_by TEXT,
    legal_name TEXT,
    inn TEXT,
    kpp TEXT,
    ogrn TEXT,
    address TEXT
) STRICT;

CREATE TABLE client_services (
    client TEXT NOT NULL REFERENCES clients (id),
    seq INTEGER NOT NULL,
    service TEXT NOT NULL
) STRICT;

CREATE TABLE contacts (
    client TEXT NOT NULL REFERENCES clients (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    position TEXT,
    email TEXT,
    phone TEXT,
    birthday TEXT,
    preferred_channel TEXT,
    approver INTEGER NOT NULL,
    profile TEXT
) STRICT;
CREATE INDEX contacts_by_id ON contacts (client, id);

CREATE TABLE contracts (
    file TEXT PRIMARY KEY,
    client TEXT NOT NULL REFERENCES clients (id),
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    title TEXT,
    kind TEXT NOT NULL,
    parent TEXT,
    signed TEXT,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    value TEXT,
    value_kopecks INTEGER,
    currency TEXT,
    vat TEXT,
    status TEXT NOT NULL,
    renewal_auto INTEGER,
    renewal_term_months INTEGER,
    renewal_notice_days INTEGER,
    renewal_decision TEXT,
    renewal_decided TEXT,
    renewal_next TEXT
) STRICT;
CREATE INDEX contracts_by_id ON contracts (client, id);

CREATE TABLE contract_billing (
    client TEXT NOT NULL,
    contract TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    amount TEXT,
    amount_kopecks INTEGER,
    note TEXT
) STRICT;

CREATE TABLE contract_billing_lines (
    client TEXT NOT NULL,
    contract TEXT NOT NULL,
    billing_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    qty TEXT NOT NULL,
    unit TEXT,
    price TEXT NOT NULL,
    price_kopecks INTEGER
) STRICT;

CREATE TABLE projects (
    file TEXT PRIMARY KEY,
    client TEXT NOT NULL REFERENCES clients (id),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    contract TEXT,
    stage TEXT NOT NULL,
    stage_since TEXT,
    approver TEXT,
    start TEXT,
    deadline TEXT,
    deadline_tied_to TEXT,
    plan_b TEXT,
    brief_doc TEXT,
    brief_confirmed TEXT,
    budget TEXT,
    budget_kopecks INTEGER
) STRICT;
CREATE INDEX projects_by_id ON projects (client, id);

CREATE TABLE estimate_lines (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    qty TEXT NOT NULL,
    unit TEXT,
    price TEXT NOT NULL,
    price_kopecks INTEGER,
    service TEXT
) STRICT;

CREATE TABLE costs (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    amount TEXT NOT NULL,
    amount_kopecks INTEGER,
    what TEXT,
    contractor TEXT
) STRICT;

CREATE TABLE deadline_changes (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    decided TEXT,
    client_told TEXT,
    reason TEXT,
    task TEXT,
    told_to TEXT
) STRICT;

CREATE TABLE declined_requests (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    request TEXT NOT NULL,
    reason TEXT,
    explained TEXT
) STRICT;

CREATE TABLE tasks (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    title TEXT,
    assignee TEXT,
    kind TEXT,
    start TEXT,
    due TEXT,
    tied_to TEXT,
    task_doc TEXT,
    copy_ready TEXT,
    acknowledged TEXT,
    done TEXT
) STRICT;

CREATE TABLE feedback_rounds (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    from_contact TEXT
) STRICT;

CREATE TABLE feedback_comments (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    round_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    response TEXT,
    resolved TEXT,
    resolution TEXT,
    clarified_with TEXT
) STRICT;

CREATE TABLE meetings (
    file TEXT PRIMARY KEY,
    client TEXT NOT NULL REFERENCES clients (id),
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    format TEXT NOT NULL,
    place TEXT,
    project TEXT,
    late_minutes INTEGER,
    notes TEXT,
    report_sent TEXT
) STRICT;
CREATE INDEX meetings_by_id ON meetings (client, id);

CREATE TABLE meeting_attendees (
    client TEXT NOT NULL,
    meeting TEXT NOT NULL,
    side TEXT NOT NULL,
    seq INTEGER NOT NULL,
    person TEXT NOT NULL
) STRICT;

CREATE TABLE meeting_agenda (
    client TEXT NOT NULL,
    meeting TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL
) STRICT;

CREATE TABLE meeting_decisions (
    client TEXT NOT NULL,
    meeting TEXT NOT NULL,
    seq INTEGER NOT NULL,
    decision TEXT NOT NULL
) STRICT;

CREATE TABLE meeting_actions (
    client TEXT NOT NULL,
    meeting TEXT NOT NULL,
    seq INTEGER NOT NULL,
    what TEXT NOT NULL,
    owner TEXT,
    due TEXT,
    done TEXT
) STRICT;

CREATE TABLE meeting_report_to (
    client TEXT NOT NULL,
    meeting TEXT NOT NULL,
    seq INTEGER NOT NULL,
    contact TEXT NOT NULL
) STRICT;

CREATE TABLE log (
    file TEXT PRIMARY KEY,
    client TEXT NOT NULL REFERENCES clients (id),
    id TEXT NOT NULL,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    direction TEXT NOT NULL,
    contact TEXT,
    subject TEXT,
    summary TEXT,
    chasing INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    replied TEXT,
    acknowledged TEXT,
    topic TEXT,
    project TEXT
) STRICT;

CREATE TABLE invoices (
    file TEXT PRIMARY KEY,
    client TEXT NOT NULL REFERENCES clients (id),
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    date TEXT NOT NULL,
    due TEXT NOT NULL,
    due_computed INTEGER NOT NULL,
    contract TEXT,
    project TEXT,
    vat TEXT,
    prices_include_vat INTEGER,
    status TEXT NOT NULL,
    sent TEXT,
    currency TEXT NOT NULL,
    total TEXT NOT NULL,
    total_kopecks INTEGER,
    paid TEXT NOT NULL,
    paid_kopecks INTEGER,
    remainder TEXT,
    remainder_kopecks INTEGER,
    standing TEXT NOT NULL,
    overdue_days INTEGER
) STRICT;
CREATE INDEX invoices_by_id ON invoices (client, id);

CREATE TABLE invoice_lines (
    client TEXT NOT NULL,
    invoice TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    qty TEXT NOT NULL,
    unit TEXT,
    price TEXT NOT NULL,
    price_kopecks INTEGER
) STRICT;

CREATE TABLE payments (
    client TEXT NOT NULL,
    invoice TEXT NOT NULL,
    seq INTEGER NOT NULL,
    date TEXT NOT NULL,
    amount TEXT NOT NULL,
    amount_kopecks INTEGER,
    ref TEXT
) STRICT;

CREATE TABLE contractors (
    file TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    contact TEXT,
    preferred_channel TEXT,
    email TEXT,
    phone TEXT,
    messenger TEXT,
    notes TEXT
) STRICT;

CREATE TABLE contractor_services (
    contractor TEXT NOT NULL,
    seq INTEGER NOT NULL,
    service TEXT NOT NULL
) STRICT;

CREATE TABLE waivers (
    file TEXT NOT NULL,
    item TEXT,
    seq INTEGER NOT NULL,
    rule TEXT NOT NULL,
    reason TEXT,
    until TEXT
) STRICT;

CREATE TABLE findings (
    seq INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL,
    message TEXT NOT NULL,
    help TEXT,
    topic TEXT NOT NULL,
    state TEXT NOT NULL,
    happened TEXT,
    due TEXT,
    amount TEXT,
    amount_kopecks INTEGER,
    currency TEXT
) STRICT;

CREATE TABLE finding_people (
    finding INTEGER NOT NULL REFERENCES findings (seq),
    seq INTEGER NOT NULL,
    person TEXT NOT NULL
) STRICT;

CREATE TABLE renewals (
    seq INTEGER PRIMARY KEY,
    client TEXT NOT NULL,
    contract TEXT NOT NULL,
    file TEXT NOT NULL,
    state TEXT NOT NULL,
    term_number INTEGER NOT NULL,
    term_start TEXT NOT NULL,
    term_end TEXT NOT NULL,
    notice TEXT,
    days_left INTEGER,
    final_end TEXT,
    decision TEXT,
    decided TEXT,
    next TEXT,
    value TEXT,
    value_kopecks INTEGER,
    invoiced TEXT NOT NULL,
    invoiced_kopecks INTEGER,
    paid TEXT NOT NULL,
    paid_kopecks INTEGER,
    currency TEXT NOT NULL
) STRICT;

CREATE TABLE project_budgets (
    client TEXT NOT NULL,
    project TEXT NOT NULL,
    file TEXT PRIMARY KEY,
    currency TEXT NOT NULL,
    estimate TEXT,
    estimate_kopecks INTEGER,
    budget TEXT,
    budget_kopecks INTEGER,
    costs TEXT NOT NULL,
    costs_kopecks INTEGER,
    remaining TEXT,
    remaining_kopecks INTEGER,
    used_percent TEXT,
    status TEXT,
    invoiced TEXT NOT NULL,
    invoiced_kopecks INTEGER,
    paid TEXT NOT NULL,
    paid_kopecks INTEGER
) STRICT;

-- Invoices with money still owed, oldest due date first.
CREATE VIEW open_invoices AS
SELECT i.client, c.name AS client_name, i.number, i.date, i.due, i.currency,
       i.total, i.total_kopecks, i.paid, i.paid_kopecks,
       i.remainder AS owed, i.remainder_kopecks AS owed_kopecks,
       i.standing, i.overdue_days, i.file
FROM invoices AS i JOIN clients AS c ON c.id = i.client
WHERE i.remainder_kopecks > 0
ORDER BY i.due, i.client, i.number;

-- What each client owes, per currency: sums of exact kopecks.
CREATE VIEW owed_by_client AS
SELECT i.client, c.name AS client_name, i.currency,
       COUNT(*) AS invoices, SUM(i.remainder_kopecks) AS owed_kopecks,
       SUM(CASE WHEN i.overdue_days IS NOT NULL THEN i.remainder_kopecks ELSE 0 END)
           AS overdue_kopecks
FROM invoices AS i JOIN clients AS c ON c.id = i.client
WHERE i.remainder_kopecks > 0
GROUP BY i.client, i.currency
ORDER BY i.client, i.currency;

-- Active contracts by notice date, as `rapport renewals` lists them.
CREATE VIEW renewals_due AS
SELECT r.client, c.name AS client_name, k.number, k.title, r.state, r.notice,
       r.days_left, r.term_number, r.term_start, r.term_end, r.final_end,
       r.decision, r.decided, r.next, r.value, r.invoiced, r.currency, r.file
FROM renewals AS r
JOIN clients AS c ON c.id = r.client
JOIN contracts AS k ON k.file = r.file
ORDER BY r.seq;

-- Every project's money, as `rapport budget` shows it.
CREATE VIEW budget_per_project AS
SELECT b.client, c.name AS client_name, b.project, p.title, p.stage, b.currency,
       b.estimate, b.budget, b.costs, b.remaining, b.used_percent, b.status,
       b.invoiced, b.paid, b.file
FROM project_budgets AS b
JOIN clients AS c ON c.id = b.client
JOIN projects AS p ON p.file = b.file
ORDER BY b.client, b.project;
