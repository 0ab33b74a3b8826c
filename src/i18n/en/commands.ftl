# rapport's English catalog: the commands' tables, notes, confirmations, errors and
# hints. Every message has its twin in ru/commands.ftl with the same arguments.

## Frame

error-prefix = error
hint-prefix = hint
warning-prefix = warning
note-prefix = note
view-header = { $what } of { $name }'s clients ({ $id }, from { $source }), { $today }; --manager all for every client
view-agenda = Agenda
view-digest = Digest
view-clients = Clients
view-workload = Workload
view-tasks = Tasks
view-audit = Audit
view-budgets = Budgets
view-calendar = Calendar
view-invoices = Invoices
view-renewals = Renewals
view-no-member = no team member `{ $id }` in this book
view-no-member-env = no team member `{ $id }` in this book (from RAPPORT_MANAGER; unset it, or pass --manager all)
view-did-you-mean = did you mean `{ $name }`? (`all`: every client)
view-no-team = the book's rapport.yaml has no `team`; `all` shows every client
view-team-is = the team: { $ids }; `all` shows every client
did-you-mean = did you mean `{ $name }`?

## Table columns (shared by the listings)

col-id = ID
col-name = Name
col-status = Status
col-key = Key
col-manager = Manager
col-curator = Curator
col-contracts = Contracts
col-projects = Projects
col-last-touch = Last touch
col-days = Days
yes = yes

## clients

clients-none = the book has no clients yet: add one with `rapport new client`
client-status = { $status ->
        [lead] lead
        [paused] paused
        [former] former
       *[active] active
    }

## invoices

col-number = Number
col-client = Client
col-date = Date
col-due = Due
col-total = Total
col-paid = Paid
col-owed = Owed
col-currency = Currency
invoices-none = no invoices yet: issue one with `rapport invoice new CLIENT`
invoices-none-overdue = no invoice is overdue
invoices-aging = Owed by days past due:
aging-current = current
invoice-standing = { $standing ->
        [draft] draft
        [issued] issued
        [partly_paid] partly paid
        [paid] paid
        [overpaid] overpaid
        [cancelled] cancelled
       *[overdue] overdue { $days ->
            [one] { $days } day
           *[other] { $days } days
        }
    }

## renewals

col-notice = Notice
col-state = State
col-contract = Contract
col-term = Term
col-renewal = Renewal
col-decision = Decision
col-value = Value
col-invoiced = Invoiced
renewals-none = the book has no active contracts
renewals-none-within = no active contract has a renewal decision due within { $days } days
renewal-no-clause = no renewal clause
renewal-auto = auto
renewal-no-auto = no auto-renewal
renewal-months = { $months } months
renewal-notice-days = notice { $days } days
renewal-state = { $state ->
        [missed] missed
        [due] due
        [upcoming] upcoming
        [decided] decided
       *[no_notice] no notice
    }

## budget

col-project = Project
col-stage = Stage
col-estimate = Estimate
col-budget = Budget
col-costs = Costs
col-remaining = Remaining
col-used = Used
budget-none = the book has no projects yet: add one with `rapport new project`
budget-client-none = this client has no projects
budget-total = = total ({ $projects })
budget-rag = { $rag ->
        [red] red
        [amber] amber
       *[green] green
    }

## tasks

no-project = no project `{ $id }` in this book
tasks-projects-hint = `rapport budget` lists every project as CLIENT/PROJECT
tasks-none = no task matches
tasks-ack-late = { $day } (late)
tasks-ack-missing = no (started)
tasks-ack-awaited = not yet
tasks-late-wd = { $days } wd
tasks-week = W{ $number } { $monday }
tasks-nobody = (nobody)
col-due-task = Due
col-late = Late
col-assignee = Assignee
col-task = Task
col-start = Start
col-confirmed = Confirmed
col-done = Done
col-overdue = Overdue
col-no-due = No due
col-open = Open

## acts

col-act = Act
col-closes = Closes
col-standing = Standing
acts-none = no acts yet: draw one up with `rapport act new CLIENT --invoice N`
acts-closes-invoice = invoice { $numbers }
acts-closes-project = { $project }
act-standing = { $standing ->
        [awaiting_signature] sent { $sent }, not signed
        [signed] signed { $signed }
        [awaiting_originals] signed { $signed }, originals not in
        [originals] originals { $originals }
        [not_sent] not sent
        [draft] draft
       *[cancelled] cancelled
    }

## upsell

col-service = Service
col-bought-by = Bought by
col-buyers = Clients who buy it
col-list-price = List price
upsell-share = { $buyers } of { $of }
upsell-waived = D10 is waived for { $clients }: no suggestions shown there
upsell-none-popular = no service is bought by more than { $share }% of the { $active } active clients (rules.D10.share_percent)
upsell-all-buy = every active client already buys the popular services

## Errors

no-client = no client `{ $id }` in this book
no-clients-yet = the book has no clients yet
clients-list-hint = `rapport clients` lists every client's ID
cannot-read = cannot read { $file }: { $why }
audit-no-rule-like = --rule { $code }: no such rule; did you mean { $nearest }?
audit-no-rule = --rule { $code }: no such rule; `rapport rules` lists them
audit-no-path = { $path }: no such file or folder, and no client with that ID
audit-path-outside = { $path } is outside the book at { $root }
files-exist-one = { $file } already exists
files-exist-two = { $first } and { $second } already exist
files-exist-many = { $first } and { $others } other files already exist
files-exist-hint = nothing was written; give --force to replace { $count ->
        [one] it
       *[other] them
    }
