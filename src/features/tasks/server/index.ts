import 'server-only';

/**
 * The tasks feature's server API: what pages, route handlers and other
 * features use on the server. Guide: docs/data/adding-a-feature.md.
 */
export {
  createTask,
  deleteTasks,
  getTask,
  listAssignees,
  listTasks,
  listTasksWithAssignees,
  setTasksStatus,
  taskOverview,
  updateTask,
  type AssigneeOption,
  type TaskDetail,
  type TaskOverview,
} from './tasks';
export { findTaskTitle, requireTask } from './require-task';
export type { TaskListRow } from './task-pages';

// Server actions, for pages and tests; this feature's components import them from the action file.
export { createTaskAction, deleteTasksAction, setTasksStatusAction, updateTaskAction } from './actions';
