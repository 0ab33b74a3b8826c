# rapport's English catalog: `rapport rules`, the rulebook. Each message has its twin
# in ru/rules.ftl. The summaries, explanations and settings' notes are the same text as
# the rules' `meta!` in src/audit/rules/ and the E-codes' table in
# src/audit/book_codes.rs (a test holds them equal): English output is printed from
# there, and this file is what the Russian is translated from.

## The frame of `rapport rules`

rules-default-severity = default severity: { $severity }
rules-manual = manual: not read from data; a self-check
rules-manual-kind = manual
rules-settings = Settings (rapport.yaml):
rules-any-of = any of: { $words }
rules-no-rule = no rule { $code }; `rapport rules` lists them
rules-no-rule-suggest = no rule { $code }; did you mean { $suggestion }?


## R01 client-had-to-chase

rule-r01-summary = The client never has to chase us: we come first, at a steady cadence
rule-r01-doc =
    ## Why
    The client must never have to call us to learn how things stand. Every time a
    client chases us for status, he learns that silence from the agency means nothing
    is happening — and starts to check on us instead of trusting us. The cure is to
    come first: a short proactive note, call or meeting at a steady cadence, whether
    or not there is news.

    ## What it reads
    Two checks, at two levels.

    (a) error: an inbound log entry (`direction: in`) with `chasing: true`, dated on
    or before today — the client had to chase us. `chasing` on an outbound entry
    means nothing and is not read. Every such entry is reported, however old: it
    stays in the audit until it is waived with what was changed.

    (b) warning: a client with `status: active` whose latest proactive touch is more
    than its cadence (calendar days) before today. A proactive touch is a log entry
    with `direction: out` (any channel, any topic) or a meeting of any format, dated
    on or before today; a meeting planned for later today counts, as today is not
    over. An answer recorded only as `replied` on an inbound entry does not count:
    the client started that exchange. The cadence is the client's own
    `contact_every_days` where set, else `key_days` for a key client (`key: true`),
    else `days`. A client with no proactive touch at all is measured from `since`
    (the day it became a client) when that is set; with neither, it is reported at
    once. Leads, paused and former clients are not checked by (b).

    ## How to fix
    (a) Find out why the client had to chase: agree a status rhythm with him (a
    weekly note, a standing call) and put it in `contact_every_days`. (b) Call or
    write to the client now, before he has to chase you, and log the touch in
    `log/` with `direction: out` (or record the meeting).

    ## How to waive
    (a) On the log entry: `waive: [{"{"}rule: R01, reason: "…"{"}"}]`. (b) On the client, in
    `client.yaml`: `waive: [{"{"}rule: R01, reason: "on holiday until January", until: 2027-01-10{"}"}]`.
    A waiver on the client does not silence (a), which is reported on the log entry.

    ## Thresholds
    `days` (default 14): the longest gap, in calendar days, between proactive
    touches of an active client. `key_days` (default 7): the same for key clients.
    A client's `contact_every_days` overrides both. A `severity` set for R01 in
    rapport.yaml applies to both levels.
rule-r01-days = longest gap in days between proactive touches of an active client
rule-r01-key-days = the same for key clients

## R02 meeting-without-report

rule-r02-summary = A report is sent after every meeting
rule-r02-doc =
    ## Why
    The meeting report (the minutes) is the first habit an account manager is judged
    by: it fixes what was agreed, who does what by when, and protects both sides from
    "we never said that". Sent the same or the next working day, it is read while the
    meeting is fresh; a week later it is an archive nobody checks.

    ## What it reads
    Every meeting held on or before today (`at`), and its `report.sent`. The report is
    due by the end of the `days`th working day after the meeting's day, counting the
    meeting's own day as day 0 (a meeting on a Saturday: by the end of Monday, with
    `days` = 1). A meeting of today or of the last working day is not late yet.
    Working days come from `workweek` and `holidays`.

    ## How to fix
    Send the report (`rapport meeting report CLIENT/MEETING` drafts it), then record
    `report: {"{"}sent: YYYY-MM-DDTHH:MM, to: [contacts]{"}"}` in the meeting file.

    ## How to waive
    On the meeting: `waive: [{"{"}rule: R02, reason: "internal call, no minutes agreed"{"}"}]`.

    ## Thresholds
    `days` (default 1): working days after the meeting by which the report is due.
rule-r02-days = working days after the meeting by which the report is due

## R03 creative-before-brief-confirmed

rule-r03-summary = Creative work starts only once the client confirmed our understanding of the brief
rule-r03-doc =
    ## Why
    Creative work built on a misunderstood brief is thrown away, and the client
    remembers the wasted round, not the fine idea. Before the creative group starts,
    the account manager retells the task in his own words and the client confirms
    that this is exactly what he wants. Only then does inventing begin.

    ## What it reads
    Tasks of the creative side (`kinds`: by default `kind: creative` and
    `kind: copy`, the ideas and the words; settable to any task kinds) that have started (`start` on or before today), in
    projects of any stage, and the project's `brief.confirmed`: the day the client
    confirmed our understanding of the brief. A task is reported when the brief was
    never confirmed, or was confirmed after the task's `start`. Confirmation on the
    same day as the start is in time. Done tasks are still reported: the work was
    started blind all the same. A task without `start` has not started.

    ## How to fix
    Send the client your understanding of the brief (what, for whom, what result,
    what constraints), get his confirmation, and record
    `brief: {"{"}doc: …, confirmed: YYYY-MM-DD{"}"}` in the project. Start creative tasks on
    or after that day.

    ## How to waive
    On the task: `waive: [{"{"}rule: R03, reason: "the client's own brief, verbatim, nothing to interpret"{"}"}]`.
rule-r03-kinds = the task kinds of the creative side, which wait for the confirmed brief

## R04 design-without-task-doc

rule-r04-summary = A designer starts only from a written task
rule-r04-doc =
    ## Why
    A designer who starts from a phone call draws what he heard, not what the client
    needs; the mismatch surfaces at the first review and costs a round. A written
    task — in any form: a ticket, a page, a letter — fixes the goal, formats,
    content, constraints and deadline, and is the thing to check the layout against.

    ## What it reads
    Tasks with `kind: design` that have started (`start` on or before today), in
    projects of any stage, and their `task_doc` (a path or a link to the written
    task). A blank `task_doc` counts as none. Done tasks are still reported. A task
    without `start` has not started.

    ## How to fix
    Write the task down — goal, formats and sizes, texts and images supplied,
    constraints, deadline — give it to the designer, and record
    `task_doc: <path or link>` on the task.

    ## How to waive
    On the task: `waive: [{"{"}rule: R04, reason: "a one-line fix, agreed at the review"{"}"}]`.

## R05 layout-before-copy

rule-r05-summary = Layouts are made for ready copy, not with invented text
rule-r05-doc =
    ## Why
    A layout drawn around placeholder text, or around text the designer made up,
    falls apart when the real copy arrives: it is longer, shorter, says something
    else. The copy comes first — written by the copywriter, agreed with the client —
    and the layout is built for it.

    ## What it reads
    Tasks with `kind: design` that have started (`start` on or before today), in
    projects of any stage, and their `copy_ready` (the day the text for the layout
    was ready). A task is reported when `copy_ready` is missing, or later than
    `start`. Text ready on the day the layout starts is in time. Done tasks are still
    reported. A design task with no text at all (a logo, an icon) is waived.

    ## How to fix
    Get the final copy from the copywriter (agreed with the client) before the
    layout starts, and record `copy_ready: YYYY-MM-DD` on the design task.

    ## How to waive
    On the task: `waive: [{"{"}rule: R05, reason: "a logo, no copy"{"}"}]`.

