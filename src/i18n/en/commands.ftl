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
did-you-mean = did you mean `{ $name }`?
