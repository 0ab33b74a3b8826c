# Русский каталог rapport: что подтверждают, о чём предупреждают и от чего отказываются
# команды, которые пишут в книгу (new, meeting, invoice, act, task, project, renew,
# init, import, export), и команды документов. У каждого сообщения есть двойник в
# en/writes.ftl с теми же аргументами.

## Общее

error-with-hint =
    { $error }
    подсказка: { $hint }
created = создан файл { $path }
read-back-failed = после правки файл { $file } не прочитался бы { $what } ({ $why }); ничего не записано
read-back-error = { $code }: { $message }
read-back-errors = { $first }; { $rest }
read-back-values-differ = значения не совпадают
read-back-as-recorded = так, как записано
write-linked = { $path } — символическая ссылка: rapport не пишет в книгу через ссылки, они могут вести за её пределы
write-linked-hint = положите в книгу саму папку
write-failed = не удаётся { $doing ->
        [create] создать
        [temporary] создать временный файл в
        [folder] создать папку
        [permissions] задать права для
       *[write] записать
    } { $path }: { $kind ->
        [denied] нет прав на запись
        [not-found] такого пути нет
        [full] на диске нет места
        [read-only] файловая система только для чтения
       *[other] система сообщает: `{ $said }`
    }
lock-linked = { $path } или его папка — символическая ссылка: rapport пишет свою блокировку только в собственную папку книги .rapport
lock-linked-hint = удалите ссылку (в папке лежат только кэш и блокировка rapport)
lock-held = другой rapport в этой книге выставляет счёт или акт либо записывает оплату или задачу ({ $holder }) и держит { $path } дольше { $seconds } с
lock-held-hint = дождитесь, пока он закончит; если процесс завис, завершите его — блокировка уйдёт вместе с ним
email-not-an-address = `{ $email }` ({ $name }) — не адрес электронной почты

## new

file-exists = файл { $file } уже есть: rapport не перезаписывает файлы (E05)
taken-client = клиент с таким ID уже есть: выберите другой ID или исправьте его client.yaml
taken-contract = договор с таким ID уже есть: выберите другой ID (у допсоглашения свой, например 2026-005-ds1)
taken-project = проект с таким ID уже есть: выберите другой ID
taken-meeting = в этот день уже есть встреча с таким именем файла: задайте другое через --slug
taken-log = в этот день уже есть запись с таким именем файла: задайте другое через --slug
taken-invoice = у этого клиента уже есть счёт с таким номером: возьмите следующий свободный
taken-contractor = подрядчик с таким ID уже есть: выберите другой ID или исправьте его файл
key-client-no-curator = у ключевого клиента должен быть куратор (D09): добавьте `curator:`
contractor-no-channel = у подрядчика должен быть удобный канал связи: укажите --preferred-channel (R21)
contractor-channel-needs = чтобы удобным каналом можно было воспользоваться, нужен { $flag } (R21)
new-invalid-flag = неверный { $flag }
new-invalid-id = неверный ID { $kind ->
        [client] клиента
        [contract] договора
        [project] проекта
       *[contractor] подрядчика
    }
new-invalid-client = неверный клиент
new-invalid-contact-name = неверное имя в --contact
new-invalid-because = { $invalid }: { $why }
new-not-yaml = новый файл не читается обратно как YAML
new-at-malformed = `{ $at }` — не дата и время: пишите их так: 2026-11-27T10:00
new-at-impossible = `{ $at }`: { $why } (E07)
new-not-an-id = `{ $id }` не годится { $what ->
        [client] в ID клиента
        [contact] в ID контакта
        [contract] в ID договора
        [project] в ID проекта
        [contractor] в ID подрядчика
       *[file-name] в имя файла
    }
new-bad-id = ID { $kind ->
        [client] клиента
        [contract] договора
        [project] проекта
       *[contractor] подрядчика
    } `{ $id }` не годится
new-not-an-id-hint = ID пишут строчными латинскими буквами, цифрами и дефисами, начиная с буквы или цифры, не длиннее 64 символов (например, `{ $example }`)
new-empty = значение не может быть пустым
new-slug-too-long = `{ $id }` длиннее, чем может быть ID (64 символа)
new-no-ref-in-settings = в rapport.yaml нет { $noun ->
        [team] сотрудника
       *[curator] куратора
    } `{ $id }` (E04)
