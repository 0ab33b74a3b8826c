# Русский каталог rapport: отказы и сообщения за командами актов (act new, act signed, acts).
# У каждого сообщения есть двойник в en/act.ftl с теми же аргументами.

## act new

act-new-exists = { $file } уже есть: rapport никогда не перезаписывает файлы
act-new-exists-hint = файл акта с таким именем появился в обход блокировки rapport; попробуйте ещё раз
act-line-not-a-quantity = неверный --line { $n } (`{ $line }`): `{ $value }` — не количество: пишите число, например 1, 2.5 или 0.125
act-line-not-money = неверный --line { $n } (`{ $line }`): `{ $value }` — не сумма денег: пишите число не более чем с двумя знаками после точки, например 125000.50
act-line-zero-quantity = неверный --line { $n }: в `{ $line }` количество { $value }, а количество в строке должно быть больше нуля
act-line-negative-price = неверный --line { $n }: в `{ $line }` цена { $value }, а цена в строке не может быть отрицательной (скидку дайте более низкой ценой)
act-invoice-unreadable = неверный --invoice: файл clients/{ $client }/invoices/{ $id } не читается
act-audit-client-hint = что не так, скажет `rapport audit clients/{ $client }`
act-invoice-unknown = неверный --invoice: у клиента `{ $client }` нет счёта `{ $id }`
act-invoice-cancelled = неверный --invoice: счёт { $number } отменён, закрывать актом нечего
act-invoice-closed = неверный --invoice: счёт { $number } уже закрыт актом { $act } ({ $file })
act-invoice-twice = неверный --invoice: счёт { $number } указан дважды
act-project-nothing-open = у проекта `{ $project }` нет выставленных счетов, ещё не закрытых актом
act-project-nothing-open-hint = укажите услуги в --line "ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА" или счёт в --invoice N
act-settings-unreadable = rapport.yaml не читается, поэтому неизвестно, как нумеровать акты
act-settings-unreadable-hint = что с ним не так, скажет `rapport audit`
act-client-unreadable = файла clients/{ $client }/client.yaml нет или он не читается, а в акте нужен заказчик
act-number-pattern = шаблоном act.number из rapport.yaml, `{ $pattern }`, акты не пронумеровать: в нём должен быть ровно один { "{seq}" } (или { "{seq:04}" }) и никаких подстановок, кроме { "{year}" }, { "{seq}" } и { "{client}" }
act-number-pattern-hint = по умолчанию — "{ "{year}-{seq:04}" }"
act-new-not-read-back = новый акт не получается прочитать без ошибок: { $why }
act-new-not-priced = новый акт не составить: { $why }
act-total-not-positive = итог акта был бы { $total }, а акт закрывает работу стоимостью больше нуля
act-total-not-positive-hint = проверьте цены

## act signed, act render

act-unreadable = файл clients/{ $client }/acts/{ $id } не читается{ $why }
act-signed-unreadable = { $file } сейчас не читается как акт
act-audit-file-hint = что с ним не так, скажет `rapport audit { $file }`
act-signed-draft = акт { $number } — черновик, а черновик клиенту не передают
act-signed-draft-hint = уберите `status: draft`, как только акт отправлен, а затем запишите подпись
act-signed-cancelled = акт { $number } отменён: его не подписывают
act-signed-after-today = неверный --date: { $date } — это позже сегодняшнего дня ({ $today }); записывайте подпись, когда подписанный экземпляр уже вернулся
act-signed-before-act = неверный --date: { $date } — это раньше даты акта, { $act_date } (E07)
act-originals-already = по акту { $number } уже записаны оригиналы, полученные { $on }
act-originals-before-signed = неверный --date: оригиналы от { $date } оказались бы раньше подписанного экземпляра от { $signed } (E07)
act-signed-already = по акту { $number } уже записан подписанный экземпляр, полученный { $on }
act-signed-already-hint = когда придут бумажные оригиналы, запустите с --originals
act-cannot-read = не удаётся прочитать { $file }
act-read-back-dates = с новыми датами
act-render-no-lines = акт { $number } ({ $file }) не из чего составить: строк в нём нет, а счета, которые он закрывает ({ $count ->
        [0] их нет
       *[other] { $invoices }
    }), не читаются или отменены
act-render-no-lines-hint = перечислите услуги под `lines:` в { $file }
