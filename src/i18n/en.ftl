# rapport's English catalog. Every message here has its twin in ru.ftl, with the same
# arguments (tests/i18n.rs holds them to it). Arguments are typed by the code: counts
# choose plural forms, days are already written as the language writes them.

## The audit's frame

audit-severity-error = error
audit-severity-warning = warning
audit-severity-info = info
audit-help = help
audit-files = { $n ->
    [one] { $n } file
   *[other] { $n } files
}
audit-errors = { $n ->
    [one] { $n } error
   *[other] { $n } errors
}
audit-warnings = { $n ->
    [one] { $n } warning
   *[other] { $n } warnings
}
audit-infos = { $n ->
    [one] { $n } info
   *[other] { $n } infos
}
audit-waived = ; { $n } waived (--no-waivers shows them)
audit-summary = { $title }: { $files } checked: { $errors }, { $warnings }, { $infos }{ $waived }
audit-title = audit
audit-since = { $new ->
    [one] this change adds { $new } finding
   *[other] this change adds { $new } findings
} since { $rev } ({ $unchanged } unchanged)
audit-waiver-lapsed = { $finding } (its waiver lapsed on { $until })

## R02: a report after every meeting

r02-no-report = { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $held }{ $attendees ->
        [0] {""}
       *[other] {" "}with { $names }
    }: no report sent; it was due by the end of { $due }
r02-no-report-help = send the minutes, then record `report: {"{"}sent: …, to: […]{"}"}` in this file
r02-report-late = { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $held }{ $attendees ->
        [0] {""}
       *[other] {" "}with { $names }
    }: report sent on { $sent }, after it was due by the end of { $due }
r02-report-late-help = send the minutes on the same or the next working day

## R04, R05: design tasks

r04-no-task-doc = project «{ $project }»: design task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } started on { $start } with no written task (`task_doc`)
r04-no-task-doc-help = write the task down for the designer and record `task_doc: <path or link>` on the task
r05-head = project «{ $project }»: design task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } started on { $start }
r05-no-copy = { $head } with no ready copy (`copy_ready`)
r05-no-copy-help = get the final copy before the layout starts and record `copy_ready: DATE` on the task
r05-copy-due-later = { $head }, but its copy is due only on { $ready }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later
r05-copy-ready-later = { $head }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } before its copy was ready on { $ready }
r05-copy-late-help = start layouts only once the copy is written and agreed

## R22: a task acknowledged before work starts

r22-not-acknowledged = task `{ $task }` of «{ $project }» started on { $start } without { $who } confirming they understood it
r22-not-acknowledged-help = ask the assignee to restate the task, then record `acknowledged: DATE`
r22-acknowledged-late = task `{ $task }` of «{ $project }» started on { $start }, but { $who } confirmed it only on { $ack }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later
r22-acknowledged-late-help = ask the assignee to restate a task before the work starts, not after

## R27: who accepts the work

r27-approver-unknown = { $name } accepts the work on { $count ->
        [one] { $projects }
       *[other] { $projects }
    } but has no `profile`: we know nothing about them
r27-approver-unknown-help = write what you know in `profile:` — how they decide, what they like and dislike, past history
r27-no-approver = project «{ $project }» is at stage `{ $stage }` and names no `approver`
r27-no-approver-help = { $marked ->
        [0] find out who accepts the work and record `approver: CONTACT`
       *[other] find out who accepts the work and record `approver: CONTACT` (marked as approvers in client.yaml: { $names })
    }

## R28: a plan B

r28-no-plan-b = active project «{ $project }»{ $dated ->
        [yes] {" "}(deadline { $deadline })
       *[no] {""}
    } has { $plan ->
        [empty] an empty `plan_b`
       *[none] no `plan_b`
    }: nothing is ready if the main plan fails
r28-no-plan-b-help = write down the fallback — another contractor, a simpler version, a phased launch — in `plan_b:`

## R07: deadlines that passed

r07-project-late = project «{ $project }» is { $days ->
        [one] { $days } day
       *[other] { $days } days
    } past its deadline, { $deadline }, and still `{ $stage }`
r07-project-late-help = deliver and set `stage: done`, or agree a new deadline with the client and record it in `deadline_changes`
r07-task-late = project «{ $project }»: task { $task }{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } was due on { $due }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago, and is not done
r07-task-late-help = record `done: DATE` when it is delivered, or agree and record a new `due`

## R10: late for a meeting

r10-late = we were { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    } late for the { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $day } at { $time }{ $attendees ->
        [0] {""}
       *[other] {" "}with { $names }
    }
r10-late-help = plan meetings with a margin: travel time, a reminder 15 minutes before, the link opened early

## R19: deadlines and what they are tied to

