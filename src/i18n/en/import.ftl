# rapport's English catalog: what import and export refuse and report.
# Every message has its twin in ru/import.ftl with the same arguments.