new-none-in-settings = в rapport.yaml пока не записано ни одного { $noun ->
        [team] сотрудника
       *[curator] куратора
    }
new-no-ref-in-client = у клиента `{ $client }` нет { $noun ->
        [contact] контакта
        [contract] договора
       *[project] проекта
    } `{ $id }` (E04)
new-none-in-client = у клиента `{ $client }` пока нет ни одного { $noun ->
        [contact] контакта
        [contract] договора
       *[project] проекта
    }
new-no-client = в книге нет клиента `{ $id }` (E04)
new-no-clients-yet = в книге пока нет клиентов: добавьте первого командой `rapport new client`
new-client-folder-only = в папке clients/{ $id } нет client.yaml
new-client-folder-only-hint = создайте его: `rapport new client { $id } --name НАЗВАНИЕ --contact ID=ИМЯ`
new-cannot-check = не удаётся проверить { $flag }: { $file } не читается
new-cannot-check-hint = `rapport audit` покажет, что с ним не так; сначала исправьте это
new-contact-malformed = `{ $contact }` — не ID=ИМЯ
new-contact-malformed-hint = напишите, например, --contact smirnov="Иван Смирнов"
new-contract-ends-first = дата окончания { $end } раньше даты начала { $start } (E07)
new-invoice-number-not-an-id = `{ $number }` не годится в имя файла: файл счёта называется его номером, поэтому номер должен быть ID (строчные латинские буквы, цифры и дефисы)
new-invoice-number-not-an-id-hint = нумеруйте счета как { $year }-0001 (invoice.number в rapport.yaml — "{ $pattern }")
new-invoice-number-taken = номер { $number } за { $year } год уже занят: { $file } (D05)
new-invoice-number-taken-hint = номера счетов в книге не повторяются в пределах года: возьмите следующий свободный

## Документы (invoice render, act render, estimate, reconcile)

pdf-on-terminal = PDF — двоичный файл, а вывод идёт на терминал
pdf-on-terminal-hint = укажите --out ФАЙЛ (например, --out { $id }.pdf) или перенаправьте вывод: > { $id }.pdf
pdf-not-built = эта сборка rapport — без поддержки PDF (cargo-функция `pdf`)
pdf-not-built-hint = возьмите --format html и напечатайте страницу в PDF или соберите rapport с функциями по умолчанию
document-exists = файл { $path } уже есть: rapport не перезаписывает документы
document-exists-hint = выберите другой --out или сначала удалите старый файл
left-blank = { $form ->
        [invoice] в счёте
        [act] в акте
        [estimate] в смете
       *[reconciliation] в акте сверки
    } остались пустыми: { $fields }
left-blank-client-inn = legal.inn клиента
left-blank-hint = заполните их в rapport.yaml (agency) и в client.yaml клиента (legal)
invoice-not-issued = счёт { $number } { $status ->
        [draft] — черновик
       *[other] отменён
    }
act-not-issued = акт { $number } { $status ->
        [draft] — черновик
       *[other] отменён
    }

## meeting

in-file = { $file }: { $text }
meeting-unknown-contact = attendees.client: `{ $id }` — не контакт клиента { $client } (E04)
meeting-unknown-member = attendees.agency: `{ $id }` — не сотрудник агентства (E04)
meeting-unknown-owner = actions[{ $index }].owner: `{ $id }` — не контакт клиента { $client } и не сотрудник агентства (E04)
meeting-bare-id-hint = в отчёте такой человек будет назван голым ID: исправьте ID или добавьте человека в книгу, прежде чем отправлять отчёт клиенту
meeting-in-future = встреча назначена на { $day }, а сегодня { $today }: в отчёте может быть только её повестка
draft-unknown-person = `{ $id }` ({ $side ->
        [client] со стороны клиента
       *[agency] со стороны агентства
    }): { $side ->
        [client] не контакт клиента { $client }
       *[agency] не сотрудник агентства
    }, поэтому адреса нет
draft-bad-email = { $name } ({ $side ->
        [client] со стороны клиента
       *[agency] со стороны агентства
    }, `{ $id }`): `{ $email }` — не адрес электронной почты
draft-no-email = { $name } ({ $side ->
        [client] со стороны клиента
       *[agency] со стороны агентства
    }, `{ $id }`): в книге нет адреса почты
