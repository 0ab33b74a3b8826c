# rapport's English catalog: what the invoice commands (invoice new, invoice pay, invoice remind, invoices) and reconcile refuse and report.
# Every message has its twin in ru/invoice.ftl with the same arguments.
