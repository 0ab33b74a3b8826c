# Русский каталог rapport: находки аудита. У каждого сообщения есть двойник в
# en/audit.ftl с теми же
# аргументами (за этим следит tests/i18n.rs). Числа выбирают форму слова
# (один / несколько / много), даты приходят уже написанными по-русски.

## Рамка аудита

audit-severity-error = ошибка
audit-severity-warning = предупреждение
audit-severity-info = замечание
audit-help = что сделать
audit-files = { $n ->
    [one] { $n } файл
    [few] { $n } файла
   *[many] { $n } файлов
}
audit-errors = { $n ->
    [one] { $n } ошибка
    [few] { $n } ошибки
   *[many] { $n } ошибок
}
audit-warnings = { $n ->
    [one] { $n } предупреждение
    [few] { $n } предупреждения
   *[many] { $n } предупреждений
}
audit-infos = { $n ->
    [one] { $n } замечание
    [few] { $n } замечания
   *[many] { $n } замечаний
}
audit-waived = ; { $n } под исключением (--no-waivers покажет их)
audit-summary = { $title } — { $files }: { $errors }, { $warnings }, { $infos }{ $waived }
audit-title = аудит
audit-since = { $new ->
    [one] это изменение добавляет { $new } нарушение
    [few] это изменение добавляет { $new } нарушения
   *[many] это изменение добавляет { $new } нарушений
} с { $rev } (прежних: { $unchanged })
audit-waiver-lapsed = { $finding } (исключение истекло { $until })

## R02: отчёт после каждой встречи

r02-no-report = { $format ->
        [in_person] Встреча
        [video] Видеовстреча
       *[call] Созвон
    } { $held }{ $attendees ->
        [0] {""}
       *[other] {" "}(со стороны клиента: { $names })
    }: отчёт не отправлен, а срок был до конца дня { $due }
r02-no-report-help = отправьте отчёт о встрече и запишите в этот файл `report: {"{"}sent: …, to: […]{"}"}`
r02-report-late = { $format ->
        [in_person] Встреча
        [video] Видеовстреча
       *[call] Созвон
    } { $held }{ $attendees ->
        [0] {""}
       *[other] {" "}(со стороны клиента: { $names })
    }: отчёт отправлен { $sent }, позже срока — до конца дня { $due }
r02-report-late-help = отправляйте отчёт в день встречи или на следующий рабочий день

## R04, R05: задачи дизайнерам

r04-no-task-doc = Проект «{ $project }»: дизайн-задача `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } началась { $start } без письменного задания (`task_doc`)
r04-no-task-doc-help = напишите дизайнеру задание и укажите его в задаче: `task_doc: <путь или ссылка>`
r05-head = Проект «{ $project }»: дизайн-задача `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } началась { $start }
r05-no-copy = { $head }, а готового текста нет (`copy_ready`)
r05-no-copy-help = получите окончательный текст до начала вёрстки и запишите в задаче `copy_ready: ДАТА`
r05-copy-due-later = { $head }, а текст будет готов только { $ready } — на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } позже
r05-copy-ready-later = { $head } — за { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } до того, как текст был готов ({ $ready })
r05-copy-late-help = начинайте вёрстку, только когда текст написан и согласован

## R22: исполнитель подтверждает, что понял задачу

r22-not-acknowledged = Задача `{ $task }` проекта «{ $project }» началась { $start }, а исполнитель ({ $who }) не подтвердил, что понял её
r22-not-acknowledged-help = попросите исполнителя пересказать задачу своими словами и запишите `acknowledged: ДАТА`
r22-acknowledged-late = Задача `{ $task }` проекта «{ $project }» началась { $start }, а исполнитель ({ $who }) подтвердил, что понял её, только { $ack } — на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } позже
r22-acknowledged-late-help = просите исполнителя пересказать задачу до начала работы, а не после

## R27: кто принимает работу

r27-approver-unknown = { $name } принимает работу по { $count ->
        [1] проекту
       *[other] проектам
    } { $projects }, но `profile` не заполнен: мы ничего не знаем об этом человеке
r27-approver-unknown-help = запишите в `profile:` всё, что знаете: как этот человек принимает решения, что любит и чего не любит, историю отношений
r27-no-approver = Проект «{ $project }» на стадии `{ $stage }`, а принимающий работу (`approver`) не указан
r27-no-approver-help = { $marked ->
        [0] выясните, кто принимает работу, и запишите `approver: КОНТАКТ`
       *[other] выясните, кто принимает работу, и запишите `approver: КОНТАКТ` (в client.yaml принимающими отмечены: { $names })
    }

