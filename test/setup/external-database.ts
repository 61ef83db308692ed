import type { TestProject } from 'vitest/node';
import { createTemplate } from './template-database.ts';

/** The PostgreSQL server named by TEST_DATABASE_URL (a superuser connection); CI starts Debian's PostgreSQL 15. */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const template = await createTemplate(adminUrl);
  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template.name);
  return () => template.drop();
}
