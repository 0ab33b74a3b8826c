# rapport's English catalog: what the invoice commands (invoice new, invoice pay, invoice remind, invoices) and reconcile refuse and report.
# Every message has its twin in ru/invoice.ftl with the same arguments.

## invoice new

invoice-new-exists = { $file } already exists: rapport never overwrites a file
invoice-new-exists-hint = an invoice file of this name was made outside rapport's lock; run `rapport audit` (D05) and try again
invoice-line-not-split = invalid --line: `{ $line }` is not ITEM;QTY;UNIT;PRICE
invoice-line-not-split-hint = e.g. --line "{ $example }"; QTY and UNIT may be left empty: "{ $advance }"
invoice-line-bad-qty = invalid --line { $n } (`{ $line }`): `{ $value }` is not a quantity: write a number like 1, 2.5 or 0.125
invoice-line-bad-price = invalid --line { $n } (`{ $line }`): `{ $value }` is not a sum of money: write a decimal with at most 2 places, like 125000.50
invoice-line-qty-not-positive = has a quantity of { $qty }: a line's quantity must be more than zero
invoice-line-price-negative = has a price of { $price }: a line's price must not be negative (give a discount as a lower price)
invoice-line-bad = invalid --line { $n }: `{ $line }` { $why }
invoice-no-lines = an invoice needs at least one line
invoice-no-lines-hint = give --line "ITEM;QTY;UNIT;PRICE" (repeatable), or --project ID --from-estimate
invoice-estimate-unreadable = --from-estimate: project `{ $id }` of client `{ $client }` does not read
invoice-estimate-empty = --from-estimate: project `{ $id }` has no estimate lines
invoice-estimate-empty-hint = write them in { $file } under `estimate:`, or give the lines with --line
invoice-estimate-bad-line = --from-estimate: estimate line { $n } of { $file } (`{ $item }`) { $why }
invoice-estimate-bad-line-hint = correct the estimate, or give the lines with --line
invoice-planned-bad-number = invalid --planned: `{ $text }`: after `#` comes the entry's number in the plan, from 1
invoice-planned-no-contract = invalid --planned: `{ $text }` names no contract: write CONTRACT or CONTRACT#N, e.g. 2026-014#2
invoice-planned-unreadable = --planned: { $file } does not read
invoice-audit-client-hint = `rapport audit clients/{ $client }` says what is wrong
invoice-planned-not-in-force = --planned: contract { $number } ({ $file }) is not in force (status: { $status }), so its plan is not either
invoice-planned-not-in-force-hint = give the lines with --line and --contract { $id } to invoice it anyway
invoice-planned-no-plan = --planned: contract { $number } ({ $file }) has no billing plan
invoice-planned-no-plan-hint = plan its invoices under `billing:`, or give the lines with --line and --contract { $id }
invoice-planned-no-entry = --planned: contract { $number } has no planned invoice { $n }: its billing plan has { $entries } { $entries ->
        [one] entry
       *[other] entries
    } ({ $file })
invoice-planned-no-entry-hint = entries are numbered from 1 in the order of `billing:`
invoice-planned-issued = --planned: planned invoice { $n } of contract { $number } ({ $date }) is already issued: { $by } names it (`planned: { $n }`)
invoice-planned-issued-hint = a planned invoice is issued once; set that invoice's `status: cancelled` to issue it again
invoice-planned-all-issued = --planned: every planned invoice of contract { $number } is issued ({ $entries } { $entries ->
        [one] entry
       *[other] entries
    })
