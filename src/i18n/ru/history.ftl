## Проверки по истории git книги (R08, D05) и их примечания.

history-r08-head = Проект «{ $project }»: { $of_task ->
        [yes] срок задачи `{ $task }`
       *[no] срок
    } перенесён с { $from } на { $to } в коммите { $commit } ({ $on })
history-r08-unrecorded = { $head }, а в `deadline_changes` перенос не записан
history-r08-unrecorded-help = запишите перенос в `deadline_changes` (`from`, `to`, `decided`, `client_told`), как это делают `rapport project move` и `rapport task move`, и сообщите клиенту, если он ещё не знает
history-r08-told-late = { $head }, а клиенту сообщили только { $told } (нужно было до конца дня { $by })
history-r08-told-late-help = сообщайте клиенту о переносе в течение { $allowed } { $allowed ->
        [one] рабочего дня
       *[other] рабочих дней
    } и записывайте день решения в `decided`
history-d05-renumbered = Счёт { $number }: номер изменён с { $from } на { $to } в коммите { $commit } ({ $on }), уже после отправки { $sent }
history-d05-redated = Счёт { $number }: дата изменена с { $from } на { $to } в коммите { $commit } ({ $on }), уже после отправки { $sent }
history-d05-edited-help = отправленный счёт не правят: верните номер и дату, которые получил клиент, или аннулируйте его (`status: cancelled`) и выставьте новый

history-skipped = примечание: проверки по истории (R08, D05) пропущены: { $why ->
        [not-a-repository] книга не в репозитории git
        [no-git] не удалось запустить git ({ $said })
        [no-commits] в репозитории книги ещё нет коммитов
       *[failed] git не смог прочитать историю книги ({ $said })
    }

## audit --since: книга в другой ревизии

since-not-a-revision = --since { $rev }: это не ревизия (ревизия не начинается с `-`)
since-not-a-repository = для --since книга должна лежать в git-репозитории, а { $dir } не в нём
since-no-such-revision = --since { $rev }: в репозитории книги нет такой ревизии
since-folder-not-there = --since { $rev }: в этой ревизии нет папки книги { $folder }
since-no-settings = --since { $rev }: в этой ревизии у книги не было { $file }
since-too-many-files = --since { $rev }: в этой ревизии в книге { $files ->
        [one] { $files } файл
        [few] { $files } файла
       *[many] { $files } файлов
    }, больше, чем rapport извлекает ({ $max })
