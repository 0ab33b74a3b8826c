# Русский каталог rapport: отказы и сообщения за командами задач (task, project, tasks).
# У каждого сообщения есть двойник в en/task.ftl с теми же аргументами.

## task new, ack, done, move; project move

task-cannot-read = не удаётся прочитать { $file }
task-project-unreadable = { $file } сейчас не читается как проект
task-audit-file-hint = что с ним не так, скажет `rapport audit { $file }`
task-id-ambiguous = в проекте «{ $project }» { $n } { $n ->
        [one] задача
        [few] задачи
       *[many] задач
    } с ID `{ $id }` (E05): непонятно, какая из них имеется в виду
task-id-ambiguous-hint = дайте каждой задаче свой `id` и запустите команду снова
task-no-due = у задачи `{ $id }` нет срока, переносить нечего
task-no-due-hint = поставьте `due:` в { $file } (первый срок — это ещё не перенос)
task-before-start = неверный { $flag }: { $date } — это раньше начала задачи, { $start } (E07)
task-project-no-deadline = у проекта «{ $title }» нет срока сдачи, переносить нечего
task-project-no-deadline-hint = поставьте `deadline:` в { $file } (первый срок — это ещё не перенос)
task-project-deadline-before-start = неверный --deadline: { $date } — это раньше начала проекта, { $start } (E07)
task-no-assignee = у задачи `{ $id }` нет исполнителя, подтверждать её некому
task-no-assignee-hint = укажите `assignee:` в { $file }
task-move-reason-empty = неверный --reason: укажите причину переноса — её покажет R08 и прочтёт клиент
task-move-told-before-decided = неверный --told-on: { $told } — это раньше, чем решили перенести срок ({ $decided })
task-move-no-contact = у клиента `{ $client }` нет контакта `{ $id }`
task-move-its-contacts = контакты клиента: { $list }
task-move-no-contacts = у клиента в книге нет контактов
task-project-closed = проект «{ $title }» { $stage ->
        [done] уже завершён
        [lost] проигран
       *[cancelled] отменён
    } (`stage: { $stage }`): новые задачи в него не ставят
task-project-closed-hint = если работа продолжается, сначала верните ему `stage: active`
task-what-empty = неверный --what: напишите, в чём задача
task-due-before-start-flag = неверный --due: { $due } — это раньше, чем --start { $start } (E07)
task-id-not-an-id = неверный --id `{ $id }`: ID — это строчные латинские буквы, цифры и дефисы, например `{ $example }`
task-id-taken = в проекте «{ $title }» уже есть задача `{ $id }`
task-id-taken-hint = выберите другой --id

## task send

task-send-no-assignee = у задачи `{ $id }` нет исполнителя, отправлять её некому
task-send-no-due = у задачи `{ $id }` нет срока, а задачу отправляют вместе со сроком (R19)
task-send-no-due-hint = поставьте `due:` (и `tied_to:`) в { $file }
task-send-unknown-assignee = `{ $who }`, исполнителя задачи `{ $id }`, нет ни в `team`, ни в contractors/
task-send-no-sender = у письма с задачей нет отправителя: адреса почты нет ни у менеджера клиента, ни у агентства
task-send-no-sender-hint = добавьте `email` менеджеру в `team` или агентству (`agency`) в rapport.yaml

## Изменённый файл, который не прочитался бы обратно (commands::duty_support::read_back,
## для правок задач, проектов и act signed)

