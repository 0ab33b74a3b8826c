# rapport's English catalog: what the act commands (act new, act signed, acts) refuse and report.
# Every message has its twin in ru/act.ftl with the same arguments.

## act new

act-new-exists = { $file } already exists: rapport never overwrites a file
act-new-exists-hint = an act file of this name was made outside rapport's lock; try again
act-line-not-a-quantity = invalid --line { $n } (`{ $line }`): `{ $value }` is not a quantity: write a number like 1, 2.5 or 0.125
act-line-not-money = invalid --line { $n } (`{ $line }`): `{ $value }` is not a sum of money: write a decimal with at most 2 places, like 125000.50
act-line-zero-quantity = invalid --line { $n }: `{ $line }` has a quantity of { $value }: a line's quantity must be more than zero
act-line-negative-price = invalid --line { $n }: `{ $line }` has a price of { $value }: a line's price must not be negative (give a discount as a lower price)
act-invoice-unreadable = invalid --invoice: clients/{ $client }/invoices/{ $id } does not read
act-audit-client-hint = `rapport audit clients/{ $client }` says what is wrong
act-invoice-unknown = invalid --invoice: no invoice `{ $id }` in client `{ $client }`
act-invoice-cancelled = invalid --invoice: invoice { $number } is cancelled: there is no work to close
act-invoice-closed = invalid --invoice: invoice { $number } is closed already by act { $act } ({ $file })
act-invoice-twice = invalid --invoice: invoice { $number } is given twice
act-project-nothing-open = project `{ $project }` has no issued invoice that an act does not close already
act-project-nothing-open-hint = give the services with --line "ITEM;QTY;UNIT;PRICE", or the invoice with --invoice N
act-settings-unreadable = rapport.yaml does not read, so the act numbering is unknown
act-settings-unreadable-hint = `rapport audit` says what is wrong with it
act-client-unreadable = clients/{ $client }/client.yaml is missing or does not read: an act needs its customer
act-number-pattern = rapport.yaml's act.number `{ $pattern }` cannot number acts: it needs exactly one { "{seq}" } (or { "{seq:04}" }) and only the placeholders { "{year}" }, { "{seq}" }, { "{client}" }
act-number-pattern-hint = the default is "{ "{year}-{seq:04}" }"
act-new-not-read-back = the new act does not read back: { $why }
act-new-not-priced = the new act cannot be drawn up: { $why }
act-total-not-positive = the act would total { $total }: an act closes work worth more than zero
act-total-not-positive-hint = check the prices

## act signed, act render

act-unreadable = clients/{ $client }/acts/{ $id } could not be read{ $why }
act-signed-unreadable = { $file } does not read as an act now
act-audit-file-hint = `rapport audit { $file }` says what is wrong
act-signed-draft = act { $number } is a draft: a draft is not handed to the client
act-signed-draft-hint = remove `status: draft` once it is sent, then record the signature
act-signed-cancelled = act { $number } is cancelled: it is not signed
act-signed-after-today = invalid --date: { $date } is after today ({ $today }); record the signature when the copy has come back
act-signed-before-act = invalid --date: { $date } is before the act's date { $act_date } (E07)
act-originals-already = act { $number }: its originals are recorded already, on { $on }
act-originals-before-signed = invalid --date: the originals on { $date } would be before the signed copy on { $signed } (E07)
act-signed-already = act { $number }: its signed copy is recorded already, on { $on }
act-signed-already-hint = when the paper originals arrive, run with --originals
act-cannot-read = cannot read { $file }
act-read-back-dates = with the dates
act-render-no-lines = cannot render act { $number } ({ $file }): it has no lines, and the invoices it closes ({ $count ->
        [0] none
       *[other] { $invoices }
    }) do not read or are cancelled
act-render-no-lines-hint = list the services under `lines:` in { $file }
