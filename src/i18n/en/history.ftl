## The checks that read the book's git history (R08, D05) and their notes.

history-r08-head = project «{ $project }»: { $of_task ->
        [yes] task `{ $task }`
       *[no] deadline
    } moved from { $from } to { $to } in commit { $commit } ({ $on })
history-r08-unrecorded = { $head } with no `deadline_changes` entry for it
history-r08-unrecorded-help = record the move under `deadline_changes` (`from`, `to`, `decided`, `client_told`), as `rapport project move` and `rapport task move` do, and tell the client if he has not heard
history-r08-told-late = { $head }, but the client was told only on { $told } (it was due by the end of { $by })
history-r08-told-late-help = tell the client of a move within { $allowed ->
        [one] { $allowed } working day
       *[other] { $allowed } working days
    } of making it, and record the day it was decided as `decided`
history-d05-renumbered = invoice { $number }: its number was changed from { $from } to { $to } in commit { $commit } ({ $on }), after it was sent on { $sent }
history-d05-redated = invoice { $number }: its date was changed from { $from } to { $to } in commit { $commit } ({ $on }), after it was sent on { $sent }
history-d05-edited-help = a sent invoice is not edited: put back the number and date the client received, or cancel it (`status: cancelled`) and issue a new one

history-skipped = note: the history checks (R08, D05) were skipped: { $why ->
        [not-a-repository] the book is not in a git repository
        [no-git] git could not be run ({ $said })
        [no-commits] the book's repository has no commits yet
       *[failed] git could not read the book's history ({ $said })
    }

## audit --since: the book at another revision

since-not-a-revision = --since { $rev }: not a revision (a revision does not start with `-`)
since-not-a-repository = --since needs the book in a git repository; { $dir } is not in one
since-no-such-revision = --since { $rev }: no such revision in the book's repository
since-folder-not-there = --since { $rev }: the book's folder { $folder } is not in that revision
since-no-settings = --since { $rev }: the book had no { $file } at that revision
since-too-many-files = --since { $rev }: the book had { $files } files at that revision, more than the { $max } rapport copies out