draft-left-out = не попал в адресаты черновика: { $who }
draft-no-recipient = у черновика нет получателя: заполните поле «Кому» перед отправкой
already-recorded = { $file }: это уже записано, менять нечего
report-sent = { $file }: отчёт отправлен { $at }{ $count ->
        [0] { "" }
       *[other] , получатели: { $to }
    }
report-sent-before = раньше в report.sent было { $before }, теперь { $now }
report-no-recipients = получатели не записаны: у встречи нет участников со стороны клиента; укажите --to КОНТАКТ

## invoice pay, invoice remind, act signed

pay-recorded = { $file }: записана оплата { $amount } от { $date }; { $owed }
pay-still-owed = остаток долга { $owed }
pay-in-full = счёт оплачен полностью
pay-overpaid = переплата { $over }
pay-invoice-draft = счёт { $number } — черновик; если его уже отправили клиенту, уберите `status: draft`
pay-date-after-today = неверный --date: оплата { $date } — это позже сегодняшнего дня ({ $today }); записывайте оплату, когда деньги уже пришли
date-after-today-hint = проверьте год; --today задаёт, какой день считать сегодняшним
pay-date-before-invoice = неверный --date: оплата { $date } оказалась бы раньше даты счёта, { $invoice_date } (E07)
reminder-drafted = { $tone ->
        [firm] настойчивое
       *[polite] вежливое
    } напоминание для { $to }: счёт { $number } просрочен на { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }{ $attached ->
        [yes] , счёт приложен
       *[no] { " " }(счёт не приложен: эта сборка rapport не умеет делать PDF)
    }
act-signed-recorded = { $file }: по акту { $number } { $what ->
        [originals] получены бумажные оригиналы
       *[signed] получен подписанный экземпляр
    } { $date }

## task, project move

task-given = задача `{ $id }` поставлена, исполнитель — { $who }, срок — { $due }{ $tied ->
        [no] { " " }(нет --tied-to: R19 спросит, к чему привязан срок)
       *[yes] { "" }
    }
task-confirmed = задача `{ $id }` подтверждена { $date }, исполнитель — { $who }{ $late ->
        [yes] { " " }(уже после начала работ { $start }: R22 это отметит)
       *[no] { "" }
    }
task-done = задача `{ $id }` сдана { $date }
task-done-already = задача `{ $id }` уже сдана
task-moved = срок задачи `{ $id }` перенесён с { $from } на { $to }{ $told }
deadline-moved = срок сдачи проекта перенесён с { $from } на { $to }{ $told }
move-told = ; клиенту сообщено { $date } ({ $who })
move-client-told = ; клиенту сообщено { $date }
move-not-told = ; клиенту ещё не сообщили: сообщите (R08) и запишите `client_told` в перенос от { $decided }
task-send-prefers = { $name }: удобнее { $channel ->
        [phone] по телефону
        [messenger] в мессенджере
        [in_person] при личной встрече
       *[email] по почте
    } (R21) — отправьте этот текст туда{ $detail }
task-send-no-email = { $name }: в книге нет адреса почты, у черновика нет получателя

## renew

renew-recorded = записано решение «{ $decision ->
        [renew] продлеваем
        [renegotiate] пересматриваем условия
       *[terminate] расторгаем
    }» по договору { $number } ({ $term }-й срок: { $start } – { $end }) в { $file }
renew-created-draft = создан файл { $file } (черновик, { $start } – { $end })
renew-check-draft = проверьте черновик договора, а когда его подпишут, поставьте `signed:` и `status: active` в { $file }
renew-draft-exists = { $file } уже есть: rapport никогда не перезаписывает файлы
renew-draft-exists-hint = выберите другой ID в --next или уберите то, что там лежит
renew-cannot-record = не удаётся записать решение в { $file }: { $why }
renew-not-read-back = не удаётся записать решение в { $file }: после правки файл не читается с ним
renew-not-a-contract = новый текст { $file } не прочитался бы как договор, поэтому ничего не записано: { $why }
renew-finding = { $message } ({ $code })
renew-supplement-number = из ID `{ $id }` не получается номер допсоглашения для печати
renew-supplement-number-hint = укажите его через --number
renew-supplement = { $file } — дополнительное соглашение: его продление следует за договором, который оно дополняет
renew-supplement-hint = запишите решение по { $contract }
renew-not-active = договор { $number } { $status ->
        [draft] ещё черновик
        [terminated] расторгнут
        [closed] закрыт
       *[other] не действует
    }: решение о продлении принимают только по действующему договору