## R28: план Б

r28-no-plan-b = Активный проект «{ $project }»{ $dated ->
        [yes] {" "}(срок { $deadline })
       *[no] {""}
    }: { $plan ->
        [empty] `plan_b` пуст
       *[none] нет `plan_b`
    } — если основной план сорвётся, запасного нет
r28-no-plan-b-help = опишите запасной вариант в `plan_b:` — другой подрядчик, упрощённая версия, запуск по частям

## R07: прошедшие сроки

r07-project-late = Проект «{ $project }» просрочен на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } (срок был { $deadline }), а стадия всё ещё `{ $stage }`
r07-project-late-help = сдайте работу и поставьте `stage: done` или согласуйте с клиентом новый срок и запишите его в `deadline_changes`
r07-task-late = Проект «{ $project }»: задача { $task }{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } должна была быть готова { $due }, { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад, и всё ещё не сделана
r07-task-late-help = когда задачу сдадут, запишите `done: ДАТА`; или согласуйте и запишите новый `due`

## R10: опоздание на встречу

r10-late = Мы опоздали на { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[many] минут
    } на { $format ->
        [in_person] встречу
        [video] видеовстречу
       *[call] созвон
    } { $day } в { $time }{ $attendees ->
        [0] {""}
       *[other] {" "}(со стороны клиента: { $names })
    }
r10-late-help = закладывайте запас времени: дорога, напоминание за 15 минут, ссылка открыта заранее

## R19: сроки и к чему они привязаны

r19-project-untied = У активного проекта «{ $project }» есть срок — { $deadline }, но не сказано, к чему он привязан
r19-project-untied-help = добавьте `deadline_tied_to:` — событие или причину, от которой зависит дата
r19-project-undated = У активного проекта «{ $project }» нет срока, хотя он привязан к «{ $tied }»
r19-project-undated-help = согласуйте дату с клиентом и запишите `deadline: ГГГГ-ММ-ДД`
r19-project-neither = У активного проекта «{ $project }» нет ни срока, ни того, к чему он привязан
r19-project-neither-help = согласуйте дату с клиентом; запишите `deadline:` и `deadline_tied_to:`
r19-task-untied = Открытая задача `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } должна быть готова { $due }, но не сказано, к чему привязана эта дата
r19-task-untied-help = добавьте `tied_to:` и объясните исполнителю, почему дата важна
r19-task-undated = У открытой задачи `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } нет срока, хотя она привязана к «{ $tied }»
r19-task-undated-help = поставьте `due:` и скажите исполнителю
r19-task-neither = У открытой задачи `{ $task }`{ $assigned ->
        [yes] {" "}({ $who })
       *[no] {""}
    } нет ни срока, ни того, к чему он привязан
r19-task-neither-help = поставьте `due:` и `tied_to:` и скажите исполнителю и то и другое

## D09: куратор у каждого ключевого клиента

d09-no-curator = У ключевого клиента { $client } нет куратора со стороны руководства
d09-no-curator-help = { $curators ->
        [0] договоритесь о кураторе с руководством, добавьте его в `curators` в rapport.yaml и запишите здесь `curator: ID`
       *[other] запишите здесь `curator: ID`; кураторы: { $names }
    }

## D14, D15: подписанные акты и оригиналы

d14-not-signed = Акт { $act } ({ $client }) отправлен { $sent } и не вернулся подписанным; срок — { $days } { $days ->
        [one] рабочий день
        [few] рабочих дня
       *[many] рабочих дней
    }, до { $due }