invoice-planned-all-issued-hint = plan the next one under `billing:` in { $file }, or give the lines with --line
invoice-planned-net = --net: planned invoice { $n } of { $file } is a sum with VAT in it ({ $sum }), not net prices
invoice-planned-net-hint = leave out --net, or plan it as `lines:` with net prices
invoice-planned-zero = --planned: planned invoice { $n } of { $file } asks for { $sum }: an invoice asks for more than zero
invoice-planned-neither = --planned: planned invoice { $n } of { $file } has neither `amount` nor `lines`
invoice-planned-neither-hint = write what it asks for in the plan
invoice-planned-bad-line = --planned: line { $line } of planned invoice { $n } of { $file } (`{ $item }`) { $why }
invoice-no-ref = invalid { $flag }: no { $kind } `{ $id }` in client `{ $client }` (E04)
invoice-no-ref-none = client `{ $client }` has no { $kind }s yet
invoice-no-settings = rapport.yaml does not read, so the invoice pattern and terms are unknown
invoice-no-settings-hint = `rapport audit` says what is wrong with it
invoice-no-buyer = clients/{ $client }/client.yaml is missing or does not read: an invoice needs its buyer
invoice-bad-vat = invalid --vat: `{ $value }` is not a VAT rate: write a percentage like 22, or `none`
invoice-bad-pattern = rapport.yaml's invoice.number `{ $pattern }` cannot number invoices: it needs exactly one {"{seq}"} (or {"{seq:04}"}) and only the placeholders {"{year}"}, {"{seq}"}, {"{client}"}
invoice-bad-pattern-hint = the default is "{"{year}-{seq:04}"}"
invoice-due-before-date = invalid --due: { $due } is before the invoice date { $date }
invoice-not-read-back = the new invoice does not read back: { $why }
invoice-cannot-issue = the new invoice cannot be issued: { $why }
invoice-vat-too-large = the total with VAT comes to more than the largest sum of money, { $max }
invoice-as-written = { $text }
invoice-zero-total = the invoice would total { $total }: an invoice asks for more than zero
invoice-zero-total-hint = every line comes to 0.00 ({ $lines }); check the prices
invoice-zero-line = line { $n } `{ $item }`: { $qty } × { $price }

## Naming an invoice (invoice pay, invoice remind)

invoice-unreadable = clients/{ $client }/invoices/{ $invoice } could not be read{ $why }

## invoice pay

invoice-pay-bad-amount = invalid AMOUNT: `{ $value }` is not a sum of money: write a decimal with at most 2 places, like 125000.50
invoice-pay-not-positive = invalid AMOUNT: a payment is more than zero
invoice-pay-unreadable = { $file } does not read as an invoice now
invoice-pay-unreadable-hint = `rapport audit { $file }` says what is wrong
invoice-pay-too-large = invoice { $number } ({ $file }): { $why }
invoice-pay-cancelled = invoice { $number } is cancelled: nothing is owed on it
invoice-pay-cancelled-hint = pass --force to record the payment anyway (then refund it or set it against another invoice)
invoice-pay-overpay = a payment of { $amount } would overpay invoice { $number } by { $over }: its total is { $total }, { $paid } is paid already
invoice-pay-overpay-hint = check the amount; pass --force to record an overpayment
invoice-pay-later = invoice { $number } also records { $later } dated after today ({ $list }), which is not counted as paid yet; with it, a payment of { $amount } would overpay the invoice by { $over }
invoice-pay-later-item = { $amount } on { $date }
invoice-pay-later-hint = correct the date of that payment in { $file }; pass --force to record this one anyway

## invoice remind

invoice-remind-no-contact = --to: no contact `{ $id }` in client `{ $client }`
invoice-remind-contacts = its contacts: { $ids }
invoice-remind-no-email = client `{ $client }` has no contact with an email to remind
invoice-remind-no-email-hint = add `email` (and `billing: true`) to the contact for payments in clients/{ $client }/client.yaml
invoice-remind-draft = invoice { $number } is a draft: it was never issued, so nothing is owed on it
invoice-remind-draft-hint = issue it first (remove `status: draft` from { $file })
invoice-remind-cancelled = invoice { $number } is cancelled: nothing is owed on it ({ $file })
invoice-remind-paid = invoice { $number } is paid: nothing to remind of
invoice-remind-paid-hint = `rapport invoices` shows what is owed
invoice-remind-not-overdue = invoice { $number } is not overdue: it is due on { $due }
invoice-remind-not-overdue-hint = a reminder is for an invoice past its due date (D04); `rapport invoices --overdue` lists them
invoice-remind-contact-no-email = { $name } (`{ $id }`) has no email address in clients/{ $client }/client.yaml
invoice-remind-contact-no-email-hint = add their `email`, or name another contact with --to
invoice-remind-no-sender = the reminder has no sender: neither the client's manager nor the agency has an email
invoice-remind-no-sender-hint = add `email` to the manager in `team` or to `agency` in rapport.yaml
invoice-remind-eml-file = --eml { $dir } is a file, not a folder
invoice-remind-eml-file-hint = name the folder the draft goes in, e.g. --eml drafts/
invoice-remind-log-not-read-back = the log entry does not read back: { $why }
invoice-remind-logged = { $file } already exists: rapport never overwrites a file
invoice-remind-logged-hint = the reminder was already logged today; the draft was written again

## invoices, reconcile

invoice-figures-too-large = { $file }: { $why }
reconcile-from-after-to = --from { $from } is after --to { $to }
reconcile-from-after-to-hint = the period runs from --from to --to, both days included
reconcile-too-large = cannot reckon { $file }: { $why }
invoice-read-back-payment = with the payment