renew-not-active-hint = `rapport renewals` покажет действующие договоры
renew-decided-after-today = --decided { $decided } — это позже сегодняшнего дня ({ $today }): записывайте решение, когда оно уже принято
renew-decided-before-term = --decided { $decided } — это раньше начала текущего срока ({ $start }): такое решение относилось бы к прошлому сроку
renew-decided-before-term-hint = укажите день, когда решение приняли в этом сроке
renew-decided-already = по договору { $number } на { $term }-й срок ({ $start } – { $end }) решение уже записано: { $was ->
        [renew] продлеваем
        [renegotiate] пересматриваем условия
        [terminate] расторгаем
       *[other] { $was }
    }, от { $on }
renew-decided-already-undated = по договору { $number } на { $term }-й срок ({ $start } – { $end }) решение уже записано: { $was ->
        [renew] продлеваем
        [renegotiate] пересматриваем условия
        [terminate] расторгаем
       *[other] { $was }
    }
renew-decided-already-hint = добавьте --force, чтобы заменить его
renew-terminate-alone = --decision terminate завершает договор: --next, --supplement и --number здесь неприменимы
renew-not-auto = договор { $number } сам не продлевается: укажите договор, который его продолжит
renew-not-auto-hint = --next ID создаст его черновик (например, --next { $example }), а --supplement — черновик дополнительного соглашения
renew-next-not-an-id = неверный --next: `{ $id }` — не ID: строчные латинские буквы, цифры и дефисы, например 2027-001
renew-next-itself = неверный --next: `{ $id }` — это сам этот договор
renew-next-exists = договор `{ $id }` уже есть: --number и --supplement задают только создаваемый черновик
renew-next-exists-hint = уберите их, чтобы указать { $id } как следующий договор
renew-number-needs-next = --number задаёт номер создаваемого следующего договора: укажите и --next ID
renew-next-stays = renewal.next: { $next } остался от прежнего решения; уберите его, если он больше не нужен
renew-auto-next-term = договор { $number } продлится сам на следующий срок, { $start } – { $end }

## import

import-row = строка { $n }: { $text }
import-item = { $noun ->
        [row] строка
       *[card] карточка
    } { $n }: { $text }
import-skipped = пропущено: { $text }
csv-read = { $file }: кодировка { $encoding }, разделитель `{ $sep }`, { $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[many] { $rows } строк
    }
csv-would-create = будет создан { $file } (строка { $n }: { $name })
csv-created = создан { $file } (строка { $n }: { $name })
csv-appeared = строка { $n }: файл { $file } появился, пока шёл импорт; он не заменён
csv-summary = { $dry ->
        [yes] будет создано клиентов
       *[no] создано клиентов
    }: { $created }, пропущено строк: { $skipped }{ $dry ->
        [yes] { " " }(пробный запуск: ничего не записано)
       *[no] { "" }
    }
import-added = { $dry ->
        [yes] будет добавлено
       *[no] добавлено
    }: { $noun ->
        [row] строка
       *[card] карточка
    } { $n }: { $card } — контакт `{ $id }`
import-added-note = { "  " }примечание: { $text }
import-same = уже есть: { $text }
import-conflict = расхождение: { $text }
import-summary = { $file }: { $dry ->
        [yes] будет добавлено
       *[no] добавлено
    } { $added }, уже есть { $same }, с расхождениями { $conflicts }, пропущено { $skipped }{ $dry ->
        [yes] { " " }(пробный запуск: ничего не записано)
       *[no] { "" }
    }
import-is-known = { $noun ->
        [row] строка
       *[card] карточка
    } { $n }: { $card } — это `{ $id }` (совпадает { $by ->
        [phone] телефон
       *[email] почта
    } { $value })
import-differs = { $noun ->
        [row] строка
       *[card] карточка
    } { $n }: { $card } совпадает с `{ $id }` по { $by ->
        [phone] телефону
       *[email] почте
    } { $value }, но { $diffs } — ничего не изменено: разберитесь в client.yaml
