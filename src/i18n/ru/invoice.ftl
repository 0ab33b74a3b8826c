# Русский каталог rapport: отказы и сообщения за командами счетов (invoice new, invoice pay, invoice remind, invoices) и reconcile.
# У каждого сообщения есть двойник в en/invoice.ftl с теми же аргументами.

## invoice new

invoice-new-exists = { $file } уже есть: rapport никогда не перезаписывает файлы
invoice-new-exists-hint = файл счёта с таким именем появился в обход блокировки rapport; запустите `rapport audit` (D05) и попробуйте ещё раз
invoice-line-not-split = неверный --line: `{ $line }` не в виде ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА
invoice-line-not-split-hint = например, --line "{ $example }"; КОЛ-ВО и ЕД. можно оставить пустыми: "{ $advance }"
invoice-line-bad-qty = неверный --line { $n } (`{ $line }`): `{ $value }` — не количество: напишите число через точку, например 1, 2.5 или 0.125
invoice-line-bad-price = неверный --line { $n } (`{ $line }`): `{ $value }` — не денежная сумма: напишите число через точку, не больше двух знаков после неё, например 125000.50
invoice-line-qty-not-positive = количество { $qty }, а оно должно быть больше нуля
invoice-line-price-negative = цена { $price }, а она не может быть отрицательной (скидку дайте более низкой ценой)
invoice-line-bad = неверный --line { $n }: `{ $line }` — { $why }
invoice-no-lines = в счёте должна быть хотя бы одна строка
invoice-no-lines-hint = укажите --line "ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА" (можно несколько раз) или --project ID --from-estimate
invoice-estimate-unreadable = --from-estimate: проект `{ $id }` клиента `{ $client }` не читается
invoice-estimate-empty = --from-estimate: в проекте `{ $id }` нет строк сметы
invoice-estimate-empty-hint = запишите их в { $file } под `estimate:` или укажите строки через --line
invoice-estimate-bad-line = --from-estimate: строка { $n } сметы в { $file } («{ $item }») — { $why }
invoice-estimate-bad-line-hint = исправьте смету или укажите строки через --line
invoice-planned-bad-number = неверный --planned: `{ $text }`: после `#` идёт номер записи в плане, начиная с 1
invoice-planned-no-contract = неверный --planned: в `{ $text }` не указан договор: напишите CONTRACT или CONTRACT#N, например 2026-014#2
invoice-planned-unreadable = --planned: { $file } не читается
invoice-audit-client-hint = `rapport audit clients/{ $client }` покажет, что не так
invoice-planned-not-in-force = --planned: договор { $number } ({ $file }) не действует ({ $status ->
        [draft] это ещё черновик
        [terminated] он расторгнут
        [closed] он закрыт
       *[other] статус { $status }
    }), а значит, не действует и его план счетов
invoice-planned-not-in-force-hint = укажите строки через --line и договор через --contract { $id }, чтобы всё же выставить по нему счёт
invoice-planned-no-plan = --planned: у договора { $number } ({ $file }) нет плана счетов
invoice-planned-no-plan-hint = запланируйте счета под `billing:` или укажите строки через --line и договор через --contract { $id }
invoice-planned-no-entry = --planned: у договора { $number } нет планового счёта { $n }: в его плане { $entries } { $entries ->
        [one] запись
        [few] записи
       *[many] записей
    } ({ $file })
invoice-planned-no-entry-hint = записи нумеруются с 1 в том порядке, в каком они идут в `billing:`
invoice-planned-issued = --planned: плановый счёт { $n } по договору { $number } (на { $date }) уже выставлен: на него ссылается { $by } (`planned: { $n }`)
invoice-planned-issued-hint = плановый счёт выставляют один раз; чтобы выставить его снова, поставьте тому счёту `status: cancelled`
invoice-planned-all-issued = --planned: все плановые счета по договору { $number } уже выставлены (в плане { $entries } { $entries ->
        [one] запись
        [few] записи
       *[many] записей
    })
invoice-planned-all-issued-hint = запланируйте следующий под `billing:` в { $file } или укажите строки через --line
invoice-planned-net = --net: плановый счёт { $n } в { $file } — это сумма с НДС ({ $sum }), а не цены без НДС
invoice-planned-net-hint = уберите --net или запишите этот счёт в плане как `lines:` с ценами без НДС
invoice-planned-zero = --planned: плановый счёт { $n } в { $file } — на { $sum }, а счёт выставляют на сумму больше нуля
invoice-planned-neither = --planned: у планового счёта { $n } в { $file } нет ни `amount`, ни `lines`
invoice-planned-neither-hint = запишите в плане, на что выставить счёт
invoice-planned-bad-line = --planned: строка { $line } планового счёта { $n } в { $file } («{ $item }») — { $why }
invoice-no-ref = неверный { $flag }: у клиента `{ $client }` нет { $kind ->
        [contract] договора
        [project] проекта
        [invoice] счёта
       *[other] { $kind }
    } `{ $id }` (E04)
invoice-no-ref-none = у клиента `{ $client }` пока нет { $kind ->
        [contract] договоров
        [project] проектов
        [invoice] счетов
       *[other] { $kind }
    }
