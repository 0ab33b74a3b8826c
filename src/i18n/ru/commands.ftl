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
did-you-mean = вы имели в виду `{ $name }`?
