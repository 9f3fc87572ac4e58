// The query a group asks for a test file's module with (run-group.mjs), and by which the module
// hook (scripts/ts-loader) knows to give that file the group's `node:test` (node-test.mjs).
export const GROUPED_QUERY = '?grouped-test';