import-diff = { $field ->
        [name] имя
        [position] должность
        [email] почта
        [phone] телефон
        [birthday] день рождения
       *[profile] заметки
    }: в книге { $book ->
        [nothing] пусто
       *[other] { $book }
    }, в карточке { $card }
import-not-kept = не сохранено (у контакта одна почта и один телефон): { $dropped }
import-more-emails = ещё адреса почты { $list }
import-more-phones = ещё телефоны { $list }

## init, site

init-created = Создана новая книга агентства «{ $agency }» в { $dir }:
init-what-settings = настройки: агентство, команда, кураторы и услуги
init-what-clients = по папке на каждого клиента
init-what-contractors = по файлу на каждого подрядчика
init-what-schemas = JSON-схемы файлов для редакторов (`rapport schema`)
init-what-vscode-settings = VS Code: подсказки и проверки прямо при наборе
init-what-vscode-extensions = VS Code: рекомендует расширение для YAML
init-what-gitignore = не пускает кэш rapport (.rapport/) в git
init-gitignore-left = файл { $file } уже был и остался как есть: добавьте в него строку `.rapport/`, чтобы кэш rapport не попадал в git
init-vscode-left = файл { $file } уже был и остался как есть: чтобы работали подсказки и проверки при наборе, добавьте в него { $add }
init-schemas-stale = { $files } отличаются от схем этой версии rapport и оставлены как есть: их заменит `rapport schema --out { $dir } --force`
init-next-steps = Что дальше:
init-step-edit = 1. Откройте rapport.yaml: раскомментируйте и заполните команду, кураторов и услуги.
init-step-client = 2. Добавьте клиента:
init-step-audit = 3. Проверьте книгу: `rapport audit`
init-step-git = 4. Храните её в git: `git init && git add -A && git commit -m "Новая книга"`
init-example-wrote = Книга-пример (агентство «{ $agency }», { $count ->
        [one] { $count } файл
        [few] { $count } файла
       *[many] { $count } файлов
    }) записана в { $dir }.
init-example-wrote-plain = Книга-пример ({ $count ->
        [one] { $count } файл
        [few] { $count } файла
       *[many] { $count } файлов
    }) записана в { $dir }.
init-editor-support = Поддержка редакторов (подсказки и проверки при наборе): { $files }.
init-example-audit-1 = книга написана по состоянию на этот день; код выхода 1:
init-example-audit-2 = один клиент нарочно нарушает все правила
site-written = { $index }: { $pages ->
        [one] { $pages } страница
        [few] { $pages } страницы
       *[many] { $pages } страниц
    }
site-unknown = в rapport.yaml нет { $list ->
        [team] сотрудника
       *[curators] куратора
    } `{ $id }`
site-none-listed = в rapport.yaml нет списка `{ $list }`
site-ids-are = { $list ->
        [team] сотрудники
       *[curators] кураторы
    } (ID): { $ids }
site-out-not-a-folder = --out { $out }: это не папка
site-out-not-a-folder-hint = укажите для сайта новую или пустую папку
site-out-not-a-site = в --out { $out } есть файлы, и это не сайт rapport (в папке нет { $marker })
site-out-not-a-site-hint = укажите новую или пустую папку или добавьте --force, чтобы записать сайт рядом с этими файлами

## Счёт, акт, встреча по имени

no-entity = у клиента { $client } нет { $kind ->
        [invoice] счёта
        [act] акта
       *[meeting] встречи
    } `{ $id }`
entity-none-yet = у клиента { $client } пока нет { $kind ->
        [invoice] счетов
       *[meeting] встреч
    }
entity-latest = { $kind ->
        [invoice] последние счета
       *[meeting] последние встречи
    }: { $list }
acts-none-yet = у клиента { $client } пока нет актов; оформить акт: `rapport act new { $client } --invoice N`
acts-its = акты этого клиента: { $list }
ref-not-a-file = `{ $arg }` — не файл { $kind ->
        [invoice] счёта
        [act] акта
       *[meeting] встречи
    }: они лежат в clients/КЛИЕНТ/{ $folder }/
ref-not-named-entity = `{ $arg }` не указывает на { $kind ->
        [invoice] счёт
        [act] акт
       *[meeting] встречу
    }