d14-not-signed-help = попросите подписанный экземпляр и отметьте его командой `{ $command }`
d15-no-originals = Акт { $act } ({ $client }) подписан { $signed }, а бумажных оригиналов, которых требует договор, нет уже { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
d15-no-originals-help = попросите оригиналы и отметьте их командой `{ $command }`

## D01, D02: уведомления о продлении

d01-notice-due = Договор { $contract } ({ $term }-й срок: { $start } – { $end }): уведомление о продлении — до { $notice } ({ $left ->
        [0] сегодня
       *[other] через { $left } { $left ->
            [one] день
            [few] дня
           *[many] дней
        }
    }), а решения по этому сроку нет; без уведомления договор { $auto ->
        [yes] продлится ещё на срок
       *[no] закончится вместе со сроком
    }
d01-notice-due-help = договоритесь с клиентом и запишите `renewal: {"{"}decision: …, decided: ДАТА{"}"}`
d02-notice-missed = Договор { $contract } ({ $term }-й срок: { $start } – { $end }): дата уведомления о продлении, { $notice }, прошла { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад, а решения нет; { $outcome ->
        [renews-on] { $next } договор продлится ещё на срок
        [renews] договор продлится ещё на срок
        [lapsed] договор закончился { $end }
       *[lapses] договор закончится { $end }
    }
d02-notice-missed-help = { $lapsed ->
        [yes] запишите, что договор закончился (`status: closed`), или заключите с клиентом новый
       *[no] договоритесь с клиентом и запишите `renewal: {"{"}decision: …, decided: ДАТА{"}"}` или закройте договор
    }

## D04: просроченные счета

d04-overdue = Счёт { $invoice }: срок оплаты прошёл { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад, { $due }{ $computed ->
        [yes] {" "}({ $date } + { $payment_days } календ. { $payment_days ->
            [one] день
            [few] дня
           *[many] дней
        })
       *[no] {""}
    }; { $paid ->
        [none] счёт не оплачен, { $unpaid }
       *[part] не оплачено { $unpaid } из { $gross }
    }
d04-overdue-help = напомните клиенту и запишите платёж в `payments`, когда он придёт, или договоритесь о новом сроке и запишите `due`

## D03: закончившийся договор ещё в ходу

d03-meeting = Встреча { $held } по проекту «{ $project }» идёт по договору { $contract }, который закончился { $end } и не продлён
d03-invoice = Счёт { $invoice } от { $date } выставлен по договору { $contract }, который закончился { $end } и не продлён
d03-project = Проект «{ $project }» активен по договору { $contract }, который закончился { $end } и не продлён
d03-help = подпишите продление или новый договор и запишите в закончившемся `renewal: {"{"}next: ID{"}"}`

## D13: акты сдачи-приёмки

d13-invoice = К счёту { $invoice } от { $date } нет акта сдачи-приёмки; его нужно было оформить в течение { $days } { $days ->
        [one] рабочего дня
       *[other] рабочих дней
    } после счёта, до { $due }
d13-project = Проект «{ $project }» сдан { $done }, а акта сдачи-приёмки по нему нет; его нужно было оформить в течение { $days } { $days ->
        [one] рабочего дня
       *[other] рабочих дней
    }, до { $due }
d13-help = оформите акт: `{ $command }`

## R21: как связаться с подрядчиком

r21-no-channel = У подрядчика { $contractor } не указан `preferred_channel`
r21-no-channel-help = спросите, как с ним быстрее всего связаться, и запишите `preferred_channel:` (email, phone, messenger, in_person) с контактом
r21-channel-unreachable = Подрядчик { $contractor } предпочитает `{ $channel }`, но в файле нет { $channel ->
        [email] `email`
        [phone] `phone`
        [messenger] `messenger`
       *[in_person] ни `phone`, ни `email`
    }, чтобы с ним связаться
r21-channel-unreachable-help = запишите { $channel ->
        [email] `email`
        [phone] `phone`
        [messenger] `messenger`
       *[in_person] `phone` или `email`
    } — или канал, по которому подрядчик действительно отвечает

## R20: рекомендации

r20-recommended-by = { $client }: клиент пришёл по рекомендации — { $by }
r20-recommended-by-known = { $client }: клиент пришёл по рекомендации — { $by } ({ $person }, { $of })
r20-recommended-help = поблагодарите рекомендателя: рекомендация — лучшая оценка нашей работы
r20-not-recommending = Ключевой клиент { $client } никого нам не рекомендовал: ни в одном `referred_by` других клиентов нет ни его, ни его контактов ({ $contacts })
r20-not-recommending-help = спросите контакты, довольные нашей работой, порекомендуют ли они нас, и записывайте `referred_by` у клиентов, которые придут от них

## D10: что ещё предложить

d10-upsell = { $client } не покупает { $service }, а из { $of } активных клиентов { $buyers ->
        [one] его покупает { $buyers }
       *[other] его покупают { $buyers }
    }
d10-upsell-help = предложите; когда клиент купит, добавьте `{ $id }` в `services`

## D06, D16: оплачено и выставлено

d06-contract-over = Договор { $contract }: { $count ->
        [one] счёт { $invoices } выставлен
       *[other] счета { $invoices } выставлены
    } на { $billed }, больше суммы договора { $value } на { $over }
d06-contract-over-help = подпишите допсоглашение об увеличении суммы или отмените либо уменьшите лишний счёт
d06-paid-cancelled = Счёт { $invoice } отменён, но по нему оплачено { $paid }
d06-overpaid = Счёт { $invoice }: оплачено { $paid }, больше суммы счёта { $total } на { $over }
d06-overpaid-help = { $cancelled ->
        [yes] верните платёж или перенесите его на счёт, за который он был
       *[no] верните разницу или перенесите платёж на счёт, за который он был
    }
d16-payment-ahead = Счёт { $invoice }: платёж { $amount } датирован { $date } — на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } позже сегодняшнего
d16-payment-ahead-help = записывайте платёж, когда деньги пришли, с датой из банковской выписки; обещанный платёж — запись в журнале

## R29, R30: замечания клиента

r29-unanswered = Замечание { $comment }{ $named ->
        [yes] {" "}(автор — { $from })
       *[no] {""}
    } по проекту «{ $project }» ({ $round }) осталось без ответа; ответить нужно было до конца дня { $due }
r29-unanswered-help = обсудите замечание с командой, ответьте клиенту и запишите ответ в `response:`
r30-declined-unclarified = Замечание { $comment }{ $named ->
        [yes] {" "}(автор — { $from })
       *[no] {""}
    } по проекту «{ $project }» ({ $round }) отклонено, но ни с кем у клиента не обсуждено
r30-declined-unclarified-help = спросите автора, что он имел в виду, и запишите `clarified_with: КОНТАКТ`

## R03: креатив — после подтверждённого брифа

r03-never-confirmed = клиент так и не подтвердил, что мы правильно поняли бриф (`brief.confirmed`)
r03-confirmed-later = бриф подтверждён только { $confirmed }, на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } позже
r03-before-brief = Проект «{ $project }»: задача `{ $task }` ({ $kind }{ $assigned ->
        [yes] , исполнитель — { $who }
       *[no] {""}
    }) началась { $start }, но { $why }
r03-before-brief-help = перескажите клиенту бриф своими словами, получите подтверждение и запишите `brief.confirmed`; креатив — только после этого

## R09: отказ с объяснением

r09-decline = Проект «{ $project }»: запрос «{ $request }» от { $date } отклонён, { $what ->
        [neither] но причина не записана и клиенту не объяснена
        [no-reason] но причина не записана
       *[unexplained] но клиенту это так и не объяснили
    }
r09-decline-help = запишите, почему нет (`reason`), объясните клиенту и запишите `explained: ДАТА`

## D12: план выставления счетов

d12-not-issued = Плановый счёт { $number } по договору { $contract }{ $priced ->
        [yes] {" "}на { $sum }
       *[no] {""}
    }{ $noted ->
        [yes] {" "}({ $note })
       *[no] {""}
    } нужно было выставить { $date }, { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад, но ни один счёт не ссылается на него через `planned: { $number }`
d12-not-issued-help = выставьте его командой `{ $command }`; если счёт выставлен вручную, добавьте в него `planned: { $number }`

## R17: обещания

r17-kept-late = Обещание { $what } ({ $who }, на { $format ->
        [in_person] встрече
        [video] видеовстрече
       *[call] созвоне
    } { $held }) — к { $due }: выполнено { $done }, на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } позже
r17-kept-late-help = обещание, выполненное с опозданием, всё равно нарушено: обещайте сроки с запасом и предупреждайте заранее, если не успеваете
r17-not-kept = Обещание { $what } ({ $who }, на { $format ->
        [in_person] встрече
        [video] видеовстрече
       *[call] созвоне
    } { $held }) — к { $due }: просрочено на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }, и всё ещё не выполнено
