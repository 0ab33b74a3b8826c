# rapport's English catalog: what the writing commands (new, meeting, invoice, act,
# task, project, renew, init, import, export) and the document commands confirm, note
# and refuse. Every message has its twin in ru/writes.ftl with the same arguments.

## Shared

error-with-hint =
    { $error }
    hint: { $hint }
created = created { $path }
read-back-failed = the edited { $file } would not read back { $what } ({ $why }); nothing was written
read-back-error = { $code }: { $message }
read-back-errors = { $first }; { $rest }
read-back-values-differ = values differ
read-back-as-recorded = as recorded
write-linked = { $path } is a symbolic link: rapport does not write into a book through links, which could lead outside it
write-linked-hint = put the folder itself in the book
write-failed = cannot { $doing ->
        [create] create
        [temporary] create a temporary file in
        [folder] create the folder
        [permissions] set the permissions of
       *[write] write
    } { $path }: { $kind ->
       *[other] { $said }
    }
lock-linked = { $path } or its folder is a symbolic link: rapport writes its lock only in the book's own .rapport folder
lock-linked-hint = remove the link (the folder holds only rapport's cache and lock)
lock-held = another rapport is issuing an invoice or an act, or recording a payment or a task, in this book ({ $holder }) and has held { $path } for more than { $seconds } s
lock-held-hint = wait for it to finish; if that process is stuck, end it: its lock goes with it
email-not-an-address = `{ $email }` ({ $name }) is not an email address

## new

file-exists = { $file } already exists: rapport never overwrites a file (E05)
taken-client = a client with this ID exists: choose another ID, or edit its client.yaml
taken-contract = a contract with this ID exists: choose another ID (a supplement gets its own, e.g. 2026-005-ds1)
taken-project = a project with this ID exists: choose another ID
taken-meeting = another meeting that day has this name: pass --slug to name the new one
taken-log = another entry that day has this name: pass --slug to name the new one
taken-invoice = an invoice with this number exists in this client: choose the next free number
taken-contractor = a contractor with this ID exists: choose another ID, or edit its file
key-client-no-curator = a key client is expected to have a curator (D09): add `curator:`
contractor-no-channel = a contractor is expected to have a --preferred-channel (R21)
contractor-channel-needs = the preferred channel needs { $flag } to be usable (R21)
new-invalid-flag = invalid { $flag }
new-invalid-id = invalid { $kind } ID
new-invalid-client = invalid client
new-invalid-contact-name = invalid --contact NAME
new-invalid-because = { $invalid }: { $why }
new-not-yaml = the new file does not read back as YAML
new-at-malformed = `{ $at }` is not a date and time: write YYYY-MM-DDTHH:MM
new-at-impossible = `{ $at }` is not a real date and time: { $why } (E07)
new-not-an-id = `{ $id }` is not a valid { $what ->
        [file-name] file name
       *[other] { $what }
    } ID
new-bad-id = invalid { $kind } ID: `{ $id }` is not a valid { $kind } ID
new-not-an-id-hint = IDs are lowercase latin letters, digits and hyphens, starting with a letter or digit, at most 64 characters (e.g. `{ $example }`)
new-empty = it must not be empty
new-slug-too-long = `{ $id }` is longer than an ID may be (64 characters)
new-no-ref-in-settings = no { $noun ->
        [team] team member
       *[other] { $noun }
    } `{ $id }` in rapport.yaml (E04)
new-none-in-settings = there is no { $noun ->
        [team] team member
       *[other] { $noun }
    } to refer to in rapport.yaml yet
new-no-ref-in-client = no { $noun } `{ $id }` in client `{ $client }` (E04)
new-none-in-client = there is no { $noun } to refer to in client `{ $client }` yet
new-no-client = no client `{ $id }` (E04)
new-no-clients-yet = the book has no clients yet: add one with `rapport new client`
new-client-folder-only = the folder clients/{ $id } has no client.yaml
new-client-folder-only-hint = create it with `rapport new client { $id } --name NAME --contact ID=NAME`
new-cannot-check = cannot check { $flag }: { $file } does not read
new-cannot-check-hint = run `rapport audit` to see what is wrong with it, and fix that first
new-contact-malformed = `{ $contact }` is not ID=NAME
new-contact-malformed-hint = write e.g. --contact smirnov="Иван Смирнов"
new-contract-ends-first = the contract would end on { $end } before it starts on { $start } (E07)
new-invoice-number-not-an-id = `{ $number }` cannot name the file: an invoice's file is named by its number, so the number must be a valid ID (lowercase Latin letters, digits and hyphens)
new-invoice-number-not-an-id-hint = number invoices like { $year }-0001 (rapport.yaml's invoice.number is "{ $pattern }")
new-invoice-number-taken = invoice number { $number } of { $year } is taken by { $file } (D05)
new-invoice-number-taken-hint = an invoice number is unique in the book per year: choose the next free one

## Documents (invoice render, act render, estimate, reconcile)

pdf-on-terminal = a PDF is binary and stdout is a terminal
pdf-on-terminal-hint = pass --out FILE (e.g. --out { $id }.pdf), or redirect: > { $id }.pdf
pdf-not-built = this rapport was built without PDF support (the cargo feature `pdf`)
pdf-not-built-hint = use --format html and print the page to PDF, or build rapport with default features
document-exists = { $path } already exists: rapport never overwrites a document
document-exists-hint = choose another --out, or remove the old file first
left-blank = left blank on the { $form }: { $fields }
left-blank-client-inn = the client's legal.inn
left-blank-hint = fill them in rapport.yaml (agency) and the client's client.yaml (legal)
invoice-not-issued = invoice { $number } is { $status ->
        [draft] a draft
       *[other] cancelled
    }
act-not-issued = act { $number } is { $status }

## meeting

in-file = { $file }: { $text }
meeting-unknown-contact = attendees.client: `{ $id }` is not a contact of { $client } (E04)
meeting-unknown-member = attendees.agency: `{ $id }` is not a team member (E04)
meeting-unknown-owner = actions[{ $index }].owner: `{ $id }` is neither a contact of { $client } nor a team member (E04)
meeting-bare-id-hint = the report shows such a person by the bare ID: correct the ID, or add the person to the book, before it goes to the client
meeting-in-future = the meeting is on { $day }, after today ({ $today }): the report can only show its agenda
draft-unknown-person = `{ $id }` ({ $side }): { $side ->
        [client] not a contact of { $client }
       *[agency] not a team member
    }, so no address
draft-bad-email = { $name } ({ $side }, `{ $id }`): `{ $email }` is not an email address
draft-no-email = { $name } ({ $side }, `{ $id }`): no email in the book
draft-left-out = not addressed in the draft: { $who }
draft-no-recipient = the draft has no recipient: fill in To before sending
already-recorded = { $file }: already recorded, nothing to change
report-sent = { $file }: report sent { $at }{ $count ->
        [0] { "" }
       *[other] { " " }to { $to }
    }
report-sent-before = report.sent was { $before }; now { $now }
report-no-recipients = no recipients recorded: the meeting names no client attendees; pass --to CONTACT

## invoice pay, invoice remind, act signed

pay-recorded = { $file }: payment of { $amount } on { $date } recorded; { $owed }
pay-still-owed = { $owed } still owed
pay-in-full = paid in full
pay-overpaid = overpaid by { $over }
pay-invoice-draft = invoice { $number } is a draft; if it was sent, remove `status: draft`
pay-date-after-today = invalid --date: the payment on { $date } is after today ({ $today }); record a payment when the money has arrived
date-after-today-hint = check the year; --today sets the day to take as today
pay-date-before-invoice = invalid --date: the payment on { $date } would be before the invoice's date { $invoice_date } (E07)
reminder-drafted = { $tone } reminder to { $to }: invoice { $number } is { $days ->
        [one] { $days } day
       *[other] { $days } days
    } overdue{ $attached ->
        [yes] , the invoice attached
       *[no] { " " }(built without PDF support: the invoice is not attached)
    }
act-signed-recorded = { $file }: act { $number } { $what ->
        [originals] paper originals received
       *[signed] signed copy received
    } on { $date }

## task, project move

task-given = task `{ $id }` for { $who }, due { $due }{ $tied ->
        [no] { " " }(no --tied-to: R19 asks what the date is tied to)
       *[yes] { "" }
    }
task-confirmed = task `{ $id }` confirmed by { $who } on { $date }{ $late ->
        [yes] { " " }(after it started on { $start }: R22 will say so)
       *[no] { "" }
    }
task-done = task `{ $id }` done on { $date }
task-done-already = task `{ $id }` is done already
task-moved = task `{ $id }` moved from { $from } to { $to }{ $told }
deadline-moved = deadline moved from { $from } to { $to }{ $told }
move-told = ; { $who } told on { $date }
move-client-told = ; the client told on { $date }
move-not-told = ; the client is not told yet: tell them (R08) and record `client_told` on the change decided { $decided }
task-send-prefers = { $name } prefers { $channel ->
        [phone] the phone
        [messenger] a messenger
        [in_person] to meet in person
       *[email] email
    } (R21): send them this text there{ $detail }
task-send-no-email = { $name } has no email address in the book: the draft has no recipient

## renew

renew-recorded = recorded { $decision } for contract { $number } (term { $term }: { $start } – { $end }) in { $file }
renew-created-draft = created { $file } (draft, { $start } – { $end })
renew-check-draft = check the drafted contract, and once it is signed set `signed:` and `status: active` in { $file }
renew-draft-exists = { $file } already exists: rapport never overwrites a file
renew-draft-exists-hint = choose another ID with --next, or remove what is there
renew-cannot-record = cannot record the decision in { $file }: { $why }
renew-not-read-back = cannot record the decision in { $file }: the edited file does not read back with it
renew-not-a-contract = the new text of { $file } would not read as a contract, so nothing was written: { $why }
renew-finding = { $message } ({ $code })
renew-supplement-number = cannot make a supplement's printed number from the ID `{ $id }`
renew-supplement-number-hint = give it with --number
renew-supplement = { $file } is a supplement: its renewal follows the contract it supplements
renew-supplement-hint = record the decision on { $contract }
renew-not-active = contract { $number } is { $status }: only an active contract's renewal is decided
renew-not-active-hint = `rapport renewals` lists the active contracts
renew-decided-after-today = --decided { $decided } is after today ({ $today }): record a decision once it is taken
renew-decided-before-term = --decided { $decided } is before the current term began ({ $start }): such a decision would count for an earlier term
renew-decided-before-term-hint = give the day it was taken in this term
renew-decided-already = contract { $number } already has a decision for term { $term } ({ $start } – { $end }): { $was } on { $on }
renew-decided-already-undated = contract { $number } already has a decision for term { $term } ({ $start } – { $end }): { $was }
renew-decided-already-hint = pass --force to replace it
renew-terminate-alone = --decision terminate ends the contract: --next, --supplement and --number do not apply
renew-not-auto = contract { $number } does not renew itself: name the contract that continues it
renew-not-auto-hint = --next ID drafts it (e.g. --next { $example }), or --supplement drafts a supplement
renew-next-not-an-id = invalid --next: `{ $id }` is not an ID: lower-case latin letters, digits and hyphens, like 2027-001
renew-next-itself = invalid --next: `{ $id }` is this contract itself
renew-next-exists = contract `{ $id }` exists already: --number and --supplement only shape a drafted contract
renew-next-exists-hint = drop them to refer to { $id } as the next contract
renew-number-needs-next = --number names a drafted next contract: give --next ID too
renew-next-stays = renewal.next: { $next } stays from the earlier decision; remove it if it no longer applies
renew-auto-next-term = contract { $number } renews itself for its next term, { $start } – { $end }

## import

import-row = row { $n }: { $text }
import-item = { $noun } { $n }: { $text }
import-skipped = skipped: { $text }
csv-read = { $file }: { $encoding }, separated by `{ $sep }`, { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
csv-would-create = would create { $file } (row { $n }: { $name })
csv-created = created { $file } (row { $n }: { $name })
csv-appeared = row { $n }: { $file } appeared meanwhile; not replaced
csv-summary = { $created } { $dry ->
        [yes] would be created
       *[no] created
    }, { $skipped } skipped{ $dry ->
        [yes] { " " }(dry run: nothing written)
       *[no] { "" }
    }
import-added = { $dry ->
        [yes] would add
       *[no] added
    }: { $noun } { $n }: { $card } as `{ $id }`
import-added-note = { "  " }note: { $text }
import-same = already there: { $text }
import-conflict = conflict: { $text }
import-summary = { $file }: { $added } { $dry ->
        [yes] would add
       *[no] added
    }, { $same } already there, { $conflicts } in conflict, { $skipped } skipped{ $dry ->
        [yes] { " " }(dry run: nothing written)
       *[no] { "" }
    }
import-is-known = { $noun } { $n }: { $card } is `{ $id }` (same { $by } { $value })
import-differs = { $noun } { $n }: { $card } matches `{ $id }` by { $by } { $value }, but { $diffs } — not changed: settle it in client.yaml
import-diff = { $field }: the book has { $book }, the card { $card }
import-not-kept = not kept (a contact holds one email and one phone): { $dropped }
import-more-emails = emails { $list }
import-more-phones = phones { $list }

## init, site

init-created = Created a new book for { $agency } in { $dir }:
init-what-settings = settings: the agency, its team, curators and services
init-what-clients = one folder per client
init-what-contractors = one file per outside contractor
init-what-schemas = JSON Schemas of the files, for editors (`rapport schema`)
init-what-vscode-settings = VS Code: completion and checks while typing
init-what-vscode-extensions = VS Code: recommends the YAML extension
init-what-gitignore = keeps rapport's cache (.rapport/) out of git
init-gitignore-left = { $file } exists and was left as it is: add a line `.rapport/` to it to keep rapport's cache out of git
init-vscode-left = { $file } exists and was left as it is: for completion and checks while typing, add to it { $add }
init-schemas-stale = { $files } differ from this rapport's and were left as they are: `rapport schema --out { $dir } --force` replaces them
init-next-steps = Next steps:
init-step-edit = 1. Edit rapport.yaml: uncomment and fill in your team, curators and services.
init-step-client = 2. Add a client:
init-step-audit = 3. Check the book:  rapport audit
init-step-git = 4. Keep it in git:  git init && git add -A && git commit -m "A new book"
init-example-wrote = Wrote the example book (the agency «{ $agency }», { $count } files) to { $dir }.
init-example-wrote-plain = Wrote the example book ({ $count } files) to { $dir }.
init-editor-support = Editor support (completion and checks while typing): { $files }.
init-example-audit-1 = the book is written as of that day; it exits 1:
init-example-audit-2 = one client breaks every rule on purpose
site-written = { $index }: { $pages } pages
site-unknown = no { $list ->
        [team] team member
       *[curators] curator
    } `{ $id }` in rapport.yaml
site-none-listed = rapport.yaml lists no `{ $list }`
site-ids-are = the { $list } IDs are: { $ids }
site-out-not-a-folder = --out { $out }: not a folder
site-out-not-a-folder-hint = name a new or empty folder for the site
site-out-not-a-site = --out { $out } holds files and is not a rapport site (it has no { $marker })
site-out-not-a-site-hint = name a new or empty folder, or add --force to write the site among its files

## Naming an invoice, an act, a meeting

no-entity = no { $kind } `{ $id }` in { $client }
entity-none-yet = { $client } has no { $kind ->
        [invoice] invoices
       *[meeting] meetings
    } yet
entity-latest = its latest { $kind ->
        [invoice] invoices
       *[meeting] meetings
    }: { $list }
acts-none-yet = { $client } has no acts yet; `rapport act new { $client } --invoice N` draws one up
acts-its = its acts: { $list }
ref-not-a-file = `{ $arg }` is not { $kind ->
        [invoice] an invoice
        [act] an act
       *[meeting] a meeting
    } file: they live in clients/CLIENT/{ $folder }/
ref-not-named-entity = `{ $arg }` does not name { $kind ->
        [invoice] an invoice
        [act] an act
       *[meeting] a meeting
    }
ref-write-as = write CLIENT/{ $kind ->
        [invoice] INVOICE
        [act] ACT
       *[meeting] MEETING
    }, e.g. { $example }{ $kind ->
        [invoice] {" (`rapport invoices` lists them)"}
        [act] {" (`rapport acts` lists them)"}
       *[meeting] { "" }
    }
ref-not-named = `{ $arg }` does not name { $kind ->
        [contract] a contract
       *[project] a project
    }: write CLIENT/{ $kind ->
        [contract] CONTRACT
       *[project] PROJECT
    }, e.g. { $example }
entity-unreadable = { $file } does not read
entity-unreadable-hint = `rapport audit` says what is wrong with it
no-entity-in-client = no { $kind } `{ $id }` in client `{ $client }`
client-has-none = client `{ $client }` has no { $kind ->
        [contract] contracts
       *[project] projects
    } yet
known-ids = known: { $list }
known-list = { $list }{ $more ->
        [0] { "" }
       *[other] { " " }and { $more } more
    }
no-person = no team member or contractor `{ $id }` in this book
assignees-are = assignees are the IDs of `team` in rapport.yaml and of contractors/

## task errors

task-done-no-move = task `{ $id }` is done: its due date no longer moves
task-due-already = task `{ $id }` is due on { $date } already
project-due-already = project «{ $title }» is due on { $date } already
date-after-today = invalid { $flag }: { $date } is after today ({ $today }); record it when it has happened
task-confirmed-already = task `{ $id }` was confirmed already, on { $date }
task-done-already-on = task `{ $id }` is done already, on { $date }
ref-not-a-task = `{ $arg }` does not name a task
ref-write-task = write CLIENT/PROJECT/TASK, e.g. trudnyi-klient/zimnyaya-kampaniya/rolik (`rapport tasks` lists them)
no-task = no task `{ $id }` in project «{ $project }»
project-no-tasks = the project has no tasks yet
project-its-tasks = its tasks: { $list }

## init and meeting sent: errors
init-is-a-file = { $dir } is a file, not a folder
init-already-a-book = { $dir } is already a book: it has a rapport.yaml
init-already-a-book-hint = nothing was changed; to start another book, name a new folder: `rapport init NEW-FOLDER`
init-agency-empty = invalid --agency: the agency's name must not be empty
init-example-not-empty = { $dir } is not empty (it has { $names }{ $more ->
        [yes] , ...
       *[no] {""}
    }): the example book goes into an empty folder
init-example-not-empty-hint = nothing was changed; name a new folder: `rapport init --example rapport-example`
meeting-unread = { $file } could not be read
meeting-unread-hint = `rapport audit { $folder }` says what is wrong
meeting-sent-in-future = the meeting is on { $at }, after today ({ $today }): a report cannot have been sent yet
meeting-sent-before-held = --at { $at } is before the meeting started ({ $held })
meeting-sent-after-today = --at { $at } is after today ({ $today })
meeting-not-a-contact = `{ $id }` is not a contact of { $client }
meeting-no-contacts = { $client } has no contacts
meeting-its-contacts = its contacts: { $ids }
meeting-unread-now = { $file } does not read as a meeting now
meeting-unread-now-hint = `rapport audit { $file }` says what is wrong
meeting-draft-no-sender = the draft has no sender: neither the client's manager, nor an agency attendee, nor the agency has an email
meeting-draft-no-sender-hint = add `email` to the manager in `team` or to `agency` in rapport.yaml
digest-draft-no-sender = the digest has no sender: its clients have no single account manager with an email, and the agency has none
digest-draft-no-sender-hint = add `email` to `agency` in rapport.yaml
