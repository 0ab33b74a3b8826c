# rapport's English catalog: the loader's findings about the book itself (E-codes).
# Each message has its twin in ru/load.ftl with the same arguments. Dates, keys and
# values quoted from a file are passed as the file writes them.

## Shared helps

load-did-you-mean = did you mean `{ $suggestion }`?
load-known-keys = known keys here: { $keys }; keys of your own must start with `x-`

## E01, E03: the file as YAML

load-conflict-marker = unresolved git merge conflict: a conflict marker at line { $line }
load-conflict-marker-help = finish the merge: keep the right side, delete the <<<<<<<, ======= and >>>>>>> lines, then commit
load-unknown-key = unknown key `{ $key }`

## E04: references

load-no-reference = no { $what ->
        [team] team member
        [curator] curator
        [service] service
        [contact] contact
        [contractor] contractor
        [team-or-contractor] team member or contractor
        [team-or-contact] team member or contact
        [settings] settings
        [client] client
        [contract] contract
        [project] project
        [meeting] meeting
        [log-entry] log entry
        [invoice] invoice
        [act] act
       *[task] task
    } `{ $id }`{ $where_ ->
        [contacts] {" "}among the contacts of client `{ $client }`
        [client] {" "}in client `{ $client }`
        [settings] {" "}in rapport.yaml
       *[nowhere] {""}
    }
load-nothing-to-refer-to = there is no { $what ->
        [team] team member
        [curator] curator
        [service] service
        [contact] contact
        [contractor] contractor
        [team-or-contractor] team member or contractor
        [team-or-contact] team member or contact
        [settings] settings
        [client] client
        [contract] contract
        [project] project
        [meeting] meeting
        [log-entry] log entry
        [invoice] invoice
        [act] act
       *[task] task
    } to refer to
load-known = known: { $ids }

## E05, E06: IDs

load-duplicate-in-list = { $what ->
        [team] team member
        [curator] curator
        [service] service
        [contact] contact
       *[task] task
    } `{ $id }` appears twice in `{ $list }`
load-duplicate-in-list-help = IDs within a list must be unique: rename or merge one of them
load-id-mismatch = `id: { $declared }` does not match the { $from ->
        [folder] folder name
       *[file] file name
    }, which gives `{ $id }`
load-id-mismatch-help = the ID is the { $from ->
        [folder] folder name
       *[file] file name
    }: write `id: { $id }`, remove the key, or rename the { $from ->
        [folder] folder
       *[file] file
    }

## E07: dates that contradict each other

load-impossible-help = one of the two dates is mistyped: correct it
load-contract-ends-first = contract ends on { $end } before it starts on { $start }
load-task-due-first = task `{ $task }` is due on { $due } before it starts on { $start }
load-deadline-first = deadline { $deadline } is before the start { $start }
load-report-first = report sent at { $sent }, before the meeting at { $at }
load-replied-first = replied at { $replied }, before the touch at { $at }
load-invoice-due-first = invoice due on { $due }, before its date { $date }
load-payment-first = payment of { $amount } on { $paid } is before the invoice date { $date }
load-act-first = act { $act } { $key } on { $day }, before its date { $date }
load-originals-first = originals of act { $act } arrived on { $originals }, before it was signed on { $signed }

## E08: waivers

load-waiver-no-reason = waiver of { $rule } without a reason
load-waiver-no-reason-help = add `reason:` saying why the rule does not apply here
load-waiver-unknown-rule = waiver names `{ $rule }`, which is not a rule code
load-waiver-unknown-rule-help = rule codes are R01–R30 and D01–D16; `rapport rules` lists them
load-waiver-wrong-item = { $rule } never reports on { $item ->
        [deadline-change] a deadline change
        [declined] a declined request
        [comment] a comment
       *[action] a meeting's action
    }: this waiver silences nothing
load-waiver-wrong-item-help = on { $item ->
        [deadline-change] a deadline change
        [declined] a declined request
        [comment] a comment
       *[action] a meeting's action
    } waive { $first }{ $two ->
        [yes] {" "}or { $second }
       *[no] {""}
    }; waive other rules on the file's own `waive`

## The files and folders of the book

