import type { SupervisorOverview } from '@lifeline/core/protocol/floor.js';
import type { AssignTaskBody, Task } from '@lifeline/core/protocol/tasks.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dueLabel } from '../agent/MyTasks.js';
import { api } from '../shared/api.js';

type Agent = SupervisorOverview['agents'][number];

/**
 * Follow-ups and escalations on the floor. An escalation waits here, unassigned, until a
 * supervisor hands it to someone; when due, its case is offered to that agent first.
 */
export function FloorTasks({ token, tasks, agents }: { token: string; tasks: Task[]; agents: Agent[] }) {
  const { t } = useTranslation();
  const nameOf = (id?: string) => agents.find((a) => a.id === id)?.name ?? id;
  return (
    <section aria-label={t('tasks.floor')}>
      <h2>{t('tasks.floor')}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t('supervisor.none')}</p>
      ) : (
        <table data-testid="floor-tasks">
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-testid={`floor-task-${task.id}`}>
                <td>{t(`tasks.kinds.${task.kind}`)}</td>
                <td>
                  {t(`levels.${task.level}`)} · {t(`categories.${task.category}`)}
                </td>
                <td>{t(`tasks.states.${task.state}`)}</td>
                <td>
                  {task.assigneeId
                    ? t('tasks.assignee', { name: nameOf(task.assigneeId) })
                    : t('tasks.unassigned')}
                </td>
                <td>{dueLabel(task, t)}</td>
                <td>
                  {task.state === 'pending' && <AssignTask token={token} task={task} agents={agents} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AssignTask({ token, task, agents }: { token: string; task: Task; agents: Agent[] }) {
  const { t } = useTranslation();
  const [agentId, setAgentId] = useState(task.assigneeId ?? '');
  const [error, setError] = useState<string | null>(null);
  const assign = () =>
    api(`/v1/supervisor/tasks/${task.id}/assign`, { token, body: { agentId } satisfies AssignTaskBody }).then(
      () => setError(null),
      (caught: Error) => setError(caught.message),
    );
  return (
    <form
      className="assign-task"
      onSubmit={(event) => {
        event.preventDefault();
        if (agentId) void assign();
      }}
    >
      <label>
        <span className="sr-only">{t('tasks.assignTo')}</span>
        <select value={agentId} onChange={(e) => setAgentId(e.target.value)} data-testid="assign-agent">
          <option value="">{t('tasks.assignTo')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!agentId} data-testid="assign-task">
        {t('tasks.assign')}
      </button>
      {error && (
        <span role="alert" className="error">
          {t('tasks.assignFailed', { message: error })}
        </span>
      )}
    </form>
  );
}
