# rapport's English catalog: what the task commands (task, project, tasks) refuse and report.
# Every message has its twin in ru/task.ftl with the same arguments.

## task new, ack, done, move; project move

task-cannot-read = cannot read { $file }
task-project-unreadable = { $file } does not read as a project now
task-audit-file-hint = `rapport audit { $file }` says what is wrong
task-id-ambiguous = { $n } tasks of project «{ $project }» have the ID `{ $id }` (E05): which one is meant is ambiguous
task-id-ambiguous-hint = give each task its own `id`, then run this again
task-no-due = task `{ $id }` has no due date to move
task-no-due-hint = set `due:` in { $file } (a first date is not a move)
task-before-start = invalid { $flag }: { $date } is before the task starts on { $start } (E07)
task-project-no-deadline = project «{ $title }» has no deadline to move
task-project-no-deadline-hint = set `deadline:` in { $file } (a first date is not a move)
task-project-deadline-before-start = invalid --deadline: { $date } is before the project starts on { $start } (E07)
task-no-assignee = task `{ $id }` has no assignee to confirm it
task-no-assignee-hint = set `assignee:` in { $file }
task-move-reason-empty = invalid --reason: say why the date moves; R08's finding and the client read it
task-move-told-before-decided = invalid --told-on: { $told } is before the move was decided on { $decided }
task-move-no-contact = no contact `{ $id }` in client `{ $client }`
task-move-its-contacts = its contacts: { $list }
# The client has no contacts at all: as the list above, empty.
task-move-no-contacts = its contacts: { "" }
task-project-closed = project «{ $title }» is `{ $stage }`: it takes no new tasks
task-project-closed-hint = move it back to `stage: active` first if the work goes on
task-what-empty = invalid --what: say what the task is
task-due-before-start-flag = invalid --due: { $due } is before --start { $start } (E07)
task-id-not-an-id = invalid --id `{ $id }`: an ID is lower-case Latin letters, digits and hyphens, e.g. `{ $example }`
task-id-taken = project «{ $title }» has a task `{ $id }` already
task-id-taken-hint = choose another --id

## task send

task-send-no-assignee = task `{ $id }` has no assignee to send it to
task-send-no-due = task `{ $id }` has no due date: a task is sent with its date (R19)
task-send-no-due-hint = set `due:` (and `tied_to:`) in { $file }
task-send-unknown-assignee = `{ $who }`, the assignee of task `{ $id }`, is neither in `team` nor in contractors/
task-send-no-sender = the task has no sender: neither the client's manager nor the agency has an email
task-send-no-sender-hint = add `email` to the manager in `team` or to `agency` in rapport.yaml

## An edited file that would not read back (commands::duty_support::read_back, for
## the task, project and act signed edits)

