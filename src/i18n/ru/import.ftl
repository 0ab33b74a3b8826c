# Русский каталог rapport: отказы и сообщения за командами импорта и экспорта.
# У каждого сообщения есть двойник в en/import.ftl с теми же аргументами.

## import csv, import vcard

import-csv-too-big = { $file } занимает { $size } байт: это больше, чем rapport читает как CSV (не больше { $max })
import-csv-no-header = в { $file } нет строки заголовков: первая строка должна называть столбцы
import-csv-contacts-need-client = для --kind contacts нужен --client ID: клиент, чьи это контакты
import-csv-clients-no-client = --client ставят с --kind contacts: при --kind clients каждая строка — отдельный клиент
import-map-malformed = --map { $pair }: пишите СТОЛБЕЦ=ПОЛЕ, например --map "ФИО=name"
import-map-no-field = --map { $pair }: поля `{ $field }` здесь нет
import-map-fields = поля: { $fields }
import-map-no-fields = сопоставлять не с чем: полей нет
import-map-no-column = --map { $pair }: в файле нет столбца `{ $column }`
import-map-columns = его столбцы: { $columns }
import-map-twice = --map { $pair }: `{ $field }` сопоставлено дважды
import-map-no-name = в --map нет столбца для `name`: он нужен каждой строке
import-map-no-name-hint = например, --map "ФИО=name"
import-row-unreadable = не читается: { $why }
import-row-fields = в ней { $fields } { $fields ->
        [one] поле
        [few] поля
       *[many] полей
    }, а в строке заголовков { $header }
import-no-name = имя не указано
import-birthday-not-a-date = день рождения `{ $text }` — не дата: пишите ГГГГ-ММ-ДД или --ММ-ДД без года
import-already-client = «{ $name }» уже клиент: `{ $id }`
import-no-contact = «{ $name }»: нет контактного лица, а у клиента оно должно быть (сопоставьте какой-нибудь столбец с contact_name)
import-row-invalid = «{ $name }»: { $errors }
import-vcard-too-big = { $file } занимает { $size } байт: файл vCard столько не весит (не больше { $max })
import-vcard-not-utf8 = { $file } — не в UTF-8
import-vcard-not-utf8-hint = выгрузите контакты заново в UTF-8 (vCard 3.0 и 4.0 всегда в UTF-8; карточки 2.1 могут указывать внутри файла UTF-8 другую кодировку в CHARSET)
import-vcard-none = в { $file } нет ни одной карточки vCard (BEGIN:VCARD … END:VCARD)
import-card-no-name = у неё нет имени (ни FN, ни N)
import-client-unread = clients/{ $client }/client.yaml не читается: добавить в него контакты нельзя
import-client-unread-hint = `rapport audit clients/{ $client }` покажет, что не так
import-file-unread = { $file } не читается ({ $errors }); ничего не записано
import-file-unread-hint = `rapport audit` покажет, что не так
import-edit-not-back = исправленный { $file } не прочитался бы обратно с новыми контактами; ничего не записано

## export sqlite, export vcard

export-exists = { $file } уже есть
export-sqlite-exists-hint = добавьте --force, чтобы заменить его (база каждый раз строится из книги заново)
export-vcard-exists-hint = добавьте --force, чтобы заменить его, или выберите другой --out