invoice-no-settings = rapport.yaml не читается, поэтому неизвестны шаблон номера счёта и срок оплаты
invoice-no-settings-hint = `rapport audit` покажет, что с ним не так
invoice-no-buyer = clients/{ $client }/client.yaml нет или он не читается, а в счёте нужен покупатель
invoice-bad-vat = неверный --vat: `{ $value }` — не ставка НДС: напишите процент, например 22, или `none`
invoice-bad-pattern = по invoice.number `{ $pattern }` из rapport.yaml счета не пронумеровать: в нём должен быть ровно один {"{seq}"} (или {"{seq:04}"}) и только подстановки {"{year}"}, {"{seq}"}, {"{client}"}
invoice-bad-pattern-hint = по умолчанию — "{"{year}-{seq:04}"}"
invoice-due-before-date = неверный --due: { $due } — раньше даты счёта ({ $date })
invoice-not-read-back = новый счёт не прочитался бы из файла: { $why }
invoice-cannot-issue = новый счёт нельзя выставить: { $why }
invoice-vat-too-large = итог с НДС больше самой большой суммы, какую можно записать, — { $max }
invoice-as-written = { $text }
invoice-zero-total = счёт был бы на { $total }, а счёт выставляют на сумму больше нуля
invoice-zero-total-hint = все строки дают 0,00 ({ $lines }); проверьте цены
invoice-zero-line = строка { $n } «{ $item }»: { $qty } × { $price }

## Счёт по ссылке (invoice pay, invoice remind)

invoice-unreadable = clients/{ $client }/invoices/{ $invoice } не читается{ $why }

## invoice pay

invoice-pay-bad-amount = неверная сумма AMOUNT: `{ $value }` — не денежная сумма: напишите число через точку, не больше двух знаков после неё, например 125000.50
invoice-pay-not-positive = неверная сумма AMOUNT: платёж должен быть больше нуля
invoice-pay-unreadable = { $file } сейчас не читается как счёт
invoice-pay-unreadable-hint = `rapport audit { $file }` покажет, что не так
invoice-pay-too-large = счёт { $number } ({ $file }): { $why }
invoice-pay-cancelled = счёт { $number } отменён: по нему ничего не должны
invoice-pay-cancelled-hint = добавьте --force, чтобы всё же записать платёж (а потом верните деньги или зачтите их в другой счёт)
invoice-pay-overpay = платёж { $amount } переплатил бы счёт { $number } на { $over }: счёт на { $total }, уже оплачено { $paid }
invoice-pay-overpay-hint = проверьте сумму; добавьте --force, чтобы записать переплату
invoice-pay-later = в счёте { $number } записано ещё { $later } с датами после сегодняшнего дня ({ $list }), их пока не считают оплаченными; вместе с ними платёж { $amount } переплатил бы счёт на { $over }
invoice-pay-later-item = { $amount } от { $date }
invoice-pay-later-hint = исправьте дату того платежа в { $file }; добавьте --force, чтобы всё же записать этот

## invoice remind

invoice-remind-no-contact = --to: у клиента `{ $client }` нет контакта `{ $id }`
invoice-remind-contacts = контакты клиента: { $ids }
invoice-remind-no-email = у клиента `{ $client }` нет контакта с адресом почты, которому можно напомнить об оплате
invoice-remind-no-email-hint = добавьте `email` (и `billing: true`) контакту, который отвечает за оплату, в clients/{ $client }/client.yaml
invoice-remind-draft = счёт { $number } — черновик: его не выставляли, и по нему ничего не должны
invoice-remind-draft-hint = сначала выставьте его (уберите `status: draft` из { $file })
invoice-remind-cancelled = счёт { $number } отменён: по нему ничего не должны ({ $file })
invoice-remind-paid = счёт { $number } оплачен: напоминать не о чем
invoice-remind-paid-hint = `rapport invoices` покажет, что ещё не оплачено
invoice-remind-not-overdue = счёт { $number } не просрочен: срок оплаты — { $due }
invoice-remind-not-overdue-hint = напоминание пишут по счёту, срок оплаты которого прошёл (D04); `rapport invoices --overdue` покажет такие счета
invoice-remind-contact-no-email = у контакта «{ $name }» (`{ $id }`) нет адреса почты в clients/{ $client }/client.yaml
invoice-remind-contact-no-email-hint = добавьте этому контакту `email` или укажите в --to другой контакт
invoice-remind-no-sender = у напоминания нет отправителя: адреса почты нет ни у менеджера клиента, ни у агентства
invoice-remind-no-sender-hint = добавьте `email` менеджеру в `team` или агентству в `agency` в rapport.yaml
invoice-remind-eml-file = --eml { $dir } — это файл, а не папка
invoice-remind-eml-file-hint = укажите папку для черновика письма, например --eml drafts/
invoice-remind-log-not-read-back = запись журнала не прочиталась бы из файла: { $why }
invoice-remind-logged = { $file } уже есть: rapport никогда не перезаписывает файлы
invoice-remind-logged-hint = напоминание сегодня уже записано в журнал; черновик письма записан заново

## invoices, reconcile

invoice-figures-too-large = { $file }: { $why }
reconcile-from-after-to = --from { $from } — позже, чем --to { $to }
reconcile-from-after-to-hint = период идёт от --from до --to, оба дня включительно
reconcile-too-large = не посчитать { $file }: { $why }
invoice-read-back-payment = с новой оплатой
