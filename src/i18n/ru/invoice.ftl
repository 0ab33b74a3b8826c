# Русский каталог rapport: отказы и сообщения за командами счетов (invoice new, invoice pay, invoice remind, invoices) и reconcile.
# У каждого сообщения есть двойник в en/invoice.ftl с теми же аргументами.
