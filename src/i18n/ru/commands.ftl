# Русский каталог rapport: таблицы, примечания, подтверждения, ошибки и подсказки
# команд. У каждого сообщения есть двойник в en/commands.ftl с теми же аргументами.

## Рамка

error-prefix = ошибка
hint-prefix = подсказка
warning-prefix = предупреждение
note-prefix = примечание
view-header = { $what } по клиентам менеджера { $name } ({ $id }, из { $source }), { $today }; --manager all — по всем клиентам
view-agenda = Дела
view-digest = Дайджест
view-clients = Клиенты
view-workload = Загрузка
view-tasks = Задачи
view-audit = Аудит
view-budgets = Бюджеты
view-calendar = Календарь
view-invoices = Счета
view-renewals = Продления
view-no-member = в книге нет сотрудника `{ $id }`
view-no-member-env = в книге нет сотрудника `{ $id }` (ID взят из переменной окружения RAPPORT_MANAGER: удалите её или укажите --manager all)
view-did-you-mean = вы имели в виду `{ $name }`? (`all` — все клиенты)
view-no-team = в rapport.yaml книги нет списка `team`; `all` покажет всех клиентов
view-team-is = сотрудники: { $ids }; `all` покажет всех клиентов
did-you-mean = вы имели в виду `{ $name }`?

## Столбцы таблиц (общие для списков)

col-id = ID
col-name = Название
col-status = Статус
col-key = Ключевой
col-manager = Менеджер
col-curator = Куратор
col-contracts = Договоры
col-projects = Проекты
col-last-touch = Последний контакт
col-days = Дней
yes = да

## clients

clients-none = в книге пока нет клиентов: добавьте клиента командой `rapport new client`
client-status = { $status ->
        [lead] потенциальный
        [paused] на паузе
        [former] бывший
       *[active] активный
    }

## invoices

col-number = Номер
col-client = Клиент
col-date = Дата
col-due = Срок оплаты
col-total = Сумма
col-paid = Оплачено
col-owed = Долг
col-currency = Валюта
invoices-none = счетов пока нет: выставьте счёт командой `rapport invoice new CLIENT`
invoices-none-overdue = просроченных счетов нет
invoices-aging = Долг по сроку просрочки, дней:
aging-current = в срок
invoice-standing = { $standing ->
        [draft] черновик
        [issued] выставлен
        [partly_paid] оплачен частично
        [paid] оплачен
        [overpaid] переплачен
        [cancelled] отменён
       *[overdue] просрочен на { $days ->
            [one] { $days } день
            [few] { $days } дня
           *[many] { $days } дней
        }
    }

## renewals

