# rapport's English catalog: the agenda's to-dos, what the account manager should do
# about a finding, each worded by the rule that found it (`Rule::todo`). Each message
# has its twin in ru/todo.ftl with the same arguments. Days are the agenda's (`Mon 30
# Nov`); titles and subjects come quoted («…»), as the book writes them.

## Shared

# After a to-do of a matter not flagged yet: its last day.
todo-by = {" "}— due { $day }
# The audit's own line under a to-do already late.
todo-audit = audit: { $message }
todo-no-reach = no phone or email in the book

## Contracts' renewal (D01, D02)

todo-renewal-lapsed = close contract { $contract } or record its renewal: it lapsed on { $day }
todo-renewal-decide = decide on renewing contract { $contract } (term ends { $end }){ $notice }
todo-renewal-notice = : the notice is due by { $day }

## Money and acts (D04, D12–D16)

todo-d04 = payment of invoice { $invoice }{ $unpaid }{ $by }{ $remind }
todo-d04-unpaid = {" "}({ $amount } unpaid)
todo-d04-remind = : remind the client with `rapport invoice remind { $client }/{ $id } --eml drafts/`
todo-d12 = issue planned invoice { $n } of contract { $contract }{ $amount }{ $by }: `rapport invoice new { $client } --planned { $id }#{ $n }`
todo-d12-amount = {" "}for { $amount }
todo-d13-invoice = draw up the act for invoice { $invoice }{ $by }
todo-d13-project = draw up the act for project «{ $project }»{ $by }
todo-d14 = get act { $act } signed by { $client } (sent { $sent }){ $by }
todo-d15 = ask { $client } for the paper originals of act { $act }{ $by }
todo-d16 = check the payment of { $amount } dated { $day } on invoice { $invoice } against the bank statement: record it when it is in, with its real date

## People (R01, R02, R06, R14, R17, R22, R23)

todo-r01-since = get in touch: no proactive contact since { $day }{ $by }
todo-r01-never = get in touch: no proactive contact on record{ $by }
todo-r02 = send the report of the meeting on { $day }{ $with }{ $by }
todo-r02-with = {" "}with { $names }
todo-r06 = answer the { $channel ->
        [email] email
        [call] call
        [messenger] message
       *[letter] letter
    }{ $subject }{ $from } of { $day } { $time }{ $by }
todo-r06-from = {" "}from { $person }
todo-r14 = call back{ $who } — missed call of { $day } { $time }{ $by }
todo-r14-who = {" "}{ $person } ({ $reach })
todo-r17 = { $owner }: { $what } (promised at the { $format ->
        [in_person] in-person meeting
        [video] video meeting
       *[call] call
    } on { $day }){ $by }
todo-r22 = get { $who } to confirm they understood task `{ $task }` of { $project }{ $start }
todo-r22-assignee = the assignee
todo-r22-start = {" "}(starts { $day })
todo-r23 = greet { $name } on their birthday ({ $birthday }) — { $reach }{ $last }
todo-r23-last = {" "}— last day { $day }

## Projects (R07)

todo-r07-deadline = deadline of { $project }{ $by }
todo-r07-task = task `{ $task }`{ $title }{ $who } of { $project }{ $by }
todo-r07-who = {" "}({ $person })
# A title or a subject after what it names: « «…»».
todo-quoted = {" "}{ $text }
