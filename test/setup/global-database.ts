import type { TestProject } from 'vitest/node';
import { createTemplate, dropTemplate, type TestDatabaseTemplate } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: TestDatabaseTemplate;
  }
}

export default async function setup(project: TestProject) {
  const template = await createTemplate();
  project.provide('databaseTemplate', template);
  return () => dropTemplate(template);
}