ref-write-as = пишите КЛИЕНТ/{ $kind ->
        [invoice] СЧЁТ
        [act] АКТ
       *[meeting] ВСТРЕЧА
    }, например { $example }{ $kind ->
        [invoice] {" (список — `rapport invoices`)"}
        [act] {" (список — `rapport acts`)"}
       *[meeting] { "" }
    }
ref-not-named = `{ $arg }` не указывает на { $kind ->
        [contract] договор
       *[project] проект
    }: пишите КЛИЕНТ/{ $kind ->
        [contract] ДОГОВОР
       *[project] ПРОЕКТ
    }, например { $example }
entity-unreadable = файл { $file } не читается
entity-unreadable-hint = `rapport audit` скажет, что с ним не так
no-entity-in-client = у клиента `{ $client }` нет { $kind ->
        [contract] договора
       *[project] проекта
    } `{ $id }`
client-has-none = у клиента `{ $client }` пока нет { $kind ->
        [contract] договоров
       *[project] проектов
    }
known-ids = есть: { $list }
known-list = { $list }{ $more ->
        [0] { "" }
       *[other] { " " }и ещё { $more }
    }
no-person = в книге нет ни сотрудника, ни подрядчика `{ $id }`
assignees-are = исполнители — это ID из `team` в rapport.yaml и подрядчики из contractors/

## Ошибки задач

task-done-no-move = задача `{ $id }` уже сдана: её срок больше не переносится
task-due-already = у задачи `{ $id }` срок и так { $date }
project-due-already = у проекта «{ $title }» срок сдачи и так { $date }
date-after-today = неверный { $flag }: { $date } — это позже сегодняшнего дня ({ $today }); записывайте, когда это уже случилось
task-confirmed-already = задача `{ $id }` уже подтверждена, { $date }
task-done-already-on = задача `{ $id }` уже сдана, { $date }
ref-not-a-task = `{ $arg }` не указывает на задачу
ref-write-task = пишите КЛИЕНТ/ПРОЕКТ/ЗАДАЧА, например trudnyi-klient/zimnyaya-kampaniya/rolik (список — `rapport tasks`)
no-task = в проекте «{ $project }» нет задачи `{ $id }`
project-no-tasks = в проекте пока нет задач
project-its-tasks = задачи проекта: { $list }

## init и meeting sent: ошибки
init-is-a-file = { $dir } — файл, а не папка
init-already-a-book = { $dir } — уже книга: в ней есть rapport.yaml
init-already-a-book-hint = ничего не изменено; чтобы начать другую книгу, укажите новую папку: `rapport init НОВАЯ-ПАПКА`
init-agency-empty = неверный --agency: название агентства не может быть пустым
init-example-not-empty = папка { $dir } не пуста (в ней { $names }{ $more ->
        [yes] , …
       *[no] {""}
    }): книга-пример создаётся в пустой папке
init-example-not-empty-hint = ничего не изменено; укажите новую папку: `rapport init --example rapport-example`
meeting-unread = { $file } не читается
meeting-unread-hint = что с ним не так, скажет `rapport audit { $folder }`
meeting-sent-in-future = встреча назначена на { $at }, позже сегодняшнего дня ({ $today }): отчёт о ней ещё не мог быть отправлен
meeting-sent-before-held = --at { $at } — это раньше начала встречи ({ $held })
meeting-sent-after-today = --at { $at } — это позже сегодняшнего дня ({ $today })
meeting-not-a-contact = `{ $id }` — не контакт клиента { $client }
meeting-no-contacts = у клиента { $client } нет контактов
meeting-its-contacts = его контакты: { $ids }
meeting-unread-now = { $file } сейчас не читается как встреча
meeting-unread-now-hint = `rapport audit { $file }` покажет, что не так
meeting-draft-no-sender = у письма нет отправителя: почты нет ни у менеджера клиента, ни у кого-либо из участников от агентства, ни у самого агентства
meeting-draft-no-sender-hint = добавьте `email` менеджеру в `team` или агентству в `agency` в rapport.yaml
digest-draft-no-sender = у дайджеста нет отправителя: у его клиентов нет одного аккаунт-менеджера с почтой, а у агентства почты нет
digest-draft-no-sender-hint = добавьте `email` агентству в `agency` в rapport.yaml
