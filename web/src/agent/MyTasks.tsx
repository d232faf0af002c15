import type { Task, TasksReply } from '@lifeline/core/protocol/tasks.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api.js';

const POLL_MS = 15_000;

/** When a task is due, in the reader's own words and clock. */
export function dueLabel(task: Task, t: (key: string, options?: Record<string, unknown>) => string) {
  if (!task.dueAt) return t('tasks.notDue');
  return t('tasks.due', { time: new Date(task.dueAt).toLocaleString() });
}

/**
 * The agent's own follow-ups and the escalations handed to it: when each falls due, and whether
 * its case waits in the queue now (offered to this agent first until its reservation ends).
 */
export function MyTasks({ token }: { token: string }) {
  const { t } = useTranslation();
  const [tasks, setTasks] = useState<Task[]>([]);
  useEffect(() => {
    const load = () =>
      api<TasksReply>('/v1/agents/me/tasks', { token }).then(
        (reply) => setTasks(reply.tasks),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [token]);
  return (
    <section aria-label={t('tasks.mine')} data-testid="my-tasks">
      <h2>{t('tasks.mine')}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t('tasks.none')}</p>
      ) : (
        <ul>
          {tasks.map((task) => (
            <li key={task.id} data-testid={`task-${task.id}`}>
              <strong>{t(`tasks.kinds.${task.kind}`)}</strong> · {t(`categories.${task.category}`)} ·{' '}
              {t(`tasks.states.${task.state}`)}
              <br />
              <span className="muted">
                {task.state === 'open' && task.reservedUntil
                  ? t('tasks.reservedUntil', { time: new Date(task.reservedUntil).toLocaleTimeString() })
                  : dueLabel(task, t)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
