# Русский каталог rapport: дела в повестке — что менеджеру сделать с находкой, словами
# правила, которое её нашло (`Rule::todo`). У каждого сообщения есть двойник в
# en/todo.ftl с теми же аргументами. Дни — как в повестке («пн 30 ноября»); названия и
# темы приходят в кавычках («…»), как они записаны в книге.

## Общее

# После дела, которое аудит ещё не отмечает: последний день.
todo-by = {" "}— срок: { $day }
# Строка самого аудита под уже просроченным делом.
todo-audit = аудит: { $message }
todo-no-reach = ни телефона, ни почты в книге нет

## Продление договоров (D01, D02)

todo-renewal-lapsed = закройте договор { $contract } или запишите его продление: срок закончился { $day }
todo-renewal-decide = решите, продлевать ли договор { $contract } (срок заканчивается { $end }){ $notice }
todo-renewal-notice = : уведомить нужно до { $day }

## Деньги и акты (D04, D12–D16)

todo-d04 = оплата счёта { $invoice }{ $unpaid }{ $by }{ $remind }
todo-d04-unpaid = {" "}(не оплачено { $amount })
todo-d04-remind = : напомните клиенту — `rapport invoice remind { $client }/{ $id } --eml drafts/`
todo-d12 = выставьте плановый счёт { $n } по договору { $contract }{ $amount }{ $by }: `rapport invoice new { $client } --planned { $id }#{ $n }`
todo-d12-amount = {" "}на { $amount }
todo-d13-invoice = составьте акт по счёту { $invoice }{ $by }
todo-d13-project = составьте акт по проекту «{ $project }»{ $by }
todo-d14 = получите подписанный акт { $act } (клиент: { $client }; отправлен { $sent }){ $by }
todo-d15 = запросите бумажные оригиналы акта { $act } (клиент: { $client }){ $by }
todo-d16 = сверьте платёж { $amount } от { $day } по счёту { $invoice } с банковской выпиской: запишите его, когда деньги придут, с настоящей датой

## Люди (R01, R02, R06, R14, R17, R22, R23)

todo-r01-since = свяжитесь с клиентом: мы не выходили на связь первыми с { $day }{ $by }
todo-r01-never = свяжитесь с клиентом: в книге не записано ни одного контакта по нашей инициативе{ $by }
todo-r02 = отправьте отчёт о встрече { $day }{ $with }{ $by }
todo-r02-with = {" "}(со стороны клиента: { $names })
todo-r06 = ответьте на { $channel ->
        [email] письмо
        [call] звонок
        [messenger] сообщение
       *[letter] бумажное письмо
    }{ $subject }{ $from } от { $day }, { $time }{ $by }
todo-r06-from = {" "}({ $person })
todo-r14 = перезвоните{ $who } — пропущенный звонок { $day }, { $time }{ $by }
todo-r14-who = : { $person } ({ $reach })
todo-r17 = { $owner }: { $what } (обещано { $format ->
        [in_person] на встрече
        [video] на видеовстрече
       *[call] на созвоне
    } { $day }){ $by }
todo-r22 = { $who }: попросите подтвердить, что задача `{ $task }` проекта { $project } понятна{ $start }
todo-r22-assignee = исполнитель
todo-r22-start = {" "}(начало { $day })
todo-r23 = поздравьте с днём рождения: { $name } ({ $birthday }) — { $reach }{ $last }
todo-r23-last = {" "}— не позже { $day }

## Проекты (R07)

todo-r07-deadline = сдача проекта { $project }{ $by }
todo-r07-task = задача `{ $task }`{ $title }{ $who } проекта { $project }{ $by }
todo-r07-who = {" "}({ $person })
# Название или тема после того, что они называют: « «…»».
todo-quoted = {" "}{ $text }