estimate-no-lines = project `{ $project }` of client `{ $client }` has no estimate lines
estimate-no-lines-hint = write them in { $file } under `estimate:` (item, qty, unit, price)
out-is-a-folder = { $path } is a folder
out-is-a-folder-hint = name a file, e.g. --out { $example }
csv-bom-alone = --bom goes with --format csv: it marks a CSV file as UTF-8 for spreadsheets
csv-bom-alone-hint = add --format csv, or leave --bom out

## Confirmations

wrote = wrote { $path }
wrote-events = wrote { $path } ({ $events } events)
wrote-contacts = wrote { $contacts } contacts to { $path }

## show: the client card

show-client-file-broken = client.yaml could not be read
show-client-file-missing = no client.yaml
show-client-file-missing-note = clients/{ $id }/client.yaml does not exist: name, details and contacts are unknown
show-key-client = { $status }, key client
show-days-ago = { $days ->
        [0] today
        [one] 1 day ago
       *[other] { $days } days ago
    }
show-section = { $title } ({ $count })
show-none = none
show-status = Status
show-since = Since
show-referred-by = Referred by
show-manager = Manager
show-curator = Curator
show-services = Services
show-last-touch = Last touch
show-legal = Legal details
show-legal-name = Name
show-inn = INN
show-kpp = KPP
show-ogrn = OGRN
show-address = Address
show-contacts = Contacts
show-approver = [approver]
show-email = Email
show-phone = Phone
show-birthday = Birthday
show-prefers = Prefers
show-profile = Profile
show-prefers-channel = { $channel ->
        [in_person] in person
       *[other] { $channel }
    }
show-contracts = Contracts
show-term = { $start } – { $end }, { $status }
show-term-renewed = term { $number }: { $start } – { $end } (first term { $first_start } – { $first_end }), { $status }
show-contract-status = { $status }
show-supplement-to = , supplement to { $parent }
show-supplement = , supplement
show-value = , value { $value }
show-renews-for = auto-renews for { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
show-renews = auto-renews
show-no-renew = does not auto-renew
show-notice = , notice { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
show-decided = ; decided { $date }: { $decision }
show-decision = ; decision: { $decision }
show-next = ; next: { $next }
show-projects = Projects
show-stage = { $stage }
show-stage-since = { " " }since { $date }
show-deadline = , deadline { $date }
show-budget = , budget { $budget }
show-upcoming = Upcoming
show-history = History, newest first
show-touch-meeting = meeting { $format }
show-touch-log = { $channel } { $direction }
show-invoices = Invoices
show-invoice-status = { $status }
show-payment = , { $payment ->
        [partly_paid] partly paid
       *[other] { $payment }
    }
show-overdue = , overdue { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
show-due = , due { $date }

## Files that could not be read

unreadable-files = { $count ->
        [one] 1 file could not be read, so what is shown leaves it out:
       *[other] { $count } files could not be read, so what is shown leaves them out:
    }
unreadable-hint = `rapport audit` says what is wrong

## Where the book is

no-book-here = no book here: neither { $dir } nor any folder above it has a rapport.yaml
no-book-here-hint = pass --book DIR (or set RAPPORT_BOOK), or create a book with `rapport init`
not-a-book = { $dir } is not a book: it has no rapport.yaml
not-a-book-hint = create one with `rapport init { $dir }`

## clap's command-line errors (src/cli_error.rs). English output keeps clap's own
## wording; these are the English twins of the Russian ones.
clap-unknown-argument = unexpected argument '{ $arg }' found
clap-unknown-command = unrecognized subcommand '{ $command }'
clap-value-missing = a value is required for '{ $arg }' but none was supplied
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-invalid-value-of = invalid value '{ $value }' for '{ $arg }'; possible values: { $allowed }
clap-refused-value = invalid value '{ $value }' for '{ $arg }': { $why }
clap-not-a-date = { $kind ->
        [datetime] not a date and time: write YYYY-MM-DDTHH:MM
       *[date] not a date: write YYYY-MM-DD
    }
clap-missing-arguments = the following required arguments were not provided: { $args }
clap-missing-command = '{ $command }' requires a subcommand: { $commands }
clap-conflict = the argument '{ $arg }' cannot be used with { $others }
clap-repeated = the argument '{ $arg }' cannot be used multiple times
clap-extra-value = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
clap-value-count = '{ $arg }' takes { $want } values, { $got } given
clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
clap-not-utf8 = an argument is not valid UTF-8
clap-other = the command line could not be read
clap-did-you-mean = did you mean { $names }?
clap-tip-as-value = to pass '{ $arg }' as a value, use '{ $fixed }'
clap-tip-no-dashes = subcommand '{ $command }' exists; to use it, remove the '--' before it
clap-tip-exists = '{ $name }' exists
clap-usage = Usage: { $usage }
clap-more = For more information, try '--help'.