r17-not-kept-help = сделайте и запишите `done: ДАТА` или сейчас же скажите клиенту, договоритесь о новой дате и поправьте `due`

## R23: дни рождения

r23-no-birthday = У контакта ключевого клиента { $client } — { $person } — не записан день рождения
r23-no-birthday-help = узнайте дату и запишите `birthday: --ММ-ДД` (год можно не указывать)
r23-not-greeted = { $person } ({ $client }): день рождения был { $day }, { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } назад, а поздравление с { $from } по { $to } в журнале не записано
r23-not-greeted-help = поздравьте, пусть и с опозданием, и запишите в журнал: `direction: out`, `topic: birthday`, `contact:`

## R08: срок сдвинулся — клиенту сказали сразу

r08-head = Проект «{ $project }»: { $of_task ->
        [yes] срок задачи `{ $task }`
       *[no] срок
    } перенесён с { $from } на { $to }{ $dated ->
        [yes] {" "}(решение от { $decided })
       *[no] {""}
    }
r08-never-told = { $head }; клиенту так и не сообщили, а сообщить нужно было до конца дня { $due } ({ $why ->
        [one-day] 1 рабочий день после решения
        [days] рабочие дни, отведённые после решения
       *[old-deadline] прежний срок
    })
r08-never-told-help = сообщите клиенту сейчас и запишите в переносе `client_told: ДАТА`
r08-told-late = { $head }; клиенту сообщили { $told } — { $late ->
        [deadline] {""}
       *[other] через { $working } { $working ->
            [one] рабочий день
            [few] рабочих дня
           *[many] рабочих дней
        } после решения (нужно было до конца дня { $by })
    }{ $late ->
        [both] {" "}и{" "}
       *[other] {""}
    }{ $late ->
        [decision] {""}
       *[other] через { $days } { $days ->
            [one] день
            [few] дня
           *[many] дней
        } после прежнего срока, { $from }
    }
