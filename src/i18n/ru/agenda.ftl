# Русский каталог rapport: план дел (agenda) и строки команды digest. У каждого
# сообщения есть двойник в en/agenda.ftl с теми же аргументами.

## План дел

agenda-title = Дела на { $date } ({ $weekday }) и { $days ->
        [one] следующий { $days } день
        [few] следующие { $days } дня
       *[many] следующие { $days } дней
    } (по { $until })
agenda-nothing = Дел нет: никакие отчёты, ответы, обещания, сроки, счета, уведомления по договорам, встречи и дни рождения не подходят.
agenda-overdue = Просрочено — аудит отмечает это уже сегодня
agenda-today = Сегодня, { $day }
agenda-tag-rule = правило
agenda-tag-invoice = счёт
agenda-tag-meeting = встреча
agenda-tag-birthday = праздник
agenda-audit = аудит: { $message }
agenda-help = что сделать: { $help }
agenda-upcoming = срок — { $due }; иначе с { $from } аудит отметит: { $message }
agenda-planned = выставить плановый счёт { $number } по договору { $contract }{ $amount ->
        [none] {""}
       *[other] {" "}на { $amount }
    }{ $note ->
        [none] {""}
       *[other] {" "}({ $note })
    }{ $due ->
        [none] {""}
       *[other] {" "}— срок { $due }
    }: `{ $command }`
agenda-meeting = { $time } { $format ->
        [in_person] очная встреча
        [video] видеовстреча
       *[call] звонок
    }{ $with ->
        [none] {""}
       *[other] {" "}({ $with })
    }{ $place ->
        [none] {""}
       *[other] {" "}— { $place }
    }{ $agenda ->
        [none] {""}
       *[other] ; повестка: { $agenda }
    }
agenda-birthday = день рождения: { $name }{ $position ->
        [none] {""}
       *[other] , { $position }
    }{ $age ->
        [0] {""}
        [one] , исполняется { $age } год
        [few] , исполняется { $age } года
       *[many] , исполняется { $age } лет
    }{ $on ->
        [none] {""}
       *[other] , { $on }
    } — { $reach }
agenda-no-reach = ни телефона, ни почты в книге нет

## Дайджест (письмо — на языке книги; здесь строки самой команды)

digest-no-key-clients = у куратора `{ $id }` нет ключевых клиентов
digest-not-addressed = в черновике нет адреса: { $who }
digest-without-curator = ключевые клиенты без куратора не попадают ни в один дайджест: { $names } (D09)
digest-since-after-today = --since { $since } позже сегодняшнего дня ({ $today })
digest-no-curator = в rapport.yaml нет куратора `{ $id }`
digest-no-curators = в rapport.yaml не перечислены `curators`
digest-curators-are = кураторы: { $ids }
digest-none-with-clients = ни у одного куратора нет ключевых клиентов
digest-none-with-clients-hint = отметьте клиента `key: true` и назовите его `curator` в client.yaml
