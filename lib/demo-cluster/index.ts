/** The demo cluster's public surface (pure: no I/O; the loader lives in load.ts). */
export { DEFAULT_INDEX_PREFIX, demoScenario, demoWindow, generateEvents } from './generate';
export type { DemoEvent, DemoOptions, DemoWindow } from './generate';
export { flattenDoc } from './document';
export { INDEX_TEMPLATE, indexTemplateBody, indexTemplateName } from './index-template';
export { TEST_DATASET, TEST_SOURCES_ENV } from './test-dataset';
