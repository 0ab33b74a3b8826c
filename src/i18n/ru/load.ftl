# Русский каталог rapport: сообщения загрузчика о самой книге (E-коды). У каждого
# сообщения есть двойник в en/load.ftl с теми же аргументами. Даты, ключи и значения
# из файла приходят так, как они записаны в файле: по ним место и находят.

## Общие подсказки

load-did-you-mean = может быть, `{ $suggestion }`?
load-known-keys = здесь известны ключи: { $keys }; собственные ключи должны начинаться с `x-`

## E01, E03: файл как YAML

load-conflict-marker = Незавершённое слияние веток: маркер конфликта в строке { $line }
load-conflict-marker-help = завершите слияние: оставьте нужный вариант, удалите строки <<<<<<<, ======= и >>>>>>> и сделайте коммит
load-unknown-key = Неизвестный ключ `{ $key }`

## E04: ссылки

load-no-reference = Нет { $what ->
        [team] сотрудника
        [curator] куратора
        [service] услуги
        [contact] контакта
        [contractor] подрядчика
        [team-or-contractor] сотрудника или подрядчика
        [team-or-contact] сотрудника или контакта
        [settings] настроек
        [client] клиента
        [contract] договора
        [project] проекта
        [meeting] встречи
        [log-entry] записи журнала
        [invoice] счёта
        [act] акта
       *[task] задачи
    } `{ $id }`{ $where_ ->
        [contacts] {" "}среди контактов клиента `{ $client }`
        [client] {" "}у клиента `{ $client }`
        [settings] {" "}в rapport.yaml
       *[nowhere] {""}
    }
load-nothing-to-refer-to = ссылаться не на что: { $what ->
        [team] сотрудников
        [curator] кураторов
        [service] услуг
        [contact] контактов
        [contractor] подрядчиков
        [team-or-contractor] ни сотрудников, ни подрядчиков
        [team-or-contact] ни сотрудников, ни контактов
        [settings] настроек
        [client] клиентов
        [contract] договоров
        [project] проектов
        [meeting] встреч
        [log-entry] записей журнала
        [invoice] счетов
        [act] актов
       *[task] задач
    } нет
load-known = есть: { $ids }

## E05, E06: идентификаторы

load-duplicate-in-list = { $what ->
        [team] Сотрудник
        [curator] Куратор
        [service] Услуга
        [contact] Контакт
       *[task] Задача
    } `{ $id }` встречается в `{ $list }` дважды
load-duplicate-in-list-help = идентификаторы в списке не должны повторяться: переименуйте одну из записей или объедините их
load-id-mismatch = `id: { $declared }` не совпадает с именем { $from ->
        [folder] папки
       *[file] файла
    }, по которому идентификатор — `{ $id }`
load-id-mismatch-help = идентификатор — это имя { $from ->
        [folder] папки
       *[file] файла
    }: напишите `id: { $id }`, удалите ключ или переименуйте { $from ->
        [folder] папку
       *[file] файл
    }

## E07: даты, которые противоречат друг другу

load-impossible-help = в одной из двух дат опечатка: исправьте её
load-contract-ends-first = Договор заканчивается { $end }, раньше, чем начинается ({ $start })
load-task-due-first = Срок задачи `{ $task }` — { $due }, раньше её начала ({ $start })
load-deadline-first = Срок { $deadline } раньше начала проекта ({ $start })
load-report-first = Отчёт отправлен { $sent }, раньше самой встречи ({ $at })
load-replied-first = Ответ записан { $replied }, раньше самого обращения ({ $at })
load-invoice-due-first = Срок оплаты { $due } раньше даты самого счёта ({ $date })
load-payment-first = Платёж { $amount } от { $paid } раньше даты счёта ({ $date })
load-act-first = Акт { $act }: { $key ->
        [sent] отправлен
        [signed] подписан
       *[originals] оригиналы получены
    } { $day }, раньше даты акта ({ $date })
load-originals-first = Оригиналы акта { $act } получены { $originals }, раньше, чем он подписан ({ $signed })

## E08: исключения

load-waiver-no-reason = Исключение из `{ $rule }` без причины
load-waiver-no-reason-help = добавьте `reason:` — почему правило здесь неприменимо
load-waiver-unknown-rule = Исключение называет `{ $rule }`, а такого кода правила нет
load-waiver-unknown-rule-help = коды правил — R01–R30 и D01–D16; их список выводит `rapport rules`
load-waiver-wrong-item = { $rule } никогда не сообщает о { $item ->
        [deadline-change] переносе срока
        [declined] отклонённой просьбе
        [comment] комментарии
       *[action] действии по итогам встречи
    }: это исключение ничего не отменяет
load-waiver-wrong-item-help = у { $item ->
        [deadline-change] переноса срока
        [declined] отклонённой просьбы
        [comment] комментария
       *[action] действия по итогам встречи
    } делайте исключение из { $first }{ $two ->
        [yes] {" "}или { $second }
       *[no] {""}
    }; исключения из других правил — в `waive` самого файла

## Файлы и папки книги