## R06 letter-not-answered

rule-r06-summary = Letters are answered the same day, or the sender is told when the answer comes
rule-r06-doc =
    ## Why
    A letter left unanswered overnight tells the client he is not a priority. The
    answer need not be complete: "got it, the estimate comes tomorrow by noon" is an
    answer. What is not acceptable is silence until the end of the working day.

    ## What it reads
    Inbound log entries (`direction: in`) on `email`, `letter` and `messenger`
    (calls are R14's), with their `at`, `replied` and `acknowledged`. The first of
    `replied` and `acknowledged` is the answer. The answer is due by the end of the
    entry's working day: the day of `at` when that is a working day and `at` is
    before `workday.end`, else the next working day (a letter in the evening, on a
    weekend or on a holiday counts from the next working day). An answer on that day
    at any hour — even after `workday.end` — is on time. A working day not yet over
    (today) is not late, nor is a later one. Working days come from `workweek` and
    `holidays`.

    ## How to fix
    Answer the sender, or at least tell them when the answer will come, and record
    `replied: YYYY-MM-DDTHH:MM` (or `acknowledged:`) in the log entry. For the
    future: clear the inbox before the end of each working day.

    ## How to waive
    On the log entry: `waive: [{"{"}rule: R06, reason: "a newsletter, no answer expected"{"}"}]`.

## R07 stalled-deadline

rule-r07-summary = Deadlines are never left to stall
rule-r07-doc =
    ## Why
    A deadline that passes in silence is the fastest way to lose a client's trust: the
    client learns of the delay by not receiving the work. A deadline is either met,
    or moved openly and early (R08) — never left to stall.

    ## What it reads
    Projects: `deadline`, while the `stage` is still open (not `done`, `lost` or
    `cancelled`). Tasks of open projects: `due` with no `done` date. A deadline is
    stalled the day after it passes.

    ## How to fix
    Deliver and record `done: DATE` on the task (or move the project to `stage: done`);
    or agree a new date with the client and record it in `deadline_changes` with
    `client_told`, then update `deadline`/`due`.

    ## How to waive
    On the project or on the task: `waive: [{"{"}rule: R07, reason: "…", until: DATE{"}"}]`.

## R08 deadline-move-told-late

rule-r08-summary = A moved deadline is told to the client at once, and before the old date
rule-r08-doc =
    ## Why
    A moved deadline is a problem for the client too: he has his own plans, launches
    and bosses tied to our date. Told early, he can re-plan; told late — or told
    after the old date has already passed — he learns the agency hid it.

    ## What it reads
    Every entry of a project's `deadline_changes`, of the project's deadline or,
    with `task:`, of one task's `due` (`rapport task move` and `rapport project
    move` record both): `from` (the old deadline),
    `decided` (when the move was decided) and `client_told` (when the client was
    told). The client must be told by the end of the `days`th working day after the
    day of `decided` (decided on a Saturday: by the end of Monday, with `days` = 1),
    and never after `from`. A change is reported when `client_told` is later
    than either limit; or when `client_told` is missing and the earlier of the two
    limits has passed (a change decided today is not late yet). A change without
    `decided` is held to `from` alone. A move decided after the old deadline had
    already passed is always told late.

    When the book is a git repository, R08 also reads its history (the last 1000
    commits on the first-parent line, `--history-commits N`; `--no-history` turns
    this off): a `deadline` or a task's `due` that a commit moved is reported at
    its line, naming the commit, its author date and both dates, when no
    `deadline_changes` entry of the same task records that move (same `from` and
    `to`), or when the entry's `client_told` is more than `days` working days after
    the commit (and not already late by its own `decided` or `from`): the commit
    shows when the move was made, whatever the entry says.

    ## How to fix
    Tell the client now — what moves, to when, why, and what we do so it does not
    happen again — and record `client_told: YYYY-MM-DD` on the change.

    ## How to waive
    On the project: `waive: [{"{"}rule: R08, reason: "the client asked for the move himself"{"}"}]`.
    That silences it on every item of the project; the same `waive` list on one
    deadline change (`deadline_changes[]`) silences that one only.

    ## Thresholds
    `days` (default 1): working days after the decision by which the client is told.
rule-r08-days = working days after the decision by which the client is told

## R09 decline-not-explained

rule-r09-summary = Every request we decline is explained to the client: why, and where exactly
rule-r09-doc =
    ## Why
    Saying "no" to a client is part of the job; saying it without a reason is
    arrogance. A request we decline comes with an explanation of why and where
    exactly it would hurt his own goal — and the client hears it from us, in time.
    A bare refusal, or one nobody remembers explaining, becomes "the agency does not
    listen".

    ## What it reads
    Every entry of a project's `declined` list: `date` (when the request came),
    `reason` (why not) and `explained` (when the reason was given to the client).
    An entry is reported when it has no `reason` (a blank one counts as none), or
    when it has no `explained` date once the working day of the request is over (the
    day of `date`, or the next working day when that is not one; a request of today
    is not late yet). Both faults of one entry make one finding. How long after the
    request the explanation came is not checked, only that it came.

    ## How to fix
    Write down why the request would hurt the client's goal (`reason`), explain it to
    him — where exactly and why — and record `explained: YYYY-MM-DD`.

    ## How to waive
    On the project: `waive: [{"{"}rule: R09, reason: "…"{"}"}]`.
    That silences it on every item of the project; the same `waive` list on one
    declined request (`declined[]`) silences that one only.

## R10 late-for-meeting

rule-r10-summary = The agency side is never late for a meeting
rule-r10-doc =
    ## Why
    Being late tells the client his time is worth less than ours. Ten minutes late
    to a meeting undoes a month of careful work on the relationship; it is also the
    easiest rule to keep — leave earlier, join the call five minutes before.

    ## What it reads
    Meetings held on or before today (`at`) with `late_minutes` above zero: how late
    the agency side was, of any format (in person, video or call). `late_minutes: 0`
    or no `late_minutes` means on time. Every late meeting is reported, however old.

    ## How to fix
    Apologise to the client if it has not been done, and plan the next meetings with
    a margin: travel time, a reminder 15 minutes before, the call link opened early.
    The finding stays as the record of what happened; waive it once you have drawn the
    lesson.

    ## How to waive
    On the meeting: `waive: [{"{"}rule: R10, reason: "the client moved the meeting by 15 minutes and told us late"{"}"}]`.

## R11 fighting-for-unsure-idea

rule-r11-summary = Fight for an idea to the end only when you are 100% sure of it
rule-r11-doc =
    ## Meaning
    Defending an idea against the client's doubts spends trust: the agency's and
    yours. Spend it only on an idea you are completely sure of — one that answers the
    brief, that you can explain in the client's own terms, and that you would stake
    your name on. An idea you half believe in is better improved or dropped than
    pushed; pushing it and losing teaches the client to overrule you next time.

    ## Self-check
    Am I fighting for this idea because I am sure it serves the client's goal — could I prove it in his terms — or because it is ours and I do not want to lose?

    ## Why it is manual
    Conviction leaves no trace in the book: no field records how sure the account manager was. Ask it before every presentation and every dispute over an idea.

## R12 describing-without-idea

rule-r12-summary = Do not start describing something before there is an idea
rule-r12-doc =
    ## Meaning
    Words cannot stand in for an idea. A presentation, a concept note or a long
    letter written around an empty middle shows at once: the client reads paragraphs
    and finds nothing to say yes to. First find the idea — one sentence that makes
    the project — then describe it; if there is no idea yet, say so and say when there
    will be one.

    ## Self-check
    Can I state the idea in one sentence before I write the first paragraph describing it?

    ## Why it is manual
    Whether a text carries an idea is a judgement, not a date or a field. Ask it before writing any concept, presentation or proposal.

## R13 selling-without-belief

rule-r13-summary = Always believe in what you sell
rule-r13-doc =
    ## Meaning
    A client hears doubt before he hears arguments. If you do not believe in the
    work, the service or the price you are selling, he will not either — and he will
    be right to ask why you are selling it. Either find what is truly good in it and
    sell that, or change the offer until you can stand behind it.

    ## Self-check
    Would I buy this myself, at this price, for this goal — and can I say what exactly is good in it?

    ## Why it is manual
    Belief is not data. Ask it before every estimate, proposal and presentation you send.

## R14 missed-call-not-returned

rule-r14-summary = A missed call from a client is returned within a couple of working hours
rule-r14-doc =
    ## Why
    A client who calls has something that cannot wait for a letter. A call that
    goes unanswered and is not returned quickly makes him feel unheard — and next
    time he calls your director instead. A missed call is forgivable; a missed call
    not returned within a couple of working hours is not.

    ## What it reads
    Inbound call log entries (`channel: call`, `direction: in`) with `missed: true`,
    and their `replied` (when we called back). Only working time counts: the hours
    between `workday.start` and `workday.end` of working days (`workweek` minus
    `holidays`), so a call at 17:30 on Friday with a 2-hour allowance must be
    returned by 10:30 on Monday. A call back is late when more than `hours` working
    hours passed between the call and `replied`. A call not (yet) returned is late
    once `hours` working hours have passed before today began; a call back still
    due today is not late yet, as today is not over (the audit knows the date, not
    the hour).

    ## How to fix
    Call the client back now, and record `replied: YYYY-MM-DDTHH:MM` in the log
    entry. Keep the phone with you, or have a colleague pick up when you cannot.

    ## How to waive
    On the log entry: `waive: [{"{"}rule: R14, reason: "the client wrote the same minute, answered by email"{"}"}]`.

    ## Thresholds
    `hours` (default 2): working hours after a missed call within which we call back.
rule-r14-hours = working hours after a missed call within which we call back

## R15 disrespect-accepted

rule-r15-summary = Never accept disrespect from the client
rule-r15-doc =
    ## Meaning
    The client is a partner, not a master. Shouting, insults, calls at midnight,
    contempt for the team's work — accepted once, they become the norm of the
    relationship, and the team learns that its account manager will not stand up for
    it. Disrespect is stopped calmly and at once: name it, keep to the facts, and
    bring in the agency's management when it goes on.

    ## Self-check
    Did anything in my last talks with this client cross the line — and did I let it pass to keep the peace?

    ## Why it is manual
    Respect leaves no field in the book. Ask it after every difficult call or meeting, and tell your curator when the answer is yes twice.

## R16 client-teaches-agency

rule-r16-summary = You teach the client, not he you
rule-r16-doc =
    ## Meaning
    The agency is hired for its expertise. The account manager leads: explains how
    the work is done and why, proposes the next steps, brings in knowledge of the
    market and the audience. When the client starts dictating the process, the
    layouts and the solutions, the agency has become his pair of hands — and will be
    judged as one.

    ## Self-check
    In this project, who proposed the last important decision — me, with reasons, or the client, with me following?

    ## Why it is manual
    Who leads a relationship is a judgement over many touches, not a fact in one file. Ask it at every milestone of a project.

## R17 promise-not-kept

rule-r17-summary = What the agency promised at a meeting is done by the date promised
rule-r17-doc =
    ## Why
    What the agency promises at a meeting is what the client remembers. An action
    the agency took on with a date, and then let pass, is a promise broken in front
    of the client: it teaches him that our dates mean nothing. Promise only what can
    be done by that date, and when it cannot, say so before the date, not after.

    ## What it reads
    Every meeting's `actions` whose `owner` is a member of the agency's `team`
    (actions owned by the client's own people are theirs to keep), with a `due` date
    before today and no `done` date. An action due today is not late yet. `due` is
    a calendar date, as the client reads it: a promise for a Saturday or a holiday
    is late from the next day on. Actions without an owner or a `due` date are not
    promises this rule can check.

    A promise kept late (`done` after `due`) is a warning for `late_window_days`
    after the day it was done: the client noticed, and the next promise should be
    one the agency can keep. Older late promises are history and are not reported.

    ## How to fix
    Do it and record `done: YYYY-MM-DD` on the action. If it cannot be done, tell
    the client, agree a new date, and update `due`. A promise kept late cannot be
    fixed, only learnt from: promise a date with room in it next time.

    ## How to waive
    On the meeting: `waive: [{"{"}rule: R17, reason: "the client withdrew the request", until: DATE{"}"}]`.
    That silences it on every item of the meeting; the same `waive` list on one
    action (`actions[]`) silences that one only.
rule-r17-late-window-days = days after a promise kept late (`done` after `due`) that it is still reported, as a warning

## R18 product-without-service

rule-r18-summary = We sell a product and render a service at the same time
rule-r18-doc =
    ## Meaning
    The client buys the result — a campaign, a site, a pack design — and lives
    through the way it was made: the answers, the reports, the deadlines, the tone.
    A great product delivered with poor service loses the client as surely as a poor
    product; good service does not save a bad product either. Both are the account
    manager's job.

    ## Self-check
    If the client judged us only by how working with us felt this month — answers, reports, deadlines, tone — would he renew?

    ## Why it is manual
    How the service felt is not a field; rules R01, R02, R06 and R14 measure parts of it. Ask the whole question at each report to the curator.

## R19 deadline-unknown

rule-r19-summary = Every project and task has a deadline and what it is tied to
rule-r19-doc =
    ## Why
    A date alone is an order; a date with its reason is a plan. When every participant
    knows both the deadline and what it is tied to (a launch, a trade show, a board
    meeting), they can judge on their own what may slip and what may not, and they
    raise the alarm early. A deadline nobody can explain gets treated as negotiable.

    ## What it reads
    Projects in stage `active`: `deadline` and `deadline_tied_to`. Tasks not yet
    `done` in every open project (not `done`, `lost` or `cancelled`, so that tasks
    planned during an estimate count too): `due` and `tied_to`. One finding per
    project or task names what is missing; when only the reason is missing it points
    at the date, when only the date is missing at the reason, when both are missing
    at the project or task. Blank text counts as missing.

    ## How to fix
    Agree the date and write down what it is tied to: `deadline` and
    `deadline_tied_to: "the ad campaign starts on 1 December"` on the project, `due`
    and `tied_to` on each task, and tell the people doing the work.

    ## How to waive
    On the project or on the task: `waive: [{"{"}rule: R19, reason: "ongoing support, no end date"{"}"}]`.

## R20 referral-stats

rule-r20-summary = Who came recommended, and which key clients never recommended us
rule-r20-doc =
    ## Why
    The best clients come recommended, and the people who recommend us most are the
    clients we serve best. Knowing which clients came by recommendation, and which
    key clients have never recommended us to anyone, tells the account manager where
    the relationship is strong and where it is only a contract. This rule never
    fails an audit: it reports information, for the summary.

    ## What it reads
    `referred_by` of every client: each client that has one is reported (information).
    Key clients (`key: true`) that are `active` or `paused` are reported when none of
    their contacts recommended any other client of the book. A contact counts as
    the recommender of another client when that client's `referred_by` mentions the
    contact's name, or is `CLIENT/CONTACT` (IDs); a `referred_by` that names the key
    client itself (its ID, or mentions its name) counts too. Case and spacing are
    ignored.

    ## How to fix
    Nothing is broken. Thank the people who recommend you; with key clients that
    never have, ask what would make them do so, and record `referred_by` on the
    clients who come through them.

    ## How to waive
    On the client: `waive: [{"{"}rule: R20, reason: "state company, cannot recommend"{"}"}]`,
    or turn the statistics off with `rules: {"{"}R20: off{"}"}` in rapport.yaml.

## R21 contractor-channel-missing

rule-r21-summary = Every contractor has a preferred channel and the details to use it
rule-r21-doc =
    ## Why
    Work with contractors runs on short questions and quick answers. When nobody
    wrote down how a contractor is fastest reached, or the channel is known but the
    address is not, every urgent question starts with a hunt for a phone number,
    and a day is lost exactly when it matters.

    ## What it reads
    Every file in `contractors/`: `preferred_channel`, and the detail that channel
    needs — `email` for `email`, `phone` for `phone`, `messenger` for `messenger`,
    and `phone` or `email` for `in_person` (a meeting has to be arranged somehow).
    Blank text counts as missing.

    ## How to fix
    Ask the contractor how they are fastest reached, and record
    `preferred_channel:` with the matching `email:`, `phone:` or `messenger:`.

    ## How to waive
    Contractor files carry no waivers: record the channel, or turn the rule off
    for the whole book with `rules: {"{"}R21: off{"}"}` in rapport.yaml.

## R22 task-not-acknowledged

rule-r22-summary = The assignee confirmed the task before starting it
rule-r22-doc =
    ## Why
    A task handed over is not a task understood. Asking the specialist to say back
    what they are going to do, before they start, costs five minutes; finding out at
    the deadline that they did something else costs the deadline.

    ## What it reads
    Tasks of open projects (not `done`, `lost` or `cancelled`) that have an
    `assignee` and a `start` on or before today, done or not: the assignee's
    `acknowledged` date must be on or before `start`. A task that starts today is
    already expected to be acknowledged: the point is to ask before work begins.
    Tasks without an assignee or a start are left to R19 and the other task rules.

    ## How to fix
    Ask the assignee to restate the task in their own words, put right what they
    misunderstood, and record `acknowledged: YYYY-MM-DD` on the task. Next time,
    do it before `start`.

    ## How to waive
    On the task: `waive: [{"{"}rule: R22, reason: "routine task, same as every month"{"}"}]`.

## R23 birthday-missed

rule-r23-summary = Contacts are congratulated on their birthday
rule-r23-doc =
    ## Why
    A birthday greeting is a small thing that clients remember for a long time, and
    its absence is noticed too, especially when a competitor did not forget. It only
    works on the day, or close to it.

    ## What it reads
    The `birthday` of every contact of every client that is not `former` (and of
    former clients' contacts too with `former_clients: 1`: a former client's people
    still recommend the agency, R20, and a greeting keeps the door open)
    (`YYYY-MM-DD` or `--MM-DD`; 29 February falls on 28 February in a common year),
    and the client's `log`: a greeting is an entry with `direction: out` and
    `topic: birthday` dated within 2 days before or after the birthday, whose
    `contact` is that person (an entry without a `contact` counts for anyone whose
    birthday it is near). A warning when the last birthday was at most `window` days
    ago and has no greeting, once the 2 days after it are over: a birthday of
    yesterday can still be greeted today. The window crosses the new year: in early
    January, late December birthdays are checked.
    Information: every contact of a key client (not `former`) with no `birthday` on
    file.

    ## How to fix
    Congratulate them, even late, and log it: a `log/` entry with
    `direction: out`, `topic: birthday` and `contact:`. For a key client's contact,
    find out the birthday and record `birthday: --MM-DD` (the year is optional).

    ## How to waive
    On the contact in client.yaml: `waive: [{"{"}rule: R23, reason: "asked not to be congratulated"{"}"}]`.

    ## Thresholds
    `window` (default 30): how many days back a missed birthday is still reported.
    `former_clients` (default 0): 1 to keep greeting the contacts of `former` clients.
rule-r23-window = days back a birthday without a greeting is still reported
rule-r23-former-clients = 1 to greet the contacts of former clients too, 0 not to

## R24 project-picture-lost

rule-r24-summary = Keep the full picture of the project in your head and go into its details
rule-r24-doc =
    ## Meaning
    The account manager is the one person who sees the whole project: the goal, the
    budget, the deadlines, every task and who holds it, what the client said last
    week. And he goes into the details: he reads the layout, counts the estimate,
    checks the text. Knowing only the big picture, he promises the impossible; knowing
    only details, he misses the deadline.

    ## Self-check
    Could I, right now and without looking, tell the client where every task of this project stands, what is left of the budget, and what the next risk is?

    ## Why it is manual
    Knowing a project is not a fact in the book — although a book kept up to date (D08) is what makes it possible. Ask it before every status call.

## R25 people-taken-for-fools

rule-r25-summary = Do not take people for fools
rule-r25-doc =
    ## Meaning
    Clients, colleagues and contractors notice excuses, vague answers, padded
    estimates and hidden delays — always, sooner or later. Treat everyone as at least
    as smart as you: tell the truth about problems, explain instead of obscuring,
    and never count on anyone not checking.

    ## Self-check
    Is there anything I told a client, colleague or contractor this week that I would not want them to check?

    ## Why it is manual
    Honesty is not a field in the book. Ask it at the end of every week.

## R26 started-without-meeting

rule-r26-summary = The client is met in person before the work begins
rule-r26-doc =
    ## Why
    Letters and calls carry the words; a meeting carries the people. Meeting the
    client face to face before the work begins is when the account manager learns
    who decides, what worries them and what they did not put in the brief, and when
    the client learns whom to trust with it.

    ## What it reads
    Projects in stage `active` or `done` whose `start` is on or before today, and
    the client's meetings: at least one with `format: in_person` must be dated on
    or before `start` (a meeting on the start day counts), no more than
    `recent_months` before it, and with someone on this project among the client's
    attendees: its `approver`, a contact who gave `feedback` on it, or a client
    attendee of a meeting about it (`project:`). Such a meeting held for an earlier
    project counts too. A project that names none of its people yet is satisfied
    by an in-person meeting with any of the client's contacts. A project that
    starts today already needs it: the meeting comes before the work. An `active`
    or `done` project with no `start` at all must still have some in-person meeting
    with the client on or before today.

    ## How to fix
    Arrange an in-person meeting with the client and record it in `meetings/` with
    `format: in_person`. If the meeting happened but was never recorded, record it
    with its real date.

    ## How to waive
    On the project: `waive: [{"{"}rule: R26, reason: "client abroad, met by video; visit planned"{"}"}]`.
rule-r26-recent-months = how many months before the start an in-person meeting still counts

## R27 approver-unknown

rule-r27-summary = Every project names its approver, and we know that person
rule-r27-doc =
    ## Why
    The work is accepted or rejected by one person, and it is their taste, fears and
    way of deciding that the work has to pass. An account manager who does not know
    who that is, or knows the name and nothing else, learns it at the presentation,
    which is the most expensive moment to learn it.

    ## What it reads
    Projects in stage `estimate`, `negotiation` or `active`: their `approver`, a
    contact of the client. A project without one is reported on the project. An
    approver whose `profile` in client.yaml is missing or blank is reported once
    per contact, on the contact in client.yaml (where the fix goes), naming every
    such project that depends on them.

    ## How to fix
    Find out who accepts the work and record `approver: CONTACT` on the project.
    Write what you know about them in the contact's `profile`: how they decide, what
    they like and dislike, what went wrong before.

    ## How to waive
    A missing approver on the project, a missing profile on the contact:
    `waive: [{"{"}rule: R27, reason: "new marketing director, first meeting on 2 December", until: 2026-12-03{"}"}]`.

## R28 no-plan-b

rule-r28-summary = Every active project has a backup plan
rule-r28-doc =
    ## Why
    Contractors fall ill, printers break, approvals stall. A backup plan thought out
    calmly at the start costs an hour; improvised the night before the deadline it
    costs the deadline, the margin, or the client.

    ## What it reads
    Projects in stage `active`: `plan_b`. Missing or blank text is reported.

    ## How to fix
    Write down what happens if the main plan fails — another contractor, a simpler
    version, a phased launch — in `plan_b:` on the project.

    ## How to waive
    On the project: `waive: [{"{"}rule: R28, reason: "one-day job, nothing to fall back on"{"}"}]`.

## R29 comment-unanswered

rule-r29-summary = Every client comment gets a response
rule-r29-doc =
    ## Why
    A client's letter of comments forwarded as is to the creative group is not
    account management. Every comment is read, understood, discussed and answered:
    accepted, clarified with the client, or declined with the reason. A comment left
    without an answer tells the client nobody read it, and comes back in the next
    round, angrier.

    ## What it reads
    Every round of `feedback` of every project, whatever its stage (a comment from a
    finished project was still left unanswered): each comment needs a `response`
    (blank text counts as missing). It is due by the end of the `days`th working
    day after the round's `date` (a round on a Saturday, `days` = 2: by the end of
    Tuesday). Until that day is over it is not late. `resolved` and `resolution`
    alone do not count: the response is the record of what was told to the client.
    Working days come from `workweek` and `holidays`.

    ## How to fix
    Discuss the comment with the team, answer the client, and record the answer in
    the comment's `response:` (with `resolution:` and `resolved:` once settled).

    ## How to waive
    On the project: `waive: [{"{"}rule: R29, reason: "comments superseded by the new brief"{"}"}]`.
    That silences it on every item of the project; the same `waive` list on one
    comment (`feedback[].comments[]`) silences that one only.

    ## Thresholds
    `days` (default 2): working days after the round by which every comment has a response.
rule-r29-days = working days after a round of comments by which each has a response

## R30 declined-comment-unclarified

rule-r30-summary = A comment is declined only after clarifying it with the client
rule-r30-doc =
    ## Why
    There are no bad comments: either we misunderstood something, or the client
    put his thought badly. A comment that seems wrong is a question to ask, not a
    request to refuse. Declining it is sometimes right, but only after asking the
    person what they meant.

    ## What it reads
    Every comment of every project's `feedback`, whatever the stage: a comment with
    `resolution: declined` must name in `clarified_with` the contact with whom it
    was talked through before it was declined.

    ## How to fix
    Ask the author (or whoever can speak for them) what was meant, then record
    `clarified_with: CONTACT`; if the talk changes the answer, change `resolution`.

    ## How to waive
    On the project: `waive: [{"{"}rule: R30, reason: "comment withdrawn by the client"{"}"}]`.
    That silences it on every item of the project; the same `waive` list on one
    comment (`feedback[].comments[]`) silences that one only.

## D01 renewal-notice-due

rule-d01-summary = A renewal notice date is near and nothing is decided for the current term
rule-d01-doc =
    ## Why
    Controlling prolongation is part of the job (duty D2). A contract that needs
    notice before its end renews itself, or lapses, on the notice date whether
    anyone decided or not. The weeks before that date are when the account manager
    talks terms with the client: renew as is, renegotiate the price, or end it.

    ## What it reads
    Contracts with `status: active` (the default) and `renewal.notice_days`. The term
    that matters is the one in force today: an auto-renewing contract (`renewal.auto`)
    has prolonged itself term by term (`term_months`, else the length of the first
    term), so it may be in its third term. The notice date is that term's `end` minus
    `notice_days` calendar days, moved back to a working day when it falls on a
    weekend or holiday. It fires from `days` days before the notice date up to the
    notice date itself (today included) while no `renewal.decision` concerns the
    current term: a decision taken during the term, or one without `decided`
    (a dated decision from an earlier term does not count). A `renewal.next` without
    a `decision` is not a decision: write both. Once the notice date has passed it
    is D02's.

    ## How to fix
    Agree with the client and record `renewal: {"{"}decision: renew|renegotiate|terminate,
    decided: DATE{"}"}` in the contract file (and `next:` once the renewal is signed).

    ## How to waive
    On the contract: `waive: [{"{"}rule: D01, reason: "…", until: DATE{"}"}]`.

    ## Thresholds
    `days` (default 30): how many calendar days before the notice date to start
    warning.
rule-d01-days = calendar days before the notice date to start warning

## D02 renewal-missed

rule-d02-summary = A renewal notice date passed with no decision for the current term
rule-d02-doc =
    ## Why
    Once the notice date has passed, the contract's fate was decided by default: an
    auto-renewing contract is prolonged for another term on the old terms (no price
    review, no chance to leave), and one without auto-renewal lapses, so the work
    goes on with no contract behind it. Either way the agency lost the moment to
    negotiate (duty D2: control prolongation).

    ## What it reads
    Contracts with `status: active` (the default) and `renewal.notice_days`. The
    current term is the one in force today (an auto-renewing contract walks through
    its tacit renewals); its notice date is the term's `end` minus `notice_days`,
    moved back to a working day. It fires the day after that notice date while no
    `renewal.decision` concerns the current term (a decision taken during the term,
    or one without `decided`). A contract without auto-renewal whose only term has
    ended keeps firing while it is still `active` with no decision: close it or
    record what was decided. When an auto-renewing contract enters its next term, the
    count starts again (D01 warns before the next notice date).

    ## How to fix
    Talk to the client now and record what was agreed: `renewal: {"{"}decision:
    renew|renegotiate|terminate, decided: DATE{"}"}`; sign the renewal and set
    `renewal.next`, or set `status: closed` on a contract that is over.

    ## How to waive
    On the contract: `waive: [{"{"}rule: D02, reason: "…"{"}"}]`.

## D03 expired-contract-in-use

rule-d03-summary = No work, meeting or invoice after a contract's final end without a renewal
rule-d03-doc =
    ## Why
    Work after a contract's end has no legal basis: the client may refuse to pay for
    it, the agency carries the risk, and an invoice under an ended contract is
    rejected by the client's accountants. The renewal (or a new contract) must be in
    place before the old one ends (duty D2: control prolongation, re-sign).

    ## What it reads
    Contracts other than drafts, with no `renewal.next`, and their final end: `end`
    for a contract without auto-renewal; for one with `renewal.auto`, the end of the
    term in which a `terminate` decision was taken (an auto-renewing contract without
    one keeps prolonging itself, so it never ends and is not checked). Work under such
    a contract, dated after that end and on or before today:
    - a meeting held (`at`) about a project (`project`) whose `contract` it is;
    - an invoice (`contract`) issued on its `date` (drafts and cancelled invoices are
    {"  "}not work billed);
    - a project (`contract`) in stage `active` today, once it has started (`start` on
    {"  "}or before today, or no `start`): the work is going on now, after the end.

    ## How to fix
    Sign the renewal or a new contract and record it as `renewal: {"{"}next: ID{"}"}` on the
    ended contract; point the project or invoice at the contract in force.

    ## How to waive
    On the meeting, invoice or project: `waive: [{"{"}rule: D03, reason: "…"{"}"}]`; or on the
    contract, which silences D03 for all the work under it (e.g. "renewal signed on
    paper, file to follow", with `until`).

## D04 invoice-overdue

rule-d04-summary = Issued invoices are paid by their due date
rule-d04-doc =
    ## Why
    Controlling payments is the account manager's duty (D2): an unpaid invoice is
    work the agency financed for the client. The earlier a late payment is noticed,
    the easier the call: a polite reminder the day after the due date, not an
    awkward conversation a quarter later.

    ## What it reads
    Issued invoices (`status: issued`, the default; drafts and cancelled ones are
    not owed). The due date is `due`, else `date` plus `invoice.payment_days` of
    rapport.yaml (default 5) in calendar days, not working days, as payment terms
    are usually written. The invoice is overdue from the day after the due date.
    Its total is computed as everywhere in rapport: each line `qty × price` rounded
    to kopecks (halves away from zero), summed; with `prices_include_vat` (the
    invoice's, else the book's, default true) that sum is the total; with net
    prices, VAT at the invoice's `vat`, else its contract's (or the contract's
    parent's), else the book's, is added on top, rounded to kopecks; `vat: none`
    means no VAT. What remains is the total less the `payments` dated on or before
    today; it fires while that is above zero.

    ## How to fix
    Remind the client (and record the touch in the log); when the money arrives,
    add it to `payments: [{"{"}date: DATE, amount: SUM, ref: "…"{"}"}]`. If a new date was
    agreed, write it as `due`; if the invoice was withdrawn, set `status: cancelled`.

    ## How to waive
    On the invoice: `waive: [{"{"}rule: D04, reason: "…", until: DATE{"}"}]`, e.g. a
    deferral agreed in writing.

    ## Thresholds
    `firm_days` (default 14): days overdue after which the payment reminder that
    `rapport invoice remind` drafts (and the agenda proposes) is worded firmly
    rather than politely.
rule-d04-firm-days = days overdue after which a payment reminder is worded firmly

## D05 invoice-numbering

rule-d05-summary = Invoice numbers are unique within a year, leave no gaps and follow the dates
rule-d05-doc =
    ## Why
    Invoices are accounting documents: two invoices with one number in a year, or a
    number that was skipped, are the first things an accountant or a tax inspector
    asks about. The account manager issues them (duty D2), so the numbering is theirs
    to keep straight, across every client of the book.

    ## What it reads
    Every invoice of the book, whatever its client and status, in order of `date`
    then file path.
    - Duplicates (error): the same `number` (exact text) twice among invoices whose
    {"  "}`date` falls in the same year. The first one keeps the number; each later one is
    {"  "}reported, naming the first.
    - Gaps (warning): the sequence number is read from `number` with the pattern
    {"  "}`invoice.number` of rapport.yaml (default `{"{"}year{"}"}-{"{"}seq:04{"}"}`; placeholders
    {"  "}`{"{"}year{"}"}` four digits, `{"{"}seq{"}"}` or `{"{"}seq:0N{"}"}` the sequence zero-padded to N
    {"  "}digits, `{"{"}client{"}"}` the client's ID; everything else literal). Numbers that do
    {"  "}not match the pattern (hand-made numbers, older schemes, a `{"{"}year{"}"}` written
    {"  "}otherwise) are ignored for gaps. Sequences run per year — the `{"{"}year{"}"}` of the
    {"  "}number, or the year of `date` when the pattern has none — and per client when
    {"  "}the pattern has `{"{"}client{"}"}`. Within a sequence, every number between the lowest
    {"  "}and the highest found must exist; the invoice after a gap is reported. Numbers
    {"  "}below the lowest found (invoices issued before the book was kept) are not asked
    {"  "}for. Cancelled and draft invoices keep their number, so they leave no gap. A
    {"  "}pattern with another placeholder, or without `{"{"}seq{"}"}`, disables the gap check.
    - Back-dated invoices (warning): within such a sequence, an issued invoice (not a
    {"  "}draft, whose date is not final, nor a cancelled one) dated before
    {"  "}the issued invoice numbered just before it was numbered out of date order:
    {"  "}issued later and dated back, or given a number out of turn. It is reported,
    {"  "}naming the one before it.

    - Sent invoices edited (error), when the book is a git repository: a commit
    {"  "}that changed the `number` or the `date` of an invoice whose version before
    {"  "}it had `sent` is reported at the current value, naming the commit and its
    {"  "}author date, unless the invoice has the number or date it was sent with
    {"  "}again (the history's last 1000 commits, `--history-commits N`;
    {"  "}`--no-history` turns this off).

    ## How to fix
    A duplicate: renumber the later invoice to the next free number (and reissue it
    to the client if it was sent). A gap: add the missing invoice, or, if it was
    issued and withdrawn, record it with `status: cancelled`. A back-dated invoice:
    correct its `date` to the day it was issued, or, if the date is right, renumber
    it (and reissue it if it was sent).

    ## How to waive
    On the invoice reported: `waive: [{"{"}rule: D05, reason: "…"{"}"}]`.

## D06 over-billing

rule-d06-summary = Invoices stay within the contract value, payments within the invoice
rule-d06-doc =
    ## Why
    Billing more than the contract allows is work the client never agreed to pay
    for: the invoice will be disputed, or paid and later reclaimed. A payment larger
    than its invoice is money the agency owes back, or a payment booked against the
    wrong invoice. Both are the account manager's to catch (duty D2: issue invoices,
    control payments).

    ## What it reads
    - Contracts with a `value`: the gross totals (VAT included) of every issued
    {"  "}invoice of the client whose `contract` names it (drafts are not billed yet and
    {"  "}cancelled invoices are void, as the format reference says). The value is
    {"  "}compared as written, VAT included.
    {"  "}Invoices count only against the contract they name: an invoice under a
    {"  "}supplement counts against the supplement's value, not its parent's.
    {"  "}Currency: an invoice under a contract is in that contract's currency (its
    {"  "}`currency`, or its parent's, else the book's), so the value and the invoices
    {"  "}are compared in that currency, as written, with no exchange rate; amounts are
    {"  "}shown with that currency's code. A contract in a currency other than the
    {"  "}book's is compared the same way.
    - Invoices with `payments`: the sum of all payments against the invoice's gross
    {"  "}total (computed as in D04), whatever the payments' dates. A cancelled invoice
    {"  "}asks for nothing, so any payment against it is too much (money to return or to
    {"  "}move to the invoice that replaced it). Drafts are not checked.

    ## How to fix
    Over the contract value: sign a supplement raising the value (and point the
    invoices at it), or cancel or reduce the extra invoice. Overpaid: refund the
    difference, or move the payment to the invoice it was for.

    ## How to waive
    On the contract or on the invoice: `waive: [{"{"}rule: D06, reason: "…"{"}"}]`.

## D07 over-budget

rule-d07-summary = Project costs stay within budget, and active projects have an estimate
rule-d07-doc =
    ## Why
    The account manager makes the preliminary estimate and controls the budget (duty
    D5). Spend past the budget comes out of the agency's margin or turns into an
    awkward request for more money; the time to act is before it is spent, when the
    costs approach the budget. And work started with no estimate has no budget to
    control at all.

    ## What it reads
    Projects in an open stage (`lead`, `estimate`, `negotiation`, `active`; a `done`,
    `lost` or `cancelled` project's spend is history, no longer controllable).
    - With a `budget`: the sum of every `costs` amount (whatever its date: a cost
    {"  "}recorded ahead is committed). Over the budget: error. Over `warn_percent` of it
    {"  "}(more than, not equal): warning.
    - In stage `active`: an `estimate` with no lines (missing or empty): error.
    Amounts are shown in the currency of the project's contract, else the book's.
    `rapport budget` colours projects red and amber by the same arithmetic
    (`budget_math`), so the report and this rule never disagree.

    ## How to fix
    Over budget: agree the extra with the client (a new estimate and budget), or
    cut the remaining work. Near it: review what is left against what remains of
    the budget. No estimate: write the `estimate` lines (`item`, `qty`, `unit`,
    `price`) the client agreed to.

    ## How to waive
    On the project: `waive: [{"{"}rule: D07, reason: "…"{"}"}]`.

    ## Thresholds
    `warn_percent` (default 90): the share of the budget, in percent, beyond which
    the costs are worth a warning.
rule-d07-warn-percent = percent of the budget beyond which costs are a warning

## D08 stale-crm

rule-d08-summary = Active projects are touched and deals keep moving through the pipeline
rule-d08-doc =
    ## Why
    Keeping sales projects and the history of every interaction up to date is a duty
    of its own (D4). An active project with no recorded meeting or letter for weeks is
    either neglected or unrecorded: both leave the next person (or the curator) blind.
    A deal stuck in one pipeline stage for a month is either lost and not marked so,
    or waiting for a push nobody gives.

    ## What it reads
    - Projects in stage `active`: the latest of the days of meetings held (`at` on or
    {"  "}before today) and log entries (in or out, `at` on or before today) whose
    {"  "}`project` is this project, and of the project's own `stage_since` and `start`
    {"  "}(on or before today). It fires when that day is more than `active_days` days
    {"  "}ago (calendar days; exactly `active_days` days is not stale yet), or when there
    {"  "}is none of them at all.
    - Projects in stage `lead`, `estimate` or `negotiation` with a `stage_since` more
    {"  "}than `stage_days` days ago. Touches do not reset this one: talking about a deal
    {"  "}is not moving it. A stage with no `stage_since` cannot be aged and is not checked.

    ## How to fix
    Record the touches you had (`rapport new log`, `rapport new meeting` with
    `project:`), or get in touch; move the deal to its real stage and set
    `stage_since` to the day it got there (`lost` is a stage too).

    ## How to waive
    On the project: `waive: [{"{"}rule: D08, reason: "…", until: DATE{"}"}]`, e.g. a project
    paused by the client until a date.

    ## Thresholds
    `active_days` (default 21): calendar days an active project may go without a
    recorded meeting or log touch. `stage_days` (default 30): calendar days a lead,
    estimate or negotiation may stay in its stage.
rule-d08-active-days = calendar days an active project may go without a recorded touch
rule-d08-stage-days = calendar days a lead, estimate or negotiation may stay in its stage

## D09 key-client-without-curator

rule-d09-summary = Every key client has a management-side curator
rule-d09-doc =
    ## Why
    The results of work with key clients go to the project curators on the
    company's management side (duty D6). A key client with no curator has nobody
    above the account manager who knows how things stand: no one to escalate to,
    no one to cover, no one to report to.

    ## What it reads
    `client.yaml`: `key: true` with no `curator`. Clients with `status: former` are
    not checked (there is nothing left to oversee). The finding points at `key:`, the
    flag that makes a curator necessary. Whether the curator exists in rapport.yaml's
    `curators` is E04's check.

    ## How to fix
    Agree a curator with management and write `curator: ID` (one of `curators` in
    rapport.yaml) in the client file; or, if the client is no longer key, `key: false`.

    ## How to waive
    On the client: `waive: [{"{"}rule: D09, reason: "…", until: DATE{"}"}]`.

## D10 upsell-opportunity

rule-d10-summary = Services most clients buy are offered to those who do not
rule-d10-doc =
    ## Why
    Upselling further services is part of building a long-term relationship (duty
    D1). A service that most clients buy and this one does not is the most natural
    next conversation: it is proven, the team knows it, and the client may simply
    not know the agency does it. Information, not a fault: it never fails an audit.

    ## What it reads
    The `services` lists of clients with `status: active` (the default; leads,
    paused and former clients neither count nor get suggestions). A service bought by
    more than `share_percent` percent of the active clients is suggested to each
    active client that does not list it, one finding per service, in the order of
    the catalogue (`services` in rapport.yaml). The share counts the client itself
    among the active clients: with the default, 3 of 4 is enough, 2 of 4 is not.
    `rapport upsell` lists the same services by the same computation (`upsell`).

    ## How to fix
    Offer the service; when the client buys it, add it to the client's `services`.

    ## How to waive
    On the client: `waive: [{"{"}rule: D10, reason: "…"{"}"}]`, e.g. the client does it
    in-house.

    ## Thresholds
    `share_percent` (default 50): the share of active clients, in percent, that must
    buy a service (strictly more) for it to be suggested to the others.
rule-d10-share-percent = percent of active clients (strictly more) that buy a service

## D11 legal-details-checksum

rule-d11-summary = ИНН, КПП, БИК and account numbers pass their control digits
rule-d11-doc =
    ## Why
    The details printed on an invoice are what the client's accountant types into a
    payment order. A mistyped ИНН makes the invoice and the closing documents
    unacceptable; a mistyped account sends the money back days later, or somewhere
    else. Russian identifiers carry control digits precisely so that such typos can
    be caught before anyone pays: this rule checks them.

    ## What it reads
    `agency.legal` and `agency.bank` of rapport.yaml, and `legal` of every
    client.yaml (an absent value is not checked; filling them in is up to you):
    - `inn`: 10 digits (a company; the 10th is the control digit) or 12 (an
    {"  "}individual entrepreneur or a person; the 11th and 12th), weighted sums modulo
    {"  "}11, then 10.
    - `kpp`: 9 characters — 4 digits (the tax office), 2 digits or capital latin
    {"  "}letters (the reason), 3 digits. КПП has no control digit.
    - `bik`: 9 digits. БИК has no control digit.
    - `account` (расчётный счёт): 20 digits whose control key (the 9th digit) agrees
    {"  "}with the БИК: the last three digits of the БИК followed by the 20 digits,
    {"  "}weighted 7, 1, 3, …, sum to a multiple of 10 (for a БИК ending in 000, 001 or
    {"  "}002, a division of the Bank of Russia, the prefix is 0 and the БИК's 5th–6th
    {"  "}digits). Treasury accounts (starting with 03) are checked for 20 digits only.
    - `corr_account` (корр. счёт): 20 digits whose control key agrees with the БИК
    {"  "}prefixed as 0 and the БИК's 5th–6th digits; a bank's correspondent account
    {"  "}(30101…) ends with the last three digits of its БИК.
    The message names the digit expected, so a single typo can be found; a wrong
    expected digit may also mean the typo is elsewhere in the number (or in the БИК).

    ## How to fix
    Check the number against the source document (the client's card of details, the
    bank's letter, the ЕГРЮЛ extract) and correct it. Write these numbers quoted
    (`inn: "7707083893"`): some start with 0.

    ## How to waive
    On a client: `waive: [{"{"}rule: D11, reason: "…"{"}"}]` (e.g. a foreign company whose
    tax number is not an ИНН). rapport.yaml has no waivers: to silence the agency's
    findings, set `rules: {"{"}D11: off{"}"}`.

## D12 planned-invoice-not-issued

rule-d12-summary = Every planned invoice of a contract in force is issued by its date
rule-d12-doc =
    ## Why
    Issuing the invoices on time is the account manager's duty (D2): the billing
    plan of a contract is what the client agreed to pay and when. An invoice not
    issued on its planned day is money the agency lends the client for free, and
    the later it comes, the more awkward it is to send.

    ## What it reads
    The `billing` list of every contract (or supplement) with `status: active`
    (the default): each entry is a planned invoice, numbered from 1 in the order
    the list is written. An entry is issued when an invoice of the same client that
    is not cancelled names the contract (`contract:`) and the entry's number
    (`planned:`); `rapport invoice new CLIENT --planned CONTRACT#N` writes both. It
    fires from the day after the entry's `date` plus `days` calendar days while no
    invoice issues it. What the entry asks for is its `amount`, or its `lines`
    priced as an invoice of that contract would be (VAT and currency of the
    contract on that date).

    The agenda lists a planned invoice from `lead_days` working days before its
    date, with the command that issues it; the calendar carries every entry of a
    contract in force on its date.

    ## How to fix
    Issue it: `rapport invoice new CLIENT --planned CONTRACT#N`. If it was issued by
    hand, add `planned: N` (and `contract:`) to that invoice. If the plan changed,
    change the entry's `date`, or remove the entry — and keep the numbers of the
    entries that invoices name (add new entries at the end).

    ## How to waive
    On the contract: `waive: [{"{"}rule: D12, reason: "…", until: DATE{"}"}]`.

    ## Thresholds
    `days` (default 0): calendar days after the planned date before it is flagged.
    `lead_days` (default 5): working days before the planned date from which the
    agenda lists it.
rule-d12-days = calendar days after the planned date before it is flagged
rule-d12-lead-days = working days before the planned date from which the agenda lists it

## D13 act-missing

rule-d13-summary = Work invoiced or done is closed by an act
rule-d13-doc =
    ## Why
    The act of work done (акт сдачи-приёмки) is the document the client's
    accountant books the agency's work by, and the agency's proof that the work was
    accepted. Work invoiced or delivered without one is revenue the agency cannot
    recognise and a claim it cannot prove; the longer it waits, the harder it is to
    get the client's signature for last quarter's work.

    ## What it reads
    Issued invoices (not drafts or cancelled ones) and projects at `stage: done`
    (from their `stage_since`), dated on or after rapport.yaml's `act.since` when it
    is set. An invoice is closed by an issued act that lists it under `invoices`,
    or by one that names its project and lists no invoices; a project by an act
    that names it or closes one of its invoices. A done project with issued
    invoices is judged by its invoices. It fires from the day after the `days`th
    working day after the invoice's date or the project's `stage_since`.

    ## How to fix
    `rapport act new CLIENT --invoice N` (or `--project P`) draws up the act;
    `rapport act render CLIENT/ACT` makes the document to send.

    ## How to waive
    On the invoice or project: `waive: [{"{"}rule: D13, reason: "advance; the act comes
    with the final invoice"{"}"}]`.

    ## Thresholds
    `days` (default 5): working days after the invoice or the project's completion
    by which the act is drawn up.
rule-d13-days = working days after the invoice or the project's completion by which its act is drawn up

## D14 act-not-signed

rule-d14-summary = A sent act comes back signed
rule-d14-doc =
    ## Why
    An act counts once the client has signed it: until then the work is not
    accepted on paper, the agency cannot recognise the revenue, and a dispute about
    the work has no document to settle it. Chasing the signature is the account
    manager's everyday part of closing a month (duty D2).

    ## What it reads
    Issued acts with `sent` and no `signed`. It fires from the day after the
    `days`th working day after `sent`.

    ## How to fix
    Ask the client for the signed copy; when it comes back, `rapport act signed
    CLIENT/ACT --date D` records it.

    ## How to waive
    On the act: `waive: [{"{"}rule: D14, reason: "signed through the ЭДО operator"{"}"}]`.

    ## Thresholds
    `days` (default 5): working days after the act was sent by which the signed copy
    is back.
rule-d14-days = working days after an act was sent by which the client's signed copy is back

## D15 act-originals-missing

rule-d15-summary = Paper originals of signed acts come back where the contract requires them
rule-d15-doc =
    ## Why
    Where the contract requires paper originals, a scan of the signed act is not
    the document the agency's accountant (or a tax audit) accepts. Originals go
    astray in the post and in the client's office; they are found easily a month
    later, and hardly a year later.

    ## What it reads
    Issued acts with `signed` and no `originals`, under a contract (the act's, else
    the first invoice's) that has `originals: true` — or that supplements one that
    has. It fires from the day after `signed` plus `days` calendar days.

    ## How to fix
    Ask the client to post the originals; when they arrive, `rapport act signed
    CLIENT/ACT --originals --date D` records it.

    ## How to waive
    On the act: `waive: [{"{"}rule: D15, reason: "originals exchanged through ЭДО"{"}"}]`.

    ## Thresholds
    `days` (default 30): calendar days after the signed copy by which the paper
    originals are in.
rule-d15-days = calendar days after an act was signed by which its paper originals are in

## D16 payment-dated-ahead

rule-d16-summary = A payment is recorded once it is in, never with a date still to come
rule-d16-doc =
    ## Why
    A payment is money the client has sent. One recorded with a date still to come
    is money the book counts that the bank has not seen: a promise written down as
    a fact, or a slip of the year. Either way the invoice's balance, the account's
    reconciliation and the overdue check (D04) read a payment that has not happened.

    ## What it reads
    Every invoice's `payments`, of any status: a payment whose `date` is after
    today. It stops being reported on the day it names.

    ## How to fix
    Record a payment when the money is in, with the day it came in (the bank
    statement's). A payment the client only promised belongs in the log, not in
    `payments`; a wrong year or month is corrected in place.

    ## How to waive
    On the invoice: `waive: [{"{"}rule: D16, reason: "…", until: DATE{"}"}]`.

## E01 yaml-syntax

rule-e01-summary = The file is not well-formed YAML that rapport accepts
rule-e01-doc = A syntax error, a git conflict marker, a second document, a duplicate key, a tag, invalid UTF-8, a file over 4 MiB, nesting deeper than 64 levels or aliases that expand beyond a million nodes. The file is not read at all: fix it first. A file that cannot be read (no permission, a symbolic link to nothing) and a folder that cannot be listed are E01 too: their contents are left out.

## E02 wrong-type-or-missing-key

rule-e02-summary = A value has the wrong type, or a required key is missing
rule-e02-doc = Each key has a type (text, date, date-time, money, boolean, list, one of fixed values) and some keys are required (docs/format.md). Booleans are `true`/`false` only: `yes` and `no` are text in YAML 1.2. Money has at most 2 decimal places.

## E03 unknown-key

rule-e03-summary = A key the format does not know (a typo?)
rule-e03-doc = Typos must not pass silently: a misspelt `birthdy` would leave the birthday unread. The finding suggests the nearest known key. Keys of your own start with `x-` and are kept and ignored. Also: an unknown rule code or threshold under `rules:`.

## E04 dangling-reference

rule-e04-summary = A reference names nothing
rule-e04-doc = References name an ID: a team member, curator or service of rapport.yaml, a contact of the same client, a contract or project of the same client, a contractor. A reference to a file that exists but is broken is not reported.

## E05 duplicate-id

rule-e05-summary = Two entities share one ID
rule-e05-doc = IDs are unique per kind within their client (`c1.yaml` and `c1.yml` are the same ID), and within a file's lists (contacts, tasks, team).

## E06 id-mismatch

rule-e06-summary = An `id:` differs from the file name, or a name is not a valid ID
rule-e06-doc = A file's ID is its file stem (a client's, its folder name); an `id:` key, where present, must equal it. IDs are `[a-z0-9][a-z0-9-]*`, at most 64 characters.

## E07 impossible-date

rule-e07-summary = A date that cannot exist, or dates that contradict each other
rule-e07-doc = 2026-02-30; a contract that ends before it starts; a payment before its invoice; an invoice due before its date; a task due before it starts; a report sent before its meeting; a working day that ends before it starts.

## E08 bad-waiver

rule-e08-summary = A waiver without a reason (error), or of an unknown code (warning)
rule-e08-doc = A waiver silences one rule for one entity and must say why in `reason:`; one without a reason silences nothing. A waiver naming no known rule is a warning.