r19-project-untied = active project «{ $project }» has a deadline, { $deadline }, but does not say what it is tied to
r19-project-untied-help = add `deadline_tied_to:` — the event or reason the date depends on
r19-project-undated = active project «{ $project }» has no deadline, though it is tied to «{ $tied }»
r19-project-undated-help = agree the date with the client and record `deadline: YYYY-MM-DD`
r19-project-neither = active project «{ $project }» has neither a deadline nor what it is tied to
r19-project-neither-help = agree the date with the client; record `deadline:` and `deadline_tied_to:`
r19-task-untied = open task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } is due on { $due }, but does not say what that date is tied to
r19-task-untied-help = add `tied_to:` and tell the assignee why the date matters
r19-task-undated = open task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } has no due date, though it is tied to «{ $tied }»
r19-task-undated-help = set `due:` and tell the assignee
r19-task-neither = open task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } has neither a due date nor what it is tied to
r19-task-neither-help = set `due:` and `tied_to:` and tell the assignee both

## D09: a curator for every key client

d09-no-curator = key client { $client } has no curator on the management side
d09-no-curator-help = { $curators ->
        [0] agree a curator with management, add them to `curators` in rapport.yaml and write `curator: ID` here
       *[other] write `curator: ID` here; curators: { $names }
    }

## D14, D15: acts signed, originals in

d14-not-signed = act { $act } was sent to { $client } on { $sent } and is not signed back; it was due within { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    }, by { $due }
d14-not-signed-help = ask for the signed copy; record it with `{ $command }`
d15-no-originals = act { $act } was signed on { $signed }, and the paper originals from { $client }, which the contract requires, are not in { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later
d15-no-originals-help = ask for the originals; record them with `{ $command }`

## D01, D02: renewal notices

d01-notice-due = contract { $contract } (term { $term }, { $start } – { $end }): the renewal notice is due by { $notice }, { $left ->
        [0] today
        [one] in { $left } day
       *[other] in { $left } days
    }, and nothing is decided for this term; without notice { $auto ->
        [yes] it renews itself for another term
       *[no] it ends with the term
    }
d01-notice-due-help = agree with the client, then record `renewal: {"{"}decision: …, decided: DATE{"}"}`
d02-notice-missed = contract { $contract } (term { $term }, { $start } – { $end }): the renewal notice date { $notice } passed { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago with nothing decided; { $outcome ->
        [renews-on] it renews itself for another term on { $next }
        [renews] it renews itself for another term
        [lapsed] it lapsed on { $end }
       *[lapses] it lapses on { $end }
    }
d02-notice-missed-help = { $lapsed ->
        [yes] record that it ended (`status: closed`), or sign a new contract with the client
       *[no] agree with the client and record `renewal: {"{"}decision: …, decided: DATE{"}"}`, or close the contract
    }

## D04: invoices overdue

d04-overdue = invoice { $invoice } was due on { $due }{ $computed ->
        [yes] {" "}({ $date } + { $payment_days } calendar days)
       *[no] {""}
    }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago: { $paid ->
        [none] all { $unpaid } unpaid
       *[part] { $unpaid } of { $gross } unpaid
    }
d04-overdue-help = remind the client and record the payment in `payments` when it arrives, or agree and write a new `due`

## D03: an ended contract still in use

d03-meeting = meeting on { $held } about «{ $project }» is under contract { $contract }, which ended on { $end } with no renewal
d03-invoice = invoice { $invoice } of { $date } bills under contract { $contract }, which ended on { $end } with no renewal
d03-project = project «{ $project }» is active under contract { $contract }, which ended on { $end } with no renewal
d03-help = sign the renewal or a new contract and record it as `renewal: {"{"}next: ID{"}"}` on the ended one

## D13: acts of work done

d13-invoice = invoice { $invoice } of { $date } has no act of work done; it was due within { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } of the invoice, by { $due }
d13-project = project «{ $project }» was done on { $done } and no act of work done closes it; it was due within { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    }, by { $due }
d13-help = draw it up: `{ $command }`

## R21: how to reach a contractor

r21-no-channel = contractor { $contractor } has no `preferred_channel`
r21-no-channel-help = ask how they are most quickly reached and record `preferred_channel:` (email, phone, messenger, in_person) with its detail
r21-channel-unreachable = contractor { $contractor } prefers `{ $channel }`, but the file has no { $channel ->
        [email] `email`
        [phone] `phone`
        [messenger] `messenger`
       *[in_person] `phone` or `email`
    } to reach them by
r21-channel-unreachable-help = record their { $channel ->
        [email] `email`
        [phone] `phone`
        [messenger] `messenger`
       *[in_person] `phone` or `email`
    }, or the channel they actually answer on

## R20: recommendations

r20-recommended-by = { $client } came recommended by { $by }
r20-recommended-by-known = { $client } came recommended by { $by } ({ $person } of { $of })
r20-recommended-help = thank the recommender; a recommendation is the best measure of our work
r20-not-recommending = key client { $client } has not recommended us to anyone: no other client's `referred_by` names it or one of its contacts ({ $contacts })
r20-not-recommending-help = ask the contacts who are happy with our work whether they would recommend us, and record `referred_by` on the clients who come through them

## D10: services to offer

d10-upsell = { $client } does not buy { $service }, which { $buyers } of { $of } active clients buy
d10-upsell-help = offer it; when the client buys it, add `{ $id }` to `services`