load-too-large = Файл больше { $mib } МиБ, а файл книги весит несколько килобайт
load-too-large-help = разделите его или уберите из папок книги
load-not-utf8 = Файл записан не в UTF-8 (байт { $byte } в строке { $line }, столбец { $col })
load-not-utf8-help = сохраните файл в кодировке UTF-8
load-no-contacts = Список `contacts` пуст, а у клиента должен быть хотя бы один контакт
load-no-contacts-help = добавьте человека, с которым вы работаете: `contacts: [{"{"}id: ivanov, name: Иван Иванов{"}"}]`
load-folder-not-id = Имя папки клиента `{ $id }` не годится в идентификаторы
load-folder-not-id-help = идентификаторы пишутся строчными латинскими буквами, цифрами и дефисами: переименуйте папку
load-no-client-file = У клиента `{ $id }` нет файла clients/{ $id }/client.yaml
load-no-client-file-help = в каждой папке клиента нужен client.yaml хотя бы с `name` и `contacts`
load-file-not-id = Имя файла `{ $id }` не годится в идентификаторы
load-file-not-id-help = идентификаторы пишутся строчными латинскими буквами, цифрами и дефисами, не длиннее 64 знаков: переименуйте файл
load-defined-twice = { $what ->
        [settings] Настройки `{ $id }` описаны
        [client] Клиент `{ $id }` описан
        [contract] Договор `{ $id }` описан
        [project] Проект `{ $id }` описан
        [meeting] Встреча `{ $id }` описана
        [log-entry] Запись журнала `{ $id }` описана
        [invoice] Счёт `{ $id }` описан
        [act] Акт `{ $id }` описан
       *[contractor] Подрядчик `{ $id }` описан
    } дважды: здесь и в { $twin }
load-defined-twice-help = оставьте один файл на идентификатор и перенесите в него всё из второго (`.yaml` и `.yml` — это один идентификатор)

## rules: в rapport.yaml

load-rules-lists-codes = список кодов выводит `rapport rules`
load-unknown-rule = Неизвестное правило `{ $code }`
load-not-a-severity = `{ $severity }` — не уровень важности
load-not-a-severity-help = напишите `error`, `warning` или `info`
load-write-some-of = можно: { $words }
load-not-one-of-words = `{ $word }` нет среди допустимых значений `{ $name }` правила { $code }
load-setting-is = `{ $name }` правила { $code } — { $what ->
        [words] список слов
       *[number] целое число
    }
load-setting-is-help = запишите { $what ->
        [words] списком слов
       *[number] целым числом
    }, например `{ $name }: { $example }`
load-no-thresholds = у { $code } нет порогов: настраивается только `severity`
load-rule-has = у { $code } настраиваются: { $names }
load-no-threshold = У { $code } нет порога `{ $name }`

## Значения, которые не задаются одним типом

load-no-task = В `tasks` этого проекта нет задачи `{ $task }`
load-act-bills-nothing = В акте { $act } нет `lines`, и он не закрывает ни одного счёта (`invoices`): в нём нечего принимать
load-act-bills-nothing-help = перечислите услуги в `lines:` или назовите счета, которые акт закрывает: `invoices: [2026-0008]`
load-planned-no-contract = `planned: { $n }` ссылается на запись плана оплат, но в счёте не указан `contract`
load-planned-no-contract-help = добавьте `contract: ID` — договор, запись `billing` которого выставляет этот счёт
load-no-planned-entry = В плане оплат договора `{ $contract }` нет планового счёта { $n }: в нём { $entries } { $entries ->
        [one] запись
        [few] записи
       *[many] записей
    }
load-no-planned-entry-help = записи нумеруются с 1 в том порядке, в каком они идут в `billing:` в { $file }
load-not-a-timezone = `{ $timezone }` — не часовой пояс
load-timezone-help = укажите часовой пояс по базе IANA, например `Europe/Moscow`
load-not-a-currency = `{ $currency }` — не код валюты
load-not-a-currency-help = укажите трёхбуквенный код ISO 4217: `RUB`, `USD`, `EUR`
load-workday-ends-first = Рабочий день заканчивается раньше, чем начинается
load-workday-ends-first-help = напишите `workday: {"{"}start: "09:00", end: "18:00"{"}"}`

## E01: файлы и папки, которые не прочитать, ссылки, по которым не ходим

load-cannot-read = Файл не прочитать: { $reason }
load-cannot-list = Содержимое папки не прочитать: { $reason }; файлы в ней не прочитаны
load-cannot-list-help = откройте папку на чтение (проверьте права) или уберите её из книги
# Почему система не смогла прочитать: частые причины по-русски, прочие — словами системы.
load-io = { $kind ->
        [denied] нет прав на чтение
        [not-found] такого файла или папки нет
        [not-a-folder] это не папка
        [is-a-folder] это папка, а не файл
       *[other] система сообщает: `{ $said }`
    }
load-link-to-folder = Это символическая ссылка на папку, и ведёт она за пределы файлов книги: по ссылкам на папки программа не ходит, поэтому ничего за ней не прочитано
load-link-to-folder-help = положите сюда саму папку, а не ссылку на неё
load-link-to-file = Это символическая ссылка, и ведёт она за пределы файлов книги: файл не прочитан (программа идёт по ссылке, только если та ведёт к файлу этой же книги вне скрытых папок вроде `.git`)
load-link-to-file-help = положите сюда сам файл, а не ссылку на него
