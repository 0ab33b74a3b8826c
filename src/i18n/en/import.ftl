# rapport's English catalog: what import and export refuse and report.
# Every message has its twin in ru/import.ftl with the same arguments.

## import csv, import vcard

import-csv-too-big = { $file } is { $size } bytes: more than rapport reads as CSV (at most { $max })
import-csv-no-header = { $file } has no header row: its first line must name the columns
import-csv-contacts-need-client = --kind contacts needs --client ID: the client whose contacts they are
import-csv-clients-no-client = --client goes with --kind contacts: each row of --kind clients is a client
import-map-malformed = --map { $pair }: write COLUMN=FIELD, e.g. --map "ФИО=name"
import-map-no-field = --map { $pair }: no field `{ $field }` here
import-map-fields = the fields: { $fields }
import-map-no-fields = there are no fields to map
import-map-no-column = --map { $pair }: the file has no column `{ $column }`
import-map-columns = its columns: { $columns }
import-map-twice = --map { $pair }: `{ $field }` is mapped twice
import-map-no-name = --map names no column for `name`: every row needs one
import-map-no-name-hint = e.g. --map "ФИО=name"
import-row-unreadable = cannot be read: { $why }
import-row-fields = has { $fields } fields, the header row { $header }
import-no-name = the name is empty
import-birthday-not-a-date = birthday `{ $text }` is not a date: write YYYY-MM-DD, or --MM-DD without the year
import-already-client = «{ $name }» is already a client: `{ $id }`
import-no-contact = «{ $name }» has no contact: a client needs one (map a column to contact_name)
import-row-invalid = «{ $name }»: { $errors }
import-vcard-too-big = { $file } is { $size } bytes: more than a vCard file holds (at most { $max })
import-vcard-not-utf8 = { $file } is not UTF-8
import-vcard-not-utf8-hint = export the contacts again as UTF-8 (vCard 3.0 and 4.0 are UTF-8; 2.1 cards may name another CHARSET inside a UTF-8 file)
import-vcard-none = { $file } holds no vCard (BEGIN:VCARD … END:VCARD)
import-card-no-name = it has no name (neither FN nor N)
import-client-unread = clients/{ $client }/client.yaml does not read: contacts cannot be added to it
import-client-unread-hint = `rapport audit clients/{ $client }` says what is wrong
import-file-unread = { $file } does not read ({ $errors }); nothing was written
import-file-unread-hint = `rapport audit` says what is wrong
import-edit-not-back = the edited { $file } would not read back with the new contacts; nothing was written

## export sqlite, export vcard

export-exists = { $file } already exists
export-sqlite-exists-hint = pass --force to replace it (the database is rebuilt from the book each time)
export-vcard-exists-hint = pass --force to replace it, or choose another --out
