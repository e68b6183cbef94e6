/**
 * The tasks feature's public face for any code (server or browser): the
 * fields and their values, validation, the list's query and the URLs.
 * Server code: '@/features/tasks/server'. Components: '@/features/tasks/components/*'.
 */
export * from './task-fields';
export * from './schemas';
export { taskQuery, type TaskQuery, type TaskSortColumn, type TaskFilterSpecs } from './task-query';
export { newTaskPath, taskPath, tasksApiPath, tasksPath } from './paths';
export { isOverdue, todayInUtc } from './due-date';
export { MY_OPEN_TASKS_MESSAGES, TASKS_PAGES_MESSAGES } from './client-messages';
export { myOpenTasksLinks } from './my-open-tasks-links';
