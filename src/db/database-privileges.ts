import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * What the database role of DATABASE_URL must be allowed, checked before the first statement that needs it: PostgreSQL's
 * own refusal ("permission denied for schema public", "permission denied for database ahadi") names neither the role
 * nor what to grant, and the person who reads it is often not the one who can grant it.
 * The usual set-up needs none of this: a role owning its database (no superuser) may do all of it, `unaccent` being
 * a trusted extension. See docs/production.md, "The database role".
 */
export class DatabasePrivilegeError extends Error {}

const EXTENSIONS = ['unaccent'] as const;

type Grants = {
  role: string; database: string; schema: string | null;
  /** CREATE on the database: new schemas (pg-boss's) and trusted extensions. */
  createInDatabase: boolean;
  /** CREATE on the schema the migrations create their tables in (the first of the search path). */
  createInSchema: boolean;
  missingExtensions: string[];
  unavailableExtensions: string[];
};

async function readGrants(db: Db): Promise<Grants> {
  const { rows } = await sql<Grants>`select current_user as role, current_database() as database,
      current_schema() as schema,
      has_database_privilege(current_database(), 'CREATE') as "createInDatabase",
      coalesce(has_schema_privilege(current_schema(), 'CREATE'), false) as "createInSchema",
      array(select e.name from unnest(${[...EXTENSIONS]}::text[]) as e(name)
        where not exists (select from pg_extension where extname = e.name)) as "missingExtensions",
      array(select e.name from unnest(${[...EXTENSIONS]}::text[]) as e(name)
        where not exists (select from pg_available_extensions a where a.name = e.name)) as "unavailableExtensions"`
    .execute(db);
  return rows[0]!;
}

function refusal(grants: Grants, need: string, statements: string[]): DatabasePrivilegeError {
  return new DatabasePrivilegeError(`The database role "${grants.role}" (DATABASE_URL) ${need}. ` +
    `A superuser of the server can run, in database "${grants.database}": ${statements.join(' ')} ` +
    '(or make the role the database\'s owner; see docs/production.md, "The database role").');
}

/** Before migrations are applied: the extensions exist or may be created, and the role may create tables. */
export async function assertMayMigrate(db: Db): Promise<void> {
  const grants = await readGrants(db);
  const { role, database, schema } = grants;
  if (grants.unavailableExtensions.length > 0) {
    throw new DatabasePrivilegeError(`The PostgreSQL server of DATABASE_URL lacks the extension(s) ${grants.unavailableExtensions.join(', ')}, ` +
      'which Ahadi\'s search needs: install its contrib package (Debian and Ubuntu ship it with postgresql-NN; ' +
      'elsewhere postgresql-contrib), then start again.');
  }
  const statements: string[] = [];
  if (grants.missingExtensions.length > 0 && !grants.createInDatabase) {
    statements.push(...grants.missingExtensions.map((name) => `CREATE EXTENSION ${name};`));
  }
  if (schema === null) statements.push(`CREATE SCHEMA "${role}" AUTHORIZATION "${role}";`);
  else if (!grants.createInSchema) statements.push(`GRANT CREATE ON SCHEMA "${schema}" TO "${role}";`);
  if (statements.length > 0) throw refusal(grants, `may not create what the migrations need in database "${database}"`, statements);
}

/** Before pg-boss installs itself: it creates its schema, which needs CREATE on the database unless it exists already. */
export async function assertMayInstallJobQueue(db: Db, schema: string): Promise<void> {
  const { rows } = await sql<{ installed: boolean }>`select to_regclass(${`${schema}.version`}) is not null as installed`.execute(db);
  if (rows[0]!.installed) return;
  const grants = await readGrants(db);
  if (grants.createInDatabase) return;
  throw refusal(grants, `may not create the schema "${schema}" of the job queue (pg-boss) in database "${grants.database}"`,
    [`GRANT CREATE ON DATABASE "${grants.database}" TO "${grants.role}";`,
      '(needed once: pg-boss installs itself at the first start; it may be revoked afterwards)']);
}
