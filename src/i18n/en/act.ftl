# rapport's English catalog: what the act commands (act new, act signed, acts) refuse and report.
# Every message has its twin in ru/act.ftl with the same arguments.