r08-told-late-help = сообщайте клиенту о переносе в течение { $allowed } { $allowed ->
        [one] рабочего дня
       *[other] рабочих дней
    } после решения и всегда до прежнего срока

## R26: очная встреча до начала работ

r26-started = Проект «{ $project }» начался { $start } без очной встречи { $named ->
        [yes] с людьми проекта ({ $people }, { $client })
       *[no] с клиентом ({ $client })
    } в этот день или раньше
r26-no-start = Проект «{ $project }» на стадии `{ $stage }` без `start`, и очной встречи { $named ->
        [yes] с людьми проекта ({ $people }, { $client })
       *[no] с клиентом ({ $client })
    } не записано
r26-too-long-ago = { $finding } (последняя встреча с ними, { $last }, была больше чем за { $months } { $months ->
        [one] месяц
        [few] месяца
       *[many] месяцев
    } до этого)
r26-without-them = { $finding } (последняя очная встреча, { $last }, — { $client } — прошла без них)
r26-started-help = в следующий раз встретьтесь с клиентом лично до начала работ; записывайте такие встречи с `format: in_person`
r26-no-start-help = встретьтесь с клиентом лично и запишите встречу с `format: in_person`

## D07: бюджет проекта

d07-no-estimate = Проект «{ $project }» активен, а сметы нет
d07-no-estimate-help = запишите строки `estimate` (позиция, количество, единица, цена), согласованные с клиентом
d07-over-budget = Проект «{ $project }»: расходы { $spent } превысили бюджет { $budget } на { $over }{ $shown ->
        [yes] {" "}({ $share } % бюджета)
       *[no] {""}
    }
d07-over-budget-help = согласуйте перерасход с клиентом (новая смета и бюджет) или сократите оставшуюся работу
d07-near-budget = Проект «{ $project }»: расходы { $spent } — { $past ->
        [yes] { $share } %
       *[no] чуть больше { $mark } %
    } бюджета { $budget }{ $past ->
        [yes] , больше порога { $mark } %
       *[no] {""}
    }; осталось { $left }
d07-near-budget-help = сверьте оставшуюся работу с остатком бюджета

## D08: книга не устарела

d08-touch = { $kind ->
        [meeting] встреча { $date }
        [email] письмо { $date }
        [call] звонок { $date }
        [messenger] сообщение { $date }
        [letter] письмо по почте { $date }
        [stage-since] смена стадии { $date }
       *[start] старт { $date }
    }
d08-idle = Активный проект «{ $project }»: ничего не записано уже { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } (последнее — { $latest }), а допустимо не больше { $limit } { $limit ->
        [one] дня
       *[other] дней
    }
d08-no-touch = Активный проект «{ $project }»: не записано ни встречи, ни записи в журнале, ни `start`, ни `stage_since`
d08-idle-help = запишите встречи и письма по проекту (с `project:`) или свяжитесь с клиентом
d08-stage-stuck = Проект «{ $project }» на стадии `{ $stage }` с { $since }, уже { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }, а допустимо не больше { $limit } { $limit ->
        [one] дня
       *[other] дней
    }
d08-stage-stuck-help = продвиньте сделку или поставьте её настоящую стадию (в том числе `lost`) и `stage_since`