load-too-large = the file is larger than { $mib } MiB; a book file is a few KB
load-too-large-help = split it, or move it out of the book's folders
load-not-utf8 = the file is not valid UTF-8 (byte { $byte } at line { $line }, column { $col })
load-not-utf8-help = save the file as UTF-8
load-no-contacts = `contacts` is empty: a client needs at least one contact
load-no-contacts-help = add the person you deal with: `contacts: [{"{"}id: ivanov, name: Иван Иванов{"}"}]`
load-folder-not-id = client folder `{ $id }` is not a valid ID
load-folder-not-id-help = IDs are lowercase Latin letters, digits and hyphens: rename the folder
load-no-client-file = client `{ $id }` has no clients/{ $id }/client.yaml
load-no-client-file-help = every client folder needs a client.yaml with at least `name` and `contacts`
load-file-not-id = file name `{ $id }` is not a valid ID
load-file-not-id-help = IDs are lowercase Latin letters, digits and hyphens, at most 64 characters: rename the file
load-defined-twice = { $what ->
        [settings] settings
        [client] client
        [contract] contract
        [project] project
        [meeting] meeting
        [log-entry] log entry
        [invoice] invoice
        [act] act
       *[contractor] contractor
    } `{ $id }` is defined twice: here and in { $twin }
load-defined-twice-help = keep one file per ID: merge the two (`.yaml` and `.yml` name the same ID)

## rules: in rapport.yaml

load-rules-lists-codes = `rapport rules` lists the codes
load-unknown-rule = unknown rule `{ $code }`
load-not-a-severity = `{ $severity }` is not a severity
load-not-a-severity-help = write `error`, `warning` or `info`
load-write-some-of = write some of: { $words }
load-not-one-of-words = `{ $word }` is not one of { $code }'s `{ $name }`
load-setting-is = { $code }'s `{ $name }` is { $what ->
        [words] a list of words
       *[number] a whole number
    }
load-setting-is-help = write it as { $what ->
        [words] a list of words
       *[number] a whole number
    }, like `{ $name }: { $example }`
load-no-thresholds = { $code } has no thresholds; only `severity` is settable
load-rule-has = { $code } has: { $names }
load-no-threshold = { $code } has no threshold `{ $name }`

## Values the types alone do not pin down

load-no-task = no task `{ $task }` in this project's `tasks`
load-act-bills-nothing = act { $act } has no `lines` and closes no `invoices`: it bills nothing
load-act-bills-nothing-help = list the services under `lines:`, or name the invoices it closes: `invoices: [2026-0008]`
load-planned-no-contract = `planned: { $n }` names an entry of a billing plan, but the invoice names no `contract`
load-planned-no-contract-help = add `contract: ID` of the contract whose `billing` entry this invoice issues
load-no-planned-entry = no planned invoice { $n } in the billing plan of contract `{ $contract }`: it has { $entries } { $entries ->
        [1] entry
       *[other] entries
    }
load-no-planned-entry-help = entries are numbered from 1 in the order of `billing:` in { $file }
load-not-a-timezone = `{ $timezone }` is not a time zone
load-timezone-help = use an IANA time zone name like Europe/Moscow
load-not-a-currency = `{ $currency }` is not a currency code
load-not-a-currency-help = use a three-letter ISO 4217 code: RUB, USD, EUR
load-workday-ends-first = the working day ends before it starts
load-workday-ends-first-help = write `workday: {"{"}start: "09:00", end: "18:00"{"}"}`

## E01: files and folders that cannot be read, links not followed

load-cannot-read = cannot read the file: { $reason }
load-cannot-list = cannot list the folder: { $reason }; the files in it were not read
load-cannot-list-help = make the folder readable (check its permissions), or move it out of the book
# Why the system could not read: in English, as the system says it.
load-io = { $kind ->
       *[other] { $said }
    }
load-link-to-folder = this is a symbolic link to a folder, and the link leads outside the book's files: rapport does not follow links to folders, so nothing behind it was read
load-link-to-folder-help = put the folder itself here instead of a link to it
load-link-to-file = this is a symbolic link, and the link leads outside the book's files: it was not read (rapport follows a link only to a YAML file of this book, outside hidden folders such as .git)
load-link-to-file-help = put the file itself here instead of a link to it
