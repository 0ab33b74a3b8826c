# rapport's English catalog: the agenda and the digest's frame. Every message has its
# twin in ru/agenda.ftl with the same arguments. The English agenda is still written by
# src/commands/agenda.rs as it always was; these English texts say the same.

## The agenda

agenda-title = Agenda for { $weekday } { $date } and the next { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (to { $until })
agenda-nothing = Nothing to do: no report, answer, promise, deadline, invoice, notice date, meeting or birthday is due.
agenda-overdue = Overdue — the audit flags these today
agenda-today = Today, { $day }
agenda-tag-rule = rule
agenda-tag-invoice = invoice
agenda-tag-meeting = meeting
agenda-tag-birthday = birthday
agenda-audit = audit: { $message }
agenda-help = to do: { $help }
# A matter the audit flags only from `from`: due on `due`.
agenda-upcoming = due { $due }; from { $from } the audit says: { $message }
agenda-planned = issue planned invoice { $number } of contract { $contract }{ $amount ->
        [none] {""}
       *[other] {" "}for { $amount }
    }{ $note ->
        [none] {""}
       *[other] {" "}({ $note })
    }{ $due ->
        [none] {""}
       *[other] {" "}— due { $due }
    }: `{ $command }`
agenda-meeting = { $time } { $format ->
        [in_person] meeting in person
        [video] video meeting
       *[call] call
    }{ $with ->
        [none] {""}
       *[other] {" "}with { $with }
    }{ $place ->
        [none] {""}
       *[other] {" "}— { $place }
    }{ $agenda ->
        [none] {""}
       *[other] ; agenda: { $agenda }
    }
agenda-birthday = birthday of { $name }{ $position ->
        [none] {""}
       *[other] , { $position }
    }{ $age ->
        [0] {""}
        [one] , turns { $age }
       *[other] , turns { $age }
    }{ $on ->
        [none] {""}
       *[other] {" "}on { $on }
    } — { $reach }
agenda-no-reach = no phone or email in the book

## The digest (the letter follows the book's locale; these are the command's own lines)

digest-no-key-clients = curator `{ $id }` has no key clients
digest-not-addressed = not addressed in the draft: { $who }
digest-without-curator = key clients without a curator are in no digest: { $names } (D09)
digest-since-after-today = --since { $since } is after today ({ $today })
digest-no-curator = no curator `{ $id }` in rapport.yaml
digest-no-curators = rapport.yaml lists no `curators`
digest-curators-are = the curators are: { $ids }
digest-none-with-clients = no curator has a key client
digest-none-with-clients-hint = mark a client `key: true` and name its `curator` in client.yaml
