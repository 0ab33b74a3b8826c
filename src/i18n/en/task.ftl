# rapport's English catalog: what the task commands (task, project, tasks) refuse and report.
# Every message has its twin in ru/task.ftl with the same arguments.
