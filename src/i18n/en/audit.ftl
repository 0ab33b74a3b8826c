# rapport's English catalog: the audit's findings. Every message has its twin in
# ru/audit.ftl, with the same
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

d10-upsell = { $client } does not buy { $named ->
        [yes] { $name } (`{ $id }`)
       *[no] `{ $id }`
    }, which { $buyers } of { $of } active clients buy
d10-upsell-help = offer it; when the client buys it, add `{ $id }` to `services`

## D06, D16: money paid and billed

d06-contract-over = contract { $contract }: { $count ->
        [one] invoice { $invoices } totals
       *[other] invoices { $invoices } total
    } { $billed }, over its value { $value } by { $over }
d06-contract-over-help = sign a supplement raising the value, or cancel or reduce the extra invoice
d06-paid-cancelled = invoice { $invoice } is cancelled, yet { $paid } was paid against it
d06-overpaid = invoice { $invoice }: payments total { $paid }, over its total { $total } by { $over }
d06-overpaid-help = { $cancelled ->
        [yes] refund the payment, or move it to the invoice it was for
       *[no] refund the difference, or move the payment to the invoice it was for
    }
d16-payment-ahead = invoice { $invoice }: a payment of { $amount } is dated { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after today
d16-payment-ahead-help = record a payment when the money is in, dated as on the bank statement; a promised payment goes to the log

## R29, R30: the client's comments

r29-unanswered = comment { $comment }{ $named ->
        [yes] {" "}from { $from }
       *[no] {""}
    } on «{ $project }» ({ $round }) has no response; it was due by the end of { $due }
r29-unanswered-help = discuss it with the team, answer the client, and record the answer in `response:`
r30-declined-unclarified = comment { $comment }{ $named ->
        [yes] {" "}from { $from }
       *[no] {""}
    } on «{ $project }» ({ $round }) was declined without clarifying it with anyone at the client
r30-declined-unclarified-help = ask the author what they meant, then record `clarified_with: CONTACT`

## R03: creative work after the brief is confirmed

r03-never-confirmed = the client never confirmed our understanding of the brief (`brief.confirmed`)
r03-confirmed-later = the brief was confirmed only on { $confirmed }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later
r03-before-brief = project «{ $project }»: { $kind } task `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } started on { $start }, but { $why }
r03-before-brief-help = retell the brief to the client, get the client's confirmation and record `brief.confirmed`; start creative work after it

## R09: a "no" explained

r09-decline = project «{ $project }»: the request «{ $request }» of { $date }, declined, { $what ->
        [neither] has no reason recorded and was never explained to the client
        [no-reason] has no reason recorded
       *[unexplained] was never explained to the client
    }
r09-decline-help = write down why not (`reason`), explain it to the client, and record `explained: DATE`

## D12: the billing plan

d12-not-issued = planned invoice { $number } of contract { $contract }{ $priced ->
        [yes] {" "}for { $sum }
       *[no] {""}
    }{ $noted ->
        [yes] {" "}({ $note })
       *[no] {""}
    } was to be issued on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago: no invoice names it with `planned: { $number }`
d12-not-issued-help = issue it with `{ $command }`; if it was issued by hand, add `planned: { $number }` to that invoice

## R17: promises kept

r17-kept-late = { $who } promised { $what } at the { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $held } by { $due }; it was done on { $done }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } late
r17-kept-late-help = a promise kept late still breaks it: promise dates with room in them, and say so before the date when one cannot be kept
r17-not-kept = { $who } promised { $what } at the { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $held } by { $due }; it is { $days ->
        [one] { $days } day
       *[other] { $days } days
    } late and not done
r17-not-kept-help = do it and record `done: DATE`, or tell the client now, agree a new date and update `due`

## R23: birthdays

r23-no-birthday = { $person }, a contact of the key client { $client }, has no birthday on file
r23-no-birthday-help = find out the birthday and record `birthday: --MM-DD` (the year is optional)
r23-not-greeted = { $person } ({ $client }) had a birthday on { $day }, { $days } days ago; no greeting is logged between { $from } and { $to }
r23-not-greeted-help = congratulate them, even late, and log it: `direction: out`, `topic: birthday`, `contact:`

## R08: a deadline moved, the client told at once

r08-head = project «{ $project }»: { $of_task ->
        [yes] task `{ $task }`
       *[no] deadline
    } moved from { $from } to { $to }{ $dated ->
        [yes] , decided { $decided }
       *[no] {""}
    }
r08-never-told = { $head }: the client was never told; the client was to be told by the end of { $due } ({ $why ->
        [one-day] 1 working day after the decision
        [days] the working days allowed after the decision
       *[old-deadline] the old deadline
    })
r08-never-told-help = tell the client now and record `client_told: DATE` on the change
r08-told-late = { $head }: the client was told on { $told }, { $late ->
        [deadline] {""}
       *[other] { $working ->
            [one] { $working } working day
           *[other] { $working } working days
        } after the decision (it was due by the end of { $by })
    }{ $late ->
        [both] {" "}and{" "}
       *[other] {""}
    }{ $late ->
        [decision] {""}
       *[other] { $days ->
            [one] { $days } day
           *[other] { $days } days
        } after the old deadline { $from }
    }
r08-told-late-help = tell the client of a move within { $allowed ->
        [one] { $allowed } working day
       *[other] { $allowed } working days
    } of the decision, and always before the old deadline

## R26: meet in person before the work starts

r26-started = project «{ $project }» started on { $start } with no in-person meeting with { $named ->
        [yes] { $people } of { $client }
       *[no] { $client }
    } on or before that day
r26-no-start = project «{ $project }» is `{ $stage }` with no `start`, and no in-person meeting with { $named ->
        [yes] { $people } of { $client }
       *[no] { $client }
    } is on record
r26-too-long-ago = { $finding } (the last one with them, on { $last }, is more than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } before)
r26-without-them = { $finding } (the last one with { $client }, on { $last }, was without them)
r26-started-help = meet the client in person before the work starts, next time; record such meetings with `format: in_person`
r26-no-start-help = meet the client in person and record the meeting with `format: in_person`

## D07: budgets

d07-no-estimate = project «{ $project }» is active with no estimate
d07-no-estimate-help = write the `estimate` lines (item, qty, unit, price) agreed with the client
d07-over-budget = project «{ $project }»: costs of { $spent } exceed the budget of { $budget } by { $over }{ $shown ->
        [yes] {" "}({ $share }% of it)
       *[no] {""}
    }
d07-over-budget-help = agree the extra with the client (a new estimate and budget), or cut the remaining work
d07-near-budget = project «{ $project }»: costs of { $spent } are { $past ->
        [yes] { $share }%
       *[no] just past { $mark }%
    } of the budget of { $budget }{ $past ->
        [yes] , past the { $mark }% mark
       *[no] {""}
    }; { $left } left
d07-near-budget-help = review the work that remains against what is left of the budget

## D08: the book kept up to date

d08-touch = { $kind ->
        [meeting] meeting on { $date }
        [email] email on { $date }
        [call] call on { $date }
        [messenger] messenger on { $date }
        [letter] letter on { $date }
        [stage-since] stage since { $date }
       *[start] start on { $date }
    }
d08-idle = active project «{ $project }»: nothing recorded for { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (the latest: { $latest }), more than the { $limit ->
        [one] { $limit } day
       *[other] { $limit } days
    } allowed
d08-no-touch = active project «{ $project }»: no meeting, log entry, `start` or `stage_since` on record
d08-idle-help = record the meetings and letters about it (with `project:`), or get in touch
d08-stage-stuck = project «{ $project }» has been in stage `{ $stage }` since { $since }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, more than the { $limit ->
        [one] { $limit } day
       *[other] { $limit } days
    } allowed
d08-stage-stuck-help = move the deal on, or set its real stage (`lost` included) and `stage_since`

## R01: the client never has to chase us

r01-chased = { $named ->
        [yes] { $who }
       *[no] the client
    } had to chase us by { $channel ->
        [email] email
        [call] call
        [messenger] message
       *[letter] letter
    } on { $date } at { $time }{ $subject }
r01-chased-help = agree a status rhythm with the client (`contact_every_days`) and write first, before they have to ask
r01-touch = { $kind ->
        [email] an email
        [call] a call
        [messenger] a message
        [letter] a letter
        [meeting-in_person] an in-person meeting
        [meeting-video] a video meeting
       *[meeting-call] a call
    } on { $date }{ $named ->
        [yes] {" "}to { $to }
       *[no] {""}
    }{ $subject }
r01-last-touch = the last proactive touch was { $touch }
r01-since-joined = no proactive touch on record since the client joined on { $since }
r01-never = no proactive touch on record at all
r01-cadence = { $whose ->
        [client] the client's `contact_every_days`
        [key] the cadence for key clients
       *[default] the default cadence
    } is { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
r01-no-contact = { $client }: no proactive contact for { $gap ->
        [one] { $gap } day
       *[other] { $gap } days
    } — { $what }; { $cadence }
r01-no-touch-at-all = { $client }: { $what }; { $cadence }
r01-no-contact-help = call or write to the client now, before they have to chase you, and log it with `direction: out`

## R06: letters answered the same day

r06-letter = { $channel ->
        [email] email
        [call] call
        [messenger] message
       *[letter] letter
    }{ $subject }{ $named ->
        [yes] {" "}from { $from }
       *[no] {""}
    } received on { $date } at { $time }{ $later ->
        [yes] {" "}(counts from { $counts })
       *[no] {""}
    }
r06-not-answered = { $what }: not answered; the answer was due by the end of { $due }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
r06-not-answered-help = answer (or tell the sender when the answer comes), then record `replied:` or `acknowledged:` in this file
r06-late-by = { $unit ->
        [working] { $n ->
            [one] { $n } working day
           *[other] { $n } working days
        }
       *[calendar] { $n ->
            [one] { $n } calendar day
           *[other] { $n } calendar days
        }
    }
r06-answered-late = { $what }: { $key ->
        [replied] answered
       *[acknowledged] first acknowledged
    } on { $date } at { $time }, { $late } late; the answer was due by the end of { $due }
r06-answered-late-help = answer the same working day; when the full answer takes longer, tell the sender when it will come (`acknowledged:`)

## R14: missed calls returned at once

r14-call = missed call{ $named ->
        [yes] {" "}from { $who }
       *[no] {""}
    } on { $date } at { $time }
r14-allowance = the call back was due within { $hours ->
        [one] { $hours } working hour
       *[other] { $hours } working hours
    }{ $known ->
        [yes] {" "}(by { $date } { $time })
       *[no] {""}
    }
r14-took = { $h ->
        [0] { $m } min
       *[other] { $m ->
            [0] { $h } h
           *[other] { $h } h { $m } min
        }
    }
r14-not-returned = { $call }: not called back; { $allowance }
r14-not-returned-help = call the client back now, then record `replied: YYYY-MM-DDTHH:MM` in this file
r14-returned-late = { $call }: called back on { $date } at { $time }, { $took } of working time later; { $allowance }
r14-returned-late-help = call back a missed call within the working hours allowed; keep the phone with you or have a colleague pick up

## D05: invoice numbers

d05-taken = invoice number { $number } of { $date } is already taken in { $year } by { $file } (dated { $taken })
d05-taken-help = give this invoice the next free number (and reissue it if it was sent)
d05-back-dated = invoice { $number } is dated { $date }, before invoice { $before } ({ $file }) of { $before_date }: numbered out of date order, or back-dated
d05-back-dated-help = correct `date` to the day the invoice was issued, or renumber it if the date is right (and reissue it if it was sent)
d05-missing-one = number { $number } is missing
d05-missing-two = numbers { $first } and { $second } are missing
d05-missing-many = { $count } numbers are missing ({ $first } to { $last })
d05-gap = invoice { $number }: { $missing } after { $after } ({ $file })
d05-gap-help = { $one ->
        [yes] add the missing invoice, or record it with `status: cancelled` if it was withdrawn
       *[no] add the missing invoices, or record them with `status: cancelled` if they were withdrawn
    }

## D11: control digits of the legal details

d11-inn-digit = ИНН { $inn } fails its check: { $place ->
        [tenth] the control digit (the 10th)
        [eleventh] the 11th digit (the first control digit)
       *[twelfth] the 12th digit (the second control digit)
    } should be { $want }, not { $got }
d11-inn-length = ИНН `{ $inn }` is not 10 digits (a company) or 12 digits (an individual entrepreneur)
d11-kpp = КПП `{ $kpp }` is not 9 characters of the form NNNNPPNNN (4 digits, 2 digits or capital latin letters, 3 digits)
d11-bik = БИК `{ $bik }` is not 9 digits
d11-account-length = { $kind ->
        [account] р/с
       *[corr] к/с
    } `{ $account }` is not 20 digits
d11-account-key = { $kind ->
        [account] р/с
       *[corr] к/с
    } { $account } does not match БИК { $bik }: its control key (the 9th digit) should be { $want }, not { $got }
d11-corr-tail = к/с { $corr } does not end with the last three digits of БИК { $bik } ({ $tail })
d11-typo-help = check the number against the source document (the card of details, the ЕГРЮЛ extract, the bank's letter) and correct it
d11-account-help = check the account and the БИК against the bank's details: one of them has a typo
d11-corr-help = check the correspondent account and the БИК against the bank's details