col-notice = Уведомление
col-state = Состояние
col-contract = Договор
col-term = Срок действия
col-renewal = Продление
col-decision = Решение
col-value = Сумма договора
col-invoiced = Выставлено
renewals-none = в книге нет действующих договоров
renewals-none-within = ни по одному действующему договору решение о продлении не нужно принимать в ближайшие { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
renewal-no-clause = условий продления нет
renewal-auto = автопродление
renewal-no-auto = без автопродления
renewal-months = на { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    }
renewal-notice-days = уведомление за { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
renewal-state = { $state ->
        [missed] пропущено
        [due] пора решать
        [upcoming] впереди
        [decided] решено
       *[no_notice] без уведомления
    }

## budget

col-project = Проект
col-stage = Этап
col-estimate = Смета
col-budget = Бюджет
col-costs = Затраты
col-remaining = Остаток
col-used = Израсходовано
budget-none = в книге пока нет проектов: добавьте проект командой `rapport new project`
budget-client-none = у этого клиента нет проектов
budget-total = = итого ({ $projects ->
        [one] { $projects } проект
        [few] { $projects } проекта
       *[many] { $projects } проектов
    })
budget-rag = { $rag ->
        [red] красный
        [amber] жёлтый
       *[green] зелёный
    }

## tasks

no-project = в книге нет проекта `{ $id }`
tasks-projects-hint = `rapport budget` перечисляет все проекты в виде КЛИЕНТ/ПРОЕКТ
tasks-none = подходящих задач нет
tasks-ack-late = { $day } (с опозданием)
tasks-ack-missing = нет (уже начата)
tasks-ack-awaited = ещё нет
tasks-late-wd = { $days } раб. дн.
tasks-week = нед. { $number } с { $monday }
tasks-nobody = (никто)
col-due-task = Срок
col-late = Опоздание
col-assignee = Исполнитель
col-task = Задача
col-start = Начало
col-confirmed = Подтверждена
col-done = Сдана
col-overdue = Просрочено
col-no-due = Без срока
col-open = Открыто

## acts

col-act = Акт
col-closes = Закрывает
col-standing = Состояние
acts-none = актов пока нет: оформите акт командой `rapport act new CLIENT --invoice N`
acts-closes-invoice = счёт { $numbers }
acts-closes-project = проект { $project }
act-standing = { $standing ->
        [awaiting_signature] отправлен { $sent }, не подписан
        [signed] подписан { $signed }
        [awaiting_originals] подписан { $signed }, оригиналов нет
        [originals] оригиналы получены { $originals }
        [not_sent] не отправлен
        [draft] черновик
       *[cancelled] отменён
    }

## upsell

col-service = Услуга
col-bought-by = Покупают
col-buyers = Клиенты, которые её покупают
col-list-price = Цена по прайсу
upsell-share = { $buyers } из { $of }
upsell-waived = для { $clients } правило D10 отключено: предложения для них не показаны
upsell-none-popular = ни одну услугу не покупают больше { $share } % из { $active } активных клиентов (rules.D10.share_percent)
upsell-all-buy = все активные клиенты уже покупают популярные услуги

## Ошибки

no-client = в книге нет клиента `{ $id }`
no-clients-yet = в книге пока нет клиентов
clients-list-hint = `rapport clients` покажет идентификаторы всех клиентов
cannot-read = не удаётся прочитать { $file }: { $why }
audit-no-rule-like = --rule { $code }: такого правила нет; может быть, { $nearest }?
audit-no-rule = --rule { $code }: такого правила нет; `rapport rules` покажет все правила
audit-no-path = { $path }: нет ни такого файла или папки, ни клиента с таким ID
audit-path-outside = { $path } — за пределами книги ({ $root })
files-exist-one = { $file } уже есть
files-exist-two = { $first } и { $second } уже есть
files-exist-many = { $first } и ещё { $others } { $others ->
        [one] файл уже есть
        [few] файла уже есть
       *[many] файлов уже есть
    }
files-exist-hint = ничего не записано; добавьте --force, чтобы заменить { $count ->
        [one] его
       *[other] их
    }
estimate-no-lines = в проекте `{ $project }` клиента `{ $client }` нет строк сметы
estimate-no-lines-hint = запишите их в { $file } под `estimate:` (item, qty, unit, price)
out-is-a-folder = { $path } — это папка
out-is-a-folder-hint = укажите файл, например --out { $example }
csv-bom-alone = --bom ставят вместе с --format csv: он помечает CSV-файл как UTF-8 для электронных таблиц
csv-bom-alone-hint = добавьте --format csv или уберите --bom

## Подтверждения

wrote = записан файл { $path }
wrote-events = записан файл { $path } ({ $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    })
wrote-contacts = { $contacts ->
        [one] { $contacts } контакт записан
        [few] { $contacts } контакта записаны
       *[many] { $contacts } контактов записаны
    } в { $path }

## show: карточка клиента

show-client-file-broken = client.yaml не читается
show-client-file-missing = нет client.yaml
show-client-file-missing-note = файла clients/{ $id }/client.yaml нет: название, реквизиты и контакты клиента неизвестны
show-key-client = { $status }, ключевой клиент
show-days-ago = { $days ->
        [0] сегодня
        [one] { $days } день назад
        [few] { $days } дня назад
       *[many] { $days } дней назад
    }
show-section = { $title } ({ $count })
show-none = нет
show-status = Статус
show-since = Клиент с
show-referred-by = По рекомендации
show-manager = Менеджер
show-curator = Куратор
show-services = Услуги
show-last-touch = Последний контакт
show-legal = Реквизиты
show-legal-name = Наименование
show-inn = ИНН
show-kpp = КПП
show-ogrn = ОГРН
show-address = Адрес
show-contacts = Контакты
show-approver = [согласует]
show-email = Почта
show-phone = Телефон
show-birthday = День рождения
show-prefers = Удобнее всего
show-profile = Заметки
show-prefers-channel = { $channel ->
        [email] почта
        [phone] телефон
        [messenger] мессенджер
       *[in_person] лично
    }
show-contracts = Договоры
show-term = { $start } – { $end }, { $status }
show-term-renewed = { $number }-й срок: { $start } – { $end } (первый срок { $first_start } – { $first_end }), { $status }
show-contract-status = { $status ->
        [draft] черновик
        [active] действует
        [terminated] расторгнут
       *[closed] закрыт
    }
show-supplement-to = , допсоглашение к { $parent }
show-supplement = , допсоглашение
show-value = , сумма { $value }
show-renews-for = автопродление на { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    }
show-renews = автопродление
show-no-renew = без автопродления
show-notice = , уведомление за { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
show-decided = ; решение от { $date }: { $decision }
show-decision = ; решение: { $decision }
show-next = ; следующий договор: { $next }
show-projects = Проекты
show-stage = { $stage ->
        [lead] лид
        [estimate] оценка
        [negotiation] переговоры
        [active] в работе
        [done] завершён
        [lost] проигран
       *[cancelled] отменён
    }
show-stage-since = { " " }с { $date }
show-deadline = , срок сдачи { $date }
show-budget = , бюджет { $budget }
show-upcoming = Впереди
show-history = История, сначала новое
show-touch-meeting = { $format ->
        [in_person] очная встреча
        [video] видеовстреча
       *[call] созвон
    }
show-touch-log = { $channel ->
        [email] письмо
        [call] звонок
        [messenger] сообщение
       *[letter] письмо почтой
    } { $direction ->
        [in] от клиента
       *[out] клиенту
    }
show-invoices = Счета
show-invoice-status = { $status ->
        [draft] черновик
        [issued] выставлен
       *[cancelled] отменён
    }
show-payment = , { $payment ->
        [paid] оплачен
        [overpaid] переплачен
        [partly_paid] оплачен частично
       *[unpaid] не оплачен
    }
show-overdue = , просрочен на { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }
show-due = , оплатить до { $date }

## Файлы, которые не читаются

unreadable-files = { $count ->
        [1] не удалось прочитать 1 файл, поэтому его данные здесь не учтены:
        [one] не удалось прочитать { $count } файл, поэтому их данные здесь не учтены:
        [few] не удалось прочитать { $count } файла, поэтому их данные здесь не учтены:
       *[many] не удалось прочитать { $count } файлов, поэтому их данные здесь не учтены:
    }
unreadable-hint = `rapport audit` скажет, что с ними не так

## Где книга

no-book-here = здесь нет книги: ни в { $dir }, ни в папках выше нет rapport.yaml
no-book-here-hint = укажите --book ПАПКА (или задайте RAPPORT_BOOK) либо создайте книгу командой `rapport init`
not-a-book = { $dir } — не книга: в этой папке нет rapport.yaml
not-a-book-hint = создайте её командой `rapport init { $dir }`

## Ошибки командной строки, которые находит clap (src/cli_error.rs).
clap-unknown-argument = неизвестный аргумент «{ $arg }»
clap-unknown-command = нет такой команды: «{ $command }»
clap-value-missing = у «{ $arg }» нет значения
clap-invalid-value = недопустимое значение «{ $value }» для «{ $arg }»
clap-invalid-value-of = недопустимое значение «{ $value }» для «{ $arg }»; допустимые: { $allowed }
clap-refused-value = недопустимое значение «{ $value }» для «{ $arg }»: { $why }
clap-not-a-date = { $kind ->
        [datetime] это не дата и время: пишите ГГГГ-ММ-ДДTЧЧ:ММ
       *[date] это не дата: пишите ГГГГ-ММ-ДД
    }
clap-missing-arguments = не указаны обязательные аргументы: { $args }
clap-missing-command = после «{ $command }» нужна команда: { $commands }
clap-conflict = «{ $arg }» нельзя указывать вместе с { $others }
clap-repeated = «{ $arg }» можно указать только один раз
clap-extra-value = лишнее значение «{ $value }» для «{ $arg }»
clap-value-count = «{ $arg }» ждёт значений: { $want }, а получено: { $got }
clap-no-equals = значение «{ $arg }» пишется через знак равенства
clap-not-utf8 = аргумент записан не в UTF-8
clap-other = не удалось разобрать командную строку
clap-did-you-mean = вы имели в виду { $names }?
clap-tip-as-value = чтобы передать «{ $arg }» как значение, напишите «{ $fixed }»
clap-tip-no-dashes = команда «{ $command }» есть: уберите «--» перед ней
clap-tip-exists = есть «{ $name }»
clap-usage = Использование: { $usage }
clap-more = Подробнее: «--help».
